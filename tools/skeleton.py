"""The skeleton frame: the bony landmarks muscles attach to, in the body's own head units.

Every landmark is a point (u, y) in the local frame of tools/draw_body.py: u = distance from the
midline towards the person's RIGHT side, y = distance down from the crown, 1 head unit (hu) =
100 drawing units. Only the right half is given; the left is its mirror (a name ending in "@l" is
the mirrored point, for muscles that cross the midline). Both views share the frame, so one
landmark serves the front and the back view (the spine's processes, the shoulder blade and the
back of the pelvis are seen from behind, the sternum and the front of the pelvis from the front).
The sole's landmarks ("sole-...") lie in the back view's plantar inset.

The points are derived from the drawing's own proportions: the arm's bone frames (UPPER_ARM,
FOREARM, HAND and the digits), the leg's inner and outer outline (a landmark in the leg sits at a
fraction of its width at its height), the trunk's side outline, the clavicle and scapula lines the
body already draws as details, and the sole inset's frame. Redraw the body and the skeleton moves
with it.

`NAMED_BY` says which words of an attachment text name a landmark: the muscle checks use it to
make sure each muscle's ends sit on the bones its own `origin` and `insertion` text names.
"""

from __future__ import annotations

import math
import re

import numpy as np
from draw_body import (
    ARMPIT,
    FINGERS,
    FOREARM,
    HAND,
    KNEECAP,
    LEG_OUTER,
    THUMB,
    TRUNK_SIDE,
    UPPER_ARM,
    digit_at,
    sole_pt,
)

Point = tuple[float, float]


def _r(p) -> Point:
    return (round(float(p[0]), 4), round(float(p[1]), 4))


# --- helpers on the drawing's frames --------------------------------------------------------------
def arm(t: float, s: float) -> Point:
    """Upper arm: t along the humerus from the shoulder joint (hu), s lateral offset."""
    return _r(UPPER_ARM.pt(t, s))


def fore(t: float, s: float) -> Point:
    """Forearm: t from the elbow towards the wrist, s > 0 lateral (the radius' side)."""
    return _r(FOREARM.pt(t, s))


def hand(t: float, s: float) -> Point:
    """Hand: t from the wrist crease towards the fingertips, s > 0 towards the thumb."""
    return _r(HAND.pt(t, s))


def digit(spec, f: float, s: float = 0.0) -> Point:
    """A point on a digit at fraction f of its length (0 base, 1 tip), s of its half-width across."""
    c, _, nrm, w = digit_at(spec, f)
    return _r(HAND.pt(*(c + s * w * nrm)))


def leg(y: float, f: float) -> Point:
    """A point of the leg at height y, a fraction f of its width from the inner (0) to outer (1) edge."""
    from draw_body import LEG_IN, LEG_OUT

    return _r((LEG_IN(y) + f * (LEG_OUT(y) - LEG_IN(y)), y))


_SIDE = sorted([ARMPIT] + TRUNK_SIDE + LEG_OUTER[:2], key=lambda p: p[1])


def flank(y: float, inset: float) -> Point:
    """A point `inset` hu inside the trunk's side outline at height y."""
    edge = float(np.interp(y, [p[1] for p in _SIDE], [p[0] for p in _SIDE]))
    return _r((edge - inset, y))


def sole(a: float, b: float) -> Point:
    """The plantar inset (back view): a along the foot from the heel, b > 0 towards the little toe."""
    return _r(sole_pt(a, b))


# --- the spine: one level per vertebra (y of the spinous process, back view) -----------------------
LEVELS: dict[str, float] = {}
for _i in range(7):
    LEVELS[f"C{_i + 1}"] = 0.76 + _i * (1.17 - 0.76) / 6
for _i in range(12):
    LEVELS[f"T{_i + 1}"] = 1.25 + _i * (2.68 - 1.25) / 11
for _i in range(5):
    LEVELS[f"L{_i + 1}"] = 2.80 + _i * (3.30 - 2.80) / 4
for _i in range(5):
    LEVELS[f"S{_i + 1}"] = 3.38 + _i * 0.09


def _spine() -> dict[str, Point]:
    out: dict[str, Point] = {}
    for level, y in LEVELS.items():
        region = level[0]
        out[f"spinous-{level}"] = _r((0.0, y))
        if region == "S":
            out[f"sacrum-{level}"] = _r((0.07 - 0.008 * int(level[1:]), y))
            continue
        # transverse processes: wide at C1 (the atlas), narrow down the neck, wide again at the
        # thoracic ribs' necks, then the lumbar processes
        width = {"C": 0.13 if level == "C1" else 0.105, "T": 0.11, "L": 0.10}[region]
        out[f"transverse-{level}"] = _r((width, y + (0.03 if region == "T" else 0.02)))
        out[f"articular-{level}"] = _r((0.045, y + 0.01))
        out[f"body-{level}"] = _r((0.035, y + 0.02))
    out["coccyx"] = _r((0.0, 3.86))
    return out


def _ribs() -> dict[str, Point]:
    """Each rib: its front end (costal cartilage by the sternum; 8-10 on the costal margin, 11-12
    free), a point at the side of the chest, and its angle at the back."""
    out: dict[str, Point] = {}
    margin = [(0.10, 2.20), (0.26, 2.42), (0.42, 2.55), (0.55, 2.70)]  # ribs 7..10 along the margin
    for k in range(1, 13):
        if k <= 6:
            front = (0.10, 1.30 + 0.148 * (k - 1))
            out[f"rib{k}-mid"] = _r((0.30, 1.40 + 0.148 * (k - 1)))
        elif k <= 10:
            front = margin[k - 7]
        else:
            front = flank(2.72 + 0.10 * (k - 11), 0.06)
        out[f"rib{k}-front"] = _r(front)
        out[f"rib{k}-side"] = flank(min(1.95 + 0.085 * k, 2.95), 0.05) if k >= 3 else _r((0.52, 1.33 + 0.15 * k))
        out[f"rib{k}-angle"] = _r((0.24 + 0.012 * min(k, 8), 1.30 + 0.125 * k))
        if k <= 9:  # where the serratus anterior's slip on this rib shows at the side of the chest (front
            # view): a curve below the armpit, the lower slips further forward between the external oblique's
            out[f"rib{k}-slip"] = flank(1.98 + 0.09 * (k - 1), 0.08 + 0.012 * k)
    return out


