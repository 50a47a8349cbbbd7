"""The presentation view's slides: one per trigger point or per muscle, in body order, each with
what to draw (the pattern, the X and, where the muscle is drawn, the muscle under them); and the
close-up windows of a small pattern or muscle (the presentation, the handout, the muscle library)."""

from __future__ import annotations

from dataclasses import dataclass

import shapely

from trigger_map.closeups import Closeup, closeups_holding
from trigger_map.data import BODY_AREAS, capitalized
from trigger_map.drawing import CHOSEN_X
from trigger_map.frame import BOTTOM, HALF_WIDTH, MIDLINE, TOP
from trigger_map.lookup import Engine
from trigger_map.muscle_shapes import drawn, polygon, shapes_of
from trigger_map.quiz import SHAPES_OF, Drawn, ShapesOf

BY = {"trigger_point": "Trigger points", "muscle": "Muscles"}
# A pattern no taller than this share of the body gets a close-up beside the whole view: a head,
# hand or foot pattern is a few centimetres across on a big screen's whole body.
SMALL_PATTERN = 0.3
# A pattern on both views shares the screen with both whole views: a close-up of the X's part of it
# only when that part is a hand, a foot or a head's worth
BOTH_VIEWS_SMALL_PATTERN = 0.15
# A muscle no taller than this share of the body (about 12 cm: the face's, the jaw's, the hand's and
# the foot's own muscles, the small ones of the neck and pelvis) gets a close-up in the muscle library
SMALL_MUSCLE = 0.07
CLOSEUP_MARGIN = 0.25  # around the pattern in a close-up, as a share of its size (at least 20 units)
CLOSEUP_ASPECT = 0.8  # the close-up's width to height: the width of the map's area beside the view
# A slide title's word of six letters or more is at most 0.58 em per letter wide in the app's bold
# heading font (Source Sans; measured in Chromium over every title's words): 0.6 bounds it
EM_PER_LETTER = 0.6


@dataclass(frozen=True)
class Slide:
    key: str  # "<trigger point>@right" or a muscle id
    title: str
    subtitle: str
    text: str
    muscle_id: str
    drawn: Drawn


def slides(engine: Engine, by: str = "trigger_point", shapes: ShapesOf | None = SHAPES_OF) -> list[Slide]:
    """Every trigger point (on the right side) or every muscle, head to foot."""
    if by not in BY:
        raise ValueError(f"slides by {by!r}: one of {', '.join(BY)}")
    muscles = engine.dataset.muscles
    tps = engine.dataset.trigger_points
    order = sorted(muscles.index, key=lambda m: BODY_AREAS.index(muscles.at[m, "body_area"]))
    found: list[Slide] = []
    for muscle_id in order:
        name = str(muscles.at[muscle_id, "name"])
        lit = tuple(s for s in (shapes(muscle_id) if shapes else ()) if s.side != "left")
        keys = [f"{tp}@right" for tp in engine.muscle_trigger_points(muscle_id)]
        if by == "muscle":
            essential: dict[str, None] = {}
            spillover: dict[str, None] = {}
            for key in keys:
                essential.update(dict.fromkeys(engine.by_key[key].essential))
                spillover.update(dict.fromkeys(engine.by_key[key].spillover))
            drawn = Drawn(
                tuple(essential),
                tuple(r for r in spillover if r not in essential),
                muscle=muscle_id if lit else None,
                shapes=lit,
                others=tuple(keys),
            )
            count = f"{len(keys)} trigger point{'s' if len(keys) != 1 else ''}"
            action = f"{capitalized(str(muscles.at[muscle_id, 'action']))}."  # a phrase in the data, a sentence here
            found.append(Slide(muscle_id, name, count, action, muscle_id, drawn))
            continue
        for key in keys:
            placed = engine.by_key[key]
            tp = placed.trigger_point
            drawn = Drawn(placed.essential, placed.spillover, key, muscle=muscle_id if lit else None, shapes=lit)
            found.append(Slide(key, name, str(tps.at[tp, "name"]), str(tps.at[tp, "referral"]), muscle_id, drawn))
    return found


# Trigger points drawn close up when, on each view, their X marks and all their patterns lie within
# this share of the body's height, the close-up's margin included (a headache's, on the head and
# neck: 0.20-0.31 of it; the next smallest condition takes 0.35 and more on one of its views)
SMALL_SPREAD = 0.33


def spread_closeups(engine: Engine, keys: tuple[str, ...]) -> tuple[Closeup, ...]:
    """Close-ups, one per view, holding these trigger points' X marks and every one of their
    patterns, when each is small (`SMALL_SPREAD`); else none, and the whole views show them."""
    regions = engine.body.regions
    shapes = _x_marks(engine, keys)
    for key in keys:
        placed = engine.by_key[key]
        for region in (*placed.essential, *placed.spillover):
            shapes.setdefault(regions[region].view, []).append(regions[region].polygon)
    return closeups_holding(engine.body, shapes, SMALL_SPREAD, reach=CHOSEN_X)


def _x_marks(engine: Engine, keys: tuple[str, ...]) -> dict[str, list[shapely.Geometry]]:
    """Each view's X marks of these trigger points, as points."""
    marks: dict[str, list[shapely.Geometry]] = {}
    for key in keys:
        placed = engine.by_key[key]
        marks.setdefault(placed.view, []).append(shapely.Point(placed.x, placed.y))
    return marks


# X marks closer than this to their nearest (the median over a condition's marks, drawing units) are
# too close to tap on a phone's whole body (0.84 px a unit: under 7 px apart)
CROWDED = 8.0
# A close-up of X marks alone is at least this share of the body tall: a neck, not a few vertebrae
SMALLEST_DETAIL = 0.18


