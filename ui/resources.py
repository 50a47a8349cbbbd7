"""Shared, cached resources for every page: the engine (dataset + body) and texts."""
from __future__ import annotations

import gc
import json
from pathlib import Path

import streamlit as st

from trigger_map.body import BodyError, body_svg, load_body
from trigger_map.data import DatasetError, data_dir, load_dataset
from trigger_map.lookup import Engine

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@st.cache_resource(show_spinner="Loading the body map...")
def _engine(data_dir: str, svg_path: str) -> Engine:
    engine = Engine(load_dataset(Path(data_dir)), load_body(Path(svg_path)))
    _freeze_heap()
    return engine


def _freeze_heap() -> None:
    """Move everything loaded so far (modules, dataset, body, caches) out of the garbage collector's
    reach. Streamlit runs a full collection after every script run, a click's included; it walked
    all ~200,000 long-lived objects each time (about 100 ms a click on 2 CPUs). After the freeze it
    walks only what the session has made since. Garbage is collected first, so none is kept."""
    gc.collect()
    gc.freeze()


def engine() -> Engine:
    """The engine, or a clear message and a stopped page when the data cannot be loaded."""
    try:
        return _engine(str(data_dir()), str(body_svg()))
    except DatasetError as error:
        st.error("The trigger point dataset has problems, so the map cannot be shown. "
                 "Fix these in the files named (row 2 is the first data row):")
        st.code("\n".join(str(p) for p in error.problems[:100]), language=None)
        st.stop()
    except BodyError as error:
        st.error(f"The body drawing could not be read: {error}")
        st.stop()


@st.cache_data
def text(name: str) -> str:
    """A Markdown text from content/ (our own words)."""
    return (CONTENT_DIR / name).read_text(encoding="utf-8")


@st.cache_data
def json_content(name: str):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))