def _skull_face_and_jaw() -> dict[str, Point]:
    """The skull, face and jaw (and the hyoid and the occiput's lines)."""
    return {
        "vertex": (0.0, 0.0),
        "galea": (0.16, 0.08),
        "galea-front": (0.20, 0.19),
        "galea-front-medial": (0.03, 0.17),
        "galea-back": (0.08, 0.44),
        "galea-back-lateral": (0.24, 0.47),
        "eyebrow-lateral": (0.22, 0.415),
        "orbit-apex": (0.105, 0.505),
        "trochlea": (0.07, 0.455),
        "eyeball-upper-outer": (0.175, 0.478),
        "frontal-bone": (0.10, 0.30),
        "superciliary-arch": (0.07, 0.43),
        "supraorbital-margin": (0.14, 0.425),
        "nasal-root": (0.03, 0.48),
        "orbit": (0.14, 0.495),
        "orbit-rim-lateral": (0.235, 0.50),
        "orbit-rim-medial": (0.045, 0.50),
        "orbit-rim-lower": (0.14, 0.56),
        "temporal-line-front": (0.225, 0.22),
        "temporal-line-top": (0.28, 0.20),
        "temporal-line-back": (0.325, 0.34),
        "temporal-fossa": (0.28, 0.36),
        "zygomatic-bone": (0.20, 0.585),
        "zygomatic-arch": (0.285, 0.585),
        "maxilla": (0.12, 0.66),
        "mandible-condyle": (0.33, 0.60),
        "coronoid-process": (0.27, 0.66),
        "mandible-ramus": (0.30, 0.74),
        "mandible-ramus-lower": (0.24, 0.895),
        "mandible-angle": (0.29, 0.85),
        "mandible-body": (0.17, 0.93),
        "mandible-lower-border": (0.13, 0.965),
        "mental": (0.03, 0.975),
        "modiolus": (0.08, 0.795),
        "alveolar-molar": (0.21, 0.80),
        "sphenoid": (0.26, 0.55),
        "pterygoid-plate": (0.24, 0.70),
        "hyoid": (0.06, 1.03),
        "mastoid": (0.31, 0.705),
        "occipital-protuberance": (0.0, 0.62),
        "superior-nuchal-line": (0.14, 0.635),
        "superior-nuchal-lateral": (0.26, 0.67),
        "inferior-nuchal-line": (0.12, 0.70),
        "occiput-between-lines": (0.08, 0.665),
    }


def _neck_and_trunk() -> dict[str, Point]:
    """The neck's ligament and the trapezius' route down it, the sternum and linea alba, the diaphragm's
    central tendon, the fasciae of chest and back, and named points on the first two ribs."""
    return {
        "ligamentum-nuchae-upper": (0.0, 0.80),
        # route points: where the upper trapezius runs down the side of the neck
        "trapezius-neck-upper": (0.27, 1.03),
        "trapezius-neck-lower": (0.12, 1.21),
        # route points: where the splenius capitis and the levator scapulae cross the floor of the
        # posterior triangle, seen from the front between the sternocleidomastoid and the trapezius
        "splenius-triangle": (0.245, 1.16),
        "levator-triangle": (0.30, 1.25),
        "ligamentum-nuchae": (0.0, 1.00),
        "ligamentum-nuchae-lower": (0.0, 1.15),
        "manubrium": (0.035, 1.30),
        "sternum": (0.04, 1.70),
        "xiphoid": (0.0, 2.24),
        "costal-margin": (0.40, 2.54),
        "linea-alba": (0.0, 2.70),
        "central-tendon": (0.0, 2.05),
        "central-tendon-side": (0.17, 2.02),
        "linea-alba-low": (0.0, 3.55),
        "pectoral-fascia": (0.26, 1.45),
        "pectoral-fascia-medial": (0.15, 1.42),
        "deltoid-fascia": (0.58, 1.42),
        "rib1-scalene": (0.20, 1.285),
        "rib1-middle": (0.27, 1.30),
        "rib2-upper": (0.36, 1.35),
        "thoracolumbar-fascia": (0.14, 3.05),
        "lumbar-fascia-side": (0.40, 3.00),
    }


def _shoulder_girdle() -> dict[str, Point]:
    """The shoulder girdle: the clavicle and scapula as the body draws them."""
    return {
        "clavicle-medial": (0.07, 1.24),
        "clavicle-medial-third": (0.20, 1.255),
        "clavicle-middle": (0.36, 1.285),
        "clavicle-lateral-third": (0.52, 1.325),
        "clavicle-lateral": (0.64, 1.355),
        "acromion": (0.76, 1.385),
        "acromion-lateral": (0.89, 1.405),
        "coracoid": (0.63, 1.48),
        "scapula-superior-angle": (0.29, 1.41),
        "scapula-superior-border": (0.45, 1.42),
        "suprascapular-notch": (0.56, 1.43),
        "scapula-spine-root": (0.29, 1.63),
        "scapula-spine": (0.45, 1.585),
        "scapula-spine-lateral": (0.64, 1.53),
        "acromion-back": (0.74, 1.47),
        "supraspinous-fossa": (0.45, 1.49),
        "supraspinous-fossa-medial-top": (0.31, 1.43),
        "supraspinous-fossa-medial-bottom": (0.30, 1.60),
        "infraspinous-fossa-upper": (0.31, 1.68),
        "infraspinous-fossa-lower": (0.39, 2.22),
        "subscapular-fossa-upper": (0.31, 1.50),
        "subscapular-fossa-lower": (0.39, 2.22),
        "infraspinous-fossa": (0.47, 1.86),
        "subscapular-fossa": (0.45, 1.80),
        "scapula-medial-border": (0.30, 1.95),
        "scapula-medial-lower": (0.36, 2.20),
        "scapula-inferior-angle": (0.42, 2.35),
        "scapula-lateral-border": (0.56, 1.95),
        "scapula-lateral-upper": (0.63, 1.74),
        "infraglenoid-tubercle": (0.70, 1.64),
        "supraglenoid-tubercle": (0.74, 1.52),
    }


