"""trigger_map.devdb: the local PostgreSQL that the store's tests (and scripts) start from Debian's
package, through its command line; and a committed visit surviving a server stop and restart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import psycopg
import pytest
from paths import ROOT

from trigger_map.devdb import free_port
from trigger_map.devdb import running as alive
from trigger_map.visit_store import NewVisit, VisitStore


def devdb(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "trigger_map.devdb", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def folder():
    path = Path(tempfile.mkdtemp(prefix="trigger-map-devdb-"))  # reachable by the postgres user
    yield path
    subprocess.run([sys.executable, "-m", "trigger_map.devdb", "stop", "--dir", str(path)], cwd=ROOT, timeout=120)
    shutil.rmtree(path, ignore_errors=True)


def test_start_prints_the_url_and_pid_and_stop_stops_it(folder):
    port = free_port()
    server = devdb("start", "--dir", str(folder), "--port", str(port))
    assert server["port"] == port and server["url"].endswith(f"@127.0.0.1:{port}/trigger_map")
    assert alive(server["pid"])
    assert json.loads((folder / "server.json").read_text()) == server
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="trigger_map") as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        assert int(version.split(".")[0]) >= 15
        assert connection.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
    assert devdb("start", "--dir", str(folder)) == server  # already running: the same server
    assert devdb("stop", "--dir", str(folder)) == {"stopped": True}
    assert not alive(server["pid"])
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="trigger_map", connect_timeout=3)
    assert devdb("stop", "--dir", str(folder)) == {"stopped": False}


def test_a_committed_visit_survives_the_server_stopping_and_starting_again(folder):
    port = free_port()
    server = devdb("start", "--dir", str(folder), "--port", str(port))
    visit_id = VisitStore(server["url"]).add_visit("S-1", NewVisit(date(2026, 11, 9), {"low_back-r": 6}))
    devdb("stop", "--dir", str(folder))
    again = devdb("start", "--dir", str(folder), "--port", str(port))
    assert again["pid"] != server["pid"]
    assert [(v.id, v.areas) for v in VisitStore(again["url"]).visits("S-1")] == [(visit_id, {"low_back-r": 6})]
