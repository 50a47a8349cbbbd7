"""Trigger Map under load and faults: many sessions over several app processes behind nginx.

    .venv/bin/python benchmarks/cluster_load.py                      # every scenario, about 6 minutes
    .venv/bin/python benchmarks/cluster_load.py --only load --sessions 100 --clicks 10
    .venv/bin/python benchmarks/cluster_load.py --only kill --sessions 60
    .venv/bin/python benchmarks/cluster_load.py --quick              # 10 sessions, 3 clicks: a smoke run

Starts its own cluster with deploy/cluster.py (PostgreSQL, the app processes, nginx; loopback only,
free ports, a temporary run directory) and stops it by pid when done or interrupted. The sessions
are light clients (benchmarks/light_client.py) that speak Streamlit's websocket protocol as a
browser does, so a hundred of them fit on a 2-CPU machine beside the servers. Prints a table and
writes benchmarks/results/cluster_load.json. Exit code 0: every check passed; 1: one failed (the
table says which); 2: it could not run. See benchmarks/README.md.

Scenarios:
- load: N sessions arrive over --ramp seconds; each opens the Body map and makes --clicks clicks
  on areas of the whole body, a pause of --think seconds before each. Counted: errors (an error
  box, a lost connection, no answer), wrong panels (the heading does not name the clicked area),
  the click's time from sending it to the run's end, and requests per app process from nginx's log.
- kill: the same, and when half of the clicks are made the process holding most sessions is killed
  (SIGKILL, by pid). Its sessions reconnect through nginx as a browser does and must get their view
  back from the link; sessions on the others must see nothing; sessions that start after the kill
  must land on live processes only. Meanwhile visits are saved through the app (Where it hurts,
  "Save as a visit", through nginx), and a process saving visits through the store is killed in
  the middle of its saves: every visit the page or the store acknowledged is stored, once, whole.
- db: PostgreSQL is stopped for --db-gap seconds and started again while visits are saved through
  the app and sessions click the Body map: saves in the gap fail with the page's message and land
  when tried again; nothing is lost, stored twice or half-written; the map's sessions see nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import run as speed  # the speed benchmark's helpers (targets, environment), beside this file
import websockets
from light_client import LightSession, Run, SessionError

from trigger_map import local_app
from trigger_map.closeups import closeups_of
from trigger_map.links import PainView

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

RESULTS = BENCH / "results"
CLUSTER = [sys.executable, str(ROOT / "deploy" / "cluster.py")]
CHECKS = {
    "errors": 0,  # error boxes, lost connections that did not come back, clicks with no answer
    "wrong_panels": 0,  # the heading named another area
    "click_p95_ms": 1000.0,  # load scenario: 95% of clicks answered within a second
}
LOST = (websockets.ConnectionClosed, ConnectionError, OSError)


# ----------------------------------------------------------------------------- the cluster


@dataclass
class Cluster:
    info: dict
    dir: Path

    @property
    def url(self) -> str:
        return self.info["url"]

    def access_log(self) -> Path:
        return self.dir / "nginx" / "nginx-access.log"


def cluster_up(replicas: int, run_dir: Path, migrate: bool) -> Cluster:
    port = local_app.free_base_port(replicas + 2)
    command = [*CLUSTER, "up", "--replicas", str(replicas), "--port", str(port), "--dir", str(run_dir)]
    done = subprocess.run(command + ([] if migrate else ["--no-migrate"]), capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"the cluster did not start: {done.stderr.strip().splitlines()[-1:]}")
    return Cluster(json.loads(done.stdout.strip().splitlines()[-1]), run_dir)


def cluster_down(cluster: Cluster) -> None:
    subprocess.run([*CLUSTER, "down", "--dir", str(cluster.dir)], capture_output=True, timeout=120)


LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) .* upstream=(?P<upstream>.*?) '
    r"upstream_status=.*? rt=\S+ route=(?P<route>\S+)"
)


def read_access_log(path: Path, start: int = 0) -> list[dict]:
    """nginx's access lines from byte `start`: path, status, the process that answered, the route cookie."""
    with open(path, "rb") as f:
        f.seek(start)
        text = f.read().decode("utf-8", "replace")
    lines = []
    for line in text.splitlines():
        m = LOG_LINE.search(line)
        if m:
            tried = [u.strip() for u in m["upstream"].split(",")]
            lines.append({**m.groupdict(), "answered": tried[-1], "tried": tried})
    return lines


