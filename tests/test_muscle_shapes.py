"""The muscles drawn on the body (assets/muscles.svg): every muscle of data/muscles.csv, checked
against the body's own outline and against its own origin and insertion text."""

from __future__ import annotations

import csv
import subprocess
import sys

import draw_body
import draw_muscles
import pytest
import shapely
import skeleton
from paths import ROOT
from shapely.geometry import Point

from trigger_map.body import MIDLINE, load_body
from trigger_map.muscle_shapes import (
    MuscleDrawingError,
    MuscleShape,
    _load,
    all_shapes,
    drawn,
    polygon,
    shapes_of,
)

with open(ROOT / "data" / "muscles.csv", encoding="utf-8") as _f:
    MUSCLES = {row["id"]: row for row in csv.DictReader(_f)}
PLAN = draw_muscles.read_plan()
# plausible areas (drawing units squared, 1 head unit = 100) for each size class: a small muscle of
# the face, hand or foot; a limb or neck muscle; a broad sheet of the trunk
AREA = {"S": (10, 1200), "M": (100, 3500), "L": (900, 12000)}
END_TOLERANCE = 3.0  # drawing units between an attachment landmark and the shape's outline
SMALL_AREAS = ("foot",)  # every muscle of these body areas is small
SMALL_WORDS = ("pollicis", "interosse", "lumbrical", "digiti-minimi", "hallucis-brevis", "oculi", "supercilii")


@pytest.fixture(scope="module")
def body():
    return load_body()


def test_every_muscle_is_drawn():
    drawn_ids = {s.muscle_id for s in all_shapes()}
    assert sorted(set(MUSCLES) - drawn_ids) == []
    assert sorted(drawn_ids - set(MUSCLES)) == []
    for muscle_id in MUSCLES:
        assert shapes_of(muscle_id), muscle_id
    assert shapes_of("no-such-muscle") == []


def test_plan_covers_every_muscle_once_per_view():
    seen = [(r.muscle_id, r.view) for r in PLAN]
    assert len(seen) == len(set(seen))
    assert {r.muscle_id for r in PLAN} == set(MUSCLES)


def test_api_types():
    shape = shapes_of("temporalis")[0]
    assert isinstance(shape, MuscleShape)
    assert shape.view in ("front", "back") and shape.side in ("left", "right", "mid")
    assert shape.depth in ("superficial", "deep") and shape.path.startswith("M")
    assert polygon(shape).is_valid and polygon(shape).area > 0


@pytest.mark.parametrize("muscle_id", sorted(MUSCLES))
def test_shapes_lie_inside_the_body_on_their_side(body, muscle_id):
    shapes = shapes_of(muscle_id)
    for shape in shapes:
        outline = polygon(shape)
        outside = outline.difference(body.silhouettes[shape.view]).area
        assert outside <= 0.01 * outline.area + 1.0, f"{shape.side} {shape.view}: {outside:.1f} units outside"
        mid = MIDLINE[shape.view]
        xs = [x for x, _ in outline.exterior.coords]
        right_is_low_x = shape.view == "front"
        if shape.side == "mid":
            assert min(xs) < mid < max(xs), "a midline muscle crosses the midline"
        elif (shape.side == "right") == right_is_low_x:
            assert max(xs) <= mid + 1.0, f"{shape.side} {shape.view} reaches across the midline"
        else:
            assert min(xs) >= mid - 1.0, f"{shape.side} {shape.view} reaches across the midline"
    sides = {(s.view, s.side) for s in shapes}
    for view, side in sides:  # paired muscles: the same parts on each side, mirror images of each other
        if side == "right":
            assert (view, "left") in sides
            rights = [polygon(s) for s in shapes if (s.view, s.side) == (view, "right")]
            lefts = [polygon(s) for s in shapes if (s.view, s.side) == (view, "left")]
            assert len(rights) == len(lefts)
            for right, left in zip(rights, lefts, strict=True):
                assert abs(right.area - left.area) <= 0.01 * right.area + 1
                assert abs((2 * MIDLINE[view] - right.centroid.x) - left.centroid.x) < 1.0


@pytest.mark.parametrize("muscle_id", sorted(MUSCLES))
def test_area_fits_the_size_class(muscle_id):
    for shape in shapes_of(muscle_id):
        size = drawn(shape).size
        low, high = AREA[size]
        assert low <= polygon(shape).area <= high, f"{shape.view}: {polygon(shape).area:.0f} not in {size} {AREA[size]}"
        row = MUSCLES[muscle_id]
        if row["body_area"] in SMALL_AREAS or any(w in muscle_id for w in SMALL_WORDS):
            assert size == "S", "a muscle of the hand, foot or face is drawn small"