def _humerus() -> dict[str, Point]:
    """The humerus (t along the bone from the shoulder joint, s lateral)."""
    return {
        "humerus-head": arm(0.0, 0.03),
        "greater-tubercle": arm(0.05, 0.12),
        "greater-tubercle-back": arm(0.08, 0.11),
        "greater-tubercle-low": arm(0.15, 0.11),
        "humerus-anterior-middle": arm(0.72, 0.0),
        "lesser-tubercle": arm(0.06, -0.01),
        "intertubercular-sulcus": arm(0.22, 0.03),
        "intertubercular-lateral-lip": arm(0.30, 0.06),
        "intertubercular-medial-lip": arm(0.26, -0.02),
        "deltoid-tuberosity": arm(0.62, 0.11),
        "humerus-medial-shaft": arm(0.70, -0.08),
        "humerus-posterior": arm(0.45, 0.06),
        "humerus-anterior-distal": arm(1.00, 0.0),
        "humerus-posterior-distal": arm(0.95, 0.0),
        "lateral-supracondylar-ridge": arm(1.05, 0.11),
        "lateral-supracondylar-lower": arm(1.22, 0.12),
        "medial-supracondylar-ridge": arm(1.18, -0.11),
        # where the triceps' medial head, seen from the front along the inner edge of the arm, gives
        # way to its tendon just above the medial epicondyle (a route point)
        "triceps-junction": arm(1.33, -0.125),
        "lateral-epicondyle": arm(1.36, 0.125),
        "medial-epicondyle": arm(1.36, -0.125),
        "olecranon": arm(1.42, 0.0),
    }


def _forearm() -> dict[str, Point]:
    """The radius and ulna (s > 0 lateral, the radius)."""
    return {
        "ulna-coronoid": fore(0.10, -0.03),
        "ulna-upper": fore(0.22, -0.07),
        "ulna-posterior-border": fore(0.45, -0.06),
        "ulna-middle": fore(0.60, -0.07),
        "ulna-distal": fore(0.92, -0.07),
        "ulnar-styloid": fore(1.14, -0.085),
        "radial-tuberosity": fore(0.18, 0.035),
        "radius-upper": fore(0.25, 0.08),
        "radius-middle": fore(0.60, 0.07),
        "radius-distal": fore(0.95, 0.075),
        "radial-styloid": fore(1.14, 0.09),
        "interosseous-membrane": fore(0.55, 0.0),
        # where the forearm's long bellies give way to their tendons (route points, not attachments)
        "flexor-junction-radial": fore(0.64, 0.035),
        "flexor-junction-middle": fore(0.68, 0.0),
        "flexor-junction-ulnar": fore(0.68, -0.065),
        "flexor-junction-deep": fore(0.74, -0.01),
        "extensor-junction-radial": fore(0.55, 0.085),
        "extensor-junction-middle": fore(0.68, 0.02),
        "extensor-junction-ulnar": fore(0.70, -0.065),
        "thumb-junction": fore(0.86, 0.06),
        "brachioradialis-junction": fore(0.62, 0.10),
    }


def _wrist_and_hand() -> dict[str, Point]:
    """The wrist and hand (s > 0 towards the thumb), and each finger's phalanges."""
    out: dict[str, Point] = {
        "pisiform": hand(0.05, -0.10),
        "hamate": hand(0.09, -0.06),
        "scaphoid": hand(0.04, 0.08),
        "trapezium": hand(0.08, 0.115),
        "capitate": hand(0.10, 0.0),
        "flexor-retinaculum": hand(0.05, 0.0),
        "metacarpal1-base": hand(0.10, 0.135),
        "metacarpal1": hand(0.17, 0.165),
        "metacarpal2-base": hand(0.12, 0.075),
        "metacarpal2": hand(0.26, 0.085),
        "metacarpal3-base": hand(0.12, 0.02),
        "metacarpal3": hand(0.26, 0.03),
        "metacarpal4": hand(0.26, -0.04),
        "metacarpal5-base": hand(0.11, -0.11),
        "metacarpal5": hand(0.24, -0.115),
        "thumb-proximal-phalanx": digit(THUMB, 0.40),
        "thumb-proximal-phalanx-medial": digit(THUMB, 0.40, -0.6),
        "thumb-distal-phalanx": digit(THUMB, 0.80),
        "palm-tendons": hand(0.25, 0.0),
    }
    for name, spec in FINGERS.items():
        finger = name.split("_")[0]
        out[f"{finger}-proximal-phalanx"] = digit(spec, 0.06)
        out[f"{finger}-extensor-expansion"] = digit(spec, 0.25)
        out[f"{finger}-middle-phalanx"] = digit(spec, 0.52)
        out[f"{finger}-distal-phalanx"] = digit(spec, 0.82)
    return out


def _pelvis_and_hip() -> dict[str, Point]:
    """The pelvis and hip (front and back)."""
    return {
        "iliac-crest": (0.63, 3.22),
        "iliac-crest-front": (0.64, 3.30),
        "iliac-crest-back": (0.40, 3.22),
        "iliac-fossa": (0.45, 3.40),
        "iliac-crest-inner": (0.40, 3.25),
        "iliolumbar-ligament": (0.14, 3.22),
        "asis": (0.61, 3.38),
        "aiis": (0.52, 3.55),
        "psis": (0.19, 3.38),
        "posterior-gluteal-line": (0.30, 3.30),
        "ilium-outer": (0.52, 3.38),
        "ilium-outer-lower": (0.52, 3.55),
        "sacrum": (0.06, 3.55),
        "sacrum-front": (0.07, 3.50),
        "inguinal-ligament": (0.40, 3.66),
        "pubic-crest": (0.06, 3.93),
        "pubic-tubercle": (0.10, 3.94),
        "pubic-symphysis": (0.0, 3.98),
        "pubis-body": (0.08, 4.00),
        "inferior-pubic-ramus": (0.10, 4.06),
        "superior-pubic-ramus": (0.22, 3.90),
        "pecten-pubis": (0.25, 3.88),
        "obturator": (0.20, 3.98),
        "ischial-spine": (0.15, 3.80),
        "ischial-tuberosity": (0.20, 4.06),
        "ischial-ramus": (0.13, 4.05),
        "perineal-body": (0.0, 4.00),
        "anococcygeal": (0.0, 3.93),
    }


