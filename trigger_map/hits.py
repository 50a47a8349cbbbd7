"""Where the map's invisible click targets go, so that a click lands on the region it is in.

Streamlit reports a Plotly chart's clicks only as selected marker points, and Plotly selects the
marker nearest the pointer. With a plain grid, the nearest point to a click near an edge is often
across it, in the next region (measured: 85% of clicks right). Here no point lies closer than
`EDGE_DEPTH` to its region's edge, and a row of points runs along each region's edge at that depth,
`EDGE_SPACING` apart. For a click at depth t inside region A, every point of another region is at
least t + EDGE_DEPTH away (the straight line to it crosses A's edge), while A's own edge row has a
point within about sqrt((t - EDGE_DEPTH)^2 + (EDGE_SPACING / 2)^2): closer for every t > 0.4.
The interior is filled with a coarser grid (fewer points draw faster), also kept off the edges.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

EDGE_DEPTH = 2.5
EDGE_SPACING = 10.0
INTERIOR_SPACING = 20.0
# Plotly treats every marker within its radius (at least 3 px) of the pointer as distance 0.
MARKER_RADIUS_PX = 3.0


def region_points(
    polygon: Polygon, depth: float = EDGE_DEPTH, edge_spacing: float = EDGE_SPACING, spacing: float = INTERIOR_SPACING
) -> list[tuple[float, float]]:
    """The click targets of one region: a row along its edge `depth` inside it, and a grid
    `spacing` apart further in. A region too thin for that depth gets it halved until it fits,
    and at worst one point inside it."""
    inner = polygon.buffer(-depth)
    while inner.is_empty and depth > 0.3:
        depth /= 2
        inner = polygon.buffer(-depth)
    if inner.is_empty:
        point = polygon.representative_point()
        return [(point.x, point.y)]
    points = _edge_row(inner, edge_spacing)
    points.extend(_grid_in(inner, spacing, margin=edge_spacing / 2))
    return points


def _edge_row(area: Polygon | MultiPolygon, spacing: float) -> list[tuple[float, float]]:
    rings = []
    for part in getattr(area, "geoms", [area]):
        if isinstance(part, Polygon):
            rings.append(part.exterior)
            rings.extend(part.interiors)
    points: list[tuple[float, float]] = []
    for ring in rings:
        count = max(3, int(np.ceil(ring.length / spacing)))
        for distance in np.linspace(0, ring.length, count, endpoint=False):
            point = ring.interpolate(distance)
            points.append((point.x, point.y))
    return points


def _grid_in(area: Polygon | MultiPolygon, step: float, margin: float) -> list[tuple[float, float]]:
    """Grid points inside `area` that keep `margin` from its edge (the edge row covers that strip)."""
    minx, miny, maxx, maxy = area.bounds
    xs = np.arange(minx + step / 2, maxx, step)
    ys = np.arange(miny + step / 2, maxy, step)
    if not len(xs) or not len(ys):
        return []
    gx, gy = np.meshgrid(xs, ys)
    core = area.buffer(-margin)
    if core.is_empty:
        return []
    inside = shapely.contains_xy(core, gx.ravel(), gy.ravel())
    return list(zip(gx.ravel()[inside].tolist(), gy.ravel()[inside].tolist(), strict=False))


def nearest_targets(
    xy: np.ndarray, x: float, y: float, px_per_unit: float, radius_px: float = MARKER_RADIUS_PX
) -> np.ndarray:
    """Indices of the targets Plotly may pick for a pointer at (x, y): those at the smallest
    distance as Plotly measures it (pixels from the marker's edge, never below 0). More than one
    index means a tie, settled by trace order, so a click there is not reliably exact."""
    distance = np.hypot(xy[:, 0] - x, xy[:, 1] - y) * px_per_unit - radius_px
    distance = np.maximum(distance, 0.0)
    return np.flatnonzero(distance <= distance.min() + 1e-9)
