"""Close-ups: a hand, a foot, the face, ... drawn large, so every region is a finger-sized target.

On a phone the whole body is about 360 CSS px wide, and most regions are a few pixels across there.
A close-up shows one part of a view (the same drawing, the same region ids) at a scale where each
of its regions holds a square of at least `TARGET_PX` CSS px (WCAG 2.2, 2.5.8) when the close-up
fits a phone's `PHONE_BOX`. Every region of the body is in at least one close-up where it passes
(tests/test_closeups.py checks that for the committed drawing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import shapely

from trigger_map.body import VIEWS, Body
from trigger_map.figures import Highlight, hit_figure, hit_layer, hover_text
from trigger_map.frame import BOTTOM, MIDLINE, TOP
from trigger_map.hits import EDGE_SPACING, INTERIOR_SPACING, region_points

TARGET_PX = 24.0
PHONE_BOX = (358.0, 520.0)  # CSS px a close-up gets on a 390 px phone (page padding taken off)
WHOLE_BODY_SCALE = 0.84  # CSS px per drawing unit for one whole view on that phone
MARGIN = 6.0  # drawing units around a close-up's regions
ACROSS_MIDLINE = 0.2  # a close-up of one side shows this share of its width of the other side

# (id, label, view, region names, paired): a paired close-up exists once per side, its regions
# being that side's; an unpaired one takes both sides and the unpaired regions of its names.
PARTS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("face", "face", "front", ("top_of_head", "forehead", "temple", "eye", "jaw_joint", "cheek", "jaw", "chin"), False),
    ("neck", "neck", "front", ("side_of_neck", "throat"), False),
    (
        "shoulder",
        "shoulder and chest",
        "front",
        ("front_of_shoulder", "outer_shoulder", "upper_chest", "breastbone", "side_of_chest", "lower_chest"),
        True,
    ),
    (
        "arm",
        "upper arm and elbow",
        "front",
        ("outer_upper_arm", "front_of_upper_arm", "inner_upper_arm", "outer_elbow", "front_of_elbow", "inner_elbow"),
        True,
    ),
    ("forearm", "forearm and wrist", "front", ("front_of_forearm", "palm_side_wrist"), True),
    (
        "hand",
        "hand, palm side",
        "front",
        ("palm_side_wrist", "palm", "thumb", "index_finger", "middle_finger", "ring_finger", "little_finger"),
        True,
    ),
    ("belly", "belly and groin", "front", ("upper_abdomen", "lower_abdomen", "groin", "pubic", "outer_hip"), True),
    ("thigh", "thigh", "front", ("front_of_thigh", "outer_thigh", "inner_thigh"), True),
    ("knee", "knee", "front", ("inner_knee", "outer_knee", "front_of_knee"), True),
    ("shin", "lower leg", "front", ("shin", "outer_lower_leg"), True),
    (
        "foot",
        "ankle and foot",
        "front",
        ("front_of_ankle", "inner_ankle", "outer_ankle", "top_of_foot", "big_toe", "toes"),
        True,
    ),
    ("head-back", "back of the head and neck", "back", ("back_of_head", "behind_ear", "back_of_neck"), False),
    (
        "upper-back",
        "shoulder and upper back",
        "back",
        ("top_of_shoulder", "between_shoulder_blades", "shoulder_blade", "back_of_shoulder", "mid_back"),
        True,
    ),
    ("arm-back", "back of the arm", "back", ("back_of_upper_arm", "back_of_elbow", "back_of_forearm"), True),
    (
        "hand-back",
        "back of the hand",
        "back",
        ("back_of_wrist", "back_of_hand", "back_of_thumb", "back_of_fingers"),
        True,
    ),
    ("low-back", "low back", "back", ("low_back", "mid_back"), True),
    ("pelvis-back", "sacrum and tailbone", "back", ("sacrum", "tailbone"), False),
    ("heel", "heel and Achilles", "back", ("achilles", "back_of_heel"), True),
    ("sole", "sole of the foot", "back", ("sole", "heel", "ball_of_foot"), True),
)
# Parts whose regions are tiny even under a mouse: a click on them opens the close-up on any device.
SMALL_PARTS = ("face", "neck", "hand", "foot", "hand-back", "heel", "sole")


@dataclass(frozen=True)
class Closeup:
    id: str
    label: str
    view: str
    regions: tuple[str, ...]
    window: tuple[float, float, float, float]  # x, y, width, height in drawing units
    small: bool

    def shows(self, view: str, x: float, y: float, reach: float = 0.0) -> bool:
        """Whether a point of `view` lies inside the close-up with `reach` drawing units to spare
        on every side (a mark drawn around it, e.g. an X, is then whole)."""
        left, top, width, height = self.window
        return (
            view == self.view and left + reach <= x <= left + width - reach and top + reach <= y <= top + height - reach
        )

    @property
    def scale(self) -> float:
        """CSS px per drawing unit when the close-up fits a phone's box."""
        return min(PHONE_BOX[0] / self.window[2], PHONE_BOX[1] / self.window[3])