def _thigh_and_knee() -> dict[str, Point]:
    """The femur and the knee (a fraction of the leg's width at each height: 0 inner edge, 1 outer)."""
    return {
        "greater-trochanter": leg(3.98, 0.90),
        "trochanteric-fossa": leg(3.98, 0.78),
        "lesser-trochanter": leg(4.18, 0.45),
        "intertrochanteric-line": leg(4.05, 0.70),
        "gluteal-tuberosity": leg(4.35, 0.78),
        "femur-shaft-upper": leg(4.50, 0.60),
        "femur-shaft": leg(5.00, 0.55),
        "linea-aspera": leg(4.90, 0.48),
        "linea-aspera-lower": leg(5.35, 0.42),
        "medial-supracondylar-line": leg(5.60, 0.22),
        "lateral-supracondylar-line": leg(5.72, 0.72),
        "adductor-tubercle": leg(5.78, 0.12),
        "popliteal-surface": leg(5.78, 0.45),
        "popliteal-fossa-floor": leg(6.10, 0.47),
        "femur-medial-condyle": leg(5.92, 0.15),
        "femur-lateral-condyle": leg(5.92, 0.86),
        "iliotibial-tract": leg(5.30, 0.93),
        "iliotibial-tract-upper": leg(4.35, 0.95),
        "patella-base": (KNEECAP[0], KNEECAP[1] - 0.085),
        "patella-medial": (KNEECAP[0] - 0.055, KNEECAP[1]),
        "patella-lateral": (KNEECAP[0] + 0.055, KNEECAP[1]),
        "patella-apex": (KNEECAP[0], KNEECAP[1] + 0.085),
    }


def _leg() -> dict[str, Point]:
    """The tibia and fibula and the lower leg's muscle routes (fractions of the leg's width as above)."""
    return {
        "tibial-tuberosity": leg(6.20, 0.52),
        "tibia-medial-condyle": leg(6.13, 0.14),
        "tibia-lateral-condyle": leg(6.12, 0.80),
        "pes-anserinus": leg(6.27, 0.22),
        "soleal-line": leg(6.38, 0.40),
        "tibia-posterior": leg(6.80, 0.35),
        "tibia-posterior-upper": leg(6.28, 0.32),
        "tibia-lateral-surface": leg(6.55, 0.70),
        "tibia-shaft": leg(6.80, 0.40),
        "medial-malleolus": leg(7.48, 0.12),
        "fibula-head": leg(6.22, 0.92),
        "fibula-upper": leg(6.55, 0.85),
        "fibula-middle": leg(6.85, 0.82),
        "fibula-lower": leg(7.20, 0.78),
        "lateral-malleolus": leg(7.52, 0.88),
        "interosseous-membrane-leg": leg(6.85, 0.62),
        # the deep calf muscles' origins: the tibialis posterior from the upper membrane (and the
        # bones beside it) just below the popliteus, the flexor digitorum longus from the back of the
        # tibia below the soleal line, the flexor hallucis longus from the fibula's lower two thirds
        "interosseous-membrane-leg-upper": leg(6.32, 0.60),
        "tibia-posterior-below-soleal": leg(6.48, 0.27),
        "fibula-upper-third": leg(6.65, 0.84),
        # where the calf and shin bellies give way to their tendons (route points)
        "calf-junction": leg(6.98, 0.44),
        "soleus-junction": leg(7.28, 0.42),
        "shin-junction": leg(7.10, 0.56),
        "shin-junction-lateral": leg(7.12, 0.72),
        "peroneal-junction": leg(7.05, 0.84),
        "deep-calf-junction": leg(7.15, 0.35),
        "fhl-junction": leg(7.36, 0.40),  # the flexor hallucis longus is fleshy almost to the ankle
        # the deep flexor tendons run behind the medial malleolus (tibialis posterior nearest it,
        # then flexor digitorum longus, flexor hallucis longus nearest the Achilles tendon) and
        # turn forward under it into the sole, out of sight from behind
        "tibialis-posterior-groove": leg(7.40, 0.17),
        "fdl-groove": leg(7.43, 0.23),
        "fhl-groove": leg(7.45, 0.31),
        "under-medial-malleolus": leg(7.61, 0.02),
        "under-sustentaculum": leg(7.64, 0.03),
    }


def _foot() -> dict[str, Point]:
    """The foot, top (front view) and heel (back view)."""
    return {
        "calcaneus": (0.33, 7.90),
        "calcaneus-front": (0.40, 7.70),
        "talus": (0.32, 7.66),
        "navicular": (0.21, 7.70),
        "medial-cuneiform": (0.20, 7.74),
        "cuboid": (0.46, 7.72),
        "metatarsal1-base": (0.215, 7.78),
        "metatarsal1": (0.22, 7.83),
        "metatarsal5-base": (0.48, 7.745),
        "metatarsal5": (0.485, 7.80),
        "metatarsal2": (0.32, 7.82),
        "metatarsal3": (0.39, 7.81),
        "metatarsal4": (0.45, 7.80),
        "big-toe-proximal-phalanx": (0.223, 7.885),
        "big-toe-distal-phalanx": (0.226, 7.925),
        "toes-middle-phalanges": (0.39, 7.885),
        "toes-distal-phalanges": (0.39, 7.905),
        "toes-extensor-expansion": (0.39, 7.875),
    }


def _sole() -> dict[str, Point]:
    """The sole, in the plantar inset (a from the heel, b > 0 towards the little toe)."""
    return {
        "sole-calcaneus-medial": sole(0.10, -0.06),
        "sole-calcaneus-lateral": sole(0.10, 0.07),
        "sole-calcaneus": sole(0.12, 0.0),
        "sole-plantar-aponeurosis": sole(0.30, 0.0),
        "sole-cuboid": sole(0.42, 0.08),
        "sole-cuneiform": sole(0.45, -0.02),
        "sole-metatarsal1-base": sole(0.52, -0.09),
        "sole-metatarsal2-base": sole(0.54, -0.03),
        "sole-metatarsal3-base": sole(0.54, 0.02),
        "sole-metatarsal4-base": sole(0.53, 0.07),
        "sole-metatarsal5-base": sole(0.50, 0.14),
        "sole-metatarsal-heads": sole(0.76, 0.02),
        "sole-metatarsal1-head": sole(0.77, -0.12),
        "sole-metatarsal5-head": sole(0.73, 0.16),
        "sole-fdl-tendon": sole(0.50, 0.0),
        "sole-big-toe-proximal-phalanx": sole(0.83, -0.125),
        "sole-big-toe-medial": sole(0.81, -0.17),
        "sole-big-toe-lateral": sole(0.82, -0.08),
        "sole-toes-proximal-phalanges": sole(0.82, 0.03),
        "sole-toes-middle-phalanges": sole(0.85, 0.03),
        "sole-little-toe-proximal-phalanx": sole(0.79, 0.17),
    }


