"""Generate assets/muscles.svg: every muscle of data/muscles.csv drawn on the body's front and back views.

Method (beside tools/draw_body.py, in the same head units and pixel frame):
  * tools/skeleton.py gives the bony landmarks (u, y in head units, right half).
  * tools/muscle_plan/*.csv (one file per body area) says, for each muscle and view: its depth
    (superficial | deep), size class (S | M | L), belly width (hu), the landmarks of its origin and
    of its insertion (each a chain: several names make an attachment line), whether it is paired
    (one shape per side) or crosses the midline ("mid"), and its shape ("belly" or "ring").
  * A belly is swept from the origin line to the insertion line: a straight fibre joins each point
    of the one to the matching point of the other, and the two outer fibres bow out until the
    belly is as wide as the plan says. A point at either end makes a spindle, a long line at one end
    and a point at the other a fan (temporalis, pectoralis major, trapezius). The fibres themselves
    are what the drawing hints with a few thin lines on superficial muscles.
  * A bent sheet ("bent") passes half way through the line its `via` landmarks give: the upper
    trapezius runs down the side of the neck before it turns out to the clavicle.
  * With a `via` on a belly, the belly ends at the first via landmark and a tendon runs on from
    there through the others to the insertion (the peroneal tendons round the lateral malleolus).
  * A ring (orbicularis oculi, the anal sphincter) is an elliptic band whose long axis runs from
    the origin to the insertion.
  * A fan (the rotator cuff) is a belly whose sides bow out more and whose corners are rounded, so
    it reads as a smooth fan converging on its tendon rather than a spiky triangle.
  * Slips (the serratus anterior seen from the front) are finger-like slips, one from each rib the
    origin lists, running up and back to the side of the chest.
  * A muscle seen in its second view only in part (the calf from the front, the vastus lateralis
    from behind) is cut by what hides the rest (HIDDEN_BY, EDGE_ONLY): an end out of sight is
    recorded as hidden. What is left is drawn as its largest part, or, for a muscle seen in several
    places (SEVERAL_PARTS: the calf at both edges of the shin), as one shape per part. A sheet swept
    wider than the muscle is cut back (LEAVES_OPEN: from the front the trapezius leaves the
    posterior triangle of the neck open, and the levator scapulae and splenius capitis show in its
    floor).
  * Each shape is clipped to the view's silhouette (shapely), mirrored for the left side, mapped to
    pixels and rounded to 0.1 px. Deep muscles come first in the file (drawn under), then the
    superficial ones, larger before smaller (a few that lie over the others last: OVER_OTHERS).

Run:  .venv/bin/python tools/draw_muscles.py          (writes assets/muscles.svg)
      .venv/bin/python tools/draw_muscles.py --check  (writes to a temporary file and compares it
                                                       with the committed one, byte for byte)
      .venv/bin/python tools/draw_muscles.py --out /tmp/x.svg
      .venv/bin/python tools/draw_muscles.py --skeleton /tmp/skeleton.svg  (the body with the
                                                       skeleton frame over it, to look at)
The output is deterministic.
"""

from __future__ import annotations

import csv
import math
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import draw_body  # tools/ is on the path: run as a script from there, or on pytest's pythonpath
import numpy as np
import shapely
import skeleton
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon

from trigger_map.frame import SVG_OPEN, VIEWS  # one home for the frame

ROOT = Path(__file__).resolve().parent.parent
PLAN_DIR = ROOT / "tools" / "muscle_plan"
MUSCLES_CSV = ROOT / "data" / "muscles.csv"
OUT = ROOT / "assets" / "muscles.svg"

