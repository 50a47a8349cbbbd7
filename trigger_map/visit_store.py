"""The visits store: save a visit's pain drawing under a client code, read a client's visits back,
delete a client for real. One store per owner (the therapist's login id, or None on a single-user
laptop): every query is filtered by it, so a therapist can never reach another's clients.

The database is a SQLite file in the user's data folder (platformdirs), created on first use, or
the one `TRIGGER_MAP_DB` names (`sqlite:///path` or `postgresql+psycopg://...`). The tables are made
and kept current by the Alembic migrations in trigger_map/migrations (`upgrade`), run once per
database per process. Each save is one transaction; two saves for the same client at the same time
both land (the client row is made once, the loser of the race reads the winner's).

Errors are `StoreError` with a message that names no client code and no note, so a page or a log
can show it as it is.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, delete, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from trigger_map.visit_models import CODE_LENGTH, NOTE_LENGTH, Client, TreatedTriggerPoint, Visit, VisitArea

DB_ENV = "TRIGGER_MAP_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CODE = re.compile(rf"^[A-Za-z0-9][A-Za-z0-9_.-]{{0,{CODE_LENGTH - 1}}}$")
CODE_RULE = f"a client code is 1 to {CODE_LENGTH} letters, digits, '-', '_' or '.' (a code, never a name)"
SCHEMES = ("sqlite", "postgresql")


def in_words(error: Exception) -> str:
    """What a database error means for the person saving, in plain words (never its text: it can
    hold the server's address or the data sent)."""
    if isinstance(error, OperationalError):
        return "the database did not answer (it may be stopped or out of reach)"
    if isinstance(error, IntegrityError):
        return "the database refused it, as it clashes with what is stored"
    return "the database reported a problem"


class StoreError(Exception):
    """A save, read or delete that failed; the message is safe to show (no client data in it)."""


def default_path() -> Path:
    return Path(user_data_dir("trigger-map", appauthor=False)) / "visits.sqlite3"


def database_url() -> str:
    """TRIGGER_MAP_DB when set, else the SQLite file in the user's data folder."""
    return os.environ.get(DB_ENV) or f"sqlite:///{default_path()}"


def where(url: str | None = None) -> str:
    """Where the visits are kept, for people: a file's path, or a server's database (no password)."""
    url = url or database_url()
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "an unreadable database address (TRIGGER_MAP_DB)"
    if parsed.get_backend_name() == "sqlite":
        return f"the file {parsed.database}" if parsed.database else "memory (lost when the app stops)"
    return f"the PostgreSQL database {parsed.database or ''} on {parsed.host or 'the local socket'}".replace("  ", " ")


def check_code(code: str) -> str:
    """A client code as stored (spaces around it dropped), or StoreError saying the rule."""
    code = (code or "").strip()
    if not CODE.match(code):
        raise StoreError(f"not a valid client code: {CODE_RULE}")
    return code


@dataclass(frozen=True)
class VisitRecord:
    """One saved visit, as read back."""

    id: int
    date: date
    areas: dict[str, int]  # region id -> severity 0-10, in the order marked
    symptoms: tuple[str, ...] = ()
    condition: str | None = None
    note: str = ""
    treated: tuple[str, ...] = ()  # trigger point keys "<id>@<side>"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "areas": dict(self.areas),
            "symptoms": list(self.symptoms),
            "condition": self.condition,
            "note": self.note,
            "treated": list(self.treated),
        }


@dataclass(frozen=True)
class NewVisit:
    """A visit to save: checked by `check` before it reaches the database."""

    visit_date: date
    areas: Mapping[str, int]
    symptoms: tuple[str, ...] = ()
    condition: str | None = None
    note: str = ""
    treated: tuple[str, ...] = field(default=())

    def check(self) -> None:
        if not isinstance(self.visit_date, date):
            raise StoreError("the visit's date is not a date")
        if not self.areas:
            raise StoreError("a visit needs at least one painful area")
        for region, severity in self.areas.items():
            if not isinstance(severity, int) or isinstance(severity, bool) or not 0 <= severity <= 10:
                raise StoreError(f"severity of {region} must be a whole number from 0 to 10")
        if len(self.note) > NOTE_LENGTH:
            raise StoreError(f"the note is longer than {NOTE_LENGTH} characters")


_engines: dict[str, Engine] = {}
_lock = threading.Lock()


SQLITE_WAIT = 30.0  # seconds a SQLite connection waits for a lock another process holds


