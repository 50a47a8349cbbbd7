"""Shared, cached resources for every page: the engine (dataset + body) and texts."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import streamlit as st

from trigger_map.body import body_svg
from trigger_map.citations import MARKER, render
from trigger_map.lookup import Engine
from trigger_map.problems import DatasetError, data_dir
from trigger_map.validate import load_engine

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@st.cache_resource(show_spinner="Loading the body map...")
def _engine(data_dir: str, svg_path: str) -> Engine:
    engine = load_engine(Path(data_dir), Path(svg_path))  # refuses what `validate` refuses
    _freeze_heap()
    return engine


def _freeze_heap() -> None:
    """Move everything loaded so far (modules, dataset, body, caches) out of the garbage collector's
    reach. Streamlit runs a full collection after every script run, a click's included; it walked
    all ~200,000 long-lived objects each time (about 100 ms a click on 2 CPUs). After the freeze it
    walks only what the session has made since. Garbage is collected first, so none is kept."""
    gc.collect()
    gc.freeze()


_frozen_in_server = False


def engine() -> Engine:
    """The engine, or a clear message and a stopped page when the data cannot be loaded."""
    global _frozen_in_server
    try:
        loaded = _engine(str(data_dir()), str(body_svg()))
        if not _frozen_in_server:
            # The launcher (ui/serve.py) loads the engine before Streamlit's server starts: freeze
            # once more at the first page run, so the server's own long-lived objects are left out
            # of the collection after every run too.
            _frozen_in_server = True
            _freeze_heap()
        return loaded
    except DatasetError as error:
        st.error(
            "The trigger point dataset has problems, so the map cannot be shown. Fix these in "
            "the files named (row 2 is the first data row); `python -m trigger_map validate` "
            "lists the same:"
        )
        st.code("\n".join(str(p) for p in error.problems[:100]), language=None)
        st.stop()


@st.cache_data
def text(name: str) -> str:
    """A Markdown text from content/ (our own words)."""
    return (CONTENT_DIR / name).read_text(encoding="utf-8")


def content(name: str, sources) -> str:
    """A page of content/ (our own Markdown) with its [source-id] markers as short citations; the
    citations come from sources.csv, a data file, so they are escaped (text, never Markdown)."""
    from ui.text import plain

    return MARKER.sub(lambda marker: plain(render(marker.group(0), sources, keep_together=True)), text(name))


@st.cache_data
def json_content(name: str):
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))