DEPTHS = ("superficial", "deep")
SIZES = ("S", "M", "L")
SHAPES = ("belly", "bent", "ring", "fan", "slips")
MIN_BOW = 0.08  # a belly's sides bow out by at least this fraction of its width at the middle
TENDON = 0.022  # hu, a tendon's width (a route past a malleolus)
END_WIDTH = {"S": 0.02, "M": 0.032, "L": 0.05}  # hu, the width a belly keeps at an end that is one point
# a fan (the rotator cuff) converges on a tendon this wide, and its outline is rounded by this
# radius (an opening: shrunk and grown back), so it reads as a smooth fan, not a spiky triangle
FAN_END = {"S": 0.05, "M": 0.06, "L": 0.08}
FAN_ROUND = 0.4  # of FAN_END
FAN_ROUND_WIDE = 0.02  # hu, the radius the corners of a fan's wide end are rounded to (at most)
FAN_BOW = 0.2  # a fan's sides bow out by this fraction of its width at the middle
INSET = 0.004  # hu, shapes stay this far inside the silhouette
SIMPLIFY_PX = 0.35
FIBRES = {"S": 2, "M": 3, "L": 5}  # fibre lines hinted on a superficial muscle, by size
# Drawn over the other superficial muscles whatever their size: the deltoid over the rotator cuff,
# the trapezius over the rhomboids' and levator's region, the sternocleidomastoid over the platysma's
OVER_OTHERS = (
    "anterior-deltoid",
    "middle-deltoid",
    "posterior-deltoid",
    "upper-trapezius",
    "middle-trapezius",
    "lower-trapezius",
    "sternocleidomastoid-sternal",
    "sternocleidomastoid-clavicular",
)
# What the front view hides: the face hides what runs behind the jaw (the sternocleidomastoid climbs
# to the mastoid behind the ramus of the mandible), the foot what runs in the sole (the peroneus
# longus tendon turns under it to the first metatarsal), the head and neck the nape. Such a muscle is cut off where it
# goes out of sight, and the drawing records that end as hidden (data-hidden).
FACE = Polygon(
    [
        (-0.05, -0.1),
        (0.40, -0.1),
        (0.40, 0.62),
        (0.335, 0.70),
        (0.305, 0.82),
        (0.26, 0.90),
        (0.14, 0.965),
        (-0.05, 0.99),
    ]
)
UNDER_THE_FOOT = Polygon([(-0.05, 7.60), (1.0, 7.60), (1.0, 8.2), (-0.05, 8.2)])
# seen from behind, the heel hides the sole: the deep flexor tendons turn under the medial malleolus
# into it (the sole inset, beside the legs, is not part of this)
UNDER_THE_HEEL = Polygon([(-0.05, 7.60), (0.8, 7.60), (0.8, 8.2), (-0.05, 8.2)])
# the head and the neck's column hide the back of the skull and the nape, where the upper trapezius
# starts: seen from the front it shows on the slope from the neck to the shoulder
HEAD_AND_NECK = Polygon(
    [(-0.05, -0.1), (0.40, -0.1), (0.40, 0.70), (0.27, 0.95), (0.255, 1.20), (0.22, 1.30), (-0.05, 1.30)]
)
# seen from the front, the upper trapezius is a band this deep along the slope from the neck to the
# shoulder: its anterior border runs from the side of the neck down to the clavicle's lateral third
TRAPEZIUS_EDGE = 0.03  # hu


def _posterior_triangle() -> Polygon:
    """The posterior triangle of the neck seen from the front: behind the sternocleidomastoid's lateral
    border, above the clavicle and in front of the trapezius' anterior border. Its floor is muscle
    (the splenius capitis at the apex, the levator scapulae below it, the scalenes lower down), under
    nothing but fascia and the thin platysma."""
    clavicle = [skeleton.point(n) for n in ("clavicle-medial-third", "clavicle-middle", "clavicle-lateral-third")]
    scm_foot = (0.21, float(np.interp(0.21, [p[0] for p in clavicle], [p[1] for p in clavicle])))
    scm = [(0.228, 1.20), (0.242, 1.15), (0.245, 1.05), (0.25, 0.9)]  # its lateral border, up the neck
    region = Polygon([scm_foot, *clavicle[1:], (0.9, clavicle[-1][1]), (0.9, 0.9), *scm[::-1]])
    return region.intersection(draw_body.silhouette_right("front").buffer(-TRAPEZIUS_EDGE))


def _below_the_clavicle() -> Polygon:
    """The front of the chest below the clavicle, as far out as the clavicle's lateral end."""
    names = (
        "clavicle-medial",
        "clavicle-medial-third",
        "clavicle-middle",
        "clavicle-lateral-third",
        "clavicle-lateral",
    )
    clavicle = [skeleton.point(n) for n in names]
    return Polygon([(-0.05, clavicle[0][1]), *clavicle, (clavicle[-1][0], 1.6), (-0.05, 1.6)])


POSTERIOR_TRIANGLE = _posterior_triangle()
# what a muscle's swept sheet would cover but the muscle leaves open: seen from the front, the
# trapezius ends at its anterior border, which leaves the posterior triangle open, and at the clavicle
LEAVES_OPEN = {("upper-trapezius", "front"): shapely.union(POSTERIOR_TRIANGLE, _below_the_clavicle())}


