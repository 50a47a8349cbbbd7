"""Plotly figures of the body: one figure per view, as plain dicts (fast to build, small to send).

Layers, bottom to top: the silhouette and region borders (shapes and one line trace), the highlight
layers (marked regions; the essential zone solid; the spillover zone lighter and stippled, after the
clinical convention), anatomical detail lines, the invisible hit layer (one marker per grid point,
its customdata the region id: fills cannot be clicked in Streamlit, markers can), and the trigger
point markers (an X; customdata `tp:<trigger point>@<side>`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from trigger_map.body import MIDLINE, Body

SKIN = "#f4ebe4"
OUTLINE = "#8a7f78"
BORDER = "#c9bdb5"
DETAIL = "#b3a69d"
MARKED = "#4f7cac"
ESSENTIAL = "#c0392b"
SPILLOVER = "#ec9a8f"
TRIGGER = "#1d1d1f"
HALF_WIDTH = 212  # the arms reach 202 units either side of the midline
TOP, BOTTOM = 0, 848
TP_PREFIX = "tp:"
# The hit layer: one invisible marker every HIT_SPACING drawing units (about 9 px on a laptop, 11 on
# a phone), each region at least 4. Fewer points draw faster: the browser redraws them every click.
HIT_SPACING = 13.0
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


def _ring_xy(polygons) -> tuple[list, list]:
    """Outlines joined into one trace, separated by None (one trace instead of one per region)."""
    xs: list = []
    ys: list = []
    for shape in polygons:
        for polygon in getattr(shape, "geoms", [shape]):  # a MultiPolygon: each part
            coords = np.round(np.asarray(polygon.exterior.coords), 1)
            xs.extend(coords[:, 0].tolist() + [None])
            ys.extend(coords[:, 1].tolist() + [None])
    return xs, ys


def _zone_trace(body: Body, region_ids, color: str, opacity: float, name: str, pattern: bool = False) -> dict:
    xs, ys = _ring_xy(body.regions[r].polygon for r in region_ids)
    trace = {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself",
             "fillcolor": color, "opacity": opacity, "line": {"width": 0.6, "color": color},
             "hoverinfo": "skip", "name": name, "showlegend": False}
    if pattern:
        trace["fillpattern"] = {"shape": ".", "fgcolor": ESSENTIAL, "bgcolor": color,
                                "size": 6, "solidity": 0.25}
    return trace


def _frame(view: str, height: int) -> dict:
    """The layout both layers of a view share, so they line up exactly when stacked."""
    mid = MIDLINE[view]
    return {
        "xaxis": {"range": [mid - HALF_WIDTH, mid + HALF_WIDTH], "visible": False, "fixedrange": True},
        "yaxis": {"range": [BOTTOM, TOP], "visible": False, "scaleanchor": "x", "fixedrange": True},
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)", "showlegend": False, "height": height, "dragmode": False,
    }


@lru_cache(maxsize=8)
def _drawing_base(body: Body, view: str) -> tuple[list, list, list]:
    """What never changes in a view's drawing: outline and region borders, details, labels."""
    mid = MIDLINE[view]
    silhouette = body.silhouettes.get(view)
    traces = []
    if silhouette is not None:
        xs, ys = _ring_xy([silhouette])
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself",
                       "fillcolor": SKIN, "line": {"color": OUTLINE, "width": 1.4},
                       "hoverinfo": "skip", "showlegend": False, "name": "body"})
    bx, by = _ring_xy(r.polygon for r in body.in_view(view))
    traces.append({"type": "scatter", "x": bx, "y": by, "mode": "lines",
                   "line": {"color": BORDER, "width": 0.6}, "hoverinfo": "skip",
                   "showlegend": False, "name": "borders"})
    shapes = [{"type": "path", "path": d, "line": {"color": DETAIL, "width": 1}, "layer": "above"}
              for d in body.details.get(view, [])]
    right_x = mid - 150 if view == "front" else mid + 150
    left_x = 2 * mid - right_x
    annotations = [
        {"x": mid - HALF_WIDTH + 4, "y": TOP + 4, "text": f"<b>{view.title()}</b>", "showarrow": False,
         "font": {"size": 15, "color": "#444"}, "yanchor": "top", "xanchor": "left"},
        {"x": right_x, "y": 95, "text": "<b>R</b>", "showarrow": False,
         "font": {"size": 16, "color": "#666"}, "hovertext": "the person's right"},
        {"x": left_x, "y": 95, "text": "<b>L</b>", "showarrow": False,
         "font": {"size": 16, "color": "#666"}, "hovertext": "the person's left"},
    ]
    return traces, shapes, annotations