@pytest.mark.parametrize("row", PLAN, ids=lambda r: f"{r.muscle_id}-{r.view}")
def test_ends_sit_on_the_landmarks_their_text_names(row):
    text = MUSCLES[row.muscle_id]
    for end in ("origin", "insertion"):
        for name in getattr(row, end):
            assert skeleton.names(name, text[end]), f"{end} landmark {name} is not named by: {text[end]}"
    mine = [s for s in shapes_of(row.muscle_id) if s.view == row.view]
    for shape in mine:
        info = drawn(shape)
        # a muscle seen in several parts (the calf at both edges of the shin) reaches a landmark with
        # one of its parts on that side
        whole = shapely.union_all([polygon(s) for s in mine if s.side == shape.side])
        left = shape.side == "left"
        for end, points in (("origin", info.origin), ("insertion", info.insertion)):
            names = getattr(row, end)
            assert len(points) == len(names)
            for name, (x, y) in zip(names, points, strict=True):
                u, v = skeleton.point(name)
                p = draw_body.to_px(Point(-u if left else u, v), row.view)
                assert max(abs(p.x - x), abs(p.y - y)) <= 0.06, f"{end} {name} is not where the skeleton has it"
                if end in info.hidden:  # out of sight (behind the jaw, under the foot): the muscle goes
                    # out of sight where the landmark's hiding place begins
                    mask = draw_muscles.HIDDEN_BY[row.muscle_id, row.view]
                    hiding = draw_body.to_px(draw_muscles.mirror_if(mask, left), row.view)
                    assert hiding.contains(Point(x, y)) and polygon(shape).distance(hiding) < 1.0
                    continue
                gap = whole.distance(Point(x, y))
                assert gap <= END_TOLERANCE, f"{shape.side} {shape.view}: {end} is {gap:.1f} units off {name}"


def test_landmark_words_are_checked():
    assert skeleton.names("mastoid", "Lateral surface of the mastoid process")
    assert not skeleton.names("mastoid", "Upper front surface of the manubrium")
    assert skeleton.names("spinous-T4", "Spinous processes of T2 to T5")
    assert not skeleton.names("spinous-T7", "Spinous processes of T2 to T5")
    assert skeleton.names("rib5-mid", "Outer surfaces of ribs 3 to 5")
    assert not skeleton.names("rib6-mid", "Outer surfaces of ribs 3 to 5")
    assert skeleton.names("metacarpal2-base", "Dorsal surface of the base of the second metacarpal.")
    assert not skeleton.names("metacarpal3-base", "Dorsal surface of the base of the second metacarpal.")


def test_superficial_muscles_hint_their_fibres():
    for shape in all_shapes():
        fibres = drawn(shape).fibres
        if shape.depth == "deep":
            assert fibres == ""
        else:
            assert fibres.count("M") >= 1, shape


def test_small_muscles_are_in_the_close_ups(body):
    """The hand's, foot's and face's small muscles lie inside the close-ups that show them."""
    from trigger_map.closeups import closeups_of

    closeups = closeups_of(body)
    inside = {"thenar": 0}
    for muscle_id in (
        "abductor-pollicis-brevis",
        "abductor-hallucis",
        "orbicularis-oculi",
        "first-dorsal-interosseous",
    ):
        for shape in shapes_of(muscle_id):
            boxes = [c.window for c in closeups.by_id.values() if c.view == shape.view]
            c = polygon(shape).centroid
            assert any(x <= c.x <= x + w and y <= c.y <= y + h for x, y, w, h in boxes), (muscle_id, shape.side)
            inside["thenar"] += 1
    assert inside["thenar"] >= 8


def test_generator_reproduces_the_drawing_byte_for_byte():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "draw_muscles.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_drawings_are_refused(tmp_path):
    missing = tmp_path / "none.svg"
    with pytest.raises(MuscleDrawingError, match="missing"):
        _load(missing)
    bad = tmp_path / "bad.svg"
    bad.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><g id="muscles-front">'
        '<path class="muscle superficial" id="m" data-muscle="x" data-side="up" data-depth="deep" '
        'd="M0 0 L1 0 L1 1 Z"/>'
        "</g></svg>"
    )
    with pytest.raises(MuscleDrawingError, match="side"):
        _load(bad)


