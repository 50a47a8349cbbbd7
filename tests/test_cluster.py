"""The local cluster (deploy/local-cluster.sh): real PostgreSQL, nginx and three app processes on
loopback, started once for this file and stopped by pid. Small on purpose (3 processes, a handful
of sessions); the load figures come from benchmarks/cluster_load.py."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.light_client import LightSession
from trigger_map import local_app
from trigger_map.links import ExplorerView, PainView
from trigger_map.visit_store import VisitStore

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "deploy" / "local-cluster.sh"
REPLICAS = 3

# One worker runs the whole module (pytest-xdist): the cluster the module starts once is shared.
pytestmark = [pytest.mark.cluster, pytest.mark.xdist_group("cluster")]


def in_own_loop(coroutine):
    """Run the light clients' coroutine to its end in a thread of its own: in a full test run the
    browser tests' Playwright (sync API) keeps an event loop running in this thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def cluster(command: str, run_dir: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SCRIPT), command, "--dir", str(run_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def processes_in(run_dir: Path) -> list[int]:
    """Every process whose command line names the run directory (nginx's workers and PostgreSQL's
    helpers included), found in /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(run_dir) in cmdline and alive(int(entry.name)):
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def up():
    # Not pytest's tmp_path: its folders are private to this user, and PostgreSQL and nginx run as
    # another one when the tests run as root.
    base = Path(tempfile.mkdtemp(prefix="trigger-map-test-cluster-"))
    base.chmod(0o711)
    run_dir = base / "run"
    port = local_app.free_base_port(REPLICAS + 2)
    done = cluster("up", run_dir, "--replicas", str(REPLICAS), "--port", str(port))
    info = None
    try:
        assert done.returncode == 0, done.stderr
        lines = done.stdout.strip().splitlines()
        assert len(lines) == 1, f"up printed {len(lines)} lines: {done.stdout!r}"
        info = json.loads(lines[0])
        yield info, run_dir, port
    finally:
        cluster("down", run_dir, timeout=120)
        # If down did not, stop by pid whatever it started (every process naming the run dir).
        for pid in processes_in(run_dir):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(base, ignore_errors=True)


def get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode()


def route_cookie(headers: dict[str, str]) -> str:
    value = headers.get("Set-Cookie", "")
    assert value.startswith("tm_route="), headers
    return value.split(";", 1)[0]


def answered_by(
    run_dir: Path, after: int = 0, at_least: int = 0, path: str | None = None
) -> list[tuple[str, str, str]]:
    """(path, status, the process that answered) for each line of nginx's access log after byte `after`
    (of `path` only, when given), once there are `at_least` of them: nginx writes a request's line
    after the answer has gone (a websocket's when it closes), so the client can be done before the line
    is there (waits at most 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        rows = _log_rows((run_dir / "nginx" / "nginx-access.log").read_bytes()[after:].decode())
        rows = [row for row in rows if path in (None, row[0])]
        if len(rows) >= at_least or time.monotonic() > deadline:
            return rows
        time.sleep(0.02)


def _log_rows(text: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in text.splitlines():
        path = line.split('"')[1].split()[1]
        status = line.split('"')[2].split()[0]
        upstream = line.split("upstream=")[1].split(" upstream_status=")[0].split(",")[-1].strip()
        rows.append((path, status, upstream))
    return rows


def log_size(run_dir: Path) -> int:
    return (run_dir / "nginx" / "nginx-access.log").stat().st_size


def test_up_prints_json_and_every_process_is_healthy_through_nginx(up):
    info, run_dir, port = up
    assert info["url"] == f"http://127.0.0.1:{port}"
    assert [r["port"] for r in info["replicas"]] == [port + 1, port + 2, port + 3]
    pids = [r["pid"] for r in info["replicas"]] + [info["nginx_pid"], info["db_pid"]]
    assert len(set(pids)) == len(pids) and all(alive(pid) for pid in pids)
    assert info["db"].startswith("postgresql+psycopg://") and f":{port + 4}/" in info["db"]
    for replica in info["replicas"]:
        assert get(f"http://127.0.0.1:{replica['port']}/_stcore/health")[2] == "ok"
    # New browsers (no cookie) spread over the processes; every one answers its health check.
    start = log_size(run_dir)
    for _ in range(30):
        status, _, body = get(f"{info['url']}/_stcore/health")
        assert (status, body) == (200, "ok")
    served = Counter(upstream for path, status, upstream in answered_by(run_dir, start, 30) if status == "200")
    assert set(served) == {f"127.0.0.1:{r['port']}" for r in info["replicas"]}, served


def test_a_browser_stays_on_one_process(up):
    info, run_dir, _ = up
    for _ in range(3):
        status, headers, page = get(info["url"] + "/")
        assert status == 200 and "<html" in page.lower()
        cookie = route_cookie(headers)
        start = log_size(run_dir)
        for path in ("/", "/_stcore/health", "/_stcore/host-config", "/?region=temple-l"):
            _, again, _ = get(info["url"] + path, cookie)
            assert "Set-Cookie" not in again  # a browser that has the cookie keeps it
        upstreams = {upstream for _, _, upstream in answered_by(run_dir, start, 4)}
        assert len(upstreams) == 1, upstreams


async def _session_clicks(url: str, engine, cookie: str | None = None) -> tuple[LightSession, list[str]]:
    session = LightSession(url)
    if cookie:
        session.cookies["tm_route"] = cookie.split("=", 1)[1]
    await session.open()
    headings = []
    for region, view in (("temple-l", "front"), ("low_back-r", "back")):
        run = await session.click(region, view, 0.0, 0.0, 0)
        assert not run.errors
        headings += run.headings
    return session, headings


def expected(engine, region: str) -> str:
    return engine.body.regions[region].display_label.capitalize()


def test_sessions_click_the_map_through_nginx(up, engine):
    """Five sessions over the websocket through nginx: each click's panel names the clicked area."""
    info, run_dir, _ = up
    start = log_size(run_dir)

    async def five() -> list[list[str]]:
        results = await asyncio.gather(*(_session_clicks(info["url"], engine) for _ in range(5)))
        for session, _ in results:
            await session.close()
        return [headings for _, headings in results]

    for headings in in_own_loop(five()):
        assert headings == [expected(engine, "temple-l"), expected(engine, "low_back-r")]
    sockets = answered_by(run_dir, start, 5, "/_stcore/stream")
    assert len(sockets) == 5 and all(status == "101" for _, status, _ in sockets)


def test_a_visit_saved_through_nginx_is_in_the_clusters_database(up):
    """Where it hurts, "Save as a visit", through nginx: the page says saved, and the cluster's
    PostgreSQL (the one `up` printed) holds the visit, whole."""
    info, _, _ = up
    areas = {"temple-l": 7, "jaw-l": 3}

    async def save() -> list[str]:
        session = LightSession(info["url"])
        await session.open(PainView(areas=dict(areas)))
        run = await session.save_visit("T-19", "saved through nginx")
        await session.close()
        return run.alerts

    alerts = in_own_loop(save())
    assert any(a.startswith("Saved the visit") for a in alerts), alerts
    (visit,) = VisitStore(info["db"]).visits("T-19")
    assert visit.areas == areas and visit.note == "saved through nginx"


def test_a_killed_process_sessions_go_on_elsewhere(up, engine):
    """Kill the process a browser sticks to: its requests are served by another, its session
    reconnects with its view from the link, and new browsers never reach the dead one."""
    info, run_dir, _ = up
    # A browser whose cookie hashes to the last process.
    victim = info["replicas"][-1]
    victim_addr = f"127.0.0.1:{victim['port']}"
    cookie = None
    for _ in range(60):
        start = log_size(run_dir)
        _, headers, _ = get(info["url"] + "/")
        if answered_by(run_dir, start, 1)[-1][2] == victim_addr:
            cookie = route_cookie(headers)
            break
    assert cookie, "no new browser was sent to the last process in 60 tries"

    async def scenario() -> tuple[list[str], list[str]]:
        session, _ = await _session_clicks(info["url"], engine, cookie)
        os.kill(victim["pid"], signal.SIGKILL)
        deadline = time.monotonic() + 10
        while alive(victim["pid"]) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        # The browser sees its websocket closed and opens the page again with its link.
        await session.close()
        reopened = await session.open(ExplorerView("low_back-r"))
        run = await session.click("temple-l", "front", 0.0, 0.0, 0)
        await session.close()
        return reopened.headings, run.headings

    start = log_size(run_dir)
    reopened, clicked = in_own_loop(scenario())
    assert reopened == [expected(engine, "low_back-r")]  # the view came back from the link
    assert clicked == [expected(engine, "temple-l")]
    sockets = [upstream for _, _, upstream in answered_by(run_dir, start, 2, "/_stcore/stream")]
    assert sockets[0] == victim_addr and sockets[-1] != victim_addr  # the first session's, then the reopened one's
    # The same browser's plain requests, and new browsers, are all answered by live processes.
    start = log_size(run_dir)
    for _ in range(3):
        assert get(info["url"] + "/_stcore/health", cookie)[0] == 200
    for _ in range(20):
        assert get(info["url"] + "/_stcore/health")[0] == 200
    answered = {upstream for _, status, upstream in answered_by(run_dir, start, 23) if status == "200"}
    assert answered and victim_addr not in answered


def test_down_stops_every_process(up):
    info, run_dir, _ = up
    assert processes_in(run_dir)  # nginx and PostgreSQL name the run directory on their command line
    done = cluster("down", run_dir)
    assert done.returncode == 0, done.stderr
    stopped = {p["pid"] for p in json.loads(done.stdout.strip().splitlines()[-1])["stopped"]}
    started = {r["pid"] for r in info["replicas"][:-1]} | {info["nginx_pid"], info["db_pid"]}
    assert started <= stopped  # the killed process was not running any more
    pids = [r["pid"] for r in info["replicas"]] + [info["nginx_pid"], info["db_pid"]]
    assert not [pid for pid in pids if alive(pid)]
    assert processes_in(run_dir) == []
    status = subprocess.run(["bash", str(SCRIPT), "status", "--dir", str(run_dir)], capture_output=True, text=True)
    assert json.loads(status.stdout) == {"up": False}