# ----------------------------------------------------------------------------- sessions


@dataclass
class Target:
    region: str
    view: str
    x: float
    y: float
    heading: str  # what the panel's heading says


def click_targets() -> list[Target]:
    """Areas a mouse click keeps on the whole body (hands, feet and face open a close-up), at
    their safest hit point, as the speed benchmark clicks them."""
    from trigger_map.body import load_body

    body = load_body()
    closeups = closeups_of(body)
    targets = []
    for t in speed.click_targets(body).values():
        if t.clearance >= speed.CLEARANCE and closeups.opens_on(t.region, touch=False) is None:
            x, y = t.points[0]
            targets.append(Target(t.region, t.view, x, y, t.label.capitalize()))
    return targets


@dataclass
class SessionRecord:
    id: int
    phase: str  # "before" or "after" a fault
    route: str = ""
    opened_ms: float | None = None
    clicks_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    reconnects: int = 0
    restored: list[bool] = field(default_factory=list)  # after each reconnect: the view came back
    reconnect_ms: list[float] = field(default_factory=list)
    ended: float = 0.0  # perf_counter when it closed


class Load:
    """Sessions that open the map and click, with a shared count of clicks made."""

    def __init__(self, url: str, targets: list[Target], args: argparse.Namespace, seed: int = 19):
        self.url, self.targets, self.args = url, targets, args
        self.by_region = {t.region: t for t in targets}
        self.rng = random.Random(seed)
        self.clicks_done = 0
        self.records: list[SessionRecord] = []

    def check(self, run: Run, target: Target, record: SessionRecord) -> None:
        record.errors += run.errors
        if target.heading not in run.headings:
            record.wrong.append(f"{target.region}: {run.headings[:1]}")

    async def person(self, record: SessionRecord, clicks: int, start_after: float) -> None:
        await asyncio.sleep(start_after)
        rng = random.Random(record.id)
        session = LightSession(self.url, timeout=self.args.answer_timeout)
        try:
            started = time.perf_counter()
            try:
                run = await session.open()
            except LOST as error:  # the process died as the page loaded: the browser reconnects
                record.route = session.cookies.get("tm_route", "")
                if not await self.reconnect(session, record, error):
                    record.errors.append(f"open: {type(error).__name__}: {error}")
                    return
                run = Run()
            except (SessionError, TimeoutError) as error:
                record.errors.append(f"open: {type(error).__name__}: {error}")
                return
            record.opened_ms = 1000 * (time.perf_counter() - started)
            record.route = session.cookies.get("tm_route", "")
            record.errors += run.errors
            for _ in range(clicks):
                await asyncio.sleep(rng.uniform(*self.args.think))
                target = rng.choice(self.targets)
                while target.region == session.view.region or target.region in session.selected.values():
                    target = rng.choice(self.targets)
                for attempt in range(2):
                    try:
                        started = time.perf_counter()
                        run = await session.click(target.region, target.view, target.x, target.y, 0)
                        record.clicks_ms.append(1000 * (time.perf_counter() - started))
                        self.check(run, target, record)
                        break
                    except TimeoutError:
                        record.errors.append(f"click on {target.region}: no answer in {self.args.answer_timeout} s")
                        break
                    except LOST as error:
                        if attempt == 1 or not await self.reconnect(session, record, error):
                            record.errors.append(f"click on {target.region}: {type(error).__name__}")
                            break
                self.clicks_done += 1
        finally:
            await session.close()
            record.ended = time.perf_counter()

    async def reconnect(self, session: LightSession, record: SessionRecord, error: Exception) -> bool:
        """The connection was lost: open the page again with the view's link, as the browser does
        (nginx sends it to a live process), and check the view came back."""
        record.reconnects += 1
        with contextlib.suppress(*LOST):
            await session.close()
        session.ws = None
        previous = session.view
        started = time.perf_counter()
        for _ in range(10):
            try:
                run = await session.open(previous)
                break
            except (*LOST, SessionError, TimeoutError):
                session.ws = None
                await asyncio.sleep(0.5)
        else:
            return False
        record.reconnect_ms.append(1000 * (time.perf_counter() - started))
        record.errors += run.errors
        target = self.by_region.get(previous.region or "")
        record.restored.append(target is None or target.heading in run.headings)
        return True


