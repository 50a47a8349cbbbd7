"""The clickable Plotly layer of each view, as plain dicts (fast to build, small to send).

It lies over the pictures of `trigger_map.drawing` (the body and the highlight) in the same frame:
the invisible hit layer (one marker per grid point, its customdata the region id: fills cannot be
clicked in Streamlit, markers can) and the "treat here" trigger point markers (an X; customdata
`tp:<trigger point>@<side>`). Colours and the frame are shared with the pictures.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from trigger_map.body import Body
from trigger_map.frame import BOTTOM, HALF_WIDTH, MARKED, MIDLINE, TOP, TRIGGER

if TYPE_CHECKING:
    from trigger_map.lookup import Engine

TP_PREFIX = "tp:"
# Small on purpose: Plotly treats a pointer anywhere inside a marker as distance zero, so large
# overlapping markers tie and the first listed wins; small ones let the truly nearest point win.
HIT_MARKER_SIZE = 6


@dataclass(frozen=True)
class Marker:
    """A trigger point to draw: where, and what a hover or click on it says."""

    key: str
    view: str
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Highlight:
    """What to light up on top of the plain body."""

    marked: tuple[str, ...] = ()
    essential: tuple[str, ...] = ()
    spillover: tuple[str, ...] = ()
    treat_here: tuple[Marker, ...] = ()
    chosen: Marker | None = None


def marker_for(engine: Engine, key: str) -> Marker:
    """A trigger point on a side (its `side_key`) as the map's X mark, labelled with its muscle."""
    placed = engine.by_key[key]
    row = engine.dataset.trigger_points.loc[placed.trigger_point]
    muscle = engine.dataset.muscles.at[row["muscle_id"], "name"]
    return Marker(key=key, view=placed.view, x=placed.x, y=placed.y, label=f"{muscle}: {row['name']} ({placed.side})")


NO_HIGHLIGHT = Highlight()


def _frame(view: str, height: int) -> dict:
    """The chart's frame: the same drawing units the pictures' viewBox shows (drawing.frame)."""
    mid = MIDLINE[view]
    return {
        "xaxis": {"range": [mid - HALF_WIDTH, mid + HALF_WIDTH], "visible": False, "fixedrange": True},
        "yaxis": {"range": [BOTTOM, TOP], "visible": False, "scaleanchor": "x", "fixedrange": True},
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)",
        "showlegend": False,
        "height": height,
        "dragmode": False,
    }


@lru_cache(maxsize=8)
def hit_layer(body: Body, view: str) -> dict:
    """The invisible click targets of a view (`Body.hit_grid`), customdata their region's id.
    Coordinates are float32 arrays: Plotly sends them as compact typed arrays, and copying them
    (Streamlit copies the figure on every run) is one memory copy rather than a Python loop."""
    grid = [(x, y, rid) for _, x, y, rid in body.hit_grid(view=view)]
    labels = {rid: hover_text(body.regions[rid].display_label) for rid in {g[2] for g in grid}}
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "regions",
        "x": np.array([g[0] for g in grid], dtype=np.float32),
        "y": np.array([g[1] for g in grid], dtype=np.float32),
        "customdata": [g[2] for g in grid],
        "text": [labels[g[2]] for g in grid],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"size": HIT_MARKER_SIZE, "opacity": 0, "color": MARKED},
        "selected": {"marker": {"opacity": 0}},
        "unselected": {"marker": {"opacity": 0}},
        "showlegend": False,
    }


def hover_text(text: str) -> str:
    """Data text for a Plotly hover label, which renders a few HTML tags (<b>, <a href>, <br>):
    escaped, so it shows as the text it is."""
    return html.escape(text, quote=False)


def treat_here_marks(highlight: Highlight, view: str) -> tuple[Marker, ...]:
    """The clickable X marks of a view: the "treat here" trigger points but the chosen one. The
    highlight picture draws every X (the chosen one large); these are their click targets."""
    return tuple(m for m in highlight.treat_here if m.view == view and m != highlight.chosen)


def hit_figure(
    body: Body,
    view: str,
    highlight: Highlight = NO_HIGHLIGHT,
    height: int = 640,
    lasso: bool = False,
    layer: dict | None = None,
) -> dict:
    """The clickable layer of a view: the hit grid (`layer`, by default the whole view's) and the
    "treat here" X marks. It changes only when the X marks do, so a click that only changes the
    drawing leaves it as it is."""
    traces = [layer or hit_layer(body, view)]
    markers = treat_here_marks(highlight, view)
    if markers:
        traces[0] = _clear_of(traces[0], markers)
        # large, so that a tap near an X picks it rather than a hit point of the area under it;
        # invisible: the highlight picture draws each X, small, so many of them do not bury the pattern
        traces.append(_marker_trace(markers, size=18, name="treat here"))
    layout = dict(
        _frame(view, height),
        hovermode="closest",
        clickmode="event+select",
        hoverlabel={"bgcolor": "#2f4858", "font": {"color": "white", "size": 14}},
    )
    if lasso:
        layout["dragmode"] = "lasso"
    return {"data": traces, "layout": layout}


# Plotly's hover distance is 0 anywhere inside a hit point (radius 3 px) but never below
# 1 - 3 / radius inside a larger marker, so wherever a hit point lies within 3 px of the pointer it
# beats an X's target. Region targets are left out around each X (a region keeps at least its
# own), so a tap within about 9 px of an X picks the X.
X_CLEARANCE = 18.0  # drawing units: about 13 px with both views on a laptop


def _clear_of(layer: dict, markers) -> dict:
    """The hit layer without its targets within X_CLEARANCE of any X mark."""
    xs, ys = layer["x"], layer["y"]
    near = np.zeros(len(xs), dtype=bool)
    for m in markers:
        near |= (xs - m.x) ** 2 + (ys - m.y) ** 2 < X_CLEARANCE**2
    if not near.any():
        return layer
    regions = np.array(layer["customdata"], dtype=object)
    emptied = set(regions[near]) - set(regions[~near])
    keep = np.flatnonzero(~near | np.isin(regions, list(emptied)))
    return dict(
        layer,
        x=xs[keep],
        y=ys[keep],
        customdata=[layer["customdata"][i] for i in keep],
        text=[layer["text"][i] for i in keep],
    )


def _marker_trace(markers: Sequence[Marker], size: int, name: str) -> dict:
    """Invisible round click targets over the X marks the highlight picture draws."""
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "x": [m.x for m in markers],
        "y": [m.y for m in markers],
        "customdata": [TP_PREFIX + m.key for m in markers],
        "text": [hover_text(m.label) for m in markers],
        "hovertemplate": "%{text}<extra>" + name + "</extra>",
        "marker": {"symbol": "circle", "size": size, "opacity": 0, "color": TRIGGER},
        "selected": {"marker": {"opacity": 0}},
        "unselected": {"marker": {"opacity": 0}},
        "showlegend": False,
    }


def selected_ids(event: dict | None) -> tuple[list[str], list[str]]:
    """Region ids and trigger point keys from a Streamlit Plotly selection event."""
    regions: list[str] = []
    trigger_points: list[str] = []
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, str):
            continue
        target = trigger_points if data.startswith(TP_PREFIX) else regions
        value = data.removeprefix(TP_PREFIX)
        if value not in target:
            target.append(value)
    return regions, trigger_points
