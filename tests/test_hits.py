"""Exact hits: a click anywhere inside a drawn region (3 units from its edge) is nearest, as Plotly
measures it, to a target of that same region, at the scales the map is drawn at."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box

from trigger_map.hits import EDGE_DEPTH, nearest_targets, region_points

# pixels per drawing unit: both views stacked on a phone or side by side on a laptop (600 px for
# 848 units), one view (780 px), and the close-ups (several pixels a unit)
SCALES = (0.6, 0.71, 0.92, 1.5, 4.0)


def samples_inside(body, depth: float = 3.0, per_region: int = 6, along_edge: int = 24, seed: int = 7):
    """Points at least `depth` inside every region: random ones, and a row along that depth
    (where a click is most likely to land on the neighbour)."""
    rng = np.random.default_rng(seed)
    samples = []
    for region in body.regions.values():
        core = region.polygon.buffer(-depth)
        if core.is_empty:
            continue
        minx, miny, maxx, maxy = core.bounds
        found = 0
        while found < per_region:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if core.contains(Point(x, y)):
                samples.append((region, x, y))
                found += 1
        for part in getattr(core, "geoms", [core]):
            ring = part.exterior
            for distance in np.linspace(0, ring.length, along_edge, endpoint=False):
                point = ring.interpolate(distance)
                samples.append((region, point.x, point.y))
    return samples


@pytest.fixture(scope="module")
def targets(body):
    grid = body.hit_grid()
    return {
        view: (np.array([(x, y) for v, x, y, _ in grid if v == view]), [r for v, _, _, r in grid if v == view])
        for view in ("front", "back")
    }


@pytest.mark.parametrize("scale", SCALES)
def test_every_click_inside_a_region_lands_on_it(body, targets, scale):
    samples = samples_inside(body)
    wrong = []
    for region, x, y in samples:
        xy, ids = targets[region.view]
        picked = {ids[i] for i in nearest_targets(xy, x, y, scale)}
        if picked != {region.id}:
            wrong.append((region.id, round(x, 1), round(y, 1), sorted(picked)))
    assert len(samples) > 3000
    assert not wrong, f"{len(wrong)} of {len(samples)} clicks land elsewhere: {wrong[:10]}"


def test_a_plain_grid_would_miss_near_edges():
    """The check above can fail: two squares sharing an edge, with points on a plain grid that
    runs close to that edge, send clicks near it to the neighbour."""
    left, right = box(0, 0, 30, 30), box(30, 0, 60, 30)
    step = 13  # the old map's grid
    xy = np.array([(x, y) for x in np.arange(step / 2, 60, step) for y in np.arange(step / 2, 30, step)])
    ids = ["left" if x < 30 else "right" for x, _ in xy]
    picked = {ids[i] for i in nearest_targets(xy, 27, 6.5, 1.0)}
    assert picked == {"right"}  # 3 units inside the left square, taken by its neighbour
    ours = [(x, y, "left") for x, y in region_points(left)] + [(x, y, "right") for x, y in region_points(right)]
    xy = np.array([(x, y) for x, y, _ in ours])
    assert {ours[i][2] for i in nearest_targets(xy, 27, 6.5, 1.0)} == {"left"}


def test_targets_keep_off_the_edges_and_thin_regions_still_get_one():
    square = box(0, 0, 40, 40)
    points = region_points(square)
    inner = square.buffer(-EDGE_DEPTH + 1e-6)
    assert all(inner.covers(Point(p)) for p in points)
    sliver = Polygon([(0, 0), (30, 0), (30, 1.5), (0, 1.5)])
    thin = region_points(sliver)
    assert thin and all(sliver.contains(Point(p)) for p in thin)
