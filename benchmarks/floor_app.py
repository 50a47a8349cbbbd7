"""The floor: the least a Streamlit + Plotly click can cost, measured next to our explorer.

A bare page with one chart holding one invisible marker trace the size of our hit layer (the points of
`trigger_map.figures.hit_layer(body, view)` for both views joined into one trace, customdata the
region ids, same marker size and height), and one line of text naming the clicked point. The
`on_select` callback copies the clicked customdata into session state, as the explorer does.
Nothing else: no navigation, no fragment, no panel, no highlight.

The figure is read from JSON that `benchmarks/run.py` writes before it starts this app (see
`floor_figure_spec` there; `$TRIGGER_MAP_FLOOR_FIGURE` names the file, so the same app also serves
the one-view floor shown for information), so this server loads only Streamlit and Plotly: a bare
page's heap, which keeps the garbage collection Streamlit runs after every run as short as a bare
page's.
"""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

FIGURE = Path(
    os.environ.get("TRIGGER_MAP_FLOOR_FIGURE", Path(__file__).resolve().parent / "results" / "floor_figure.json")
)
KEY = "floor_map"


@st.cache_resource
def figure() -> go.Figure:
    """Built once, unvalidated, as our explorer does (a dict would be validated on every run)."""
    return go.Figure(json.loads(FIGURE.read_text(encoding="utf-8")), _validate=False)


def copy_selection() -> None:
    points = (st.session_state[KEY] or {}).get("selection", {}).get("points", [])
    ids = [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]
    if ids:
        st.session_state.clicked = ids[0]


if os.environ.get("TRIGGER_MAP_FLOOR_TAPS"):
    # Tapped with a finger, a bare Plotly chart selects nothing on the first tap (it only hovers),
    # so the touch floor takes taps the way our app does: with our page script, and nothing else.
    script = (Path(__file__).resolve().parents[1] / "ui" / "static" / "map.js").read_text(encoding="utf-8")
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True, width="content")
if not FIGURE.exists():
    st.error(f"{FIGURE} is missing: benchmarks/run.py writes it before it starts this app.")
    st.stop()
st.plotly_chart(figure(), key=KEY, on_select=copy_selection, selection_mode="points", config={"displayModeBar": False})
st.text(f"Clicked: {st.session_state.get('clicked', 'nothing')}")