@lru_cache(maxsize=8)
def hit_layer(body: Body, view: str, spacing: float = HIT_SPACING) -> dict:
    """The invisible click targets of a view: grid points inside each region, customdata its id."""
    grid = [(x, y, rid) for _, x, y, rid in body.hit_grid(spacing, view=view)]
    labels = {rid: body.regions[rid].display_label for rid in {g[2] for g in grid}}
    return {"type": "scatter", "mode": "markers", "name": "regions",
            "x": [g[0] for g in grid], "y": [g[1] for g in grid],
            "customdata": [g[2] for g in grid], "text": [labels[g[2]] for g in grid],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {"size": HIT_MARKER_SIZE, "opacity": 0, "color": MARKED},
            "selected": {"marker": {"opacity": 0}}, "unselected": {"marker": {"opacity": 0}},
            "showlegend": False}


def drawing_figure(body: Body, view: str, highlight: Highlight = Highlight(), height: int = 640) -> dict:
    """What a view shows: the body, the highlighted zones and the chosen trigger point's X.
    It takes no clicks; `hit_figure` lies over it and does."""
    base, shapes, annotations = _drawing_base(body, view)
    in_view = lambda ids: tuple(r for r in ids if r in body.regions and body.regions[r].view == view)
    traces = list(base)
    marked = in_view(highlight.marked)
    spill = in_view(r for r in highlight.spillover if r not in highlight.essential)
    essential = in_view(highlight.essential)
    if spill:
        traces.append(_zone_trace(body, spill, SPILLOVER, 0.75, "spillover zone", pattern=True))
    if essential:
        traces.append(_zone_trace(body, essential, ESSENTIAL, 0.8, "essential zone"))
    if marked:
        xs, ys = _ring_xy(body.regions[r].polygon for r in marked)
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself",
                       "fillcolor": "rgba(79,124,172,0.28)", "line": {"color": MARKED, "width": 2},
                       "hoverinfo": "skip", "showlegend": False, "name": "marked"})
    if highlight.chosen is not None and highlight.chosen.view == view:
        traces.append(_marker_trace([highlight.chosen], size=20, color=TRIGGER, width=4,
                                    name="trigger point"))
    layout = dict(_frame(view, height), shapes=shapes, annotations=annotations, hovermode=False)
    return {"data": traces, "layout": layout}


def hit_figure(body: Body, view: str, highlight: Highlight = Highlight(), height: int = 640,
               lasso: bool = False) -> dict:
    """The clickable layer of a view: the hit grid and the "treat here" X marks. It changes only
    when the X marks do, so a click that only changes the drawing leaves it as it is."""
    traces = [hit_layer(body, view)]
    markers = [m for m in highlight.treat_here if m.view == view and m != highlight.chosen]
    if markers:
        # large, so that a tap near an X picks it rather than a hit point of the area under it
        traces.append(_marker_trace(markers, size=18, color="#5b3a29", width=2.5, name="treat here"))
    layout = dict(_frame(view, height), hovermode="closest", clickmode="event+select",
                  hoverlabel={"bgcolor": "#2f4858", "font": {"color": "white", "size": 14}})
    if lasso:
        layout["dragmode"] = "lasso"
    return {"data": traces, "layout": layout}


def view_figure(body: Body, view: str, highlight: Highlight = Highlight(), height: int = 640,
                lasso: bool = False) -> dict:
    """Both layers in one figure: for pictures that need no clicks, and for measuring size."""
    drawing = drawing_figure(body, view, highlight, height)
    hits = hit_figure(body, view, highlight, height, lasso)
    layout = dict(drawing["layout"], **{k: v for k, v in hits["layout"].items() if k not in drawing["layout"]
                                         or k in ("hovermode", "dragmode")})
    return {"data": drawing["data"] + hits["data"], "layout": layout}


def _marker_trace(markers: list[Marker], size: int, color: str, width: float, name: str) -> dict:
    return {"type": "scatter", "mode": "markers", "name": name,
            "x": [m.x for m in markers], "y": [m.y for m in markers],
            "customdata": [TP_PREFIX + m.key for m in markers], "text": [m.label for m in markers],
            "hovertemplate": "%{text}<extra>" + name + "</extra>",
            "marker": {"symbol": "x-thin", "size": size, "line": {"width": width, "color": color},
                       "color": color},
            "selected": {"marker": {"opacity": 1}}, "unselected": {"marker": {"opacity": 1}},
            "showlegend": False}


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