async def warm(cluster: Cluster, targets: list[Target], args: argparse.Namespace) -> None:
    """One session per process, straight to its port: the first visit loads the dataset and the
    imports (a few seconds), a one-off cost of a new process that is not what is measured here."""
    for replica in cluster.info["replicas"]:
        session = LightSession(f"http://127.0.0.1:{replica['port']}", timeout=60)
        await session.open()
        for target in targets[:2]:
            await session.click(target.region, target.view, target.x, target.y, 0)
        await session.close()


# ----------------------------------------------------------------------------- saved visits

VISIT_AREAS = {"temple-l": 7, "jaw-l": 3, "low_back-r": 5}  # every saved visit has these three
SAVER = """
import datetime, sys
from trigger_map.visit_store import NewVisit, VisitStore
store, code, areas = VisitStore(sys.argv[1]), sys.argv[2], dict(a.split(":") for a in sys.argv[3:])
areas = {k: int(v) for k, v in areas.items()}
for i in range(1, 100000):
    visit_id = store.add_visit(code, NewVisit(datetime.date(2026, 12, 1), areas, note=f"{code}-{i}"))
    print(f"{code}-{i} {visit_id}", flush=True)
"""


class Saver:
    """Saves visits one after another through the app, as a therapist does: a new tab on Where it
    hurts (through nginx) with the drawing in its link, "Save as a visit" opened, the client code
    and a note that names the visit typed, the button pressed. The page's answer is read: "Saved
    the visit ..." or "The visit was not saved ...". A failed save is tried again until it lands,
    as the therapist would press the button again."""

    def __init__(self, url: str, db_url: str, code: str, timeout: float = 30.0):
        from trigger_map.visit_store import VisitStore

        self.url, self.code, self.timeout = url, code, timeout
        self.store = VisitStore(db_url)  # to read back what was stored
        self.acknowledged: dict[str, int | None] = {}  # note -> visit id (None: the page does not say)
        self.failures: list[tuple[float, str]] = []  # (perf_counter, what the page or the connection said)
        self.recovered_after_ms: list[float] = []  # first failure -> the same visit saved
        self.given_up: list[str] = []

    async def save_once(self, note: str) -> tuple[bool, str]:
        session = LightSession(self.url, timeout=self.timeout)
        try:
            await session.open(PainView(areas=dict(VISIT_AREAS)))
            run = await session.save_visit(self.code, note)
        except (*LOST, SessionError, TimeoutError) as error:
            return False, f"connection lost ({type(error).__name__})"
        finally:
            await session.close()
        for alert in run.alerts:
            if alert.startswith("Saved the visit"):
                return True, alert
            if alert.startswith("The visit was not saved"):
                return False, alert
        return False, "no answer on the page"

    async def run(self, done: asyncio.Event, every: float = 0.1, give_up: float = 60.0) -> None:
        i = 0
        while not done.is_set():
            i += 1
            note, first_failure = f"{self.code}-{i}", None
            while True:
                saved, said = await self.save_once(note)
                if saved:
                    self.acknowledged[note] = None
                    if first_failure is not None:
                        self.recovered_after_ms.append(1000 * (time.perf_counter() - first_failure))
                    break
                now = time.perf_counter()
                self.failures.append((now, said))
                first_failure = first_failure or now
                if now - first_failure > give_up:
                    self.given_up.append(note)
                    break
                await asyncio.sleep(0.25)
            await asyncio.sleep(every)

    def verify(self, acknowledged: dict[str, int | None] | None = None) -> dict:
        """Every acknowledged visit is stored once, whole (its three areas)."""
        acknowledged = self.acknowledged if acknowledged is None else acknowledged
        stored = self.store.visits(self.code)
        notes = Counter(v.note for v in stored)
        return {
            "acknowledged": len(acknowledged),
            "stored": len(stored),
            "missing": sorted(n for n in acknowledged if notes[n] == 0),
            "stored_twice": sorted(n for n, count in notes.items() if count > 1),
            "half_written": [v.id for v in stored if v.areas != VISIT_AREAS],
            "ids_differ": sorted(
                n
                for n, vid in acknowledged.items()
                if vid is not None and vid not in {v.id for v in stored if v.note == n}
            ),
        }