def target_px(polygon, scale: float) -> float:
    """The side in CSS px of the largest square that fits in a region (inscribed in its largest
    inscribed circle) at `scale` px per unit."""
    radius = shapely.maximum_inscribed_circle(polygon).length
    return radius * 2**0.5 * scale


class Closeups:
    """The close-ups of one body drawing."""

    def __init__(self, body: Body):
        self.body = body

    @cached_property
    def by_id(self) -> dict[str, Closeup]:
        table: dict[str, Closeup] = {}
        for part, label, view, names, paired in PARTS:
            sides = (("right", "-r", "right "), ("left", "-l", "left ")) if paired else ((None, "", ""),)
            for side, suffix, prefix in sides:
                ids = tuple(self._region_ids(names, side))
                if not ids:
                    continue
                minx, miny, maxx, maxy = shapely.unary_union([self.body.regions[r].polygon for r in ids]).bounds
                window = (minx - MARGIN, miny - MARGIN, maxx - minx + 2 * MARGIN, maxy - miny + 2 * MARGIN)
                table[part + suffix] = Closeup(part + suffix, prefix + label, view, ids, window, part in SMALL_PARTS)
        return table

    def _region_ids(self, names: tuple[str, ...], side: str | None):
        for name in names:
            sides = self.body.names.get(name, {})
            if None in sides:
                yield sides[None]
            elif side is None:
                yield from (sides[s] for s in ("right", "left") if s in sides)
            elif side in sides:
                yield sides[side]

    @cached_property
    def of_region(self) -> dict[str, Closeup]:
        """The close-up that shows a region largest (its first, for a region in several)."""
        best: dict[str, tuple[float, Closeup]] = {}
        for closeup in self.by_id.values():
            for region in closeup.regions:
                size = target_px(self.body.regions[region].polygon, closeup.scale)
                if region not in best or size > best[region][0]:
                    best[region] = (size, closeup)
        return {region: closeup for region, (_, closeup) in best.items()}

    def too_small_whole(self, region_id: str) -> bool:
        """Whether a region is smaller than a finger target on a phone's whole-body view."""
        return target_px(self.body.regions[region_id].polygon, WHOLE_BODY_SCALE) < TARGET_PX

    def opens_on(self, region_id: str, touch: bool) -> Closeup | None:
        """The close-up a tap (touch) or click (mouse) on a region of the whole body opens: for a
        finger, any region too small to tap; for a mouse, the hands, feet and face."""
        closeup = self.of_region.get(region_id)
        if closeup is None:
            return None
        if touch and self.too_small_whole(region_id):
            return closeup
        return closeup if closeup.small else None


