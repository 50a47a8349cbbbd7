"""Alembic's environment: the connection comes from the caller (trigger_map.visit_store.upgrade)
or from the config's sqlalchemy.url.

Two upgrades may start at once (two app processes, or two `db upgrade` runs, opening a new
database). On PostgreSQL each takes a transaction-level advisory lock before it reads the database's
revision, so the second waits until the first has committed and then finds nothing left to do; the
lock goes with the transaction. On SQLite every transaction already starts with BEGIN IMMEDIATE
(trigger_map.visit_store), which takes the database's write lock, to the same effect (and the one
step before it, turning on a new file's write-ahead log, is tried again when SQLite refuses it).
"""

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool, text

from trigger_map.migrations import MIGRATION_LOCK
from trigger_map.visit_models import Base

config = context.config
target_metadata = Base.metadata


def migrate(connection: Connection) -> None:
    """Run the migrations in one transaction, one upgrade at a time on a PostgreSQL database."""
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        migrate(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        migrate(conn)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