def crowded_closeups(engine: Engine, keys: tuple[str, ...]) -> tuple[Closeup, ...]:
    """Close-ups, one per view, of these trigger points' X marks alone, when the marks crowd
    (`CROWDED`) and each view's fit a small close-up (`SMALL_SPREAD`); else none. For the trigger
    points whose patterns spread too far for `spread_closeups`: whiplash's 23, a median 3.7 units
    apart on the neck. The pattern is then drawn whole on its own, beside or below them."""
    marks = _x_marks(engine, keys)
    nearest = [
        min(point.distance(other) for other in points if other is not point)
        for points in marks.values()
        if len(points) > 1
        for point in points
    ]
    if not nearest or sorted(nearest)[len(nearest) // 2] >= CROWDED:
        return ()
    return closeups_holding(engine.body, marks, SMALL_SPREAD, reach=CHOSEN_X, smallest=SMALLEST_DETAIL)


def title_ems(title: str) -> float:
    """At most how wide the title's longest word is, in ems (the heading's size): the page sizes
    the title so that word fits on one line of its column ("Sternocleidomastoid," broke in two)."""
    return round(EM_PER_LETTER * max((len(word) for word in title.split()), default=1), 2)


def step(count: int, index: int, by: int) -> int:
    """The next (by=1) or previous (by=-1) slide, round from the last to the first."""
    return (index + by) % count if count else 0


def pattern_window(engine: Engine, drawn: Drawn) -> tuple[str, tuple[float, float, float, float]] | None:
    """The view and window (x, y, width, height in drawing units) of a close-up of a small
    pattern: its zones and X marks with a margin, widened or heightened to CLOSEUP_ASPECT, inside
    the view's frame. None when the pattern lies on both views or is already large."""
    body = engine.body
    shapes = [body.regions[r].polygon for r in (*drawn.essential, *drawn.spillover) if r in body.regions]
    views = {body.regions[r].view for r in (*drawn.essential, *drawn.spillover) if r in body.regions}
    for key in (drawn.trigger_point, *drawn.others):
        if key in engine.by_key:
            placed = engine.by_key[key]
            shapes.append(shapely.Point(placed.x, placed.y))
            views.add(placed.view)
    if len(views) != 1 or not shapes:
        return None
    view = views.pop()
    window = small_window(view, shapes)
    return None if window is None else (view, window)


def x_view_window(
    engine: Engine, key: str, largest: float = SMALL_PATTERN
) -> tuple[str, tuple[float, float, float, float]] | None:
    """The view of a trigger point's X (`key`, on a side) and the window of a close-up around the X
    and that view's part of its pattern, when that part is small and holds
    some of the essential zone: a hand's pattern on the palm and fingers spreads to the back of the
    fingers, on the other view. None when the main pain is all on the other view (the X and a
    spillover drawn large would not show the pattern)."""
    placed = engine.by_key.get(key)
    body = engine.body
    if placed is None or not any(body.regions[r].view == placed.view for r in placed.essential):
        return None
    regions = [body.regions[r] for r in (*placed.essential, *placed.spillover)]
    part = [r.polygon for r in regions if r.view == placed.view] + [shapely.Point(placed.x, placed.y)]
    window = small_window(placed.view, part, largest)
    return None if window is None else (placed.view, window)


def muscle_window(
    muscle_id: str, side: str = "left", largest: float = SMALL_MUSCLE
) -> tuple[str, tuple[float, float, float, float]] | None:
    """The close-up of a small muscle on one `side` (its midline parts too): see `shapes_window`.
    A hand's, a foot's or the face's muscles are a few millimetres on the whole body."""
    shapes = shapes_of(muscle_id)
    return shapes_window([s for s in shapes if s.side in (side, "mid")] or shapes, largest)


def shapes_window(shapes, largest: float = SMALL_MUSCLE) -> tuple[str, tuple[float, float, float, float]] | None:
    """The view (the one that shows most of them) and window of a close-up of a muscle's shapes
    with where they start and end. None for no shapes, or ones already large."""
    by_view: dict[str, list] = {}
    for shape in shapes:
        ends = (*drawn(shape).origin, *drawn(shape).insertion)
        by_view.setdefault(shape.view, []).extend([polygon(shape), *(shapely.Point(x, y) for x, y in ends)])
    if not by_view:
        return None
    view = max(by_view, key=lambda v: sum(s.area for s in by_view[v]))
    window = small_window(view, by_view[view], largest)
    return None if window is None else (view, window)


def small_window(view: str, shapes: list, largest: float = SMALL_PATTERN) -> tuple[float, float, float, float] | None:
    """The window (x, y, width, height in drawing units) of a close-up of `shapes` on one view,
    with a margin, widened or heightened to CLOSEUP_ASPECT, inside the view's frame; None when they
    are taller than `largest` of the body (already large enough)."""
    minx, miny, maxx, maxy = shapely.unary_union(shapes).bounds
    if maxy - miny > largest * (BOTTOM - TOP):
        return None
    margin = max(20.0, CLOSEUP_MARGIN * max(maxx - minx, maxy - miny))
    width, height = maxx - minx + 2 * margin, maxy - miny + 2 * margin
    width, height = max(width, height * CLOSEUP_ASPECT), max(height, width / CLOSEUP_ASPECT)
    left, right = MIDLINE[view] - HALF_WIDTH, MIDLINE[view] + HALF_WIDTH
    x = min(max((minx + maxx - width) / 2, left), right - width)
    y = min(max((miny + maxy - height) / 2, TOP), BOTTOM - height)
    return (round(x, 1), round(y, 1), round(width, 1), round(height, 1))