# one table per body part, head to foot; the landmarks keep this order
_BODY_PARTS = (
    _skull_face_and_jaw,
    _spine,
    _ribs,
    _neck_and_trunk,
    _shoulder_girdle,
    _humerus,
    _forearm,
    _wrist_and_hand,
    _pelvis_and_hip,
    _thigh_and_knee,
    _leg,
    _foot,
    _sole,
)


def _landmarks() -> dict[str, Point]:
    """Every body part's landmarks in one table, rounded like the drawing's frames."""
    landmarks: dict[str, Point] = {}
    for part in _BODY_PARTS:
        landmarks.update(part())
    return {name: _r(p) for name, p in landmarks.items()}


LANDMARKS: dict[str, Point] = _landmarks()


def point(name: str) -> Point:
    """A landmark by name; "<name>@l" is its mirror on the person's left."""
    if name.endswith("@l"):
        u, y = LANDMARKS[name[:-2]]
        return (-u, y)
    return LANDMARKS[name]


# Lines of the frame (for looking at it: tools/draw_muscles.py --skeleton draws them)
FRAME_LINES: list[list[str]] = [
    ["vertex", "galea", "temporal-line-top", "temporal-line-back", "mastoid"],
    ["temporal-line-front", "temporal-line-top"],
    ["zygomatic-bone", "zygomatic-arch", "mandible-condyle"],
    ["mandible-condyle", "mandible-ramus", "mandible-angle", "mandible-body", "mental"],
    ["coronoid-process", "mandible-ramus"],
    ["occipital-protuberance", "superior-nuchal-line", "superior-nuchal-lateral", "mastoid"],
    [f"spinous-{lv}" for lv in LEVELS] + ["coccyx"],
    [f"transverse-{lv}" for lv in LEVELS if not lv.startswith("S")],
    [
        "clavicle-medial",
        "clavicle-medial-third",
        "clavicle-middle",
        "clavicle-lateral-third",
        "clavicle-lateral",
        "acromion",
    ],
    ["manubrium", "sternum", "xiphoid"],
    ["scapula-superior-angle", "scapula-medial-border", "scapula-medial-lower", "scapula-inferior-angle"],
    ["scapula-inferior-angle", "scapula-lateral-border", "scapula-lateral-upper", "infraglenoid-tubercle"],
    ["scapula-spine-root", "scapula-spine", "scapula-spine-lateral", "acromion-back"],
    ["scapula-superior-angle", "scapula-superior-border", "suprascapular-notch", "coracoid"],
    ["humerus-head", "deltoid-tuberosity", "humerus-anterior-distal"],
    ["lateral-epicondyle", "medial-epicondyle"],
    ["radial-tuberosity", "radius-middle", "radial-styloid"],
    ["ulna-coronoid", "ulna-middle", "ulnar-styloid"],
    ["metacarpal1-base", "metacarpal1", "thumb-proximal-phalanx", "thumb-distal-phalanx"],
    ["metacarpal2-base", "metacarpal2", "index-proximal-phalanx", "index-middle-phalanx", "index-distal-phalanx"],
    ["metacarpal3-base", "metacarpal3", "middle-proximal-phalanx", "middle-middle-phalanx", "middle-distal-phalanx"],
    ["metacarpal4", "ring-proximal-phalanx", "ring-middle-phalanx", "ring-distal-phalanx"],
    ["metacarpal5-base", "metacarpal5", "little-proximal-phalanx", "little-middle-phalanx", "little-distal-phalanx"],
    ["psis", "iliac-crest-back", "iliac-crest", "iliac-crest-front", "asis", "aiis"],
    ["asis", "inguinal-ligament", "pubic-tubercle", "pubic-symphysis"],
    ["ischial-spine", "ischial-tuberosity", "ischial-ramus", "inferior-pubic-ramus", "pubic-symphysis"],
    ["greater-trochanter", "femur-shaft-upper", "femur-shaft", "femur-lateral-condyle"],
    ["femur-medial-condyle", "femur-lateral-condyle"],
    ["patella-base", "patella-lateral", "patella-apex", "patella-medial", "patella-base"],
    ["tibia-medial-condyle", "tibia-shaft", "medial-malleolus"],
    ["fibula-head", "fibula-middle", "lateral-malleolus"],
    ["medial-cuneiform", "metatarsal1", "big-toe-proximal-phalanx"],
    ["cuboid", "metatarsal5-base", "metatarsal5"],
    ["sole-calcaneus", "sole-cuneiform", "sole-metatarsal-heads"],
] + [[f"rib{k}-front", f"rib{k}-side", f"rib{k}-angle"] for k in range(1, 13)]


