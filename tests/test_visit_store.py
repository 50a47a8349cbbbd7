"""The visits store on both databases it supports: a SQLite file and a real PostgreSQL server
(tests/conftest.py starts Debian's PostgreSQL in a temporary folder). Nothing is mocked."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from trigger_map.visit_models import Client, TreatedTriggerPoint, Visit, VisitArea
from trigger_map.visit_store import NewVisit, StoreError, VisitStore, engine_for, where

ROOT_DIR = Path(__file__).resolve().parents[1]


def counts(url: str) -> dict[str, int]:
    with Session(engine_for(url)) as session:
        return {
            table.__tablename__: session.scalar(select(func.count()).select_from(table))
            for table in (Client, Visit, VisitArea, TreatedTriggerPoint)
        }


def test_migrations_make_every_table(database_url):
    engine = VisitStore(database_url).engine
    tables = set(inspect(engine).get_table_names())
    assert {"client", "visit", "visit_area", "treated_trigger_point", "alembic_version"} <= tables
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0001"


def test_a_visit_reads_back_as_saved(database_url):
    store = VisitStore(database_url)
    first = NewVisit(
        date(2026, 11, 3),
        {"temple-l": 7, "jaw-l": 3, "top_of_shoulder-l": 0},
        symptoms=("headache", "jaw-pain"),
        condition="tension-type-headache",
        note="  Pressure on the upper trapezius; felt easier after.  ",
        treated=("upper-trapezius-1@left", "masseter-1@left", "upper-trapezius-1@left"),
    )
    later = NewVisit(date(2026, 11, 17), {"temple-l": 4})
    earlier = NewVisit(date(2026, 10, 27), {"jaw-l": 9})
    ids = [store.add_visit("C-0042", v) for v in (first, later, earlier)]
    visits = store.visits("C-0042")
    assert [v.date for v in visits] == [date(2026, 10, 27), date(2026, 11, 3), date(2026, 11, 17)]
    assert [v.id for v in visits] == [ids[2], ids[0], ids[1]]
    saved = visits[1]
    assert list(saved.areas.items()) == [("temple-l", 7), ("jaw-l", 3), ("top_of_shoulder-l", 0)]
    assert saved.symptoms == ("headache", "jaw-pain")
    assert saved.condition == "tension-type-headache"
    assert saved.note == "Pressure on the upper trapezius; felt easier after."
    assert saved.treated == ("upper-trapezius-1@left", "masseter-1@left")
    assert store.clients() == ["C-0042"]
    assert counts(database_url) == {"client": 1, "visit": 3, "visit_area": 5, "treated_trigger_point": 2}


def test_each_owner_sees_only_their_own_clients(database_url):
    alice, bob, laptop = (VisitStore(database_url, owner) for owner in ("sub-alice", "sub-bob", None))
    alice.add_visit("A1", NewVisit(date(2026, 11, 1), {"temple-l": 5}))
    bob.add_visit("B1", NewVisit(date(2026, 11, 1), {"calf-r": 6}))
    bob.add_visit("A1", NewVisit(date(2026, 11, 2), {"heel-r": 2}))  # the same code, another client
    laptop.add_visit("A1", NewVisit(date(2026, 11, 3), {"shin-l": 1}))
    assert alice.clients() == ["A1"]
    assert bob.clients() == ["A1", "B1"]
    assert laptop.clients() == ["A1"]
    assert alice.visits("B1") == [] and not alice.has_client("B1")
    assert [v.areas for v in alice.visits("A1")] == [{"temple-l": 5}]
    assert [v.areas for v in bob.visits("A1")] == [{"heel-r": 2}]
    assert alice.delete_client("B1") is None  # not hers: nothing happens
    assert bob.clients() == ["A1", "B1"]
    assert alice.delete_client("A1") == 1
    assert [v.areas for v in bob.visits("A1")] == [{"heel-r": 2}]
    assert [v.areas for v in laptop.visits("A1")] == [{"shin-l": 1}]


def test_deleting_a_client_deletes_every_row_of_theirs(database_url):
    store = VisitStore(database_url)
    for day in (1, 8, 15):
        store.add_visit("X9", NewVisit(date(2026, 11, day), {"temple-l": day % 10, "jaw-l": 2}, treated=("a-1@left",)))
    store.add_visit("Y1", NewVisit(date(2026, 11, 2), {"calf-r": 4}, treated=("b-1@right",)))
    assert store.delete_client("X9") == 3
    assert store.clients() == ["Y1"]
    assert store.visits("X9") == []
    assert counts(database_url) == {"client": 1, "visit": 1, "visit_area": 1, "treated_trigger_point": 1}


def test_saves_at_the_same_time_for_one_new_client_all_land(database_url):
    """Two sessions (here 4 threads, each its own connection) saving for the same new client at once."""
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def saver(n: int) -> None:
        store = VisitStore(database_url)
        start.wait()
        try:
            for i in range(5):
                store.add_visit("RACE", NewVisit(date(2026, 11, 1 + i), {"temple-l": n, "jaw-l": i}))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=saver, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    visits = VisitStore(database_url).visits("RACE")
    assert len(visits) == 20
    assert sorted(v.areas["temple-l"] for v in visits) == sorted([0, 1, 2, 3] * 5)
    assert counts(database_url)["client"] == 1


def test_a_committed_visit_survives_the_process_being_killed(database_url):
    """Save in another process, then kill it (SIGKILL) while it holds its connection open."""
    script = (
        "import sys, time, datetime\n"
        "from trigger_map.visit_store import NewVisit, VisitStore\n"
        "s = VisitStore(sys.argv[1])\n"
        "print(s.add_visit('K1', NewVisit(datetime.date(2026, 11, 5), {'calf-l': 8})), flush=True)\n"
        "s.engine.connect().exec_driver_sql('SELECT 1')\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script, database_url], stdout=subprocess.PIPE, text=True) as process:
        try:
            saved_id = int(process.stdout.readline())
        finally:
            process.kill()
            process.wait(timeout=30)
    assert [(v.id, v.areas) for v in VisitStore(database_url).visits("K1")] == [(saved_id, {"calf-l": 8})]


@pytest.mark.parametrize(
    ("code", "new"),
    [
        ("", NewVisit(date(2026, 11, 1), {"temple-l": 1})),
        ("Jane Smith", NewVisit(date(2026, 11, 1), {"temple-l": 1})),
        ("x" * 41, NewVisit(date(2026, 11, 1), {"temple-l": 1})),
        ("ok-1", NewVisit(date(2026, 11, 1), {})),
        ("ok-1", NewVisit(date(2026, 11, 1), {"temple-l": 11})),
        ("ok-1", NewVisit(date(2026, 11, 1), {"temple-l": -1})),
        ("ok-1", NewVisit(date(2026, 11, 1), {"temple-l": 1}, note="n" * 2001)),
    ],
)
def test_a_bad_save_is_refused_saying_why_and_naming_no_client(database_url, code, new):
    store = VisitStore(database_url)
    with pytest.raises(StoreError) as raised:
        store.add_visit(code, new)
    message = str(raised.value)
    assert message and "\n" not in message
    assert "Jane" not in message and "xxxxx" not in message and "nnnnn" not in message
    assert store.clients() == []


def test_where_says_the_file_or_the_server_without_a_password(tmp_path):
    assert where(f"sqlite:///{tmp_path}/v.db") == f"the file {tmp_path}/v.db"
    said = where("postgresql+psycopg://therapist:s3cret@db.example:5432/clinic")
    assert "s3cret" not in said and "clinic" in said and "db.example" in said


def test_db_upgrade_command_makes_a_new_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "trigger_map", "db", "upgrade"],
        env={**os.environ, "TRIGGER_MAP_DB": url},
        capture_output=True,
        text=True,
        cwd=ROOT_DIR,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["revision"] == "0001"
    assert (tmp_path / "new.sqlite3").exists()


# A first `db upgrade` that waits, all set up, for a line on its standard input, so that two can be let go
# at the same moment.
UPGRADE_ON_GO = """
import sys
import alembic.command, sqlalchemy, trigger_map.visit_store  # loaded before the start, as both must be
from trigger_map.__main__ import main
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(["db", "upgrade"]))
"""


def ready_upgrades(url: str, count: int = 2) -> list[subprocess.Popen]:
    """`count` first `db upgrade` runs on `url`, each loaded and waiting for its go."""
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADE_ON_GO],
            env={**os.environ, "TRIGGER_MAP_DB": url},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT_DIR,
        )
        for _ in range(count)
    ]
    for run in runs:
        assert run.stdout is not None and run.stdout.readline().strip() == "ready", run.stderr
    return runs


def let_go(runs: list[subprocess.Popen]) -> None:
    for run in runs:
        assert run.stdin is not None
        run.stdin.write("go\n")
        run.stdin.flush()


def finish(runs: list[subprocess.Popen]) -> None:
    """Each run ended well, said the database is at the head revision, and wrote no error."""
    outcomes = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert json.loads(out)["revision"] == "0001"
        assert "Error" not in err and "Traceback" not in err, err


def migrated_once(url: str) -> None:
    engine = engine_for(url)
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all() == ["0001"]
    assert {"client", "visit", "visit_area", "treated_trigger_point"} <= set(inspect(engine).get_table_names())


def stop_all(runs: list[subprocess.Popen]) -> None:
    for run in runs:
        if run.poll() is None:
            run.kill()
            run.wait()


def test_two_first_upgrades_at_once_both_succeed_and_migrate_once(database_url):
    """Two `db upgrade` runs let go at the same moment on a new, empty database: both succeed, and the
    schema is made once (on PostgreSQL an advisory lock in the migration environment makes the second
    wait for the first; on SQLite each transaction takes the write lock at its start). Without the
    lock, about one PostgreSQL attempt in two failed; on SQLite, before turning on the write-ahead log
    was tried again, some attempts failed with 'database is locked'. A race is left to timing, so the
    two tests after this one make each case happen every time; this one runs the real commands once."""
    runs = ready_upgrades(database_url)
    try:
        let_go(runs)
        finish(runs)
    finally:
        stop_all(runs)
    migrated_once(database_url)


def test_upgrades_on_postgresql_wait_for_the_migration_lock(pg_server):
    """While someone holds the migration lock, both upgrades wait at it with nothing made yet; let go
    together when it is released, the first migrates and the second finds the database at head."""
    import psycopg

    from trigger_map.migrations import MIGRATION_LOCK

    name = "test_migration_lock"
    admin = {"host": "127.0.0.1", "port": pg_server["port"], "user": "postgres"}
    with psycopg.connect(**admin, dbname="postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name}")
        c.execute(f"CREATE DATABASE {name}")
    url = pg_server["url"].rsplit("/", 1)[0] + f"/{name}"
    runs = ready_upgrades(url)
    try:
        with psycopg.connect(**admin, dbname=name) as holder:
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            let_go(runs)
            waiting = 0
            deadline = time.monotonic() + 60
            while waiting < 2 and time.monotonic() < deadline:  # until both wait at the lock
                with psycopg.connect(**admin, dbname=name, autocommit=True) as look:
                    row = look.execute(
                        "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                        " WHERE d.datname = %s AND l.locktype = 'advisory' AND NOT l.granted",
                        (name,),
                    ).fetchone()
                    waiting = row[0] if row else 0
                    tables = look.execute(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    ).fetchone()
                assert tables == (0,)  # nothing made while the lock is held
                assert all(run.poll() is None for run in runs)
                time.sleep(0.05)
            assert waiting == 2
        finish(runs)  # the holder's transaction ended: the lock is free
    finally:
        stop_all(runs)
    migrated_once(url)


class Watched:
    """A SQLite cursor that tells when SQLite has refused it once ('database is locked')."""

    def __init__(self, cursor: sqlite3.Cursor, refused: threading.Event):
        self.cursor, self.refused = cursor, refused

    def execute(self, sql: str) -> sqlite3.Cursor:
        try:
            return self.cursor.execute(sql)
        except sqlite3.OperationalError:
            self.refused.set()
            raise


def test_turning_on_the_write_ahead_log_waits_out_a_busy_new_file(tmp_path):
    """Two processes opening a new SQLite file at once: SQLite refuses one at once ('database is locked',
    without waiting) as both want the file to itself to turn on the write-ahead log; that one tries again
    once the other is done. Here another connection holds the file, and the opener's SQLite answers at
    once (timeout 0), as it does in that race."""
    from trigger_map.visit_store import _write_ahead_log

    path = tmp_path / "new.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    opener = sqlite3.connect(path, timeout=0, isolation_level=None)
    refused = threading.Event()
    with pytest.raises(sqlite3.OperationalError, match="locked"):  # held to the end: it gives up, saying so
        _write_ahead_log(Watched(opener.cursor(), refused), wait=0.3)
    assert refused.is_set()
    refused.clear()
    release = threading.Thread(target=lambda: refused.wait(30) and holder.execute("COMMIT"))
    release.start()
    _write_ahead_log(Watched(opener.cursor(), refused), wait=30)  # refused, then let through
    release.join()
    assert refused.is_set()
    assert opener.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    holder.close()
    opener.close()


def test_a_database_error_is_said_in_plain_words_without_its_text():
    from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

    from trigger_map.visit_store import in_words

    secret = "connection to server at 10.0.0.5 port 5432 failed; client C-77"
    for error in (OperationalError(secret, {}, Exception()), IntegrityError(secret, {}, Exception())):
        said = in_words(error)
        assert "Error" not in said and "10.0.0.5" not in said and "C-77" not in said
    assert "did not answer" in in_words(OperationalError(secret, {}, Exception()))
    assert in_words(ProgrammingError(secret, {}, Exception())) == "the database reported a problem"