def _behind_the_shin() -> Polygon:
    """Seen from the front, the calf shows only as a rim along each edge of the lower leg: along the
    inner edge the medial heads of gastrocnemius and soleus behind the tibia's bare medial surface,
    along the outer edge the lateral head of gastrocnemius and, below it, the soleus behind the
    peroneal muscles. The shin, the knee and the foot hide the rest, with the calf's attachments on
    the back of the femur and the heel."""
    ys = np.linspace(5.80, 7.56, 45)
    rim = np.interp(ys, [5.80, 6.05, 6.30, 6.55, 6.85, 7.10, 7.35, 7.56], [0, 0.01, 0.045, 0.06, 0.058, 0.05, 0.035, 0])
    inner = [(float(draw_body.LEG_IN(y)) + r, float(y)) for y, r in zip(ys, rim, strict=True)]
    inner_band = Polygon(inner + [(-0.05, 7.56), (-0.05, 5.80)])
    outs = np.linspace(OUTER_RIM[0][0], OUTER_RIM[0][-1], 41)
    depth = np.interp(outs, *OUTER_RIM)
    outer = [(float(draw_body.LEG_OUT(y)) - d, float(y)) for y, d in zip(outs, depth, strict=True)]
    outer_band = Polygon(outer + [(1.0, float(outs[-1])), (1.0, float(outs[0]))])
    return shapely.box(-0.05, 5.80, 1.0, 8.2).difference(shapely.union(inner_band, outer_band))


# the rim along the outer edge of the lower leg that the calf shows from the front: (heights, depths), hu
OUTER_RIM = ([6.12, 6.30, 6.50, 6.75, 7.00, 7.20, 7.36], [0, 0.04, 0.055, 0.055, 0.048, 0.032, 0])


BEHIND_THE_SHIN = _behind_the_shin()


def _behind_the_chest() -> Polygon:
    """Seen from the front, the chest hides the scapula (the serratus anterior's insertion): the front
    of the thorax inside the line of the serratus' slips."""
    tips = [skeleton.point(f"rib{k}-slip") for k in range(1, 10)]
    inner = [(u - 0.006, y) for u, y in tips]
    return Polygon([(-0.05, 1.20), (inner[0][0], 1.20)] + inner + [(inner[-1][0], 2.90), (-0.05, 2.90)])


BEHIND_THE_CHEST = _behind_the_chest()


def _edge_only(view: str, depth: float, top: float, bottom: float) -> Polygon:
    """What hides a muscle that a view sees only at the body's edge (the vastus lateralis at the
    outer edge of the thigh from behind): everything but a rim `depth` hu deep along the outline of
    the view between heights `top` and `bottom`."""
    outline = draw_body.silhouette_right(view)
    band = outline.difference(outline.buffer(-depth)).intersection(shapely.box(-0.05, top, 2.0, bottom))
    return shapely.box(-0.05, -0.2, 2.0, 8.3).difference(band)


