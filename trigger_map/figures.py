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
    import shapely

    from trigger_map.lookup import Engine

TP_PREFIX = "tp:"
MUSCLE_PREFIX = "muscle:"  # customdata of the muscles layer's targets
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
    # muscles drawn under the pattern (their shapes in `trigger_map.muscle_shapes`), and whether
    # their origin and insertion are marked
    muscles: tuple[str, ...] = ()
    attachments: bool = False


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
    regions, trigger_points, _ = selected(event)
    return regions, trigger_points


def selected(event: dict | None) -> tuple[list[str], list[str], list[str]]:
    """Region ids, trigger point keys and muscle ids from a Streamlit Plotly selection event."""
    regions: list[str] = []
    trigger_points: list[str] = []
    muscles: list[str] = []
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list):
            data = data[0] if data else None
        if not isinstance(data, str):
            continue
        if data.startswith(TP_PREFIX):
            target, value = trigger_points, data.removeprefix(TP_PREFIX)
        elif data.startswith(MUSCLE_PREFIX):
            target, value = muscles, data.removeprefix(MUSCLE_PREFIX)
        else:
            target, value = regions, data
        if value not in target:
            target.append(value)
    return regions, trigger_points, muscles


MUSCLE_SPACING = 9.0  # drawing units between a muscle's targets (the regions' grid is as fine)
DEEP_OUTLINE_SPACING = 12.0  # drawing units between the targets along a deep muscle's outline


def _muscle_targets(
    deep: bool, outline: shapely.Polygon, above: list[shapely.Polygon], spacing: float, frame: shapely.Polygon | None
) -> tuple[np.ndarray, np.ndarray]:
    """One muscle shape's click targets (x and y arrays): points inside its `outline` where no shape
    drawn later (`above`) covers it, and for a `deep` muscle points along the outline too; only
    those inside `frame` (a close-up's window) when one is given."""
    import shapely

    from trigger_map.hits import region_points

    points = region_points(outline, depth=min(2.0, spacing / 3), edge_spacing=spacing, spacing=spacing)
    px = np.array([p[0] for p in points])
    py = np.array([p[1] for p in points])
    keep = np.ones(len(points), dtype=bool)
    for later in above:  # a shape drawn later covers this one where they overlap
        keep &= ~shapely.contains_xy(later, px, py)
    if deep:  # a deep muscle is drawn as its outline: it answers along it
        ring = outline.exterior
        at = np.arange(0.0, ring.length, DEEP_OUTLINE_SPACING * spacing / MUSCLE_SPACING)
        edge = shapely.line_interpolate_point(ring, at)
        px = np.concatenate([px[keep], shapely.get_x(edge)])
        py = np.concatenate([py[keep], shapely.get_y(edge)])
        keep = np.ones(len(px), dtype=bool)
    if frame is not None:
        keep &= shapely.contains_xy(frame, px, py)
    return px[keep], py[keep]


@lru_cache(maxsize=64)
def muscle_layer(
    view: str,
    names: tuple[tuple[str, str], ...],
    spacing: float = MUSCLE_SPACING,
    window: tuple[float, float, float, float] | None = None,
) -> dict:
    """The muscles layer's click targets in a view: points inside every muscle drawn there, each
    belonging to the muscle on top at that point (the drawing's order: deep ones under superficial
    ones), and points along each deep muscle's outline, which is how the drawing shows it (so the
    pointer on a dashed outline names the deep muscle, elsewhere the muscle on top); customdata
    `muscle:<id>`, hover text the muscle's name. `names`: (muscle id, name) pairs;
    `spacing` and `window` (x, y, width, height) serve a close-up: denser targets, only its part.
    One trace for all muscles, coordinates as float32 arrays (small to send)."""
    import shapely

    from trigger_map.muscle_shapes import all_shapes, polygon

    label = dict(names)
    shapes = [s for s in all_shapes() if s.view == view and s.muscle_id in label]
    frame = None
    if window is not None:
        x0, y0, w, h = window
        frame = shapely.box(x0, y0, x0 + w, y0 + h)
        shapes = [s for s in shapes if polygon(s).intersects(frame)]
    polygons = [polygon(s) for s in shapes]
    xs: list[float] = []
    ys: list[float] = []
    owners: list[str] = []
    for k, (shape, outline) in enumerate(zip(shapes, polygons, strict=True)):
        px, py = _muscle_targets(shape.depth == "deep", outline, polygons[k + 1 :], spacing, frame)
        xs += px.tolist()
        ys += py.tolist()
        owners += [shape.muscle_id] * len(px)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "muscles",
        "x": np.array(xs, dtype=np.float32),
        "y": np.array(ys, dtype=np.float32),
        "customdata": [MUSCLE_PREFIX + m for m in owners],
        "text": [hover_text(label[m]) for m in owners],
        "hovertemplate": "%{text}<extra>muscle</extra>",
        "marker": {"size": HIT_MARKER_SIZE, "opacity": 0, "color": MARKED},
        "selected": {"marker": {"opacity": 0}},
        "unselected": {"marker": {"opacity": 0}},
        "showlegend": False,
    }
