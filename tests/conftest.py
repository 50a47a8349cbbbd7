"""Shared fixtures: a tiny stand-in body and dataset for exact engine tests, and the real ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import MINI_BODY, MINI_DATA
from streamlit import config as streamlit_config

from trigger_map.body import BODY_SVG, load_body
from trigger_map.data import DATA_DIR, load_dataset
from trigger_map.lookup import Engine
from trigger_map.validate import load_engine

# The app shows clients a plain sentence instead of an error's details (.streamlit/config.toml);
# a failing test should show them.
streamlit_config.set_option("client.showErrorDetails", "full")


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