# seen from the front, the latissimus dorsi's tendon turns into the armpit, behind the pectoralis
# major, to the front of the humerus: the shoulder and the upper arm above the armpit hide it
THE_ARMPIT = Polygon([(0.55, 1.25), (1.40, 1.25), (1.40, 2.40), (0.77, 2.17), (0.72, 2.09), (0.55, 2.09)])
# a muscle seen at the body's edge in its second view: (muscle, view) -> (rim depth, top, bottom), hu
EDGE_ONLY = {
    ("sternocleidomastoid-sternal", "back"): (0.05, 0.70, 1.12),
    ("vastus-lateralis", "back"): (0.07, 4.00, 5.80),
    ("peroneus-longus", "back"): (0.055, 6.45, 7.30),
    ("brachioradialis", "back"): (0.05, 2.45, 3.60),
    ("gluteus-medius", "front"): (0.07, 3.15, 4.00),
    ("flexor-carpi-ulnaris", "back"): (0.045, 2.80, 3.90),
    ("triceps-brachii", "front"): (0.05, 1.90, 2.855),
}
HIDDEN_BY = {
    ("sternocleidomastoid-sternal", "front"): FACE,
    ("sternocleidomastoid-clavicular", "front"): FACE,
    ("peroneus-longus", "front"): UNDER_THE_FOOT,
    ("upper-trapezius", "front"): HEAD_AND_NECK,
    # seen from the front only in the floor of the posterior triangle, between the sternocleidomastoid
    # and the trapezius
    ("levator-scapulae", "front"): shapely.box(-0.05, -0.2, 2.0, 8.3).difference(POSTERIOR_TRIANGLE),
    ("splenius-capitis", "front"): shapely.box(-0.05, -0.2, 2.0, 8.3).difference(POSTERIOR_TRIANGLE),
    ("serratus-anterior", "front"): BEHIND_THE_CHEST,
    ("latissimus-dorsi", "front"): THE_ARMPIT,
    ("gastrocnemius", "front"): BEHIND_THE_SHIN,
    ("soleus", "front"): BEHIND_THE_SHIN,
    **{key: _edge_only(key[1], *rim) for key, rim in EDGE_ONLY.items()},
    ("tibialis-posterior", "back"): UNDER_THE_HEEL,
    ("flexor-digitorum-longus", "back"): UNDER_THE_HEEL,
    ("flexor-hallucis-longus", "back"): UNDER_THE_HEEL,
}
# Drawn under the other superficial muscles of their view whatever their size: the latissimus dorsi
# under the pectoralis major at the armpit, the serratus anterior under the pectoralis major
# (in this order: the first lowest)
UNDER_OTHERS = (
    ("serratus-anterior", "front"),
    ("latissimus-dorsi", "front"),
    ("gluteus-medius", "front"),
    ("external-oblique", "back"),
    ("vastus-lateralis", "back"),
    ("peroneus-longus", "back"),
)
# A muscle a view sees in more than one place (the calf from the front, at both edges of the shin):
# every part in sight at least MIN_PART hu^2 in area is drawn, each its own shape; any other muscle
# is drawn as the largest part in sight
SEVERAL_PARTS = {("gastrocnemius", "front"), ("soleus", "front")}
MIN_PART = 0.004
# Seen as rims at the body's outline and drawn over the edges of their neighbours whatever their
# size (in this order: the first lowest): the calf from the front over the peroneus longus at the
# outer edge of the shin, the gastrocnemius over the soleus
RIMS_OVER = (("soleus", "front"), ("gastrocnemius", "front"))
PLAN_COLUMNS = ["muscle_id", "view", "depth", "size", "width", "origin", "insertion", "via", "side", "shape"]


@dataclass(frozen=True)
class PlanRow:
    """One muscle in one view (see the module docstring)."""

    muscle_id: str
    view: str
    depth: str
    size: str
    width: float
    origin: tuple[str, ...]
    insertion: tuple[str, ...]
    via: tuple[str, ...]  # where the tendon turns (a malleolus): the belly ends at the first
    side: str  # "paired" | "mid"
    shape: str
    where: str  # file:line, for messages


@dataclass(frozen=True)
class SpareFibres:
    lines: list[LineString]


class PlanError(Exception):
    pass