@pytest.mark.parametrize("muscle_id", ["gastrocnemius", "soleus"])
def test_the_calf_shows_at_both_edges_of_the_shin_from_the_front(muscle_id):
    """From the front the calf is seen as a rim along the inner edge of the lower leg (the medial
    head) and one along the outer edge (the lateral head of gastrocnemius, the soleus below it)."""
    for side in ("right", "left"):
        parts = [polygon(s) for s in shapes_of(muscle_id) if (s.view, s.side) == ("front", side)]
        edges = set()
        for part in parts:
            c = part.centroid
            u, y = abs(c.x - MIDLINE["front"]) / draw_body.HU, (c.y - draw_body.CROWN_Y) / draw_body.HU
            assert 6.0 < y < 7.4, f"{side}: a part at {y:.2f} hu is not on the lower leg"
            inner, outer = float(draw_body.LEG_IN(y)), float(draw_body.LEG_OUT(y))
            f = (u - inner) / (outer - inner)  # 0 at the inner edge, 1 at the outer
            edges.add("inner" if f < 0.3 else "outer" if f > 0.7 else "middle")
        assert edges == {"inner", "outer"}, f"{side}: parts at {sorted(edges)}"


def test_the_triceps_runs_down_the_inner_arm_to_the_elbow_from_the_front():
    """From the front the triceps is seen behind the biceps and brachialis along the inner edge of the
    arm, from the armpit down to the medial epicondyle."""
    for side in ("right", "left"):
        (shape,) = [polygon(s) for s in shapes_of("triceps-brachii") if (s.view, s.side) == ("front", side)]
        u, v = skeleton.point("medial-epicondyle")
        epicondyle = draw_body.to_px(Point(-u if side == "left" else u, v), "front")
        assert shape.distance(epicondyle) <= 3.0, f"{side}: {shape.distance(epicondyle):.1f} units off the epicondyle"
        top = (shape.bounds[1] - draw_body.CROWN_Y) / draw_body.HU
        assert top < 2.0, f"{side}: starts at {top:.2f} hu, below the armpit"


@pytest.mark.parametrize(
    "muscle_id, starts_by",
    # hu from the crown: the tibialis posterior from the top of the membrane just below the popliteus,
    # the flexor digitorum longus from the tibia just below the soleal line, the flexor hallucis
    # longus from the fibula's lower two thirds
    [("tibialis-posterior", 6.40), ("flexor-digitorum-longus", 6.55), ("flexor-hallucis-longus", 6.72)],
)
def test_the_deep_calf_bellies_start_high_on_the_leg_bones(muscle_id, starts_by):
    for shape in [s for s in shapes_of(muscle_id) if s.view == "back"]:
        assert shape.depth == "deep"
        top, bottom = ((v - draw_body.CROWN_Y) / draw_body.HU for v in polygon(shape).bounds[1::2])
        assert 6.15 < top <= starts_by, f"{shape.side}: starts at {top:.2f} hu"
        assert bottom > 7.5, f"{shape.side}: its tendon stops at {bottom:.2f} hu, above the ankle"


@pytest.mark.parametrize("muscle_id", ["levator-scapulae", "splenius-capitis"])
def test_the_floor_of_the_posterior_triangle_shows_from_the_front(muscle_id):
    """From the front the levator scapulae and the splenius capitis are seen in the floor of the
    posterior triangle, between the sternocleidomastoid and the trapezius, above the clavicle; their
    attachments are out of sight."""
    cover_ids = ("sternocleidomastoid-clavicular", "sternocleidomastoid-sternal", "upper-trapezius")
    for side in ("right", "left"):
        (shape,) = [s for s in shapes_of(muscle_id) if (s.view, s.side) == ("front", side)]
        strip = polygon(shape)
        cover = shapely.union_all(
            [polygon(s) for m in cover_ids for s in shapes_of(m) if (s.view, s.side) == ("front", side)]
        )
        seen = strip.difference(cover)
        assert seen.area >= 0.5 * strip.area and seen.area >= 8, f"{side}: {seen.area:.1f} units in sight"
        y = (strip.centroid.y - draw_body.CROWN_Y) / draw_body.HU
        assert 1.1 < y < 1.3, f"{side}: at {y:.2f} hu, not at the root of the neck"
        assert set(drawn(shape).hidden) == {"origin", "insertion"}


def test_each_shape_has_its_own_id_and_its_own_fibres():
    """A muscle seen in several parts (the calf from the front) has an id per part, so each part's
    fibre lines stay with it."""
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    paths = list(ET.parse(ROOT / "assets" / "muscles.svg").getroot().iter(f"{ns}path"))
    ids = [p.get("id") for p in paths if "muscle" in (p.get("class") or "").split()]
    assert len(ids) == len(set(ids)) == len(all_shapes())
    fibres_for = [p.get("data-for") for p in paths if "fibres" in (p.get("class") or "").split()]
    assert len(fibres_for) == len(set(fibres_for)) and set(fibres_for) <= set(ids)
    assert {"muscle-gastrocnemius-right-front", "muscle-gastrocnemius-right-front-2"} <= set(fibres_for)