def _write_ahead_log(cursor, wait: float = SQLITE_WAIT) -> None:
    """Turn the write-ahead log on. Turning it on for a new file needs the file to itself for a moment;
    when two processes open a new file at once, both hold a read lock and want that, and SQLite tells one
    'database is locked' at once, without waiting (that would deadlock). That one tries again until the
    other has turned it on (then it is a no-op) or `wait` seconds have gone."""
    deadline = time.monotonic() + wait
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_setup(engine: Engine) -> None:
    """SQLite: foreign keys on, write-ahead log (readers never block a save), and every transaction
    takes the write lock at its start (BEGIN IMMEDIATE): two saves at once then wait in turn instead
    of one failing with 'database is locked' when both try to upgrade a read lock. Two processes
    opening a new file at once therefore also migrate it one after the other."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        _write_ahead_log(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def engine_for(url: str) -> Engine:
    """One engine per database address per process, its tables migrated to the latest revision."""
    with _lock:
        if url in _engines:
            return _engines[url]
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise StoreError(
                f"{DB_ENV} is not a database address (sqlite:///path or postgresql+psycopg://...)"
            ) from None
        if parsed.get_backend_name() not in SCHEMES:
            raise StoreError(f"{DB_ENV} must name a SQLite or PostgreSQL database")
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": SQLITE_WAIT})
            _sqlite_setup(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        try:
            upgrade(engine)
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(f"the visits database cannot be opened: {in_words(error)}") from None
        _engines[url] = engine
        return engine


def alembic_config():
    from alembic.config import Config  # only when a database is opened

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database's tables to the latest migration (creates them on a new database)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class VisitStore:
    """The visits of one owner's clients. `owner`: the therapist's login id; None when the app is
    single-user. Every query below is filtered by it."""

    def __init__(self, url: str | None = None, owner: str | None = None):
        self.url = url or database_url()
        self.owner = owner
        self.engine = engine_for(self.url)

    def _mine(self):
        return Client.owner.is_(None) if self.owner is None else Client.owner == self.owner

    def _client(self, session: Session, code: str) -> Client | None:
        return session.scalars(select(Client).where(self._mine(), Client.code == code)).one_or_none()

    def _run(self, what: str, work):
        try:
            with Session(self.engine) as session, session.begin():
                return work(session)
        except StoreError:
            raise
        except SQLAlchemyError as error:
            raise StoreError(f"could not {what}: {in_words(error)}") from None

    def add_visit(self, code: str, visit: NewVisit) -> int:
        """Save one visit (and the client, on their first visit) in one transaction; its id."""
        code = check_code(code)
        visit.check()

        def work(session: Session) -> int:
            client = self._client(session, code)
            if client is None:
                try:
                    with session.begin_nested():  # a save for the same new client may win the race
                        client = Client(code=code, owner=self.owner)
                        session.add(client)
                except IntegrityError:
                    client = self._client(session, code)
                    if client is None:
                        raise
            row = Visit(
                client=client,
                visit_date=visit.visit_date,
                note=visit.note.strip(),
                condition=visit.condition or None,
                symptoms=";".join(visit.symptoms),
                areas=[VisitArea(region=r, severity=s) for r, s in visit.areas.items()],
                treated=[TreatedTriggerPoint(trigger_point=k) for k in dict.fromkeys(visit.treated)],
            )
            session.add(row)
            session.flush()
            return row.id

        return self._run("save the visit", work)

    def clients(self) -> list[str]:
        """This owner's client codes, sorted."""
        return self._run(
            "list the clients",
            lambda session: list(session.scalars(select(Client.code).where(self._mine()).order_by(Client.code))),
        )

    def has_client(self, code: str) -> bool:
        code = check_code(code)
        return self._run("find the client", lambda session: self._client(session, code) is not None)

    def visits(self, code: str) -> list[VisitRecord]:
        """The client's visits, oldest first (by date, then in the order saved); [] when this owner
        has no such client."""
        code = check_code(code)

        def work(session: Session) -> list[VisitRecord]:
            rows = session.scalars(
                select(Visit)
                .join(Client)
                .where(self._mine(), Client.code == code)
                .options(selectinload(Visit.areas), selectinload(Visit.treated))
                .order_by(Visit.visit_date, Visit.id)
            )
            return [
                VisitRecord(
                    id=v.id,
                    date=v.visit_date,
                    areas={a.region: a.severity for a in v.areas},
                    symptoms=tuple(s for s in v.symptoms.split(";") if s),
                    condition=v.condition,
                    note=v.note,
                    treated=tuple(t.trigger_point for t in v.treated),
                )
                for v in rows
            ]

        return self._run("read the visits", work)

    def delete_client(self, code: str) -> int | None:
        """Delete the client and every visit of theirs; how many visits went, or None when this
        owner has no such client."""
        code = check_code(code)

        def work(session: Session) -> int | None:
            client = self._client(session, code)
            if client is None:
                return None
            visit_ids = select(Visit.id).where(Visit.client_id == client.id)
            session.execute(delete(VisitArea).where(VisitArea.visit_id.in_(visit_ids)))
            session.execute(delete(TreatedTriggerPoint).where(TreatedTriggerPoint.visit_id.in_(visit_ids)))
            gone = len(session.scalars(select(Visit.id).where(Visit.client_id == client.id)).all())
            session.execute(delete(Visit).where(Visit.client_id == client.id))
            session.execute(delete(Client).where(Client.id == client.id))
            return gone

        return self._run("delete the client", work)


def symptoms_of(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