async def killed_saver(db_url: str, code: str, after: int) -> dict[str, int | None]:
    """A process saving visits, killed (SIGKILL) after `after` acknowledged saves, most likely in
    the middle of the next: what it acknowledged is stored, and nothing half-written."""
    areas = [f"{r}:{v}" for r, v in VISIT_AREAS.items()]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SAVER, db_url, code, *areas, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    acknowledged: dict[str, int | None] = {}
    while len(acknowledged) < after:
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        if not line:
            break
        note, visit_id = line.decode().split()
        acknowledged[note] = int(visit_id)
    process.kill()
    await process.wait()
    async for line in process.stdout:  # what it printed before it died
        note, visit_id = line.decode().split()
        acknowledged[note] = int(visit_id)
    return acknowledged


# ----------------------------------------------------------------------------- scenarios


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary(records: list[SessionRecord]) -> dict:
    clicks = [ms for r in records for ms in r.clicks_ms]
    opens = [r.opened_ms for r in records if r.opened_ms is not None]
    return {
        "sessions": len(records),
        "sessions_opened": len(opens),
        "clicks": len(clicks),
        "errors": sum(len(r.errors) for r in records),
        "wrong_panels": sum(len(r.wrong) for r in records),
        "click_p50_ms": percentile(clicks, 50),
        "click_p95_ms": percentile(clicks, 95),
        "click_max_ms": max(clicks) if clicks else None,
        "open_p50_ms": percentile(opens, 50),
        "open_p95_ms": percentile(opens, 95),
        "error_samples": [e for r in records for e in r.errors][:10],
        "wrong_samples": [w for r in records for w in r.wrong][:10],
    }


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_replica(lines: list[dict]) -> dict:
    requests = Counter(line["answered"] for line in lines)
    sockets = Counter(line["answered"] for line in lines if line["path"].startswith("/_stcore/stream"))
    failovers = sum(1 for line in lines if len(line["tried"]) > 1)
    return {"requests": dict(requests), "websockets": dict(sockets), "requests_retried_elsewhere": failovers}


async def scenario_load(cluster: Cluster, targets: list[Target], args: argparse.Namespace) -> dict:
    load = Load(cluster.url, targets, args)
    log_start = cluster.access_log().stat().st_size
    records = [SessionRecord(i, "load") for i in range(args.sessions)]
    memory = {r["port"]: {"before": speed.rss_mb(r["pid"]), "peak": 0.0} for r in cluster.info["replicas"]}
    cpu_before = {r["port"]: cpu_seconds(r["pid"]) for r in cluster.info["replicas"]}
    running = True

    async def sample_memory() -> None:
        while running:
            for replica in cluster.info["replicas"]:
                entry = memory[replica["port"]]
                entry["peak"] = max(entry["peak"], speed.rss_mb(replica["pid"]))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample_memory())
    started = time.perf_counter()
    await asyncio.gather(
        *(load.person(r, args.clicks, args.ramp * i / max(1, args.sessions)) for i, r in enumerate(records))
    )
    running = False
    await sampler
    result = summary(records)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["per_replica"] = per_replica(read_access_log(cluster.access_log(), log_start))
    result["memory_mb"] = {port: {k: round(v, 1) for k, v in m.items()} for port, m in memory.items()}
    # The servers' own CPU for the whole load, per click (the opens included): it does not move with
    # the machine's other work as the times do.
    cpu = sum(cpu_seconds(r["pid"]) - cpu_before[r["port"]] for r in cluster.info["replicas"])
    result["server_cpu_ms_per_click"] = round(1000 * cpu / max(1, result["clicks"]), 1)
    result["checks"] = {
        "errors": result["errors"] == 0,
        "wrong_panels": result["wrong_panels"] == 0,
        "click_p95_ms": (result["click_p95_ms"] or 1e9) <= CHECKS["click_p95_ms"],
        "every_replica_served": len(result["per_replica"]["websockets"]) == len(cluster.info["replicas"]),
    }
    return result


