"""Trigger Map on one machine: PostgreSQL, N app processes and nginx in front, all on loopback.

    python deploy/cluster.py up --replicas 3 --port 8600 [--dir D]   # prints one line of JSON
    python deploy/cluster.py down [--dir D]                           # stops what `up` started, by pid
    python deploy/cluster.py status [--dir D]                         # the state, with what is alive
    python deploy/cluster.py restart-db [--gap 3] [--dir D]           # PostgreSQL down for a while (fault tests)
    python deploy/cluster.py render-nginx --listen ADDR:PORT --run-dir D HOST:PORT...
    python deploy/cluster.py app-flags [deploy/streamlit.toml]        # as `streamlit run` options

`bash deploy/local-cluster.sh ...` installs what is missing (Debian's nginx and postgresql) and runs
this. The run directory (--dir, else $TRIGGER_MAP_CLUSTER_DIR, else /tmp/trigger-map-cluster) holds
the state (cluster.json), every process's log, nginx's files and the temporary database (started
by trigger_map.devdb). Run as root, nginx runs as the unprivileged user `trigger-map` (it needs no
privilege on a loopback port) and PostgreSQL as `postgres` (it refuses to run as root); the apps
run as the user who started them.

Exit status: 0 done; 1 something failed to start (one line says what, the logs are in the run dir);
2 bad arguments or a cluster already up in that directory.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx.conf"
START_APP = DEPLOY / "start-app.sh"
DEFAULT_DIR = Path("/tmp/trigger-map-cluster")
SERVICE_USER = "trigger-map"  # who runs the processes when the cluster is started as root
STATE = "cluster.json"
HEALTH_TIMEOUT = 90.0  # seconds for every process to answer (an app's first start imports a lot)


class ClusterError(Exception):
    """Something the person running the cluster must hear about in one line."""


# ----------------------------------------------------------------------------- processes


@dataclass
class Proc:
    """A process the cluster started: its pid and its start time (from /proc), so `down` never
    signals a process that merely reuses the pid."""

    name: str
    pid: int
    started: int

    @classmethod
    def of(cls, name: str, pid: int) -> Proc:
        return cls(name, pid, start_ticks(pid) or 0)

    def alive(self) -> bool:
        return start_ticks(self.pid) == self.started and not is_zombie(self.pid)


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # after the command name, which may hold spaces


def start_ticks(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[19]) if fields else None  # field 22 of stat: start time in clock ticks


def is_zombie(pid: int) -> bool:
    fields = _stat_fields(pid)
    return fields is not None and fields[0] in ("Z", "X")


def stop(proc: Proc, sig: int = signal.SIGTERM, timeout: float = 20.0) -> bool:
    """Signal one process by pid, wait for it to go, kill it if it does not. False if it was not running."""
    if not proc.alive():
        return False
    try:
        os.kill(proc.pid, sig)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + timeout
    while proc.alive() and time.monotonic() < deadline:
        _reap(proc.pid)
        time.sleep(0.05)
    if proc.alive():
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        while proc.alive() and time.monotonic() < deadline + 5:
            _reap(proc.pid)
            time.sleep(0.05)
    _reap(proc.pid)
    return True


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


@dataclass
class RunAs:
    """Who the cluster's processes run as: this user, or (as root) the service user."""

    uid: int | None = None
    gid: int | None = None
    name: str = ""

    @classmethod
    def choose(cls) -> RunAs:
        if os.geteuid() != 0:
            return cls(name=pwd.getpwuid(os.geteuid()).pw_name)
        try:
            entry = pwd.getpwnam(SERVICE_USER)
        except KeyError:
            raise ClusterError(
                f"run as root, the cluster runs its processes as the user {SERVICE_USER!r}, which does not exist: "
                "start it with `bash deploy/local-cluster.sh`, which creates it"
            ) from None
        return cls(entry.pw_uid, entry.pw_gid, SERVICE_USER)

    def popen_args(self) -> dict:
        if self.uid is None:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}

    def own(self, path: Path) -> None:
        if self.uid is not None:
            os.chown(path, self.uid, self.gid or 0)


