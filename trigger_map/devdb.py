"""A PostgreSQL server of our own in a folder, from Debian's `postgresql` package: for the store's
tests, and for scripts that need a local database.

    python -m trigger_map.devdb start --dir D [--port P] [--ephemeral]
        prints {"url": "postgresql+psycopg://...", "pid": N, "port": P, "dir": D}
    python -m trigger_map.devdb stop --dir D

`start` makes a cluster in D/data (initdb) the first time, starts it listening on 127.0.0.1:P only
(a free port when none is given) with its unix socket in D/socket, creates the database
`trigger_map` and writes the same JSON to D/server.json. Connections from this machine are trusted
(no password): it is a local server for tests and development, never one to expose. `--ephemeral`
turns off fsync (fast, for throwaway test data). `stop` stops the server by the pid it recorded
(a fast shutdown: SIGINT), waiting until it has gone.

PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (created by
Debian's package) and the folder is given to that user, so its parent folders must let it through
(a folder made by `tempfile.mkdtemp()` in /tmp does).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

DATABASE = "trigger_map"
SERVER_USER = "postgres"
PG_BIN_ENV = "TRIGGER_MAP_PG_BIN"


class DevDbError(Exception):
    """The server could not be made, started or stopped; the message says why."""


def pg_bin() -> Path:
    """The folder of initdb and pg_ctl: $TRIGGER_MAP_PG_BIN, else Debian's newest
    /usr/lib/postgresql/N/bin."""
    if os.environ.get(PG_BIN_ENV):
        return Path(os.environ[PG_BIN_ENV])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise DevDbError(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "`apt-get install -y postgresql` (scripts/setup.sh --browser does it)"
        )
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user() -> tuple[list[str], str | None]:
    """The command prefix that runs a program as a user PostgreSQL accepts, and that user."""
    if os.geteuid() != 0:
        return [], None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise DevDbError(
            f"running as root needs the {SERVER_USER!r} user (Debian's postgresql package makes it)"
        ) from None
    return ["runuser", "-u", SERVER_USER, "--"], SERVER_USER


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise DevDbError(f"{what} failed: {detail[0]}")


def running(pid: int) -> bool:
    """Whether the process is alive (a zombie, ended but not yet reaped by its parent, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # alive, owned by the server user
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


def _pid(data: Path) -> int | None:
    """The running server's pid from postmaster.pid, or None when none is running."""
    try:
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if running(pid) else None


def url_for(port: int) -> str:
    return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{port}/{DATABASE}"


def start(folder: Path, port: int | None = None, ephemeral: bool = False, timeout: float = 60) -> dict:
    """Start (making it first if needed) the server in `folder`; its address and pid."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    data, sockets, log = folder / "data", folder / "socket", folder / "server.log"
    state_file = folder / "server.json"
    if _pid(data) is not None and state_file.exists():
        return json.loads(state_file.read_text())
    prefix, user = _as_server_user()
    sockets.mkdir(exist_ok=True)
    if user is not None:
        shutil.chown(folder, user)
        for path in folder.rglob("*"):
            shutil.chown(path, user)
    bin_dir = pg_bin()
    if not (data / "PG_VERSION").exists():
        _run(
            prefix
            + [str(bin_dir / "initdb"), "-D", str(data), "-U", SERVER_USER, "--auth=trust", "-E", "UTF8"]
            + ["--locale=C"]
            + (["--no-sync"] if ephemeral else []),
            "initdb",
        )
    port = port or free_port()
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1"
    if ephemeral:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    _run(
        prefix
        + [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", str(int(timeout))]
        + ["start"],
        "starting PostgreSQL",
    )
    pid = _pid(data)
    if pid is None:
        raise DevDbError(f"PostgreSQL did not start (see {log})")
    _create_database(port, timeout)
    state = {"url": url_for(port), "pid": pid, "port": port, "dir": str(folder)}
    state_file.write_text(json.dumps(state))
    return state


def _create_database(port: int, timeout: float) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(
                host="127.0.0.1", port=port, user=SERVER_USER, dbname="postgres", autocommit=True
            ) as c:
                if c.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone() is None:
                    c.execute(f"CREATE DATABASE {DATABASE}")
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise DevDbError(f"PostgreSQL on port {port} does not answer") from None
            time.sleep(0.2)


def stop(folder: Path, timeout: float = 60) -> bool:
    """Stop the server of `folder` by its pid; False when none was running."""
    data = Path(folder).resolve() / "data"
    pid = _pid(data)
    if pid is None:
        return False
    os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown
    deadline = time.monotonic() + timeout
    while running(pid):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGQUIT)
            raise DevDbError(f"PostgreSQL (pid {pid}) did not stop within {timeout:g} s")
        time.sleep(0.05)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trigger_map.devdb", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    begin = sub.add_parser("start", help="start a PostgreSQL server in a folder; prints its url and pid as JSON")
    begin.add_argument("--dir", required=True, type=Path)
    begin.add_argument("--port", type=int, default=None)
    begin.add_argument("--ephemeral", action="store_true", help="no fsync: fast, for throwaway test data")
    end = sub.add_parser("stop", help="stop the server of a folder")
    end.add_argument("--dir", required=True, type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            print(json.dumps(start(args.dir, args.port, args.ephemeral)))
        else:
            print(json.dumps({"stopped": stop(args.dir)}))
        return 0
    except DevDbError as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