async def scenario_kill(cluster: Cluster, targets: list[Target], args: argparse.Namespace) -> dict:
    """Half the sessions start; when half their clicks are made, one process is killed; the other
    half start after the kill."""
    load = Load(cluster.url, targets, args, seed=20)
    log_start = cluster.access_log().stat().st_size
    first = args.sessions // 2
    before = [SessionRecord(i, "before") for i in range(first)]
    after = [SessionRecord(first + i, "after") for i in range(args.sessions - first)]
    killed_at: dict = {}
    victim: dict = {}
    saver, saving_done = Saver(cluster.url, cluster.info["db"], "kill-test"), asyncio.Event()
    saving = asyncio.create_task(saver.run(saving_done, every=0.2))

    async def killer() -> None:
        while load.clicks_done < first * args.clicks // 2:
            await asyncio.sleep(0.05)
        victim.update(busiest_process(cluster, before, log_start))
        os.kill(victim["pid"], signal.SIGKILL)
        killed_at["time"] = time.perf_counter()
        killed_at["clicks_done"] = load.clicks_done
        await asyncio.gather(
            *(load.person(r, args.clicks, args.ramp * i / max(1, len(after))) for i, r in enumerate(after))
        )

    started = time.perf_counter()

    async def saving_process_killed() -> dict[str, int | None]:
        while "time" not in killed_at:
            await asyncio.sleep(0.05)
        return await killed_saver(cluster.info["db"], "killed-saver", after=20)

    _, in_killed_process, *_ = await asyncio.gather(
        killer(),
        saving_process_killed(),
        *(load.person(r, args.clicks, args.ramp * i / max(1, first)) for i, r in enumerate(before)),
    )
    saving_done.set()
    await saving
    lines = read_access_log(cluster.access_log(), log_start)
    kill_time = killed_at.get("time", float("inf"))
    sessions, on_victim = sessions_around_the_kill(before, after, lines, f"127.0.0.1:{victim['port']}", kill_time)
    result: dict = {
        "seconds": round(time.perf_counter() - started, 1),
        "killed": {"port": victim["port"], "pid": victim["pid"], "after_clicks": killed_at.get("clicks_done")},
        **sessions,
        "per_replica": per_replica(lines),
        "visits_saved_meanwhile": saver.verify(),
        "visits_of_a_saving_process_killed": Saver(cluster.url, cluster.info["db"], "killed-saver").verify(
            in_killed_process
        ),
    }
    result["checks"] = kill_checks(result, on_victim)
    return result


def busiest_process(cluster: Cluster, sessions: list[SessionRecord], log_start: int) -> dict:
    """The process holding most of the open sessions (nginx logs which one served each page)."""
    served = {
        line["route"]: line["answered"]
        for line in read_access_log(cluster.access_log(), log_start)
        if line["path"] == "/" or line["path"].startswith("/?")
    }
    held = Counter(served.get(r.route) for r in sessions if r.route and not r.ended)
    ports = {f"127.0.0.1:{p['port']}": p for p in cluster.info["replicas"]}
    return ports[max(ports, key=lambda addr: held.get(addr, 0))]


