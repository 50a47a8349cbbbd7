"""The body drawing: assets/body.svg read into regions (id, name, side, label, view, polygon).

The SVG is the single source of the geometry; tools/draw_body.py generates it. Sides are the
person's own: in the front view their right is on the viewer's left, in the back view on the right.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import nearest_points
from svgelements import SVG, Close, Group, Line, Move
from svgelements import Path as SvgPath

from trigger_map.frame import MIDLINE, VIEWS
from trigger_map.hits import INTERIOR_SPACING, region_points
from trigger_map.problems import Problem

BODY_SVG = Path(__file__).resolve().parent.parent / "assets" / "body.svg"


def body_svg() -> Path:
    """The drawing: TRIGGER_MAP_BODY when set (tests use a tiny stand-in), else assets/body.svg."""
    return Path(os.environ.get("TRIGGER_MAP_BODY") or BODY_SVG)


SIDES = ("left", "right")
SIDE_SUFFIX = {"left": "-l", "right": "-r"}


class BodyError(Exception):
    """The body drawing is missing or does not follow the contract the app relies on."""


@dataclass(frozen=True)
class Region:
    """One clickable area of the body in one view, on one side (or unpaired)."""

    id: str
    name: str
    side: str | None
    label: str
    term: str
    view: str
    polygon: Polygon = field(compare=False, repr=False)

    @property
    def display_label(self) -> str:
        """The label a person reads: 'temple (right)'."""
        return f"{self.label} ({self.side})" if self.side else self.label


def _points(path: SvgPath, samples: int = 6) -> list[list[tuple[float, float]]]:
    """The subpaths of an SVG path as point rings; curves are sampled, lines kept exact."""
    rings: list[list[tuple[float, float]]] = []
    for segment in path:
        if isinstance(segment, Move):
            rings.append([(segment.end.x, segment.end.y)])
        elif isinstance(segment, (Line, Close)):
            if segment.end is not None:
                rings[-1].append((segment.end.x, segment.end.y))
        else:
            for x, y in segment.npoint(np.linspace(0, 1, samples + 1)[1:]):
                rings[-1].append((float(x), float(y)))
    return [ring for ring in rings if len(ring) >= 3]


def _polygon(path: SvgPath, where: str) -> Polygon:
    rings = _points(path)
    if not rings:
        raise BodyError(f"{where}: path has no outline")
    polygon = Polygon(rings[0], rings[1:])
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
        if polygon.geom_type != "Polygon":
            polygon = max(getattr(polygon, "geoms", [polygon]), key=lambda g: g.area)
    return polygon


@dataclass(frozen=True, eq=False)  # hashed by identity: one cached drawing
class Body:
    """The regions of both views, with lookups by id and by (name, side)."""

    regions: dict[str, Region]
    silhouettes: dict[str, Polygon | MultiPolygon]
    details: dict[str, list[str]]

    @cached_property
    def names(self) -> dict[str, dict[str | None, str]]:
        """Region name -> {side: region id}; unpaired regions have the single key None."""
        table: dict[str, dict[str | None, str]] = {}
        for region in self.regions.values():
            table.setdefault(region.name, {})[region.side] = region.id
        return table

    @cached_property
    def listed(self) -> list[str]:
        """Region ids in the order a list shows them: by view, then by label."""
        return sorted(self.regions, key=lambda r: (self.regions[r].view, self.regions[r].display_label))

    def is_paired(self, name: str) -> bool:
        return None not in self.names[name]

    def view_of(self, name: str) -> str:
        return self.regions[next(iter(self.names[name].values()))].view

    def region_id(self, name: str, side: str | None) -> str:
        """The id of region `name` on `side` (ignored for unpaired regions)."""
        sides = self.names[name]
        return sides[None] if None in sides else sides[side]

    def in_view(self, view: str) -> list[Region]:
        return [r for r in self.regions.values() if r.view == view]

    def mirror(self, view: str, x: float) -> float:
        """The x of the same spot on the other side of the body."""
        return 2 * MIDLINE[view] - x

    def side_of(self, view: str, x: float) -> str:
        """Which side of the person a point in a view lies on."""
        right_is_low_x = view == "front"
        return "right" if (x < MIDLINE[view]) == right_is_low_x else "left"

    def region_at(self, view: str, x: float, y: float) -> Region | None:
        point = Point(x, y)
        for region in self.in_view(view):
            if region.polygon.covers(point):
                return region
        return None

    def place(self, name: str, u: float, v: float, side: str = "right") -> tuple[float, float]:
        """A point inside region `name` on `side`: u from its inner to outer edge, v top to bottom.

        For unpaired regions u runs from the midline towards the given side. The point is moved
        just inside the region when the bounding-box spot falls outside its outline.
        """
        region = self.regions[self.region_id(name, side)]
        minx, miny, maxx, maxy = region.polygon.bounds
        mid = MIDLINE[region.view]
        lateral_is_low_x = (region.view == "front") == (side == "right")
        if region.side is None:  # unpaired: u from the midline outwards
            edge = minx if lateral_is_low_x else maxx
            x = mid + u * (edge - mid)
        else:
            inner, outer = (maxx, minx) if lateral_is_low_x else (minx, maxx)
            x = inner + u * (outer - inner)
        y = miny + v * (maxy - miny)
        inside = region.polygon.buffer(-min(3.0, region.polygon.area**0.5 / 6))
        if inside.is_empty:
            inside = region.polygon
        if not inside.covers(Point(x, y)):
            x, y = nearest_points(inside, Point(x, y))[0].coords[0]
        return round(x, 1), round(y, 1)

    def hit_grid(
        self, spacing: float = INTERIOR_SPACING, view: str | None = None
    ) -> list[tuple[str, float, float, str]]:
        """The map's click targets: (view, x, y, region id), placed so that a click anywhere inside
        a region is nearest one of that region's own points (see `trigger_map.hits`)."""
        grid: list[tuple[str, float, float, str]] = []
        for region in self.in_view(view) if view else self.regions.values():
            grid.extend(
                (region.view, round(x, 1), round(y, 1), region.id)
                for x, y in region_points(region.polygon, spacing=spacing)
            )
        return grid