def closeups_holding(
    body: Body, shapes: dict[str, list[shapely.Geometry]], largest: float, reach: float = 0.0, smallest: float = 0.0
) -> tuple[Closeup, ...]:
    """One close-up per view of `shapes` (view -> the X marks as points, the zones as polygons)
    framing all of that view's shapes with `reach` units to spare (an X's half width) and a little
    of the body across its midline, at least `smallest` of the body tall (and 3/4 as wide), or none
    at all when one of them would be taller than `largest` of the body: the whole views show it then.
    On the Conditions page the 19 X marks of a headache on the front of the head sat 3 to 10 px
    apart on a phone's whole body."""
    found = []
    for view in VIEWS:
        here = shapes.get(view, [])
        if not here:
            continue
        minx, miny, maxx, maxy = shapely.unary_union(here).bounds
        # across the midline by a little at least: a window ending on it showed half a head, as if
        # cut (as wide on both sides, it showed the back's X marks at half the size)
        across = ACROSS_MIDLINE * (maxx - minx)
        minx, maxx = min(minx, MIDLINE[view] - across), max(maxx, MIDLINE[view] + across)
        pad = MARGIN + reach
        tall, wide = smallest * (BOTTOM - TOP), 0.75 * smallest * (BOTTOM - TOP)
        grow_y, grow_x = max(0.0, tall - (maxy - miny) - 2 * pad) / 2, max(0.0, wide - (maxx - minx) - 2 * pad) / 2
        minx, maxx, miny, maxy = minx - grow_x, maxx + grow_x, miny - grow_y, maxy + grow_y
        window = (minx - pad, miny - pad, maxx - minx + 2 * pad, maxy - miny + 2 * pad)
        if window[3] > largest * (BOTTOM - TOP):
            return ()
        frame = shapely.box(window[0], window[1], window[0] + window[2], window[1] + window[3])
        ids = tuple(r.id for r in body.in_view(view) if r.polygon.intersects(frame))
        found.append(Closeup(f"detail-{view}", f"detail of the {view}", view, ids, window, small=True))
    return tuple(found)


@lru_cache(maxsize=4)
def closeups_of(body: Body) -> Closeups:
    """The close-ups of a loaded body (one per drawing: a body is cached, and hashed by identity)."""
    return Closeups(body)


_VIEWBOX = re.compile(r'viewBox="[^"]*" width="[^"]*" height="[^"]*"')


_THIN_LINES = re.compile(r"(<svg\b[^>]*>)")
# Lines keep their width on screen: scaled with the close-up, the outline would be about 9 px wide.
THIN_LINES = "<style>path,line,polyline,circle{vector-effect:non-scaling-stroke}</style>"


def crop(svg: str, window: tuple[float, float, float, float]) -> str:
    """One of our view pictures (`trigger_map.drawing`) showing only `window`, its lines as thin
    on screen as the drawing's units say."""
    x, y, w, h = window
    cropped = _VIEWBOX.sub(f'viewBox="{x:g} {y:g} {w:g} {h:g}" width="{w:g}" height="{h:g}"', svg, count=1)
    return _THIN_LINES.sub(lambda m: m.group(1) + THIN_LINES, cropped, count=1)


def _targets(body: Body, closeup: Closeup) -> list[tuple[float, float, str]]:
    """Click targets for every region in the close-up's window, as dense on screen as the
    whole-body view's are on a phone (the same exactness rule, `trigger_map.hits`)."""
    x, y, w, h = closeup.window
    frame = shapely.box(x, y, x + w, y + h)
    density = WHOLE_BODY_SCALE / closeup.scale
    points = []
    for region in body.in_view(closeup.view):
        if not region.polygon.intersects(frame):
            continue
        for px, py in region_points(
            region.polygon, edge_spacing=EDGE_SPACING * density, spacing=INTERIOR_SPACING * density
        ):
            if frame.contains(shapely.Point(px, py)):
                points.append((px, py, region.id))
    return points


@lru_cache(maxsize=64)
def closeup_layer(body: Body, closeup: Closeup) -> dict:
    """The close-up's hit layer: the whole view's layer (its style) with the close-up's targets."""
    targets = _targets(body, closeup)
    return dict(
        hit_layer(body, closeup.view),
        x=np.array([t[0] for t in targets], dtype=np.float32),
        y=np.array([t[1] for t in targets], dtype=np.float32),
        customdata=[t[2] for t in targets],
        text=[hover_text(body.regions[t[2]].display_label) for t in targets],
    )


def closeup_figure(body: Body, closeup: Closeup, highlight: Highlight, height: int, layer: dict | None = None) -> dict:
    """The clickable layer of a close-up: the view's figure framed on the close-up's window (its
    regions' targets, or `layer`'s: the muscles')."""
    figure = hit_figure(body, closeup.view, highlight, height, layer=layer or closeup_layer(body, closeup))
    x, y, w, h = closeup.window
    layout = figure["layout"]
    layout["xaxis"] = dict(layout["xaxis"], range=[x, x + w])
    layout["yaxis"] = dict(layout["yaxis"], range=[y + h, y])
    return figure