# --- which words name a landmark ---------------------------------------------------------------
# A landmark at a muscle's end must be named by that end's text: one of its words (lower case)
# appears in the text. Vertebrae, ribs and digits are matched by level, number and finger below.
NAMED_BY: dict[str, tuple[str, ...]] = {
    "vertex": ("aponeurosis", "galea"),
    "galea": ("aponeurosis", "galea"),
    "galea-back": ("aponeurosis", "galea"),
    "galea-front": ("aponeurosis", "galea"),
    "galea-front-medial": ("aponeurosis", "galea"),
    "galea-back-lateral": ("aponeurosis", "galea"),
    "eyebrow-lateral": ("eyebrow", "brow"),
    "orbit-apex": ("sphenoid", "optic canal"),
    "trochlea": ("trochlea",),
    "eyeball-upper-outer": ("sclera", "eyeball"),
    "mandible-ramus-lower": ("ramus",),
    "central-tendon-side": ("central tendon",),
    "linea-alba-low": ("linea alba",),
    "pectoral-fascia": ("pectoralis major",),
    "pectoral-fascia-medial": ("pectoralis major",),
    "deltoid-fascia": ("deltoid",),
    "supraspinous-fossa-medial-top": ("supraspinous fossa",),
    "supraspinous-fossa-medial-bottom": ("supraspinous fossa",),
    "infraspinous-fossa-upper": ("infraspinous fossa",),
    "infraspinous-fossa-lower": ("infraspinous fossa",),
    "subscapular-fossa-upper": ("subscapular fossa",),
    "subscapular-fossa-lower": ("subscapular fossa",),
    "greater-tubercle-low": ("greater tubercle",),
    "humerus-anterior-middle": ("anterior surface of the humerus",),
    "iliac-crest-inner": ("iliac crest",),
    "iliolumbar-ligament": ("iliolumbar",),
    "iliotibial-tract-upper": ("iliotibial",),
    "tibia-posterior-upper": ("posterior surface of the tibia", "soleal line"),
    "frontal-bone": ("frontal",),
    "superciliary-arch": ("superciliary", "eyebrow", "brow"),
    "supraorbital-margin": ("supraorbital", "skin above"),
    "nasal-root": ("nasal", "nose", "medial palpebral"),
    "orbit": ("orbit", "sclera", "eyeball"),
    "orbit-rim-lateral": ("orbit", "lateral palpebral", "palpebral"),
    "orbit-rim-medial": ("medial palpebral", "lacrimal", "nasal part", "frontal process"),
    "orbit-rim-lower": ("orbit", "palpebral"),
    "temporal-line-front": ("temporal fossa", "temporal line", "temporal fascia"),
    "temporal-line-top": ("temporal fossa", "temporal line", "temporal fascia"),
    "temporal-line-back": ("temporal fossa", "temporal line", "temporal fascia"),
    "temporal-fossa": ("temporal fossa", "temporal fascia"),
    "zygomatic-bone": ("zygomatic",),
    "zygomatic-arch": ("zygomatic arch", "zygomatic process"),
    "maxilla": ("maxilla", "maxillary"),
    "mandible-condyle": ("condyle", "temporomandibular"),
    "coronoid-process": ("coronoid",),
    "mandible-ramus": ("ramus",),
    "mandible-angle": ("angle",),
    "mandible-body": ("mandible", "digastric fossa", "body and greater horn"),
    "mandible-lower-border": ("lower border of the mandible", "mandible"),
    "mental": ("digastric fossa", "mandible", "chin"),
    "modiolus": ("modiolus", "angle of the mouth", "lips"),
    "alveolar-molar": ("alveolar", "molar"),
    "sphenoid": ("sphenoid", "greater wing"),
    "pterygoid-plate": ("pterygoid", "maxillary tuberosity", "palatine"),
    "hyoid": ("hyoid",),
    "mastoid": ("mastoid",),
    "occipital-protuberance": ("occipital protuberance", "superior nuchal", "occipital bone"),
    "superior-nuchal-line": ("superior nuchal",),
    "superior-nuchal-lateral": ("superior nuchal", "mastoid"),
    "inferior-nuchal-line": ("inferior nuchal",),
    "occiput-between-lines": ("between the superior and inferior nuchal", "occipital bone"),
    "ligamentum-nuchae-upper": ("ligamentum nuchae",),
    "ligamentum-nuchae": ("ligamentum nuchae",),
    "ligamentum-nuchae-lower": ("ligamentum nuchae",),
    "manubrium": ("manubrium", "sternum", "sternal"),
    "sternum": ("sternum", "sternal", "sternocostal"),
    "xiphoid": ("xiphoid",),
    "costal-margin": ("costal cartilage", "costal margin", "lower six ribs", "lowest three or four ribs"),
    "linea-alba": ("linea alba",),
    "central-tendon": ("central tendon",),
    "thoracolumbar-fascia": (
        "thoracolumbar fascia",
        "lumbar fascia",
        "erector spinae tendon",
        "erector spinae aponeurosis",
    ),
    "lumbar-fascia-side": ("thoracolumbar fascia", "lumbar fascia"),
    "clavicle-medial": ("clavicle", "sternoclavicular"),
    "clavicle-medial-third": ("clavicle",),
    "clavicle-middle": ("clavicle",),
    "clavicle-lateral-third": ("clavicle",),
    "clavicle-lateral": ("clavicle",),
    "acromion": ("acromion",),
    "acromion-lateral": ("acromion",),
    "acromion-back": ("acromion", "spine of the scapula"),
    "coracoid": ("coracoid",),
    "scapula-superior-angle": ("superior angle", "upper border of the scapula", "from the superior to"),
    "scapula-superior-border": ("upper border of the scapula", "suprascapular"),
    "suprascapular-notch": ("suprascapular",),
    "scapula-spine-root": ("root of the spine", "spine of the scapula", "medial border", "root"),
    "scapula-spine": ("spine of the scapula",),
    "scapula-spine-lateral": ("spine of the scapula",),
    "supraspinous-fossa": ("supraspinous fossa",),
    "infraspinous-fossa": ("infraspinous fossa",),
    "subscapular-fossa": ("subscapular fossa",),
    "scapula-medial-border": ("medial border",),
    "scapula-medial-lower": ("medial border", "inferior angle"),
    "scapula-inferior-angle": ("inferior angle",),
    "scapula-lateral-border": ("lateral border",),
    "scapula-lateral-upper": ("lateral border",),
    "infraglenoid-tubercle": ("infraglenoid",),
    "supraglenoid-tubercle": ("supraglenoid",),
    "humerus-head": ("capsule", "shoulder joint"),
    "greater-tubercle": ("greater tubercle",),
    "greater-tubercle-back": ("greater tubercle",),
    "lesser-tubercle": ("lesser tubercle",),
    "intertubercular-sulcus": ("intertubercular",),
    "intertubercular-lateral-lip": ("intertubercular",),
    "intertubercular-medial-lip": ("intertubercular",),
    "deltoid-tuberosity": ("deltoid tuberosity",),
    "humerus-medial-shaft": ("medial surface and border of the humeral", "humeral shaft"),
    "humerus-posterior": ("posterior humerus", "posterior surface of the humerus", "posterior"),
    "humerus-anterior-distal": ("anterior surface of the humerus", "humerus"),
    "humerus-posterior-distal": ("posterior humerus", "posterior surface"),
    "lateral-supracondylar-ridge": ("lateral supracondylar",),
    "lateral-supracondylar-lower": ("lateral supracondylar",),
    "medial-supracondylar-ridge": ("medial supracondylar",),
    "lateral-epicondyle": ("lateral epicondyle", "common extensor"),
    "medial-epicondyle": ("medial epicondyle", "common flexor"),
    "olecranon": ("olecranon",),
    "ulna-coronoid": ("coronoid process", "tuberosity of the ulna", "coronoid"),
    "ulna-upper": ("ulna", "ulnar"),
    "ulna-posterior-border": ("ulna", "posterior border"),
    "ulna-middle": ("ulna",),
    "ulna-distal": ("ulna",),
    "ulnar-styloid": ("ulna", "styloid"),
    "radial-tuberosity": ("radial tuberosity",),
    "radius-upper": ("radius", "radial"),
    "radius-middle": ("radius", "pronator tuberosity"),
    "radius-distal": ("radius",),
    "radial-styloid": ("radius", "styloid"),
    "interosseous-membrane": ("interosseous membrane",),
    "pisiform": ("pisiform", "pisohamate"),
    "hamate": ("hamate", "hook"),
    "scaphoid": ("scaphoid",),
    "trapezium": ("trapezium",),
    "capitate": ("capitate",),
    "flexor-retinaculum": ("flexor retinaculum", "palmar aponeurosis"),
    "palm-tendons": ("tendons of flexor digitorum profundus", "palm", "palmar aponeurosis"),
    "thumb-proximal-phalanx": ("proximal phalanx of the thumb",),
    "thumb-proximal-phalanx-medial": ("proximal phalanx of the thumb",),
    "thumb-distal-phalanx": ("distal phalanx of the thumb",),
    "iliac-crest": ("iliac crest",),
    "iliac-crest-front": ("iliac crest",),
    "iliac-crest-back": ("iliac crest", "posterior iliac crest", "ilium"),
    "iliac-fossa": ("iliac fossa", "ilium"),
    "asis": ("anterior superior iliac spine",),
    "aiis": ("anterior inferior iliac spine",),
    "psis": ("posterior superior iliac spine", "posterior iliac crest", "posterior gluteal line", "sacroiliac"),
    "posterior-gluteal-line": ("posterior gluteal line", "ilium"),
    "ilium-outer": ("ilium", "outer surface"),
    "ilium-outer-lower": ("ilium", "outer surface"),
    "sacrum": ("sacrum", "sacral", "coccyx"),
    "coccyx": ("coccyx",),
    "sacrum-front": ("sacrum", "sacral", "pelvic"),
    "inguinal-ligament": ("inguinal ligament",),
    "pubic-crest": ("pubic crest", "pubis", "pubic"),
    "pubic-tubercle": ("pubic tubercle", "pubic crest", "pubis"),
    "pubic-symphysis": ("symphysis", "pubis"),
    "pubis-body": ("pubis", "pubic"),
    "inferior-pubic-ramus": ("inferior pubic ramus", "pubic ramus", "pubic and ischial", "pubis"),
    "superior-pubic-ramus": ("superior pubic ramus", "pecten", "pectineal line", "iliopubic"),
    "pecten-pubis": ("pecten", "pectineal line", "iliopubic"),
    "obturator": ("obturator",),
    "ischial-spine": ("ischial spine",),
    "ischial-tuberosity": ("ischial tuberosity",),
    "ischial-ramus": ("ischial ramus", "ischium", "ischial"),
    "perineal-body": ("perineal body", "perineal membrane", "median raphe"),
    "anococcygeal": ("anococcygeal", "coccyx", "anal canal", "rectum"),
    "greater-trochanter": ("greater trochanter",),
    "trochanteric-fossa": ("trochanteric fossa", "greater trochanter", "intertrochanteric crest"),
    "lesser-trochanter": ("lesser trochanter",),
    "intertrochanteric-line": ("intertrochanteric",),
    "gluteal-tuberosity": ("gluteal tuberosity",),
    "femur-shaft-upper": ("femoral shaft", "femur", "linea aspera"),
    "femur-shaft": ("femoral shaft", "femur"),
    "linea-aspera": ("linea aspera",),
    "linea-aspera-lower": ("linea aspera",),
    "medial-supracondylar-line": ("medial supracondylar",),
    "lateral-supracondylar-line": ("lateral supracondylar",),
    "adductor-tubercle": ("adductor tubercle",),
    "popliteal-surface": ("popliteal",),
    "popliteal-fossa-floor": ("popliteal",),
    "femur-medial-condyle": ("medial condyle",),
    "femur-lateral-condyle": ("lateral condyle", "lateral femoral condyle"),
    "iliotibial-tract": ("iliotibial",),
    "patella-base": ("patella", "quadriceps tendon"),
    "patella-medial": ("medial border of the patella", "patella"),
    "patella-lateral": ("lateral border of the patella", "patella"),
    "patella-apex": ("patella",),
    "tibial-tuberosity": ("tibial tuberosity", "patellar ligament"),
    "tibia-medial-condyle": ("medial condyle", "medial tibial condyle"),
    "tibia-lateral-condyle": ("lateral condyle", "lateral tibial condyle"),
    "pes-anserinus": ("upper medial surface of the tibia",),
    "soleal-line": ("soleal line",),
    "tibia-posterior": ("posterior surface of the tibia", "posterior surfaces of the tib", "tibia"),
    "tibia-lateral-surface": ("lateral surface of the tibia", "tibia"),
    "tibia-shaft": ("tibia",),
    "medial-malleolus": ("medial malleolus", "flexor retinaculum"),
    "fibula-head": ("head of the fibula", "fibular head", "fibula"),
    "fibula-upper": ("fibula",),
    "fibula-middle": ("fibula",),
    "fibula-lower": ("fibula",),
    "lateral-malleolus": ("lateral malleolus", "fibula"),
    "interosseous-membrane-leg": ("interosseous membrane",),
    "interosseous-membrane-leg-upper": ("interosseous membrane",),
    "tibia-posterior-below-soleal": ("posterior surface of the tibia", "posterior surfaces of the tib"),
    "fibula-upper-third": ("fibula",),
    "calcaneus": ("calcaneus", "calcaneal"),
    "calcaneus-front": ("calcaneus", "calcaneal"),
    "talus": ("talus", "talocalcaneal"),
    "navicular": ("navicular",),
    "medial-cuneiform": ("medial cuneiform", "cuneiform"),
    "cuboid": ("cuboid",),
    "metatarsal1-base": ("first metatarsal",),
    "metatarsal1": ("first metatarsal", "metatarsals"),
    "metatarsal5-base": ("fifth metatarsal",),
    "metatarsal5": ("fifth metatarsal", "metatarsals"),
    "metatarsal2": ("metatarsals",),
    "metatarsal3": ("metatarsals",),
    "metatarsal4": ("metatarsals",),
    "big-toe-proximal-phalanx": ("proximal phalanx of the big toe",),
    "big-toe-distal-phalanx": ("distal phalanx of the big toe",),
    "toes-middle-phalanges": ("middle phalanges", "second to fifth toes"),
    "toes-distal-phalanges": ("distal phalanges",),
    "toes-extensor-expansion": ("extensor tendons", "extensor expansion", "dorsal digital expansions"),
    "sole-calcaneus-medial": (
        "medial process of the calcaneal",
        "medial surface of the calcaneus",
        "calcaneal tuberosity",
    ),
    "sole-calcaneus-lateral": ("lateral process", "calcaneal tuberosity", "plantar surface of the calcaneus"),
    "sole-calcaneus": ("calcane",),
    "sole-plantar-aponeurosis": ("plantar aponeurosis", "plantar ligament"),
    "sole-cuboid": ("cuboid",),
    "sole-cuneiform": ("cuneiform",),
    "sole-metatarsal1-base": ("first metatarsal", "metatarsal"),
    "sole-metatarsal2-base": ("second", "metatarsal"),
    "sole-metatarsal3-base": ("metatarsal",),
    "sole-metatarsal4-base": ("metatarsal",),
    "sole-metatarsal5-base": ("fifth metatarsal",),
    "sole-metatarsal-heads": ("metatarsophalangeal", "metatarsal"),
    "sole-metatarsal1-head": ("metatarsal",),
    "sole-metatarsal5-head": ("metatarsal",),
    "sole-fdl-tendon": ("flexor digitorum longus", "tendons of flexor digitorum longus"),
    "sole-big-toe-proximal-phalanx": ("proximal phalanx of the big toe",),
    "sole-big-toe-medial": (
        "medial side of the base of the proximal phalanx of the big toe",
        "medial and lateral sides",
    ),
    "sole-big-toe-lateral": (
        "lateral side of the base of the proximal phalanx of the big toe",
        "medial and lateral sides",
    ),
    "sole-toes-proximal-phalanges": ("proximal phalanges", "extensor expansion"),
    "sole-toes-middle-phalanges": ("middle phalanges",),
    "sole-little-toe-proximal-phalanx": ("fifth toe", "little toe"),
}

