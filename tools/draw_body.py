"""Generate assets/body.svg: a front and a back view of the human body, cut into clickable regions.

Method (see /work/shared/design/body-drawing.md):
  * Landmarks are given in HEAD UNITS (hu): 1 hu = 100 px, the figure is 8 hu tall.
    Local coordinates are (u, y): u = distance from the midline towards the person's RIGHT side,
    y = distance down from the crown. Only the right half is designed; the left is its mirror.
  * The outline is a closed centripetal Catmull-Rom curve through those landmarks, with a few true
    corners (ears, armpit, crotch, toe line). Limbs are given as (distance along the bone, offset
    from it), so the arm abduction is one angle. Fingers and thumb are tapered digits (digit()),
    toes are capsules; both are unioned on.
  * Regions are cut IN ORDER from what is left of the half-silhouette with shapely, so they never
    overlap; slivers left at the end are folded into the neighbour sharing the longest border.
  * The regions of a view are then simplified together (coverage simplification keeps shared
    borders identical), mapped to pixels, rounded to 0.1 px and written as M/L/Z paths.

Run:  .venv/bin/python tools/draw_body.py          (writes assets/body.svg)
      .venv/bin/python tools/draw_body.py --check  (writes, then runs tools/check_body.py)
      .venv/bin/python tools/draw_body.py --out /tmp/x.svg   (write elsewhere)
The output is deterministic.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

from trigger_map.frame import MIDLINE, SVG_OPEN  # one home for the frame

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tools" / "region_catalogue.csv"
OUT = ROOT / "assets" / "body.svg"

# ----------------------------------------------------------------------------------------------
# Page layout (the SVG contract)
# ----------------------------------------------------------------------------------------------
HU = 100.0  # px per head unit
CROWN_Y = 40.0  # px, crown of the head; soles at CROWN_Y + 8 HU = 840

# Front view: person faces us, their right side is on the viewer's left (x decreases with u).
# Back view: we see their back, their right side is on the viewer's right (x increases with u).
X_SIGN = {"front": -1.0, "back": +1.0}

SIMPLIFY_PX = 0.6  # coverage simplification tolerance in px
DETAIL_PX = 0.15  # detail lines: simplification tolerance in px
FINGERTIP_PX2 = 40.0  # smallest allowed region area
CLOSING = 0.025  # hu, radius that rounds the thumb web
GRID = 1e-4  # hu; all cutting is snap-rounded to this grid (0.01 px) so the
# pieces stay valid and neighbours share exact vertices

# ----------------------------------------------------------------------------------------------
# Landmarks (head units)
# ----------------------------------------------------------------------------------------------
CHIN_Y = 1.0
EYE_Y = 0.5  # eyes sit half way down the head
# The eye region (around the eye): a lens between the inner and outer corner, from under the brow
# to the rim under the eye; the eye itself (lids, iris) is drawn inside it as detail lines.
ORBIT = [
    (0.035, 0.502),
    (0.085, 0.448),
    (0.14, 0.431),
    (0.20, 0.444),
    (0.248, 0.486),
    (0.20, 0.545),
    (0.14, 0.563),
    (0.08, 0.549),
]
ORBIT_CORNERS = [0, 4]
EYE_LIDS = [
    (0.072, 0.502),
    (0.105, 0.476),
    (0.145, 0.469),
    (0.182, 0.478),
    (0.205, 0.494),
    (0.18, 0.513),
    (0.14, 0.521),
    (0.100, 0.516),
]
EYE_CORNERS = [0, 4]
IRIS = (0.140, 0.495, 0.021)
NECK_BASE_Y = 1.2  # sternal notch / C7 level
NIPPLE_Y = 2.0
NAVEL_Y = 3.0
CROTCH_Y = 4.02
KNEE_Y = 6.0
SOLE_Y = 8.0

# Arm: shoulder joint, abduction and segment lengths. Changing ARM_ABDUCTION_DEG moves the whole
# arm, hand included, because every arm point is given in the bone's own frame.
SHOULDER_JOINT = (0.83, 1.52)
ARM_ABDUCTION_DEG = 15.0  # upper arm away from the trunk
FOREARM_ABDUCTION_DEG = 20.0  # carrying angle: forearm angles a little further out
HAND_ABDUCTION_DEG = 19.0
UPPER_ARM_LEN = 1.40
FOREARM_LEN = 1.20


class Frame:
    """A bone frame: origin, unit direction d along the bone and n pointing laterally (outward)."""

    def __init__(self, origin, angle_deg):
        a = math.radians(angle_deg)
        self.o = np.array(origin, float)
        self.d = np.array([math.sin(a), math.cos(a)])  # down and out
        self.n = np.array([math.cos(a), -math.sin(a)])  # lateral, perpendicular to d

    def pt(self, t, s):
        return tuple(self.o + t * self.d + s * self.n)

    def pts(self, ts):
        return [self.pt(t, s) for t, s in ts]

    def quad(self, t0, t1, s0, s1):
        return Polygon([self.pt(t0, s0), self.pt(t1, s0), self.pt(t1, s1), self.pt(t0, s1)])

    def coords(self, p):
        v = np.array(p) - self.o
        return float(v @ self.d), float(v @ self.n)


UPPER_ARM = Frame(SHOULDER_JOINT, ARM_ABDUCTION_DEG)
ELBOW = UPPER_ARM.pt(UPPER_ARM_LEN, 0.0)
FOREARM = Frame(ELBOW, FOREARM_ABDUCTION_DEG)
WRIST = FOREARM.pt(FOREARM_LEN, 0.0)
HAND = Frame(WRIST, HAND_ABDUCTION_DEG)

# Arm outline as (t along the bone, s lateral offset). Outer side goes down, inner side goes up.
DELTOID_CAP = [(-0.14, 0.10), (-0.04, 0.175), (0.12, 0.205)]
UPPER_ARM_OUTER = [(0.40, 0.19), (0.75, 0.16), (1.05, 0.15), (1.33, 0.145)]
FOREARM_OUTER = [(0.15, 0.16), (0.42, 0.155), (0.80, 0.125), (1.12, 0.105)]
FOREARM_INNER = [(1.12, -0.10), (0.80, -0.115), (0.40, -0.145), (0.12, -0.145)]
UPPER_ARM_INNER = [(1.33, -0.14), (1.00, -0.135), (0.72, -0.145), (0.50, -0.16)]
ARMPIT = (0.75, 1.93)

# Hand, palm facing forward, in the HAND frame (t from the wrist crease towards the fingertips,
# s > 0 towards the thumb, which is lateral in the anatomical position).
PALM_LATERAL = [(0.0, 0.108), (0.08, 0.148), (0.16, 0.19), (0.27, 0.178), (0.34, 0.162)]
PALM_KNUCKLES = [(0.41, 0.150), (0.445, 0.085), (0.455, 0.005), (0.44, -0.075), (0.40, -0.135)]
PALM_MEDIAL = [(0.30, -0.158), (0.15, -0.148), (0.0, -0.103)]
# Each digit: base (t, s) a little inside the palm, direction (deg from the hand axis, > 0 towards
# the thumb), length base->tip, half-width at the base and just before the tip, bend (deg over
# the length, > 0 curls the tip towards the thumb). The outline tapers, with a slight waist over
# the middle phalanx and a rounded pad at the tip; fingers fan out a little so small gaps open
# from the webs, middle longest, little shortest.
THUMB = ((0.07, 0.100), 30.0, 0.410, 0.055, 0.035, -11.0, (0.025, 0.33))
# thumb region: the thumb beyond a line from the outer thenar edge to the thumb web
THUMB_CUT = [(0.08, 0.195), (0.35, 0.163)]  # turned out from the palm
THENAR_BLEND = ((0.07, 0.13), 0.065, 0.03)  # centre (t, s), zone radius, rounding radius
FINGERS = {
    "index_finger": ((0.385, 0.127), 13.0, 0.335, 0.0405, 0.0365, -2.0),
    "middle_finger": ((0.405, 0.044), 3.5, 0.375, 0.0415, 0.0375, 0.0),
    "ring_finger": ((0.395, -0.040), -7.5, 0.350, 0.0405, 0.0365, 1.5),
    "little_finger": ((0.360, -0.117), -17.0, 0.275, 0.0395, 0.0355, 3.0),
}

# Trunk side, armpit to hip (u, y)
TRUNK_SIDE = [(0.745, 2.06), (0.71, 2.35), (0.635, 2.66), (0.605, 2.88), (0.625, 3.08), (0.685, 3.32), (0.75, 3.60)]
# Leg outline (u, y): outer side goes down, inner side goes up.
LEG_OUTER = [
    (0.78, 3.88),
    (0.765, 4.25),
    (0.71, 4.75),
    (0.635, 5.25),
    (0.565, 5.70),
    (0.545, 5.96),
    (0.535, 6.16),
    (0.57, 6.48),
    (0.55, 6.88),
    (0.475, 7.22),
    (0.43, 7.42),
    (0.455, 7.56),
]
LEG_INNER = [
    (0.205, 7.50),
    (0.225, 7.36),
    (0.175, 7.02),
    (0.105, 6.62),
    (0.095, 6.32),
    (0.105, 6.00),
    (0.12, 5.70),
    (0.135, 5.20),
    (0.115, 4.62),
    (0.065, 4.22),
]
KNEECAP = (0.325, 5.99)

# Feet. Front: the top of the foot, foreshortened, toes in a row at the bottom.
FOOT_FRONT_OUTER = [(0.505, 7.68), (0.535, 7.77), (0.527, 7.83)]
TOE_LINE_Y = 7.87  # where the toes leave the foot (front view)
FOOT_FRONT_INNER = [(0.165, 7.875), (0.152, 7.78), (0.175, 7.64)]
TOES_FRONT = {  # base (u, y), tip (u, y), base radius, tip radius: short, round, side by side
    "big": ((0.223, 7.875), (0.226, 7.938), 0.058, 0.056),
    "2": ((0.321, 7.866), (0.325, 7.925), 0.036, 0.034),
    "3": ((0.389, 7.856), (0.394, 7.910), 0.033, 0.032),
    "4": ((0.450, 7.842), (0.456, 7.892), 0.030, 0.029),
    "5": ((0.503, 7.826), (0.510, 7.868), 0.027, 0.026),
}
# Back: the foot seen from behind. Under the ankle bones the outline slopes out along the sides
# of the foot (the arch inside, the little-toe edge outside) to the forefoot at the ground; the
# heel sits in the middle, lowest, with a slightly wider, flattened pad.
HEEL_BACK = [
    (0.47, 7.68),
    (0.468, 7.76),
    (0.482, 7.85),
    (0.50, 7.925),
    (0.507, 7.958),
    (0.492, 7.972),
    (0.455, 7.978),
    (0.425, 7.993),
    (0.33, 8.004),
    (0.235, 7.993),
    (0.205, 7.978),
    (0.172, 7.972),
    (0.155, 7.958),
    (0.163, 7.90),
    (0.182, 7.80),
    (0.20, 7.64),
]
# Thin lines (not clickable): the rounded back of the heel, a U ending just above its pad, and
# the edge of the sole running from the heel out to the forefoot on each side.
HEEL_CONTOUR = [
    (0.262, 7.79),
    (0.248, 7.87),
    (0.25, 7.935),
    (0.28, 7.972),
    (0.33, 7.982),
    (0.38, 7.972),
    (0.41, 7.935),
    (0.412, 7.87),
    (0.398, 7.79),
]
SOLE_EDGE = [[(0.158, 7.950), (0.20, 7.955), (0.252, 7.945)], [(0.408, 7.945), (0.455, 7.955), (0.503, 7.950)]]

# Sole inset (back view), beside the lower leg on the outside: a plantar view, toes up, big toe
# towards the midline (like a footprint). Coordinates (a along the foot from the heel, b lateral).
SOLE_CENTRE_U = 1.08
SOLE_HEEL_Y = 7.86
SOLE_OUTLINE = [
    (0.0, 0.0),
    (0.012, 0.072),
    (0.048, 0.118),
    (0.13, 0.143),
    (0.32, 0.150),
    (0.52, 0.170),
    (0.68, 0.197),
    (0.775, 0.188),
    (0.855, -0.188),
    (0.74, -0.205),
    (0.58, -0.15),
    (0.42, -0.095),
    (0.27, -0.105),
    (0.12, -0.132),
    (0.045, -0.112),
    (0.012, -0.066),
]
SOLE_CORNERS = [7, 8]  # where the toe row leaves the outline
SOLE_TOES = [
    ((0.83, -0.128), (0.922, -0.125), 0.067, 0.062),  # big toe, towards the midline
    ((0.828, -0.012), (0.892, -0.008), 0.038, 0.035),
    ((0.810, 0.059), (0.862, 0.066), 0.035, 0.032),
    ((0.790, 0.120), (0.833, 0.129), 0.031, 0.029),
    ((0.763, 0.169), (0.797, 0.178), 0.028, 0.026),
]


# the crease where the toes leave the ball of the foot (detail line in the inset)
SOLE_TOE_CREASE = [(0.815, -0.175), (0.795, -0.07), (0.79, 0.02), (0.772, 0.10), (0.742, 0.165)]
# the frame round each inset (u0, y0, u1, y1): the label sits at its top, above the toes
SOLE_FRAME = (SOLE_CENTRE_U - 0.37, 6.47, SOLE_CENTRE_U + 0.37, 7.99)


def sole_pt(a, b):
    return (SOLE_CENTRE_U + b, SOLE_HEEL_Y - a)


# ----------------------------------------------------------------------------------------------
# Curves and shapes
# ----------------------------------------------------------------------------------------------
def catmull_rom(points, closed=False, step=0.006):
    """Centripetal (alpha 0.5) Catmull-Rom through points, sampled about every `step` hu.

    Open curves get phantom end points (reflections) so the curve ends exactly at its first and
    last point without overshoot."""
    p = [np.array(q, float) for q in points]
    ext = [p[-1], *p, p[0], p[1]] if closed else [2 * p[0] - p[1], *p, 2 * p[-1] - p[-2]]
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        t0 = 0.0
        t1 = t0 + max(float(np.linalg.norm(p1 - p0)), 1e-9) ** 0.5
        t2 = t1 + max(float(np.linalg.norm(p2 - p1)), 1e-9) ** 0.5
        t3 = t2 + max(float(np.linalg.norm(p3 - p2)), 1e-9) ** 0.5
        n = max(2, int(np.linalg.norm(p2 - p1) / step))
        for t in np.linspace(t1, t2, n, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    if not closed:
        out.append(tuple(p[-1]))
    return out


def smooth_loop(points, corners):
    """Closed curve through points; indices in `corners` stay sharp (curve split there)."""
    if not corners:
        return catmull_rom(points, closed=True)
    corners = sorted(corners)
    pts = []
    for k, c in enumerate(corners):
        nxt = corners[(k + 1) % len(corners)]
        run = points[c : nxt + 1] if nxt > c else points[c:] + points[: nxt + 1]
        pts.extend(catmull_rom(run)[:-1])
    return pts


def smooth_polygon(points, corners=()):
    return shapely.make_valid(Polygon(smooth_loop(list(points), list(corners)))).buffer(0)


def capsule(base, tip, r0, r1):
    """A tapered finger/toe: convex hull of two discs, i.e. rounded tip, straight sides."""
    return Point(base).buffer(r0, quad_segs=24).union(Point(tip).buffer(r1, quad_segs=24)).convex_hull


def mirror(g):
    return affinity.scale(g, xfact=-1.0, yfact=1.0, origin=(0, 0))


def ellipse(cx, cy, rx, ry):
    return affinity.scale(Point(cx, cy).buffer(1.0, quad_segs=32), rx, ry)


def poly(*pts):
    return Polygon(pts)


RIGHT_HALF = box(0.0, -1.0, 4.0, 9.0)


# ----------------------------------------------------------------------------------------------
# Silhouette
# ----------------------------------------------------------------------------------------------
def head_and_neck():
    """Crown to the base of the neck; the ear is a small lobe between two corners."""
    pts = [(0.0, 0.0), (0.17, 0.03), (0.285, 0.12), (0.33, 0.27), (0.335, 0.42)]
    ear = [(0.36, 0.425), (0.385, 0.47), (0.392, 0.55), (0.377, 0.63), (0.352, 0.69), (0.33, 0.715)]
    jaw = [(0.315, 0.78), (0.288, 0.855), (0.25, 0.915)]  # jaw angle down to where the neck starts
    neck = [(0.245, 1.02), (0.255, 1.12)]
    corners = [4, 4 + len(ear), 4 + len(ear) + len(jaw)]  # ear top, ear bottom, under the jaw
    return pts + ear + jaw + neck, corners


def shoulder_and_arm():
    """Trapezius slope, deltoid cap, outer arm, hand outline, inner arm up to the armpit."""
    trapezius = [(0.30, 1.20), (0.45, 1.265), (0.65, 1.325), (0.80, 1.36)]
    outer = UPPER_ARM.pts(DELTOID_CAP) + UPPER_ARM.pts(UPPER_ARM_OUTER) + FOREARM.pts(FOREARM_OUTER)
    hand = HAND.pts(PALM_LATERAL + PALM_KNUCKLES + PALM_MEDIAL)
    inner = FOREARM.pts(FOREARM_INNER) + UPPER_ARM.pts(UPPER_ARM_INNER)
    return trapezius + outer + hand + inner + [ARMPIT]


def body_loop(view):
    """The right half outline from crown to crotch, as points and corner indices."""
    pts, corners = head_and_neck()
    arm = shoulder_and_arm()
    pts = pts + arm
    corners.append(len(pts) - 1)  # armpit
    pts = pts + TRUNK_SIDE + LEG_OUTER
    if view == "front":
        pts = pts + FOOT_FRONT_OUTER
        corners.append(len(pts) - 1)  # little-toe side of the toe line
        pts = pts + FOOT_FRONT_INNER[:1]
        corners.append(len(pts) - 1)  # big-toe side of the toe line
        pts = pts + FOOT_FRONT_INNER[1:]
    else:
        pts = pts + HEEL_BACK
    pts = pts + LEG_INNER + [(0.0, CROTCH_Y)]
    corners.append(len(pts) - 1)  # crotch
    return pts, corners


def full_outline(view):
    """Symmetric closed outline: right half, then the mirrored left half back up to the crown."""
    right, corners = body_loop(view)
    left = [(-u, y) for u, y in reversed(right[1:-1])]
    n = len(right)
    pts = right + left
    all_corners = corners + [n + (n - 2 - c) for c in corners if 0 < c < n - 1]
    return smooth_polygon(pts, sorted(set(all_corners)))


def digit_axis(base, angle_deg, length, w0, w1, bend_deg, flare=None, n=24):
    """The centre line of a finger or thumb in the HAND frame: fractions f (0 at the base, 1 where
    the rounded tip starts), centre points, headings and half-widths. The centre line starts at
    `base`, points `angle_deg` off the hand axis and curves by `bend_deg` over its length; the
    half-width tapers from w0 to w1 with a faint waist. `flare` = (w_start, f_peak) lets the digit
    grow from w_start to w0 over the first f_peak of its length (the thumb rising out of the thenar
    eminence)."""

    def half_width(f):
        if flare is not None:
            w_start, fp = flare
            if f < fp:
                return w_start + (w0 - w_start) * math.sin(0.5 * math.pi * f / fp)
            f = (f - fp) / (1.0 - fp)
        return w0 + (w1 - w0) * f**0.8 - 0.0025 * math.sin(math.pi * min(f / 0.85, 1.0))

    xs = np.linspace(0.0, 1.0, n)
    a0, da = math.radians(angle_deg), math.radians(bend_deg)
    body = length - w1  # where the rounded tip starts
    centre, heading = [np.array(base, float)], []
    for i, f in enumerate(xs):
        ang = a0 + da * f
        heading.append(ang)
        if i:
            centre.append(centre[-1] + body / (n - 1) * np.array([math.cos(ang), math.sin(ang)]))
    return xs, centre, heading, [half_width(f) for f in xs]


def digit_at(spec, f):
    """Centre point, unit direction, unit normal (towards the thumb) and half-width of a digit at
    fraction f of its length before the tip (HAND frame)."""
    base, angle_deg, length, w0, w1, bend_deg, *rest = spec
    flare = rest[0] if rest else None
    _, centre, heading, widths = digit_axis(base, angle_deg, length, w0, w1, bend_deg, flare=flare, n=101)
    i = round(f * 100)
    ang = heading[i]
    return (centre[i], np.array([math.cos(ang), math.sin(ang)]), np.array([-math.sin(ang), math.cos(ang)]), widths[i])


def digit(base, angle_deg, length, w0, w1, bend_deg, flare=None, grow=0.0):
    """A finger or thumb outline in the HAND frame (see digit_axis), mapped to (u, y); the end is a
    rounded pad (a half ellipse a little longer than wide)."""
    _, centre, heading, widths = digit_axis(base, angle_deg, length, w0, w1, bend_deg, flare)
    a0 = math.radians(angle_deg)
    left, right = [], []
    for c, ang, w in zip(centre, heading, widths, strict=False):
        nrm = np.array([-math.sin(ang), math.cos(ang)])
        left.append(c + (w + grow) * nrm)
        right.append(c - (w + grow) * nrm)
    c, ang = centre[-1], heading[-1]
    dirv, nrm = np.array([math.cos(ang), math.sin(ang)]), np.array([-math.sin(ang), math.cos(ang)])
    tip = [
        c + (w1 + grow) * (math.cos(th) * nrm + 1.1 * math.sin(th) * dirv) for th in np.linspace(math.pi, 0.0, 25)[1:-1]
    ]
    ring_ = [centre[0] - 0.06 * np.array([math.cos(a0), math.sin(a0)])] + right + tip + left[::-1]
    return Polygon([HAND.pt(float(t), float(s_)) for t, s_ in ring_]).buffer(0)


def hand_digits():
    # the palm itself is part of the main outline; digits are unioned onto it
    return [digit(*spec) for spec in [THUMB] + list(FINGERS.values())]


def toes_front():
    return {k: capsule(b, t, r0, r1) for k, (b, t, r0, r1) in TOES_FRONT.items()}


def sole_inset():
    outline = smooth_polygon([sole_pt(a, b) for a, b in SOLE_OUTLINE], corners=SOLE_CORNERS)
    toes = [capsule(sole_pt(*b), sole_pt(*t), r0, r1) for b, t, r0, r1 in SOLE_TOES]
    u = unary_union([outline] + toes)
    return Polygon(u.exterior)  # the toe gaps may enclose a pinhole: fill it


def silhouette_right(view):
    """Right half of the silhouette (u >= 0), plus the sole inset in the back view."""
    body = full_outline(view)
    thumb, *fingers = hand_digits()
    thumbs = [thumb, mirror(thumb)]
    # a small closing (grow, then shrink) blends the thumb into the thenar eminence and softens
    # the notch where it joins; fingers and toes are added after it so their gaps stay open
    core = unary_union([body] + thumbs).buffer(CLOSING, quad_segs=16).buffer(-CLOSING, quad_segs=16)
    # round off the corner where the thumb's outer edge leaves the wrist (a local opening), so
    # the thenar eminence flows into the thumb
    zone = Point(HAND.pt(*THENAR_BLEND[0])).buffer(THENAR_BLEND[1], quad_segs=32)
    r = THENAR_BLEND[2]
    local = core.intersection(zone.buffer(3 * r)).buffer(-r, quad_segs=16).buffer(r, quad_segs=16)
    core = unary_union([core.difference(zone), local.intersection(zone)])
    parts = [core] + fingers + [mirror(f) for f in fingers]
    if view == "front":
        toes = list(toes_front().values())
        parts += toes + [mirror(t) for t in toes]
    half = unary_union(parts).intersection(RIGHT_HALF)
    half = max(getattr(half, "geoms", [half]), key=lambda g: g.area)
    if view == "back":
        half = unary_union([half, sole_inset()])
    return half


# ----------------------------------------------------------------------------------------------
# Region cutting
# ----------------------------------------------------------------------------------------------
class Cutter:
    """Cuts regions in order from the remaining right-half silhouette."""

    def __init__(self, shape):
        self.remaining = shapely.set_precision(shape, GRID)
        self.regions = {}  # name -> Polygon (right half)
        self.dropped = []  # stray pieces returned to `remaining`

    def cut(self, name, mask):
        piece = shapely.intersection(self.remaining, mask, grid_size=GRID)
        parts = [g for g in getattr(piece, "geoms", [piece]) if isinstance(g, Polygon) and g.area > 0]
        if not parts:
            raise ValueError(f"region {name} is empty")
        parts.sort(key=lambda g: -g.area)
        region = parts[0]
        self.remaining = shapely.difference(self.remaining, region, grid_size=GRID)
        for g in parts[1:]:
            if g.area > 2e-4:
                self.dropped.append((name, round(g.area * HU * HU, 1)))
        self.regions[name] = region
        return region

    def fold_leftovers(self):
        """Give every leftover sliver to the neighbour sharing the longest border with it."""
        pieces = [
            g for g in getattr(self.remaining, "geoms", [self.remaining]) if isinstance(g, Polygon) and g.area > 0
        ]
        stats = (sum(g.area for g in pieces) * HU * HU, max([g.area for g in pieces], default=0.0) * HU * HU)
        for g in sorted(pieces, key=lambda g: -g.area):
            grown = g.buffer(1e-6)
            best = sorted(self.regions, key=lambda k: -self.regions[k].boundary.intersection(grown).length)
            for k in best:
                merged = shapely.union(self.regions[k], g, grid_size=GRID)
                if isinstance(merged, Polygon):
                    self.regions[k] = merged
                    break
        self.remaining = Polygon()
        return stats


def leg_edges():
    """Inner and outer edge of the leg as functions of y (linear between landmarks)."""
    outer = sorted(LEG_OUTER, key=lambda p: p[1])
    inner = sorted(LEG_INNER + [(0.0, CROTCH_Y)], key=lambda p: p[1])
    oy, ou = [p[1] for p in outer], [p[0] for p in outer]
    iy, iu = [p[1] for p in inner], [p[0] for p in inner]
    return (lambda y: float(np.interp(y, iy, iu)), lambda y: float(np.interp(y, oy, ou)))


LEG_IN, LEG_OUT = leg_edges()


def leg_strip(y0, y1, f0, f1, straight=False):
    """Band of the leg between heights y0..y1 and fractions f0..f1 of its width (0 = inner
    edge, 1 = outer edge). Fractions below 0 / above 1 reach past the outline on purpose.
    `straight`: the sides are straight lines between the ends (no kinks where the outline turns)."""
    ys = np.linspace(y0, y1, 2 if straight else 40)
    a = [(LEG_IN(y) + f0 * (LEG_OUT(y) - LEG_IN(y)), y) for y in ys]
    b = [(LEG_IN(y) + f1 * (LEG_OUT(y) - LEG_IN(y)), y) for y in ys[::-1]]
    return Polygon(a + b)


def side_lens(y0, y1, depth, taper=0.6):
    """A strip along the lateral outline of trunk and thigh between y0 and y1, `depth` deep in the
    middle; taper < 1 keeps it fuller towards the ends (outer hip, side of chest)."""
    side = sorted([ARMPIT] + TRUNK_SIDE + LEG_OUTER, key=lambda p: p[1])
    sy, su = [p[1] for p in side], [p[0] for p in side]
    ys = np.linspace(y0, y1, 40)
    edge = [float(np.interp(y, sy, su)) for y in ys]
    inner = [
        (e - depth * max(math.sin(math.pi * (y - y0) / (y1 - y0)), 1e-3) ** taper, y)
        for e, y in zip(edge, ys, strict=True)
    ]
    return Polygon(inner + [(e + 0.3, y) for e, y in zip(edge[::-1], ys[::-1], strict=False)])


# Boundary between arm and trunk: from the clavicle down through the armpit and the gap between
# the arm and the trunk (the arm is abducted, so the gap is there all the way down).
ARM_SIDE = poly((0.60, 0.90), (0.60, 1.36), ARMPIT, (0.84, 3.0), (0.98, 5.3), (3.0, 5.3), (3.0, 0.9))
TRUNK_SIDE_MASK = box(-1, 0.8, 4, 9).difference(ARM_SIDE)


def arm_band(t0, t1, s0, s1, t0f=None, t1f=None):
    """Upper-arm band (t0..t1 on the humerus) optionally joined to a forearm band (t0f..t1f)."""
    g = UPPER_ARM.quad(t0, t1, s0, s1) if t0 is not None else Polygon()
    if t0f is not None:
        g = g.union(FOREARM.quad(t0f, t1f, s0, s1))
    return g.intersection(ARM_SIDE)


def digit_masks(palm):
    """Each digit beyond the palm edge, kept apart from its neighbours by the digit shapes. The
    thumb ends at a line from the outer thenar edge to the web, so the thenar stays palm."""
    (t0, s0), (t1, s1) = THUMB_CUT
    beyond = Polygon(HAND.pts([(t0 - 0.3, s0), (t0, s0), (t1, s1), (t1 + 0.5, s1 + 0.5), (t0 - 0.3, s1 + 0.5)]))
    out = {"thumb": digit(*THUMB, grow=0.004).intersection(beyond)}
    out.update({name: digit(*spec, grow=0.004).difference(palm) for name, spec in FINGERS.items()})
    return out


def palm_core():
    """The palm without the digits; its knuckle edge (where the fingers begin) is a smooth curve."""
    return smooth_polygon(HAND.pts(PALM_LATERAL + PALM_KNUCKLES + PALM_MEDIAL))


# --- front view --------------------------------------------------------------------------------
def front_head(c):
    head = poly(
        (-0.1, -0.5),
        (0.7, -0.5),
        (0.7, 0.74),
        (0.33, 0.76),
        (0.28, 0.87),
        (0.2, 0.95),
        (0.1, 0.995),
        (0.0, 1.01),
        (-0.1, 1.01),
    )
    c.cut("top_of_head", head.intersection(box(-1, -1, 1, 0.19)))  # crown, above the hairline
    c.cut("chin", head.intersection(ellipse(0.0, 0.965, 0.135, 0.095)))  # mental region, below the lip
    c.cut("eye", smooth_polygon(ORBIT, ORBIT_CORNERS))
    # in front of the ear, from the ear top (rising along the cheekbone's arch) to the jaw angle
    c.cut(
        "jaw_joint",
        head.intersection(poly((0.262, 0.76), (0.262, 0.53), (0.29, 0.47), (0.334, 0.40), (1, 0.40), (1, 0.76))),
    )
    # forehead: down to the brows; between the eyes it stops at the root of the nose
    c.cut(
        "forehead",
        head.intersection(poly((0, 0.18), (0.215, 0.18), (0.225, 0.50), (0.10, 0.50), (0.05, 0.455), (0, 0.445))),
    )
    c.cut("temple", head.intersection(box(0.2, 0.18, 1, 0.49)))  # brow to ear top, at the side
    c.cut(
        "jaw",
        head.intersection(poly((0.095, 1.1), (0.112, 0.855), (0.235, 0.783), (0.28, 0.72), (0.7, 0.72), (0.7, 1.1))),
    )
    c.cut("cheek", head)  # the rest of the face


def front_neck(c):
    neck = poly((-0.1, 0.8), (0.5, 0.8), (0.5, 1.29), (0.45, 1.285), (0.25, 1.195), (0.12, 1.205), (-0.1, 1.215))
    c.cut("throat", neck.intersection(box(-1, 0, 0.125, 2)))
    c.cut("side_of_neck", neck)


def front_shoulder(c):
    # lateral of the deltopectoral groove, above the deltoid insertion
    deltoid = UPPER_ARM.quad(-0.7, 0.60, -0.4, 0.6).intersection(
        poly((0.47, 0.9), (0.47, 1.275), (0.60, 1.36), ARMPIT, (0.8, 2.2), (2, 2.2), (2, 0.9))
    )
    c.cut("outer_shoulder", deltoid.intersection(UPPER_ARM.quad(-0.7, 0.6, 0.065, 0.6)))
    c.cut("front_of_shoulder", deltoid)


def front_arm(c):
    palm = palm_core()
    for name, mask in digit_masks(palm).items():
        c.cut(name, mask)
    c.cut("palm", HAND.quad(0.055, 1.0, -0.5, 0.5))
    c.cut("palm_side_wrist", HAND.quad(-0.10, 0.055, -0.4, 0.4))
    c.cut("front_of_forearm", arm_band(None, None, -0.4, 0.4, 0.17, 1.4))
    # elbow: a band across the joint, split medial / middle / lateral
    c.cut("inner_elbow", arm_band(1.16, 1.6, -0.4, -0.055, -0.2, 0.17))
    c.cut("outer_elbow", arm_band(1.16, 1.6, 0.075, 0.4, -0.2, 0.17))
    c.cut("front_of_elbow", arm_band(1.16, 1.6, -0.4, 0.4, -0.2, 0.17))
    c.cut("inner_upper_arm", arm_band(0.3, 1.16, -0.45, -0.065))
    c.cut("outer_upper_arm", arm_band(0.3, 1.16, 0.085, 0.45))
    c.cut("front_of_upper_arm", arm_band(0.3, 1.16, -0.45, 0.45))


def front_trunk(c):
    t = TRUNK_SIDE_MASK
    c.cut("breastbone", t.intersection(poly((0, 1.19), (0.095, 1.19), (0.085, 2.24), (0.0, 2.36))))
    c.cut("side_of_chest", t.intersection(side_lens(1.86, 2.80, 0.20, taper=0.25)))
    c.cut("upper_chest", t.intersection(box(-1, 0.8, 1.0, NIPPLE_Y + 0.02)))
    # lower chest ends at the costal margin, which slopes down from the xiphoid
    c.cut(
        "lower_chest",
        t.intersection(poly((0, 1.9), (1.0, 1.9), (1.0, 2.74), (0.52, 2.64), (0.26, 2.46), (0.08, 2.37), (0, 2.37))),
    )
    c.cut("outer_hip", t.intersection(side_lens(3.40, 4.40, 0.17)))
    pubic_v = poly((0, 3.53), (0.43, 3.53), (0.15, 3.92), (0.04, 4.07), (0, 4.1))
    c.cut("pubic", t.intersection(pubic_v))
    # groin: strips along the inguinal ligament (ASIS down to the pubic tubercle)
    c.cut(
        "groin",
        t.intersection(
            poly(
                (0.66, 3.34),
                (0.43, 3.53),
                (0.15, 3.92),
                (0.03, 4.08),
                (0.12, 4.18),
                (0.27, 4.04),
                (0.52, 3.70),
                (0.67, 3.53),
            )
        ),
    )
    c.cut("upper_abdomen", t.intersection(box(-1, 1.8, 1.0, NAVEL_Y)))
    c.cut(
        "lower_abdomen",
        t.intersection(poly((0, 2.9), (1.0, 2.9), (1.0, 3.45), (0.62, 3.45), (0.60, 3.60), (0.43, 3.53), (0, 3.53))),
    )


def front_leg(c):
    foot = poly((0.0, 7.62), (0.19, 7.60), (0.5, 7.66), (1.0, 7.66), (1.0, 8.2), (0.0, 8.2))
    toe_zone = box(0, 7.815, 1.0, 8.2)  # distal forefoot and the toes
    c.cut("big_toe", foot.intersection(toe_zone).intersection(box(0, 0, 0.282, 9)))
    c.cut("toes", foot.intersection(toe_zone))
    c.cut("top_of_foot", foot)
    c.cut("inner_ankle", leg_strip(7.28, 7.7, -0.6, 0.33, straight=True))
    c.cut("outer_ankle", leg_strip(7.28, 7.7, 0.67, 1.6, straight=True))
    c.cut("front_of_ankle", leg_strip(7.28, 7.7, -0.6, 1.6))
    c.cut("outer_lower_leg", leg_strip(6.28, 7.28, 0.62, 1.6))
    c.cut("shin", leg_strip(6.28, 7.28, -0.6, 1.6))
    c.cut("front_of_knee", ellipse(KNEECAP[0], KNEECAP[1], 0.145, 0.185))  # kneecap area
    c.cut("inner_knee", leg_strip(5.72, 6.28, -0.6, 0.5))
    c.cut("outer_knee", leg_strip(5.72, 6.28, 0.5, 1.6))
    c.cut("inner_thigh", leg_strip(3.9, 5.72, -0.6, 0.30).intersection(box(0, 3.0, 1.0, 9)))
    c.cut("outer_thigh", leg_strip(3.9, 5.72, 0.74, 1.6))
    c.cut("front_of_thigh", leg_strip(3.3, 5.72, -0.6, 1.6).intersection(TRUNK_SIDE_MASK))


# --- back view ---------------------------------------------------------------------------------
def back_head_neck(c):
    head = poly((-0.1, -0.5), (0.7, -0.5), (0.7, 0.80), (0.30, 0.83), (0.18, 0.87), (0, 0.885))
    c.cut("behind_ear", head.intersection(poly((0.26, 0.40), (0.7, 0.40), (0.7, 0.9), (0.22, 0.9), (0.235, 0.6))))
    c.cut("back_of_head", head)
    c.cut("back_of_neck", poly((0, 0.8), (0.45, 0.8), (0.45, 1.0), (0.27, 1.1), (0.22, 1.2), (0, 1.25)))
    # the trapezius ridge: a strip under the top outline from the neck to the shoulder tip
    c.cut(
        "top_of_shoulder",
        poly(
            (0.1, 0.9), (1.0, 0.9), (1.0, 1.40), (0.82, 1.47), (0.60, 1.46), (0.38, 1.41), (0.20, 1.31), (0.08, 1.262)
        ),
    )


def back_arm(c):
    palm = palm_core()
    masks = digit_masks(palm)
    c.cut("back_of_thumb", masks.pop("thumb"))
    # the four fingers together, joined by a strip of the hand along the knuckles
    line = catmull_rom([(0.40, 0.24), (0.372, 0.14), (0.392, 0.02), (0.372, -0.08), (0.345, -0.15), (0.32, -0.24)])
    knuckles = Polygon(HAND.pts([(0.41, 0.5)] + line + [(0.32, -0.5), (1.0, -0.5), (1.0, 0.5)]))
    c.cut("back_of_fingers", unary_union(list(masks.values()) + [knuckles]))
    c.cut("back_of_hand", HAND.quad(0.055, 1.0, -0.5, 0.5))
    c.cut("back_of_wrist", HAND.quad(-0.10, 0.055, -0.4, 0.4))
    c.cut("back_of_forearm", arm_band(None, None, -0.4, 0.4, 0.17, 1.4))
    c.cut("back_of_elbow", arm_band(1.16, 1.6, -0.4, 0.4, -0.2, 0.17))
    # posterior deltoid: lateral of the posterior axillary fold, above the deltoid insertion
    c.cut(
        "back_of_shoulder",
        UPPER_ARM.quad(-0.7, 0.60, -0.4, 0.6).intersection(
            poly((0.60, 0.9), (0.60, 1.36), ARMPIT, (0.8, 2.2), (2, 2.2), (2, 0.9))
        ),
    )
    c.cut("back_of_upper_arm", arm_band(0.3, 1.16, -0.45, 0.45))


def back_trunk(c):
    t = TRUNK_SIDE_MASK
    # scapula: its top edge is the trapezius strip above (cut first), its point the inferior angle
    scapula = smooth_polygon(
        [
            (0.25, 1.30),
            (0.47, 1.28),
            (0.69, 1.30),
            (0.71, 1.62),
            (0.63, 1.92),
            (0.50, 2.25),
            (0.43, 2.40),
            (0.37, 2.31),
            (0.30, 1.95),
            (0.255, 1.62),
        ],
        corners=[0, 2],
    )
    c.cut("shoulder_blade", t.intersection(scapula))
    c.cut("between_shoulder_blades", t.intersection(poly((0, 1.2), (0.45, 1.2), (0.45, 2.43), (0.25, 2.37), (0, 2.35))))
    c.cut("mid_back", t.intersection(box(-1, 1.2, 1.0, 2.80)))
    c.cut("tailbone", poly((0, 3.76), (0.06, 3.78), (0.045, 3.97), (0, 4.0)))
    c.cut("sacrum", poly((0, 3.27), (0.21, 3.32), (0.18, 3.55), (0.07, 3.80), (0, 3.80)))
    c.cut(
        "low_back",
        t.intersection(poly((0, 2.7), (1.0, 2.7), (1.0, 3.27), (0.72, 3.24), (0.45, 3.28), (0.21, 3.32), (0, 3.27))),
    )
    # buttock: iliac crest down to the gluteal fold
    c.cut(
        "buttock",
        t.intersection(
            poly((0, 3.2), (1.0, 3.2), (1.0, 4.28), (0.62, 4.30), (0.38, 4.27), (0.18, 4.21), (0.05, 4.12), (0, 4.05))
        ),
    )


def back_leg(c):
    inset = box(SOLE_CENTRE_U - 0.35, 6.5, SOLE_CENTRE_U + 0.35, 8.2)
    # plantar inset: heel, arch, forefoot with the toes
    c.cut("heel", inset.intersection(box(0, SOLE_HEEL_Y - 0.28, 3, 9)))
    c.cut("sole", inset.intersection(box(0, SOLE_HEEL_Y - 0.60, 3, 9)))
    c.cut("ball_of_foot", inset)
    c.cut("back_of_heel", poly((0, 7.64), (0.20, 7.62), (0.47, 7.64), (1.0, 7.64), (1.0, 8.2), (0, 8.2)))
    c.cut("achilles", leg_strip(7.22, 7.7, -0.6, 1.6))
    c.cut("calf", leg_strip(6.26, 7.22, -0.6, 1.6))
    c.cut("back_of_knee", leg_strip(5.76, 6.26, -0.6, 1.6))
    c.cut("back_of_thigh", leg_strip(3.9, 5.76, -0.6, 1.6).intersection(box(0, 3.0, 1.0, 9)))


def cut_view(view):
    c = Cutter(silhouette_right(view))
    steps = (
        [front_head, front_neck, front_shoulder, front_arm, front_trunk, front_leg]
        if view == "front"
        else [back_head_neck, back_arm, back_trunk, back_leg]
    )
    for step in steps:
        step(c)
    before = c.fold_leftovers()
    return c, before


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------
def to_px(g, view):
    """Local (u, y) head units -> SVG pixels for the given view."""
    g = affinity.scale(g, xfact=X_SIGN[view] * HU, yfact=HU, origin=(0, 0))
    return affinity.translate(g, xoff=MIDLINE[view], yoff=CROWN_Y)


def fmt(v):
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


def ring_d(coords):
    xs = [f"{fmt(x)} {fmt(y)}" for x, y in list(coords)[:-1]]
    return "M" + xs[0] + " L" + " ".join(xs[1:]) + " Z"


def poly_d(g):
    parts = []
    for p in getattr(g, "geoms", [g]):
        parts.append(ring_d(p.exterior.coords))
        for r in p.interiors:
            parts.append(ring_d(r.coords))
    return " ".join(parts)


def line_d(pts, view, closed=False):
    """A detail line in pixels, thinned to the points that matter at DETAIL_PX."""
    ls = to_px(LineString(pts), view).simplify(DETAIL_PX)
    xs = [f"{fmt(x)} {fmt(y)}" for x, y in ls.coords]
    return "M" + xs[0] + " L" + " ".join(xs[1:]) + (" Z" if closed else "")


def load_catalogue():
    with open(CATALOGUE, newline="") as f:
        return list(csv.DictReader(f))


def make_coverage(geoms):
    """Re-build the regions from one noded set of borders, so neighbours share identical vertices.

    Cutting with intersection/difference leaves borders that agree only to floating-point
    precision; coverage simplification needs them edge-matched. Every face of the polygonized
    borders goes to the region that holds it (the one overlapping it most), gaps to the neighbour
    sharing the longest border."""
    lines = unary_union([g.boundary for g in geoms])
    faces = list(shapely.polygonize([lines]).geoms)
    tree = shapely.STRtree(geoms)
    owned: list[list] = [[] for _ in geoms]
    orphans = []
    for f in faces:
        best, best_area = None, 0.0
        for i in tree.query(f):
            a = geoms[i].intersection(f).area
            if a > best_area:
                best, best_area = i, a
        if best is not None and best_area > 0.5 * f.area:
            owned[best].append(f)
        else:
            orphans.append(f)
    out = [unary_union(fs) for fs in owned]
    for f in orphans:
        if f.area > 2.0:  # a real gap between parts of the outline (e.g. between toes)
            continue
        grown = f.buffer(1e-6)
        for i in sorted(tree.query(grown), key=lambda i: -out[i].boundary.intersection(grown).length):
            merged = out[i].union(f)
            if isinstance(merged, Polygon):
                out[i] = merged
                break
    return out


def view_regions(view, catalogue):
    """All regions of a view as (id, row, side, polygon px), simplified as one coverage."""
    c, before = cut_view(view)
    items = []
    for row in catalogue:
        if row["view"] != view:
            continue
        right = c.regions[row["name"]]
        if row["paired"] == "yes":
            items.append((row["name"] + "-r", row, "right", to_px(right, view)))
            items.append((row["name"] + "-l", row, "left", to_px(mirror(right), view)))
        else:
            whole = shapely.union(right, mirror(right), grid_size=GRID)
            items.append((row["name"], row, "none", to_px(whole, view)))
    geoms = make_coverage([g for *_, g in items])
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_PX)
    geoms = [shapely.set_precision(g, 0.1) for g in geoms]
    out = [(i, r, s, g) for (i, r, s, _), g in zip(items, geoms, strict=False)]
    return out, before, c.dropped


def crease(spec, f, reach=0.72, sag=0.006, offset=0.0):
    """A short line across a digit at fraction f of its length (HAND frame -> (u, y)): `reach` of
    the half-width either side, bowed `sag` towards the tip, shifted `offset` along the digit."""
    c, dirv, nrm, w = digit_at(spec, f)
    c = c + offset * dirv
    pts = [c + reach * w * nrm, c + sag * dirv, c - reach * w * nrm]
    return [HAND.pt(float(t), float(s_)) for t, s_ in pts]


def nail(spec):
    """The outline of a nail near a digit's tip (back view), as a closed loop in (u, y)."""
    *_, w1, _ = spec[:6]
    c0, d0, n0, w = digit_at(spec, 0.80)
    c1, d1, n1, _ = digit_at(spec, 1.0)
    tip = c1 + 0.62 * w1 * d1
    pts = [c0 + 0.55 * w * n0, c1 + 0.62 * w1 * n1, tip, c1 - 0.62 * w1 * n1, c0 - 0.55 * w * n0, c0 + 0.12 * w * d0]
    return [HAND.pt(float(t), float(s_)) for t, s_ in pts]


