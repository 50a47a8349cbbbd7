"""Shared fixtures: a tiny stand-in body and dataset for exact engine tests, and the real ones."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trigger_map.body import BODY_SVG, load_body
from trigger_map.data import DATA_DIR, load_dataset
from trigger_map.lookup import Engine

from paths import MINI_BODY, MINI_DATA


@pytest.fixture(scope="session")
def mini_engine() -> Engine:
    return Engine(load_dataset(MINI_DATA), load_body(MINI_BODY))


@pytest.fixture(scope="session")
def body():
    return load_body(BODY_SVG)


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATA_DIR)


@pytest.fixture(scope="session")
def engine(dataset, body) -> Engine:
    return Engine(dataset, body)


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A writable copy of the mini dataset, for breaking on purpose."""
    target = tmp_path / "data"
    shutil.copytree(MINI_DATA, target)
    return target