def sessions_around_the_kill(
    before: list[SessionRecord], after: list[SessionRecord], lines: list[dict], victim_addr: str, kill_time: float
) -> tuple[dict, list[SessionRecord]]:
    """How the sessions started before and after the kill fared, and the killed process's sessions."""
    # Which processes each session's websockets went to (nginx's log, by the route cookie).
    sockets_by_route = defaultdict(list)
    for line in lines:
        if line["path"].startswith("/_stcore/stream"):
            sockets_by_route[line["route"]].append(line["answered"])
    # The killed process's sessions: those it held when it was killed (not those done before).
    on_victim = [r for r in before if victim_addr in sockets_by_route.get(r.route, []) and r.ended > kill_time]
    elsewhere = [r for r in before if victim_addr not in sockets_by_route.get(r.route, [])]
    sessions = {
        "all": summary(before + after),
        "sessions_on_killed_replica": len(on_victim),
        "their_reconnects": sum(r.reconnects for r in on_victim),
        "their_views_restored": sum(sum(r.restored) for r in on_victim),
        "their_reconnect_p50_ms": percentile([ms for r in on_victim for ms in r.reconnect_ms], 50),
        "sessions_on_other_replicas": len(elsewhere),
        "their_reconnects_or_errors": sum(r.reconnects + len(r.errors) for r in elsewhere),
        "sessions_started_after_kill": len(after),
        "of_them_on_killed_replica": sum(1 for r in after if victim_addr in sockets_by_route.get(r.route, [])),
    }
    return sessions, on_victim


def kill_checks(result: dict, on_victim: list[SessionRecord]) -> dict[str, bool]:
    """The kill scenario's pass/fail checks on its result."""
    everyone = result["all"]
    return {
        "no_saved_visit_lost": all(
            not (v["missing"] or v["stored_twice"] or v["half_written"] or v["ids_differ"]) and v["acknowledged"]
            for v in (result["visits_saved_meanwhile"], result["visits_of_a_saving_process_killed"])
        ),
        "errors": everyone["errors"] == 0,
        "wrong_panels": everyone["wrong_panels"] == 0,
        "killed_replica_had_sessions": len(on_victim) > 0,
        "every_killed_session_reconnected_with_its_view": all(
            r.reconnects >= 1 and all(r.restored) and r.restored for r in on_victim
        ),
        "other_sessions_untouched": result["their_reconnects_or_errors"] == 0,
        "new_sessions_only_on_live_replicas": result["of_them_on_killed_replica"] == 0,
    }


