"""Shared fixtures: a tiny stand-in body and dataset for exact engine tests, and the real ones."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from paths import MINI_BODY, MINI_DATA
from streamlit import config as streamlit_config
from streamlit.components.v2 import manifest_scanner

from trigger_map.body import BODY_SVG, load_body
from trigger_map.data import DATA_DIR, load_dataset
from trigger_map.lookup import Engine
from trigger_map.validate import load_engine

# The app shows clients a plain sentence instead of an error's details (.streamlit/config.toml);
# a failing test should show them.
streamlit_config.set_option("client.showErrorDetails", "full")

# Each AppTest scans every installed package's metadata for Streamlit components before its first
# run: about 0.18 s of each page test here, the same answer every time (the installed packages do
# not change while the tests run). Scan once per test process.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


@pytest.fixture(scope="session")
def mini_engine() -> Engine:
    return load_engine(MINI_DATA, MINI_BODY)  # the app's own loading path, every check included


@pytest.fixture(scope="session")
def body():
    return load_body(BODY_SVG)


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATA_DIR)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return load_engine(DATA_DIR, BODY_SVG)


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A writable copy of the mini dataset, for breaking on purpose."""
    target = tmp_path / "data"
    shutil.copytree(MINI_DATA, target)
    return target


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL (Debian's package) in a temporary folder, on a free loopback port, stopped
    by its pid at the end. The folder comes from mkdtemp in /tmp: as root the server runs as the
    `postgres` user, which must be able to reach it (pytest's own tmp folders are root-only)."""
    import tempfile

    from trigger_map import devdb

    folder = Path(tempfile.mkdtemp(prefix="trigger-map-pg-"))
    try:
        server = devdb.start(folder, ephemeral=True)
        yield server
    finally:
        devdb.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


_databases = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A new, empty database for one test: a SQLite file, or a fresh database on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'visits.sqlite3'}"
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = f"test_{next(_databases)}"
    with psycopg.connect(
        host="127.0.0.1", port=server["port"], user="postgres", dbname="postgres", autocommit=True
    ) as c:
        c.execute(f"CREATE DATABASE {name}")
    return server["url"].rsplit("/", 1)[0] + f"/{name}"