def face_details():
    """The eye inside its region: lids (an almond), the iris showing between them, the brow."""
    lids = smooth_loop(EYE_LIDS, EYE_CORNERS)
    cu, cy, r = IRIS
    iris = Point(cu, cy).buffer(r, quad_segs=16).intersection(Polygon(lids))
    return [
        (lids, True),
        (list(iris.exterior.coords)[:-1], True),
        ([(0.052, 0.422), (0.10, 0.398), (0.15, 0.393), (0.20, 0.403), (0.236, 0.425)], False),  # brow
        ([(0.042, 0.585), (0.052, 0.64), (0.043, 0.664)], False),
    ]  # side of the nose


def hand_details(view):
    """Knuckle creases (and nails on the back view) as (points, closed) in (u, y)."""
    out = []
    if view == "front":
        for spec in FINGERS.values():  # palm side: the middle and end joint creases
            out.append((crease(spec, 0.47), False))
            out.append((crease(spec, 0.75), False))
        out.append((crease(THUMB, 0.66, reach=0.6), False))
        # thenar crease: round the ball of the thumb from the index side down to the wrist
        out.append((HAND.pts([(0.335, 0.150), (0.27, 0.095), (0.17, 0.070), (0.07, 0.045)]), False))
        # distal palmar crease: from the little-finger edge towards the index-middle web
        out.append((HAND.pts([(0.30, -0.155), (0.335, -0.08), (0.36, 0.0), (0.385, 0.065)]), False))
    else:
        for spec in FINGERS.values():  # back: wrinkles over the middle joint, a nail
            out.append((crease(spec, 0.45, reach=0.55, sag=-0.002), False))
            out.append((crease(spec, 0.49, reach=0.45, sag=-0.002), False))
            out.append((nail(spec), True))
        out.append((nail(THUMB), True))
    return out


