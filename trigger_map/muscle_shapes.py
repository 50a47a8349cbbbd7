"""The muscles drawn on the body: assets/muscles.svg read into shapes (muscle, view, side, depth, path).

tools/draw_muscles.py generates the drawing from a skeleton of bony landmarks (tools/skeleton.py)
and a per-muscle plan (tools/muscle_plan/*.csv), in the body's drawing units: a shape's path lies
in the same frame as assets/body.svg. Sides are the person's own (as in `trigger_map.body`);
"mid" is a muscle that crosses the midline (the diaphragm, the pelvic floor). Superficial muscles
carry a few fibre lines that hint their direction; each shape also records the points of its
origin and insertion (the landmarks it was drawn between), for marking them.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shapely.geometry import Polygon
from svgelements import Path as SvgPath

from trigger_map.body import _polygon

MUSCLES_SVG = Path(__file__).resolve().parent.parent / "assets" / "muscles.svg"
NS = "{http://www.w3.org/2000/svg}"
SIDES = ("left", "right", "mid")
DEPTHS = ("superficial", "deep")


def muscles_svg() -> Path:
    """The drawing: TRIGGER_MAP_MUSCLES when set, else assets/muscles.svg."""
    return Path(os.environ.get("TRIGGER_MAP_MUSCLES") or MUSCLES_SVG)


@dataclass(frozen=True)
class MuscleShape:
    muscle_id: str
    view: str
    side: str  # "left"|"right"|"mid"
    depth: str  # "superficial"|"deep"
    path: str  # SVG path d, drawing units


@dataclass(frozen=True)
class Drawn:
    """What else the drawing says about a shape: its fibre lines (SVG path d, empty for a deep
    muscle), the points of its origin and insertion (drawing units) and its size class."""

    fibres: str
    origin: tuple[tuple[float, float], ...]
    insertion: tuple[tuple[float, float], ...]
    size: str
    hidden: tuple[str, ...] = ()  # "origin" / "insertion": an end the view hides (behind the jaw)


class MuscleDrawingError(Exception):
    """The muscle drawing is missing or breaks the contract the app relies on."""


def _points(text: str, where: str) -> tuple[tuple[float, float], ...]:
    try:
        pairs = [p.split() for p in text.split(";") if p.strip()]
        return tuple((float(x), float(y)) for x, y in pairs)
    except ValueError:
        raise MuscleDrawingError(f"{where}: attachment points {text!r} are not 'x y;x y'") from None


@lru_cache(maxsize=4)
def _load(svg_path: Path) -> tuple[tuple[MuscleShape, ...], dict[MuscleShape, Drawn]]:
    if not svg_path.exists():
        raise MuscleDrawingError(f"{svg_path}: file is missing")
    root = ET.parse(svg_path).getroot()
    shapes: list[MuscleShape] = []
    drawn: dict[MuscleShape, Drawn] = {}
    fibres: dict[str, str] = {}
    for group in root.findall(f"{NS}g"):
        view = (group.get("id") or "").removeprefix("muscles-")
        for element in group.findall(f"{NS}path"):
            classes = (element.get("class") or "").split()
            if "fibres" in classes:
                fibres[element.get("data-for", "")] = element.get("d", "")
                continue
            if "muscle" not in classes:
                continue
            where = f"{svg_path}: {element.get('id')!r}"
            shape = MuscleShape(
                muscle_id=element.get("data-muscle", ""),
                view=view,
                side=element.get("data-side", ""),
                depth=element.get("data-depth", ""),
                path=element.get("d", ""),
            )
            if shape.view not in ("front", "back") or shape.side not in SIDES or shape.depth not in DEPTHS:
                raise MuscleDrawingError(f"{where}: view, side or depth is not one the map knows")
            if not shape.muscle_id or not shape.path:
                raise MuscleDrawingError(f"{where}: no muscle id or no outline")
            shapes.append(shape)
            drawn[shape] = Drawn(
                fibres=element.get("id", ""),  # replaced by the fibre path below
                origin=_points(element.get("data-origin", ""), where),
                insertion=_points(element.get("data-insertion", ""), where),
                size=element.get("data-size", ""),
                hidden=tuple((element.get("data-hidden") or "").split()),
            )
    for shape, info in drawn.items():
        drawn[shape] = Drawn(fibres.get(info.fibres, ""), info.origin, info.insertion, info.size, info.hidden)
    return tuple(shapes), drawn


def all_shapes() -> list[MuscleShape]:
    """Every shape of the drawing, in drawing order (deep ones first, then larger before smaller)."""
    return list(_load(muscles_svg())[0])


@lru_cache(maxsize=4)
def _by_muscle(svg_path: Path) -> dict[str, list[MuscleShape]]:
    table: dict[str, list[MuscleShape]] = {}
    for shape in _load(svg_path)[0]:
        table.setdefault(shape.muscle_id, []).append(shape)
    return table


def shapes_of(muscle_id: str) -> list[MuscleShape]:
    """The shapes of one muscle (one per side per view it is drawn in, or one per part where a view
    sees it in several places: the calf at both edges of the shin); [] for an unknown id."""
    return list(_by_muscle(muscles_svg()).get(muscle_id, []))


def drawn(shape: MuscleShape) -> Drawn:
    """The fibre lines and attachment points of a shape."""
    return _load(muscles_svg())[1][shape]


@lru_cache(maxsize=1024)
def polygon(shape: MuscleShape) -> Polygon:
    """A shape's outline as a shapely polygon in drawing units (read with svgelements)."""
    return _polygon(SvgPath(shape.path), f"muscle {shape.muscle_id} ({shape.side}, {shape.view})")