def read_plan(plan_dir: Path = PLAN_DIR) -> list[PlanRow]:
    """Every plan row, checked for form (names, values); file:line in each message."""
    rows: list[PlanRow] = []
    for path in sorted(plan_dir.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != PLAN_COLUMNS:
                raise PlanError(f"{path.name}: columns must be {','.join(PLAN_COLUMNS)}")
            for line, raw in enumerate(reader, start=2):
                where = f"{path.name}:{line}"
                origin, insertion = tuple(raw["origin"].split()), tuple(raw["insertion"].split())
                via = tuple(raw["via"].split())
                for name in origin + insertion + via:
                    if name.removesuffix("@l") not in skeleton.LANDMARKS:
                        raise PlanError(f"{where}: no landmark named {name!r}")
                if raw["view"] not in VIEWS or raw["depth"] not in DEPTHS or raw["size"] not in SIZES:
                    raise PlanError(f"{where}: view, depth or size not one of {VIEWS} {DEPTHS} {SIZES}")
                side = raw["side"] or "paired"
                shape = raw["shape"] or "belly"
                if side not in ("paired", "mid") or shape not in SHAPES:
                    raise PlanError(f"{where}: side must be paired or mid, shape one of {SHAPES}")
                if not origin or not insertion:
                    raise PlanError(f"{where}: origin and insertion need a landmark each")
                rows.append(
                    PlanRow(
                        raw["muscle_id"], raw["view"], raw["depth"], raw["size"], float(raw["width"]),
                        origin, insertion, via, side, shape, where,
                    )
                )  # fmt: skip
    return rows


# ----------------------------------------------------------------------------------------------
# Shapes (head units, the right half's frame)
# ----------------------------------------------------------------------------------------------
def _resample(points: np.ndarray, n: int) -> np.ndarray:
    """n points evenly spaced along a polyline."""
    seg = np.linalg.norm(np.diff(points, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    if cum[-1] == 0:
        return np.repeat(points[:1], n, axis=0)
    at = np.linspace(0.0, cum[-1], n)
    return np.column_stack([np.interp(at, cum, points[:, 0]), np.interp(at, cum, points[:, 1])])


def attachment(names: tuple[str, ...], towards: np.ndarray, width: float = TENDON, n: int = 16) -> np.ndarray:
    """An attachment as n points: a smooth line through its landmarks, or, for one landmark, a
    short tendon `width` across the direction `towards` the other end."""
    pts = [skeleton.point(name) for name in names]
    if len(pts) == 1:
        p = np.array(pts[0])
        d = towards - p
        d = d / (np.linalg.norm(d) or 1.0)
        nrm = np.array([-d[1], d[0]])
        return _resample(np.array([p - width / 2 * nrm, p + width / 2 * nrm]), n)
    line = np.array(draw_body.catmull_rom(pts, step=0.004) if len(pts) > 2 else pts, float)
    return _resample(line, n)


def chaikin(ring: list, rounds: int) -> list:
    """Corner cutting on a closed ring: each round replaces every corner by two points a quarter
    of the way along its edges, so the outline's corners round off while its sides stay put."""
    pts = np.array(ring, float)
    for _ in range(rounds):
        nxt = np.roll(pts, -1, axis=0)
        pts = np.column_stack([0.75 * pts + 0.25 * nxt, 0.25 * pts + 0.75 * nxt]).reshape(-1, 2)
    return [tuple(p) for p in pts]


Fibres = list[LineString | SpareFibres]


def with_tendon(row: PlanRow) -> tuple[Polygon, Fibres]:
    """A belly that ends where its tendon turns (the first `via` landmark), and the tendon running
    on from there through the others to the insertion."""
    belly, fibres = sweep(replace(row, insertion=row.via[:1], via=()))
    route = [skeleton.point(n) for n in row.via]
    tendons = [LineString(route + [skeleton.point(n)]) for n in row.insertion]
    if len(route) == 1 and len(row.insertion) == 1:
        tendons = [LineString(route + [skeleton.point(row.insertion[0])])]
    tendon = shapely.union_all([t.buffer(TENDON * 0.6, quad_segs=8) for t in tendons])
    return shapely.union(belly, tendon), fibres


def rounded_fan(shape: Polygon, tendon_end: np.ndarray, wide: float, end: float) -> Polygon:
    """A fan's outline with the corners of its wide end rounded (radius at most FAN_ROUND_WIDE, a
    quarter of its width `wide`) away from its tendon, then the tendon's end rounded too."""
    big = min(FAN_ROUND_WIDE, 0.25 * wide)
    near_tendon = Point(*tendon_end).buffer(0.3, quad_segs=16)
    shape = shapely.union(shape.buffer(-big, quad_segs=12).buffer(big, quad_segs=12), shape.intersection(near_tendon))
    r = FAN_ROUND * end
    return shape.buffer(-r, quad_segs=12).buffer(r, quad_segs=12)


def sweep(row: PlanRow) -> tuple[Polygon, Fibres]:
    """A belly from the origin line to the insertion line, and its fibres. With a `via`, the belly
    ends where the tendon turns, and the tendon runs on from there to the insertion."""
    if row.via and row.shape in ("belly", "fan"):
        return with_tendon(row)
    o_mid = np.mean([skeleton.point(n) for n in row.origin], axis=0)
    i_mid = np.mean([skeleton.point(n) for n in row.insertion], axis=0)
    end = (FAN_END if row.shape == "fan" else END_WIDTH)[row.size]
    orig = attachment(row.origin, i_mid, end)
    ins = attachment(row.insertion, o_mid, end)
    straight = np.linalg.norm(orig[0] - ins[0]) + np.linalg.norm(orig[-1] - ins[-1])
    crossed = np.linalg.norm(orig[0] - ins[-1]) + np.linalg.norm(orig[-1] - ins[0])
    if crossed < straight:
        ins = ins[::-1]
    axis = i_mid - o_mid
    axis = axis / (np.linalg.norm(axis) or 1.0)
    nrm = np.array([-axis[1], axis[0]])
    ts = np.linspace(0.0, 1.0, 33)
    if row.shape == "bent":  # the sheet passes through the `via` line half way (a Bezier per fibre)
        mid = attachment(row.via, o_mid)
        if np.linalg.norm(mid[0] - (orig[0] + ins[0]) / 2) > np.linalg.norm(mid[-1] - (orig[0] + ins[0]) / 2):
            mid = mid[::-1]
        ctrl = 2 * mid - (orig + ins) / 2
    else:
        ctrl = (orig + ins) / 2

    def fibre(k: int, extra: float, sign: float) -> np.ndarray:
        """The k-th fibre (0..len(orig)-1), bowed out by `extra` at its middle."""
        s = k / (len(orig) - 1)
        bow = extra * np.sin(np.pi * ts) ** 0.9 * (1 - 2 * s) * sign
        a, b, c = ((1 - ts) ** 2)[:, None], (2 * ts * (1 - ts))[:, None], (ts**2)[:, None]
        return a * orig[k] + b * ctrl[k] + c * ins[k] + np.outer(bow, nrm)

    plain0, plain1 = fibre(0, 0.0, 1.0), fibre(len(orig) - 1, 0.0, 1.0)
    mid_width = float(np.linalg.norm(plain1[16] - plain0[16]))
    # the width the plan asks for is across the belly: an origin line that runs along the bone
    # (the tibialis anterior down the tibia) gives outer fibres far apart along the axis but close across it
    across = abs(float(np.dot(plain1[16] - plain0[16], nrm)))
    extra = max((FAN_BOW if row.shape == "fan" else MIN_BOW) * mid_width, (row.width - across) / 2)
    sign = 1.0 if float(np.dot(plain0[16] - plain1[16], nrm)) >= 0 else -1.0
    e0, e1 = fibre(0, extra, sign), fibre(len(orig) - 1, extra, sign)
    ring = (
        list(map(tuple, orig))
        + list(map(tuple, e1[1:-1]))
        + list(map(tuple, ins[::-1]))
        + list(map(tuple, e0[::-1][1:-1]))
    )
    shape = shapely.make_valid(Polygon(chaikin(ring, 2))).buffer(0)
    if row.shape == "fan":
        shape = rounded_fan(shape, np.mean(ins, axis=0), across + 2 * extra, end)
    count = FIBRES[row.size]
    fibres = [LineString(fibre(round(f * (len(orig) - 1)), extra, sign)) for f in np.linspace(0, 1, count + 2)[1:-1]]
    # spare fibres, for a muscle of which only an edge is seen (the calf from the front): used when
    # none of the others shows
    spare = [LineString(fibre(k, extra, sign)) for k in range(len(orig))]
    return shape, fibres + [SpareFibres(spare)]


SLIP_TIP, SLIP_BASE = 0.022, 0.05  # hu, half-widths of a slip at its tip and where it turns out of sight


def slips_shape(row: PlanRow) -> tuple[Polygon, list[LineString]]:
    """The serratus anterior seen from the front: one finger-like slip from each rib its origin
    lists (the landmarks are the slips' tips, in order down the chest), running up and back to the
    side of the chest, where the muscle turns out of sight towards the scapula; the slips join
    along the side."""
    tips = [np.array(skeleton.point(n)) for n in row.origin]
    fingers, fibres = [], []
    for tip in tips:
        base = np.array(skeleton.flank(float(tip[1]) - 0.10, -0.03))
        d = (base - tip) / np.linalg.norm(base - tip)
        nrm = np.array([-d[1], d[0]])
        quad = [tip + SLIP_TIP * nrm, base + SLIP_BASE * nrm, base - SLIP_BASE * nrm, tip - SLIP_TIP * nrm]
        fingers.append(Polygon(chaikin([tuple(q) for q in quad], 3)))
        fibres.append(LineString([tuple(tip + 0.01 * d), tuple(base)]))
    ys = np.linspace(float(tips[0][1]) - 0.07, float(tips[-1][1]) - 0.06, 12)
    side = [skeleton.flank(float(y), -0.03) for y in ys] + [skeleton.flank(float(y), 0.05) for y in ys[::-1]]
    shape = shapely.union_all(fingers + [Polygon(side)])
    shape = shape.buffer(0.008, quad_segs=8).buffer(-0.02, quad_segs=8).buffer(0.012, quad_segs=8)  # rounded slips
    return shape, fibres


def ring_shape(row: PlanRow) -> tuple[Polygon, list[LineString]]:
    """An elliptic band from the origin to the insertion (its long axis), `width` across."""
    a = np.mean([skeleton.point(n) for n in row.origin], axis=0)
    b = np.mean([skeleton.point(n) for n in row.insertion], axis=0)
    centre = (a + b) / 2
    rx = float(np.linalg.norm(b - a)) / 2
    ry = row.width / 2
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    outer = affinity.rotate(affinity.scale(Point(0, 0).buffer(1.0, quad_segs=24), rx, ry), angle, origin=(0, 0))
    inner = affinity.rotate(
        affinity.scale(Point(0, 0).buffer(1.0, quad_segs=24), rx * 0.55, ry * 0.45), angle, origin=(0, 0)
    )
    band = affinity.translate(outer.difference(inner), *centre)
    middle = affinity.rotate(
        affinity.scale(Point(0, 0).buffer(1.0, quad_segs=24), rx * 0.78, ry * 0.72), angle, origin=(0, 0)
    )
    return band, [affinity.translate(middle.exterior, *centre)]


def silhouette(view: str, mid: bool, cache: dict = {}):  # noqa: B006 (a module-level cache)
    key = (view, mid)
    if key not in cache:
        right = draw_body.silhouette_right(view)
        shape = shapely.union(right, draw_body.mirror(right)) if mid else right
        cache[key] = shape.buffer(-INSET)
    return cache[key]


def muscle_shape(row: PlanRow) -> list[tuple[Polygon, list[LineString]]]:
    """A plan row's shape (right side, or the whole for a midline muscle), clipped to the view, with
    its fibre lines: one shape, the largest part left in sight, or, for a muscle of SEVERAL_PARTS,
    every part in sight at least MIN_PART in area (largest first)."""
    makers = {"ring": ring_shape, "slips": slips_shape}
    shape, fibres = makers.get(row.shape, sweep)(row)
    clipped = shape.intersection(silhouette(row.view, row.side == "mid"))
    if (row.muscle_id, row.view) in HIDDEN_BY:
        clipped = clipped.difference(HIDDEN_BY[row.muscle_id, row.view])
    if (row.muscle_id, row.view) in LEAVES_OPEN:
        clipped = clipped.difference(LEAVES_OPEN[row.muscle_id, row.view])
    parts = [g for g in getattr(clipped, "geoms", [clipped]) if isinstance(g, Polygon) and g.area > 0]
    if not parts:
        raise PlanError(f"{row.where}: {row.muscle_id} lies outside the {row.view} view's outline")
    parts.sort(key=lambda g: -g.area)
    if (row.muscle_id, row.view) in SEVERAL_PARTS:
        parts = [g for g in parts if g.area >= MIN_PART] or parts[:1]
    else:
        parts = parts[:1]
    return [(part, _fibres_in(part, fibres, row.size)) for part in parts]


def _fibres_in(shape: Polygon, fibres: Fibres, size: str) -> list[LineString]:
    """The fibre lines that show in one shape: the muscle's own, or, when none of them crosses it
    (a rim of a muscle seen only at an edge), a few of its spare fibres."""
    inside = shape.buffer(-0.002)
    spare = [f for f in fibres if isinstance(f, SpareFibres)]
    lines = _cut(inside, [f for f in fibres if not isinstance(f, SpareFibres)])
    if not lines and spare:
        shown = [line for f in spare[0].lines for line in _cut(inside, [f])]
        count = FIBRES[size]
        lines = [shown[round(i)] for i in np.linspace(0, len(shown) - 1, count)] if len(shown) > count else shown
    return lines


def _cut(inside, fibres: list[LineString]) -> list[LineString]:
    lines = []
    for fibre in fibres:
        cut = fibre.intersection(inside)
        lines += [g for g in getattr(cut, "geoms", [cut]) if isinstance(g, LineString) and g.length > 0.02]
    return lines


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------
fmt = draw_body.fmt


def mirror_if(g, left: bool):
    return draw_body.mirror(g) if left else g


def _px(g, view: str, left: bool):
    return draw_body.to_px(mirror_if(g, left), view)


def _ring_d(coords) -> str:
    xs = [f"{fmt(x)} {fmt(y)}" for x, y in list(coords)[:-1]]
    return "M" + xs[0] + " L" + " ".join(xs[1:]) + " Z"


def polygon_d(g: Polygon) -> str:
    g = shapely.set_precision(g.simplify(SIMPLIFY_PX), 0.1)
    if not isinstance(g, Polygon):
        g = max(getattr(g, "geoms", [g]), key=lambda p: p.area)
    return " ".join([_ring_d(g.exterior.coords)] + [_ring_d(r.coords) for r in g.interiors])


def lines_d(lines: list[LineString]) -> str:
    out = []
    for line in lines:
        coords = line.simplify(SIMPLIFY_PX).coords
        out.append("M" + " L".join(f"{fmt(x)} {fmt(y)}" for x, y in coords))
    return " ".join(out)


def points_attr(names: tuple[str, ...], view: str, left: bool) -> str:
    pts = []
    for name in names:
        p = _px(Point(skeleton.point(name)), view, left)
        pts.append(f"{fmt(p.x)} {fmt(p.y)}")
    return ";".join(pts)


def hidden_ends(row: PlanRow) -> list[str]:
    """The ends of a muscle that its view hides (see HIDDEN_BY)."""
    mask = HIDDEN_BY.get((row.muscle_id, row.view))
    if mask is None:
        return []
    ends = {"origin": row.origin, "insertion": row.insertion}
    return [end for end, names in ends.items() if all(mask.contains(Point(skeleton.point(n))) for n in names)]


def build_svg(rows: list[PlanRow]) -> str:
    items = []
    for row in rows:
        sides = ("mid",) if row.side == "mid" else ("right", "left")
        for part, (shape, fibres) in enumerate(muscle_shape(row)):
            for side in sides:
                left = side == "left"
                px = _px(shape, row.view, left)
                fib = [_px(f, row.view, left) for f in fibres]
                items.append((row, side, part, px, fib))
    lines = [
        SVG_OPEN,
        "<title>Trigger Map muscles: front and back views</title>",
    ]
    for view in VIEWS:
        lines.append(f'<g id="muscles-{view}">')
        here = [it for it in items if it[0].view == view]
        here.sort(
            key=lambda it: (
                -DEPTHS.index(it[0].depth),
                UNDER_OTHERS.index((it[0].muscle_id, view)) - len(UNDER_OTHERS)
                if (it[0].muscle_id, view) in UNDER_OTHERS
                else 1 + RIMS_OVER.index((it[0].muscle_id, view))
                if (it[0].muscle_id, view) in RIMS_OVER
                else 0,
                it[0].muscle_id in OVER_OTHERS,
                -round(it[3].area),
                it[0].muscle_id,
                it[1],
                it[2],
            )
        )
        for row, side, part, px, fib in here:
            # a muscle seen in several parts (the calf at both edges of the shin): the first part
            # keeps the plain id, the others are numbered from 2
            sid = f"muscle-{row.muscle_id}-{side}-{view}" + (f"-{part + 1}" if part else "")
            left = side == "left"
            hidden = " ".join(hidden_ends(row))
            lines.append(
                f'<path class="muscle {row.depth}" id="{sid}" data-muscle="{row.muscle_id}" data-side="{side}" '
                f'data-depth="{row.depth}" data-size="{row.size}" '
                + (f'data-hidden="{hidden}" ' if hidden else "")
                + f'data-origin="{points_attr(row.origin, view, left)}" '
                f'data-insertion="{points_attr(row.insertion, view, left)}" d="{polygon_d(px)}"/>'
            )
            if row.depth == "superficial" and fib:
                lines.append(f'<path class="fibres" data-for="{sid}" d="{lines_d(fib)}"/>')
        lines.append("</g>")
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def skeleton_svg() -> str:
    """The body with the skeleton frame and its landmarks over it, to look at."""
    body = (ROOT / "assets" / "body.svg").read_text(encoding="utf-8")
    extra = []
    for view in VIEWS:
        for line in skeleton.frame_lines_hu():
            for left in (False, True):
                g = _px(LineString(line) if len(line) > 1 else Point(line[0]), view, left)
                d = "M" + " L".join(f"{fmt(x)} {fmt(y)}" for x, y in g.coords)
                extra.append(f'<path d="{d}" fill="none" stroke="#36c" stroke-width="1"/>')
        for name, p in skeleton.LANDMARKS.items():
            if name.startswith("sole-") and view == "front":
                continue
            q = _px(Point(p), view, False)
            extra.append(f'<circle cx="{fmt(q.x)}" cy="{fmt(q.y)}" r="1.3" fill="#c33"><title>{name}</title></circle>')
    return body.replace("</svg>", "\n".join(extra) + "\n</svg>")


def main(argv: list[str]) -> int:
    if "--skeleton" in argv:
        Path(argv[argv.index("--skeleton") + 1]).write_text(skeleton_svg(), encoding="utf-8")
        return 0
    try:
        rows = read_plan()
        svg = build_svg(rows)
    except PlanError as error:
        print(f"muscle plan: {error}", file=sys.stderr)
        return 1
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "muscles.svg"
            fresh.write_text(svg, encoding="utf-8")
            same = OUT.exists() and fresh.read_bytes() == OUT.read_bytes()
        print(f"{OUT}: {'reproduced byte for byte' if same else 'DIFFERS from the generator output'}")
        return 0 if same else 1
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg, encoding="utf-8")
    muscles = {r.muscle_id for r in rows}
    shapes = svg.count('class="muscle ')
    print(f"wrote {out} ({len(svg.encode()) / 1024:.1f} KB): {len(muscles)} muscles, {shapes} shapes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
