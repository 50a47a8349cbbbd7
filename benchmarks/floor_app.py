"""The floor: the least a Streamlit + Plotly click can cost, measured next to our explorer.

A bare page with one chart holding one invisible marker trace as large as our hit layer for one
view (the same points as `load_body().hit_grid()` for the front view, customdata the region ids),
and one line of text naming the clicked point. The `on_select` callback copies the clicked
customdata into session state, as the explorer does. Nothing else: no navigation, no fragment, no
panel, no highlight. Started by benchmarks/run.py with `streamlit run benchmarks/floor_app.py`.
"""
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root, for trigger_map

VIEW = "front"
KEY = "floor_map"


@st.cache_resource
def figure():
    """Built once, unvalidated, as our explorer does (a dict would be validated on every run)."""
    import plotly.graph_objects as go

    from trigger_map.body import MIDLINE, load_body
    from trigger_map.figures import BOTTOM, HALF_WIDTH, TOP, hit_layer
    from ui.body_map import MAP_HEIGHT

    mid = MIDLINE[VIEW]
    return go.Figure({
        # exactly our hit layer for one view (same points, customdata, labels and marker size)
        "data": [dict(hit_layer(load_body(), VIEW), hovertemplate="%{customdata}<extra></extra>")],
        # the same drawing area and height as one of the explorer's two views (figures.py, body_map.py)
        "layout": {"xaxis": {"range": [mid - HALF_WIDTH, mid + HALF_WIDTH], "visible": False, "fixedrange": True},
                   "yaxis": {"range": [BOTTOM, TOP], "visible": False, "scaleanchor": "x", "fixedrange": True},
                   "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "height": MAP_HEIGHT, "hovermode": "closest",
                   "dragmode": False},
    }, _validate=False)


def copy_selection() -> None:
    points = (st.session_state[KEY] or {}).get("selection", {}).get("points", [])
    ids = [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]
    if ids:
        st.session_state.clicked = ids[0]


st.plotly_chart(figure(), key=KEY, on_select=copy_selection, selection_mode="points",
                config={"displayModeBar": False})
st.text(f"Clicked: {st.session_state.get('clicked', 'nothing')}")
