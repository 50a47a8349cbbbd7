"""Alembic migrations of the visits database (run by `trigger_map.visit_store.upgrade`)."""