async def scenario_db(cluster: Cluster, targets: list[Target], args: argparse.Namespace) -> dict:
    """PostgreSQL stopped for --db-gap seconds and started again while visits are saved (every
    0.1 s) and sessions click the Body map (which needs no database)."""
    load = Load(cluster.url, targets, args, seed=21)
    sessions = min(args.sessions, 30)
    records = [SessionRecord(i, "db") for i in range(sessions)]
    saver, saving_done = Saver(cluster.url, cluster.info["db"], "db-restart"), asyncio.Event()
    saving = asyncio.create_task(saver.run(saving_done, every=0.1))
    restart: dict = {}

    async def restarter() -> None:
        await asyncio.sleep(5)
        restart["start"] = time.perf_counter()
        done = await asyncio.to_thread(
            subprocess.run,
            [*CLUSTER, "restart-db", "--gap", str(args.db_gap), "--dir", str(cluster.dir)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        restart["end"] = time.perf_counter()
        restart["ok"] = done.returncode == 0
        await asyncio.sleep(5)
        saving_done.set()

    started = time.perf_counter()
    await asyncio.gather(
        restarter(), *(load.person(r, args.clicks, args.ramp * i / max(1, sessions)) for i, r in enumerate(records))
    )
    saving_done.set()
    await saving
    in_gap = [t for t, _ in saver.failures if restart["start"] <= t <= restart["end"] + 1]
    result: dict = {
        "seconds": round(time.perf_counter() - started, 1),
        "database_down_s": round(restart["end"] - restart["start"], 1),
        "sessions": summary(records),
        "failed_saves": len(saver.failures),
        "failed_saves_in_the_gap": len(in_gap),
        "failure_messages": sorted({m for _, m in saver.failures}),
        "saved_on_retry": len(saver.recovered_after_ms),
        "retry_landed_after_ms_max": max(saver.recovered_after_ms, default=None),
        "given_up": saver.given_up,
        "visits": saver.verify(),
    }
    v = result["visits"]
    result["checks"] = {
        "database_restarted": restart.get("ok", False),
        "saves_in_the_gap_failed_with_a_message": bool(in_gap) and all(result["failure_messages"]),
        "every_failed_save_landed_on_retry": not saver.given_up and len(saver.recovered_after_ms) > 0,
        "failures_only_while_the_database_was_down": len(in_gap) == len(saver.failures),
        "nothing_lost_or_half_written": v["acknowledged"] > 0
        and not (v["missing"] or v["stored_twice"] or v["half_written"] or v["ids_differ"]),
        "map_sessions_unaffected": result["sessions"]["errors"] == 0 and result["sessions"]["wrong_panels"] == 0,
    }
    return result


# ----------------------------------------------------------------------------- report


def table(results: dict) -> str:
    rows = []
    if "load" in results:
        r = results["load"]
        spread = ", ".join(f"{k.rsplit(':', 1)[1]}: {v}" for k, v in sorted(r["per_replica"]["websockets"].items()))
        rows += [
            f"load: {r['sessions']} sessions x {r['clicks'] // max(1, r['sessions_opened'])} clicks over "
            f"{len(r['per_replica']['websockets'])} processes, {r['seconds']} s",
            f"  errors {r['errors']}, wrong panels {r['wrong_panels']}, clicks {r['clicks']}",
            f"  click p50 {fmt(r['click_p50_ms'])}, p95 {fmt(r['click_p95_ms'])}, max {fmt(r['click_max_ms'])}; "
            f"open p50 {fmt(r['open_p50_ms'])}, p95 {fmt(r['open_p95_ms'])}",
            f"  sessions per process (port: websockets): {spread}",
            f"  requests per process: {dict(sorted(r['per_replica']['requests'].items()))}",
            f"  server CPU per click (opens included): {r['server_cpu_ms_per_click']} ms",
            "  memory per process (MB, after warming -> peak): "
            + ", ".join(f"{port}: {m['before']} -> {m['peak']}" for port, m in r["memory_mb"].items()),
        ]
    if "kill" in results:
        r = results["kill"]
        a = r["all"]
        rows += [
            f"kill: process on port {r['killed']['port']} (pid {r['killed']['pid']}) killed after "
            f"{r['killed']['after_clicks']} clicks; {a['sessions']} sessions, {r['seconds']} s",
            f"  errors {a['errors']}, wrong panels {a['wrong_panels']}, click p50 {fmt(a['click_p50_ms'])}, "
            f"p95 {fmt(a['click_p95_ms'])}",
            f"  on the killed process: {r['sessions_on_killed_replica']} sessions, {r['their_reconnects']} "
            f"reconnects, {r['their_views_restored']} views back from the link, reconnect p50 "
            f"{fmt(r['their_reconnect_p50_ms'])}",
            f"  on the others: {r['sessions_on_other_replicas']} sessions, "
            f"{r['their_reconnects_or_errors']} reconnects or errors",
            f"  started after the kill: {r['sessions_started_after_kill']}, on the killed process: "
            f"{r['of_them_on_killed_replica']}",
        ]
    if "db" in results:
        r = results["db"]
        v = r["visits"]
        rows += [
            f"db: PostgreSQL down {r['database_down_s']} s while saving every 0.1 s and "
            f"{r['sessions']['sessions']} sessions clicked",
            f"  failed saves {r['failed_saves']} ({r['failed_saves_in_the_gap']} in the gap), saved on retry "
            f"{r['saved_on_retry']}, slowest retry landed after {fmt(r['retry_landed_after_ms_max'])}",
            f"  messages: {r['failure_messages']}",
            f"  visits acknowledged {v['acknowledged']}, stored {v['stored']}, missing {len(v['missing'])}, "
            f"twice {len(v['stored_twice'])}, half-written {len(v['half_written'])}",
            f"  map sessions: errors {r['sessions']['errors']}, wrong panels {r['sessions']['wrong_panels']}",
        ]
    if "kill" in results:
        for key in ("visits_saved_meanwhile", "visits_of_a_saving_process_killed"):
            v = results["kill"][key]
            rows.append(
                f"kill, {key.replace('_', ' ')}: acknowledged {v['acknowledged']}, stored {v['stored']}, "
                f"missing {len(v['missing'])}, twice {len(v['stored_twice'])}, half-written {len(v['half_written'])}"
            )
    for name, result in results.items():
        if isinstance(result, dict) and "checks" in result:
            failed = [k for k, ok in result["checks"].items() if not ok]
            rows.append(f"{name}: {'every check passed' if not failed else 'FAILED: ' + ', '.join(failed)}")
    return "\n".join(rows)


def fmt(ms: float | None) -> str:
    return "-" if ms is None else f"{ms:.0f} ms"


def arguments() -> argparse.Namespace:
    """The command line: which scenarios, how many sessions and clicks, and where the results go."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=["load", "kill", "db"], default=["load", "kill", "db"])
    parser.add_argument("--sessions", type=int, default=100, help="concurrent sessions (default 100)")
    parser.add_argument("--clicks", type=int, default=10, help="clicks per session (default 10)")
    parser.add_argument("--replicas", type=int, default=3, help="app processes (default 3)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=[2.0, 6.0],
        metavar=("MIN", "MAX"),
        help="seconds before each click, uniform (default 2 6)",
    )
    parser.add_argument("--ramp", type=float, default=20.0, help="sessions arrive over this many seconds (20)")
    parser.add_argument("--answer-timeout", type=float, default=30.0, help="seconds to wait for an answer (30)")
    parser.add_argument("--db-gap", type=float, default=3.0, help="seconds PostgreSQL stays down (3)")
    parser.add_argument("--quick", action="store_true", help="10 sessions, 3 clicks, short pauses")
    parser.add_argument("--keep", action="store_true", help="keep the clusters' run directories (logs) afterwards")
    parser.add_argument("--output", type=Path, default=RESULTS / "cluster_load.json")
    args = parser.parse_args()
    if args.quick:
        args.sessions, args.clicks, args.think, args.ramp = 10, 3, [0.2, 0.6], 2.0
    if args.sessions < 2 or args.clicks < 2 or args.sessions > 300 or args.clicks > 100:
        parser.error("--sessions 2-300 and --clicks 2-100")
    return args


def main() -> int:
    args = arguments()
    targets = click_targets()
    run_dir = Path(tempfile.mkdtemp(prefix="trigger-map-load-"))
    run_dir.chmod(0o711)  # PostgreSQL and nginx may run as another user (deploy/cluster.py)
    # the commit and work tree as the run starts (a long run may outlast a commit)
    results: dict = {
        "args": {k: v for k, v in vars(args).items() if k != "output"},
        "environment": speed.environment(None),
    }
    results["environment"]["load_average_at_start"] = os.getloadavg()
    cluster = None
    started = time.perf_counter()
    try:
        for scenario in args.only:
            # Each scenario on a new cluster: the kill leaves one process dead.
            speed.log(f"{scenario}: starting a cluster of {args.replicas} processes")
            cluster = cluster_up(args.replicas, run_dir / scenario, migrate=True)
            asyncio.run(warm(cluster, targets, args))
            speed.log(f"{scenario}: {args.sessions} sessions x {args.clicks} clicks")
            runner = {"load": scenario_load, "kill": scenario_kill, "db": scenario_db}[scenario]
            results[scenario] = asyncio.run(runner(cluster, targets, args))
            cluster_down(cluster)
            cluster = None
    except (RuntimeError, OSError) as error:
        speed.log(f"could not run: {error}")
        return 2
    finally:
        if cluster is not None:
            cluster_down(cluster)
        if not args.keep:
            shutil.rmtree(run_dir, ignore_errors=True)
    results["environment"]["load_average_at_end"] = os.getloadavg()
    results["environment"]["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(table(results))
    passed = all(all(r["checks"].values()) for r in results.values() if isinstance(r, dict) and "checks" in r)
    return 0 if passed else 1


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
    sys.exit(1)