def details(view):
    """Thin, non-clickable anatomical hints (both sides, mirrored)."""
    d = []

    def both(pts, closed=False):
        for sgn in (1, -1):
            d.append(
                line_d(
                    catmull_rom([(sgn * u, y) for u, y in pts])
                    if not closed
                    else catmull_rom([(sgn * u, y) for u, y in pts], closed=True),
                    view,
                    closed,
                )
            )

    if view == "front":
        both([(0.05, 1.235), (0.22, 1.255), (0.45, 1.31), (0.66, 1.36)])  # collarbones
        both([(0.06, 2.02), (0.25, 2.10), (0.45, 2.06), (0.58, 1.95)])  # lower edge of pectoral
        d.append(line_d([(0, 1.36), (0, 2.16)], view))  # sternum
        d.append(line_d([(0, 2.42), (0, 2.86)], view))  # linea alba
        d.append(
            line_d(catmull_rom([(0, 2.975), (0.022, 3.0), (0, 3.03), (-0.022, 3.0)], closed=True), view, True)
        )  # navel
        kx, ky = KNEECAP  # kneecaps:
        both(
            [
                (kx - 0.06, ky - 0.07),
                (kx, ky - 0.085),
                (kx + 0.06, ky - 0.07),  # rounded,
                (kx + 0.055, ky + 0.02),
                (kx, ky + 0.085),
                (kx - 0.055, ky + 0.02),
            ],
            closed=True,
        )  # apex down
        both([FOREARM.pt(-0.02, -0.08), FOREARM.pt(0.01, 0.0), FOREARM.pt(-0.02, 0.08)])  # elbow crease
        for pts, closed in face_details():  # face
            both(pts, closed)
        d.append(
            line_d(catmull_rom([(-0.032, 0.672), (-0.012, 0.684), (0.0, 0.681), (0.012, 0.684), (0.032, 0.672)]), view)
        )  # base of the nose
        d.append(
            line_d(catmull_rom([(-0.075, 0.792), (-0.03, 0.801), (0.0, 0.799), (0.03, 0.801), (0.075, 0.792)]), view)
        )  # mouth
    else:
        d.append(line_d([(0, 1.18), (0, 3.30)], view))  # spine
        both([(0.285, 1.63), (0.45, 1.585), (0.64, 1.53)])  # spine of scapula
        both([(0.27, 1.50), (0.28, 1.75), (0.33, 2.05), (0.41, 2.34)])  # medial border
        d.append(line_d([(0, 3.82), (0, 4.12)], view))  # gluteal cleft
        both([(0.03, 4.13), (0.17, 4.22), (0.38, 4.265), (0.55, 4.26)])  # gluteal folds
        both([(0.17, 6.02), (0.33, 6.045), (0.48, 6.02)])  # knee crease
        both(HEEL_CONTOUR)  # heel
        for edge in SOLE_EDGE:  # sole's edge
            both(edge)
        both([sole_pt(a, b) for a, b in SOLE_TOE_CREASE])  # inset: toe crease
    for pts, closed in hand_details(view):  # fingers
        both(pts, closed)
    return d