def spawn(name: str, command: list[str], log: Path, run_as: RunAs, env: dict | None = None, cwd: Path = ROOT) -> Proc:
    """Start a process in its own session, output to its log, nothing inherited from this one."""
    with open(log, "ab") as out:
        run_as.own(log)
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            **run_as.popen_args(),
        )
    return Proc.of(name, process.pid)


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def wait_until(what: str, check, procs: list[Proc], log_hint: Path, timeout: float = HEALTH_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        dead = [p for p in procs if not p.alive()]
        if dead:
            raise ClusterError(f"{dead[0].name} (pid {dead[0].pid}) exited while starting; see {log_hint}")
        time.sleep(0.2)
    raise ClusterError(f"{what} did not answer within {timeout:.0f} s; see {log_hint}")


# ----------------------------------------------------------------------------- nginx


def render_nginx(listen: str, run_dir: Path, upstreams: list[str], template: Path = TEMPLATE) -> str:
    """deploy/nginx.conf with its fields filled in: one `server` line per app process."""
    if not upstreams:
        raise ClusterError("nginx needs at least one app process to send requests to")
    servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=10s;" for u in upstreams)
    text = template.read_text(encoding="utf-8")
    for name, value in (("RUN_DIR", str(run_dir)), ("LISTEN", listen), ("UPSTREAMS", servers)):
        text = text.replace(f"@@{name}@@", value)
    if re.search(r"@@[A-Z_]+@@", text):
        raise ClusterError(f"{template} has a field this renderer does not know")
    return text


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise ClusterError("nginx is not installed (Debian: apt-get install nginx)")
    return found


def prepare_nginx(run_dir: Path, listen: str, upstreams: list[str], run_as: RunAs) -> Path:
    """Write the configuration and make nginx's own directories; check it with `nginx -t`."""
    for sub in ("", "tmp"):
        (run_dir / "nginx" / sub).mkdir(parents=True, exist_ok=True)
        run_as.own(run_dir / "nginx" / sub)
    conf = run_dir / "nginx" / "nginx.conf"
    conf.write_text(render_nginx(listen, run_dir / "nginx", upstreams), encoding="utf-8")
    checked = subprocess.run(
        [
            nginx_binary(),
            "-t",
            "-q",
            "-p",
            str(run_dir / "nginx"),
            "-e",
            str(run_dir / "nginx" / "nginx-error.log"),
            "-c",
            str(conf),
        ],
        capture_output=True,
        text=True,
        **run_as.popen_args(),
    )
    if checked.returncode != 0:
        message = (checked.stderr.strip().splitlines() or ["no message"])[-1]
        raise ClusterError(f"nginx refused its configuration {conf}: {message}")
    return conf


def start_nginx(run_dir: Path, conf: Path, run_as: RunAs) -> Proc:
    nginx_dir = run_dir / "nginx"
    return spawn(
        "nginx",
        [nginx_binary(), "-p", str(nginx_dir), "-e", str(nginx_dir / "nginx-error.log"), "-c", str(conf)],
        nginx_dir / "nginx-stdout.log",
        run_as,
    )


# ----------------------------------------------------------------------------- PostgreSQL


@dataclass
class Database:
    url: str
    proc: Proc | None  # None: a database the cluster did not start


def start_postgres(run_dir: Path, port: int) -> Database:
    """A new PostgreSQL server in the run directory (trigger_map.devdb: Debian's PostgreSQL, on
    127.0.0.1 only, connections from this machine trusted, as the `postgres` user when run as
    root) with the database `trigger_map`."""
    from trigger_map import devdb

    try:
        state = devdb.start(run_dir / "postgres", port)
    except devdb.DevDbError as error:
        raise ClusterError(f"PostgreSQL did not start: {error}") from None
    return Database(state["url"], Proc.of("postgres", state["pid"]))


def migrate(db_url: str, run_dir: Path) -> None:
    """The app's migrations, as the app would run them."""
    log = run_dir / "migrate.log"
    with open(log, "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "trigger_map", "db", "upgrade"],
            cwd=ROOT,
            env=dict(os.environ, TRIGGER_MAP_DB=db_url),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=120,
        )
    if done.returncode != 0:
        raise ClusterError(f"the migrations failed (exit {done.returncode}); see {log}")


# ----------------------------------------------------------------------------- the cluster


@dataclass
class Cluster:
    dir: str
    url: str
    db: str
    replicas: list[dict] = field(default_factory=list)  # port, pid, started
    nginx: dict | None = None  # pid, started
    postgres: dict | None = None  # pid, started (None: a database given with --db)

    def procs(self) -> list[Proc]:
        found = [Proc(f"app on port {r['port']}", r["pid"], r["started"]) for r in self.replicas]
        if self.nginx:
            found.append(Proc("nginx", self.nginx["pid"], self.nginx["started"]))
        if self.postgres:
            found.append(Proc("postgres", self.postgres["pid"], self.postgres["started"]))
        return found

    def summary(self) -> dict:
        """The one line `up` prints."""
        return {
            "url": self.url,
            "replicas": [{"port": r["port"], "pid": r["pid"]} for r in self.replicas],
            "nginx_pid": self.nginx["pid"] if self.nginx else None,
            "db": self.db,
            "db_pid": self.postgres["pid"] if self.postgres else None,
            "dir": self.dir,
        }

    def save(self) -> None:
        path = Path(self.dir) / STATE
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")
        path.chmod(0o600)  # it holds the database's password

    @classmethod
    def load(cls, run_dir: Path) -> Cluster | None:
        try:
            return cls(**json.loads((run_dir / STATE).read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None


def run_dir_of(args: argparse.Namespace) -> Path:
    return Path(args.dir or os.environ.get("TRIGGER_MAP_CLUSTER_DIR") or DEFAULT_DIR).resolve()


def app_env(run_dir: Path, db_url: str, cookie_secret: str) -> dict:
    env = dict(os.environ)
    env.update(
        TRIGGER_MAP_DB=db_url,
        # Every process signs cookies (XSRF, the login's) with the same secret, so a browser that
        # moves to another process after a failure is still recognised.
        STREAMLIT_SERVER_COOKIE_SECRET=cookie_secret,
        HOME=str(run_dir / "home"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def ports_and_user(args: argparse.Namespace, run_dir: Path) -> tuple[list[int], int, RunAs]:
    """The app processes' ports, the database's port and the user nginx and PostgreSQL run as;
    UsageError when the cluster cannot start (already up, a port in use, a directory out of reach)."""
    old = Cluster.load(run_dir)
    if old and any(p.alive() for p in old.procs()):
        raise UsageError(f"a cluster is already up in {run_dir}: `bash deploy/local-cluster.sh down` first")
    if args.replicas < 1 or args.replicas > 32:
        raise UsageError("--replicas must be between 1 and 32")
    ports = [args.port + i for i in range(1, args.replicas + 1)]
    db_port = args.db_port or args.port + args.replicas + 1
    wanted = [args.port, *ports] + ([] if args.db else [db_port])
    busy = [p for p in wanted if not port_free(p)]
    if busy:
        raise UsageError(f"port {busy[0]} is in use on 127.0.0.1 (the cluster uses {wanted[0]}-{wanted[-1]})")
    run_as = RunAs.choose()
    if run_as.uid is not None:
        closed = [p for p in run_dir.parents if p.exists() and not p.stat().st_mode & 0o001]
        if closed:
            raise UsageError(f"the user {run_as.name} cannot reach the run directory: chmod o+x {closed[0]}")
    return ports, db_port, run_as


def fresh_run_dir(run_dir: Path) -> None:
    """An empty run directory that the services' user can pass through."""
    if run_dir.exists():
        shutil.rmtree(run_dir)  # a cluster that is down: its old database and logs go
    run_dir.mkdir(parents=True)
    run_dir.chmod(0o711)
    (run_dir / "home").mkdir()


def start_apps(cluster: Cluster, ports: list[int], run_dir: Path, env: dict) -> list[Proc]:
    """One app process on each port, each recorded in the cluster's state as it starts."""
    apps = []
    for port in ports:
        # The apps run as the user who started the cluster: the virtual environment may live where
        # only that user can read it (a container runs them as its own unprivileged user).
        proc = spawn(
            f"app on port {port}", ["bash", str(START_APP), str(port)], run_dir / f"app-{port}.log", RunAs(), env
        )
        apps.append(proc)
        cluster.replicas.append({"port": port, "pid": proc.pid, "started": proc.started})
        cluster.save()
    return apps


def wait_until_answering(cluster: Cluster, ports: list[int], apps: list[Proc], nginx: Proc, run_dir: Path) -> None:
    """Each app process's health check, then nginx's, answers (or the process's log is shown)."""
    log(f"waiting for {len(ports)} app processes and nginx to answer")
    for port, proc in zip(ports, apps, strict=True):
        wait_until(
            f"the app on port {port}",
            lambda p=port: http_ok(f"http://127.0.0.1:{p}/_stcore/health"),
            [proc],
            run_dir / f"app-{port}.log",
        )
    wait_until(
        "nginx", lambda: http_ok(f"{cluster.url}/_stcore/health"), [nginx], run_dir / "nginx" / "nginx-error.log"
    )


def up(args: argparse.Namespace) -> int:
    run_dir = run_dir_of(args)
    ports, db_port, run_as = ports_and_user(args, run_dir)
    fresh_run_dir(run_dir)

    cluster = Cluster(dir=str(run_dir), url=f"http://127.0.0.1:{args.port}", db="")
    try:
        log("starting PostgreSQL" if not args.db else "using the database given with --db")
        database = Database(args.db, None) if args.db else start_postgres(run_dir, db_port)
        cluster.db = database.url
        if database.proc:
            cluster.postgres = {"pid": database.proc.pid, "started": database.proc.started}
        cluster.save()
        if not args.no_migrate:
            log("running the migrations")
            migrate(database.url, run_dir)
        apps = start_apps(cluster, ports, run_dir, app_env(run_dir, database.url, secrets.token_hex(32)))
        conf = prepare_nginx(run_dir, f"127.0.0.1:{args.port}", [f"127.0.0.1:{p}" for p in ports], run_as)
        nginx = start_nginx(run_dir, conf, run_as)
        cluster.nginx = {"pid": nginx.pid, "started": nginx.started}
        cluster.save()
        wait_until_answering(cluster, ports, apps, nginx, run_dir)
    except BaseException:
        for proc in reversed(cluster.procs()):
            stop(proc, signal.SIGINT if proc.name == "postgres" else signal.SIGTERM)
        (run_dir / STATE).unlink(missing_ok=True)
        raise
    print(json.dumps(cluster.summary()), flush=True)
    return 0


def down(args: argparse.Namespace) -> int:
    run_dir = run_dir_of(args)
    cluster = Cluster.load(run_dir)
    if cluster is None:
        log(f"no cluster in {run_dir}: nothing to stop")
        return 0
    stopped = []
    # nginx first (no new requests), then the apps, then the database (fast shutdown: SIGINT).
    order = sorted(cluster.procs(), key=lambda p: {"nginx": 0, "postgres": 2}.get(p.name, 1))
    for proc in order:
        if stop(proc, signal.SIGINT if proc.name == "postgres" else signal.SIGTERM):
            stopped.append({"name": proc.name, "pid": proc.pid})
    (run_dir / STATE).unlink(missing_ok=True)
    print(json.dumps({"stopped": stopped, "dir": str(run_dir)}), flush=True)
    return 0


def restart_db(args: argparse.Namespace) -> int:
    """Stop the cluster's PostgreSQL (fast shutdown: open transactions roll back), wait --gap
    seconds, start it again on the same data and port. For fault tests: saves in the gap fail."""
    run_dir = run_dir_of(args)
    cluster = Cluster.load(run_dir)
    if cluster is None or cluster.postgres is None:
        raise UsageError(f"no PostgreSQL started by a cluster in {run_dir}")
    old = Proc("postgres", cluster.postgres["pid"], cluster.postgres["started"])
    stop(old, signal.SIGINT)
    log(f"PostgreSQL (pid {old.pid}) stopped; starting it again in {args.gap:.1f} s")
    time.sleep(args.gap)
    port = int(cluster.db.rsplit(":", 1)[1].split("/", 1)[0])
    new = start_postgres(run_dir, port).proc
    assert new is not None
    cluster.postgres = {"pid": new.pid, "started": new.started}
    cluster.save()
    print(json.dumps({"db_pid": new.pid, "stopped_pid": old.pid}), flush=True)
    return 0


def status(args: argparse.Namespace) -> int:
    cluster = Cluster.load(run_dir_of(args))
    if cluster is None:
        print(json.dumps({"up": False}))
        return 0
    summary = cluster.summary()
    summary["alive"] = {f"{p.name}": p.alive() for p in cluster.procs()}
    summary["up"] = all(summary["alive"].values())
    print(json.dumps(summary))
    return 0


def streamlit_flags(config: Path) -> list[str]:
    """deploy/streamlit.toml as `streamlit run` options (`--server.headless=true`, ...): options on
    the command line win over the project's .streamlit/config.toml, which keeps its theme."""
    import tomllib

    flags = []
    for section, options in tomllib.loads(config.read_text(encoding="utf-8")).items():
        for name, value in options.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif not isinstance(value, int | float | str):
                raise ClusterError(f"{config}: {section}.{name} is not a single value")
            flags.append(f"--{section}.{name}={value}")
    return flags


def app_flags(args: argparse.Namespace) -> int:
    print("\n".join(streamlit_flags(Path(args.config))))
    return 0


def render(args: argparse.Namespace) -> int:
    print(render_nginx(args.listen, Path(args.run_dir), args.upstreams), end="")
    return 0


class UsageError(Exception):
    """Bad arguments, or a state that forbids the command: exit 2."""


def log(message: str) -> None:
    print(f"local-cluster: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="local-cluster", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_up = sub.add_parser("up", help="start PostgreSQL, the app processes and nginx; print one line of JSON")
    p_up.add_argument("--replicas", type=int, default=3, help="app processes (default 3)")
    p_up.add_argument("--port", type=int, default=8600, help="nginx's port; the apps take the next ones (8600)")
    p_up.add_argument("--db-port", type=int, default=None, help="PostgreSQL's port (default: after the apps')")
    p_up.add_argument("--db", default=None, help="use this database URL instead of starting PostgreSQL")
    p_up.add_argument("--no-migrate", action="store_true", help="do not run the migrations")
    p_up.add_argument("--dir", default=None, help="run directory (default $TRIGGER_MAP_CLUSTER_DIR or /tmp/...)")
    for name, helptext in (("down", "stop everything `up` started, by pid"), ("status", "print the state")):
        sub.add_parser(name, help=helptext).add_argument("--dir", default=None)
    p_render = sub.add_parser("render-nginx", help="print deploy/nginx.conf filled in")
    p_render.add_argument("--listen", required=True, help="ADDRESS:PORT nginx serves on")
    p_render.add_argument("--run-dir", required=True, help="where nginx keeps its pid, logs and temporary files")
    p_render.add_argument("upstreams", nargs="+", help="HOST:PORT of each app process")
    p_restart = sub.add_parser("restart-db", help="stop PostgreSQL, wait --gap seconds, start it again")
    p_restart.add_argument("--gap", type=float, default=3.0)
    p_restart.add_argument("--dir", default=None)
    p_flags = sub.add_parser("app-flags", help="print deploy/streamlit.toml as streamlit run options, one a line")
    p_flags.add_argument("config", nargs="?", default=str(DEPLOY / "streamlit.toml"))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    commands = {
        "restart-db": restart_db,
        "up": up,
        "down": down,
        "status": status,
        "render-nginx": render,
        "app-flags": app_flags,
    }
    try:
        return commands[args.command](args)
    except UsageError as error:
        log(str(error))
        return 2
    except ClusterError as error:
        log(str(error))
        return 1
    except KeyboardInterrupt:
        log("interrupted; what had started is stopped")
        return 1


if __name__ == "__main__":
    sys.exit(main())
