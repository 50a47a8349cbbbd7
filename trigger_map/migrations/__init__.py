"""Alembic migrations of the visits database (run by `trigger_map.visit_store.upgrade`)."""

# The PostgreSQL advisory lock an upgrade holds while it migrates (env.py): any fixed 64-bit number,
# here the bytes of "TMvisits".
MIGRATION_LOCK = int.from_bytes(b"TMvisits", "big") - 2**63