STYLE = """
.silhouette{fill:#f3e9e1;stroke:#a8978a;stroke-width:1.6;stroke-linejoin:round}
.region{fill:#f3e9e1;stroke:#c3b5aa;stroke-width:0.5;stroke-linejoin:round}
.details path{fill:none;stroke:#b09f93;stroke-width:0.7;stroke-linecap:round;pointer-events:none}
.labels text{font-family:Helvetica,Arial,sans-serif;fill:#6f625a;pointer-events:none}
.labels .title{font-size:18px;font-weight:600}
.labels .side{font-size:22px;font-weight:600}
.inset .frame{fill:none;stroke:#c9bcb2;stroke-width:0.8;pointer-events:none}
.inset text{font-family:Helvetica,Arial,sans-serif;font-size:13px;font-weight:400;fill:#6f625a;pointer-events:none}
"""


def sole_inset_frames():
    """A thin framed box round each sole inset with its name on top, so the insets read as views
    of the soles and not as extra feet. Not clickable; kept outside the labels group (which the app
    replaces), so the app shows them too."""
    out = []
    for side, sgn in (("right", 1), ("left", -1)):
        frame = box(*SOLE_FRAME).buffer(0.03, quad_segs=4).buffer(-0.015, quad_segs=4)
        frame = affinity.scale(frame, xfact=sgn, yfact=1.0, origin=(0, 0))
        u, _ = frame.centroid.coords[0]
        x = MIDLINE["back"] + X_SIGN["back"] * u * HU
        out.append(f'<g class="inset" id="sole-inset-{side[0]}">')
        out.append(f'<path class="frame" d="{poly_d(to_px(frame, "back"))}"/>')
        for k, text in enumerate(("Sole of", f"{side} foot")):
            y = CROWN_Y + SOLE_FRAME[1] * HU + 16 + 15 * k
            out.append(f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle">{text}</text>')
        out.append("</g>")
    return out


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def build_svg():
    catalogue = load_catalogue()
    lines = [
        SVG_OPEN,
        "<title>Trigger Map body chart: front and back views</title>",
        f"<style>{STYLE}</style>",
    ]
    stats = {}
    for view in ("front", "back"):
        regions, before, dropped = view_regions(view, catalogue)
        stats[view] = (before, dropped)
        sil = unary_union([g for *_, g in regions])
        lines.append(f'<g id="{view}">')
        lines.append(f'<path class="silhouette" d="{poly_d(sil)}"/>')
        for rid, row, side, g in regions:
            lines.append(
                f'<path class="region" id="{rid}" data-name="{row["name"]}" data-side="{side}" '
                f'data-label="{esc(row["label"])}" data-term="{esc(row["term"])}" d="{poly_d(g)}"/>'
            )
        lines.append('<g class="details">')
        lines += [f'<path d="{d}"/>' for d in details(view)]
        lines.append("</g>")
        m = MIDLINE[view]
        # the person's right is on the viewer's left in the front view, on the right in the back
        r_x, l_x = (m - 250, m + 250) if view == "front" else (m + 250, m - 250)
        lines.append('<g class="labels">')
        lines.append(f'<text class="title" x="{fmt(m)}" y="24" text-anchor="middle">{view.title()}</text>')
        lines.append(f'<text class="side" x="{fmt(r_x)}" y="110" text-anchor="middle">R</text>')
        lines.append(f'<text class="side" x="{fmt(l_x)}" y="110" text-anchor="middle">L</text>')
        lines.append("</g>")
        if view == "back":
            lines += sole_inset_frames()
        lines.append("</g>")
    lines.append("</svg>")
    return "\n".join(lines) + "\n", stats


def main(argv):
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else OUT
    svg, stats = build_svg()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg)
    for view, (before, dropped) in stats.items():
        print(
            f"{view}: leftover before folding (right half) {before[0]:.1f} px2, largest piece "
            f"{before[1]:.1f} px2; stray pieces returned: {dropped}"
        )
    print(f"wrote {out} ({len(svg.encode()) / 1024:.1f} KB)")
    if "--check" in argv:
        import check_body  # beside this file: its folder is on the path when run as a script

        return check_body.main([str(out)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