_RANGE = re.compile(r"\b([CTLS])(\d{1,2})\s*(?:to|-|and|–)\s*([CTLS])?(\d{1,2})\b")
_SINGLE = re.compile(r"\b([CTLS])(\d{1,2})\b")
_ORDER = list(LEVELS)


def levels_named(text: str) -> set[str]:
    """Vertebral levels a text names: "C7 to T3", "T12-L5", "C2", the atlas and axis, and whole
    regions ("lumbar", "sacrum")."""
    found: set[str] = set()
    for a, i, b, j in _RANGE.findall(text):
        start, end = f"{a}{i}", f"{b or a}{j}"
        if start in LEVELS and end in LEVELS:
            found.update(_ORDER[_ORDER.index(start) : _ORDER.index(end) + 1])
    found.update(f"{a}{i}" for a, i in _SINGLE.findall(text) if f"{a}{i}" in LEVELS)
    low = text.lower()
    if "atlas" in low:
        found.add("C1")
    if "axis" in low:
        found.add("C2")
    if "lumbar" in low:
        found.update(lv for lv in LEVELS if lv.startswith("L"))
    if "sacr" in low:
        found.update(lv for lv in LEVELS if lv.startswith("S"))
    if "cervical" in low:
        found.update(lv for lv in LEVELS if lv.startswith("C"))
    if "thoracic" in low:
        found.update(lv for lv in LEVELS if lv.startswith("T"))
    return found


_NUMBERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip


def ribs_named(text: str) -> set[int]:
    """Rib numbers a text names: "ribs 3 to 5", "first rib", "lower six ribs", "12th rib"."""
    low = text.lower()
    found: set[int] = set()
    if "rib" not in low and "costal" not in low:
        return found
    if "each rib" in low or "every rib" in low or "rib below" in low:
        return set(range(1, 13))
    for a, b in re.findall(r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|–)\s*(\d{1,2})", low):
        found.update(range(int(a), int(b) + 1))
    for n in re.findall(r"(\d{1,2})(?:st|nd|rd|th)\b", low):
        found.add(int(n))
    for word, n in _NUMBERS.items():
        if re.search(rf"\b{word}\b", low):
            found.add(n)
    for m in re.finditer(r"\b(lower|upper|first|lowest)\s+(\w+)\s+(?:or\s+\w+\s+)?(?:ribs|costal)", low):
        count = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}.get(m.group(2), 0)
        found.update(range(13 - count, 13) if m.group(1) in ("lower", "lowest") else range(1, count + 1))
    if re.search(r"first (\w+) to (\w+) ribs", low):
        found.update(range(1, 11))
    return found


_FINGER_WORDS = {
    "index": ("index", "second"),
    "middle": ("middle", "third"),
    "ring": ("ring", "fourth"),
    "little": ("little", "fifth"),
}


def names(landmark: str, text: str) -> bool:
    """Whether an attachment text names a landmark (see NAMED_BY)."""
    low = text.lower()
    base = landmark.removesuffix("@l")
    m = re.fullmatch(r"(spinous|transverse|articular|body|sacrum)-([CTLS]\d+)", base)
    if m:
        kind, level = m.groups()
        words = {
            "spinous": ("spinous", "ligamentum nuchae", "supraspinous", "thoracolumbar", "spines"),
            "transverse": ("transverse", "tubercle"),
            "articular": ("articular", "lamina"),
            "body": ("bod", "disc"),
            "sacrum": ("sacrum", "sacral"),
        }[kind]
        named = levels_named(text)
        # "spinous processes two to four levels above": the text names no level, so any will do
        return (level in named or not named) and any(w in low for w in words)
    m = re.fullmatch(r"rib(\d+)-[a-z]+", base)
    if m:
        return int(m.group(1)) in ribs_named(text)
    m = re.fullmatch(
        r"(index|middle|ring|little)-(proximal-phalanx|extensor-expansion|middle-phalanx|distal-phalanx)", base
    )
    if m:
        finger, part = m.groups()
        finger_named = any(w in low for w in _FINGER_WORDS[finger]) or "fingers" in low or "four tendons" in low
        part_named = part.replace("-", " ").split()[0] in low or ("expansion" in low and part == "extensor-expansion")
        return finger_named and part_named
    m = re.fullmatch(r"metacarpal(\d)(-base)?", base)
    if m:
        word = list(_NUMBERS)[int(m.group(1)) - 1]
        return "metacarpal" in low and (word in low or "metacarpals" in low)
    return any(word in low for word in NAMED_BY.get(base, ()))


def frame_lines_hu() -> list[list[Point]]:
    """The frame's lines as points (right half), for drawing the skeleton to look at."""
    return [[LANDMARKS[n] for n in line] for line in FRAME_LINES]


def distance(a: str, b: str) -> float:
    (x0, y0), (x1, y1) = point(a), point(b)
    return math.hypot(x1 - x0, y1 - y0)