def load_body(svg_path: Path = BODY_SVG) -> Body:
    """Read the body drawing; raises `BodyError` when it breaks the contract."""
    svg_path = Path(svg_path)
    if not svg_path.exists():
        raise BodyError(f"{svg_path}: file is missing")
    return _parsed_body(str(svg_path), svg_path.read_bytes())


def read_body(svg_path: Path) -> tuple[Body | None, list[Problem]]:
    """The body drawing, or the problem that stops it being read (any file at all may be named)."""
    name = str(svg_path)
    try:
        return load_body(Path(svg_path)), []
    except BodyError as error:
        return None, [Problem(name, None, None, str(error).removeprefix(f"{name}: "))]
    except OSError as error:
        return None, [Problem(name, None, None, f"cannot be read: {error.strerror or error}")]
    except Exception as error:
        return None, [
            Problem(name, None, None, f"is not a body drawing (an SVG file): {type(error).__name__}: {error}")
        ]


# Parsed once per process for the same file name and contents (a changed drawing is parsed again).
# A Body is frozen and nothing changes its regions, so the one parsed drawing is shared.
@lru_cache(maxsize=8)
def _parsed_body(svg_path: str, content: bytes) -> Body:
    svg = SVG.parse(io.BytesIO(content), reify=True)
    regions: dict[str, Region] = {}
    silhouettes: dict[str, Polygon] = {}
    details: dict[str, list[str]] = {view: [] for view in VIEWS}
    for view in VIEWS:
        group = next((g for g in svg.elements() if isinstance(g, Group) and g.id == view), None)
        if group is None:
            raise BodyError(f'{svg_path}: no <g id="{view}"> group')
        for element in group.select():
            if not isinstance(element, SvgPath):
                continue
            classes = str(element.values.get("class", "")).split()
            if "silhouette" in classes:  # may be several outlines (the back view's sole insets)
                silhouettes[view] = shapely.unary_union([Polygon(ring) for ring in _points(element)])
            elif "region" in classes:
                region = _region(element, view, svg_path)
                if region.id in regions:
                    raise BodyError(f"{svg_path}: region id {region.id!r} appears twice")
                regions[region.id] = region
        for detail_group in group.select(
            lambda e: isinstance(e, Group) and "details" in str(e.values.get("class", "")).split()
        ):
            details[view].extend(e.d() for e in detail_group.select() if isinstance(e, SvgPath))
    if not regions:
        raise BodyError(f"{svg_path}: no regions found")
    return Body(regions=regions, silhouettes=silhouettes, details=details)


def _region(element: SvgPath, view: str, svg_path: str) -> Region:
    values = element.values
    region_id = element.id
    side = values.get("data-side") or "none"
    where = f"{svg_path}: region {region_id!r}"
    for attribute in ("data-name", "data-label"):
        if not values.get(attribute):
            raise BodyError(f"{where}: missing {attribute}")
    if side not in ("left", "right", "none"):
        raise BodyError(f"{where}: data-side must be left, right or none")
    return Region(
        id=region_id,
        name=values["data-name"],
        side=None if side == "none" else side,
        label=values["data-label"],
        term=values.get("data-term", ""),
        view=view,
        polygon=_polygon(element, where),
    )
