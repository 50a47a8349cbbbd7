"""The body drawing: the contract the app relies on, checked on the committed SVG."""

from __future__ import annotations

import csv
import sys

import pytest
from paths import MINI_BODY, ROOT
from shapely import affinity, unary_union
from shapely.geometry import Point, box

from trigger_map.body import BodyError, load_body
from trigger_map.frame import MIDLINE

CATALOGUE = list(csv.DictReader((ROOT / "tools" / "region_catalogue.csv").read_text(encoding="utf-8").splitlines()))
REQUIRED = [
    "forehead",
    "temple",
    "eye",
    "cheek",
    "jaw",
    "jaw_joint",
    "top_of_head",
    "back_of_head",
    "behind_ear",
    "throat",
    "back_of_neck",
    "side_of_neck",
    "top_of_shoulder",
    "front_of_shoulder",
    "outer_shoulder",
    "back_of_shoulder",
    "upper_chest",
    "breastbone",
    "side_of_chest",
    "upper_abdomen",
    "lower_abdomen",
    "groin",
    "shoulder_blade",
    "between_shoulder_blades",
    "mid_back",
    "low_back",
    "sacrum",
    "buttock",
    "outer_hip",
    "front_of_upper_arm",
    "outer_upper_arm",
    "back_of_upper_arm",
    "inner_upper_arm",
    "front_of_elbow",
    "outer_elbow",
    "inner_elbow",
    "back_of_elbow",
    "front_of_forearm",
    "back_of_forearm",
    "palm_side_wrist",
    "back_of_wrist",
    "palm",
    "back_of_hand",
    "thumb",
    "index_finger",
    "middle_finger",
    "ring_finger",
    "little_finger",
    "front_of_thigh",
    "inner_thigh",
    "outer_thigh",
    "back_of_thigh",
    "front_of_knee",
    "inner_knee",
    "outer_knee",
    "back_of_knee",
    "shin",
    "outer_lower_leg",
    "calf",
    "achilles",
    "front_of_ankle",
    "inner_ankle",
    "outer_ankle",
    "top_of_foot",
    "big_toe",
    "heel",
    "sole",
]


def test_every_catalogue_region_is_drawn_with_its_label_and_term(body):
    expected = set()
    for row in CATALOGUE:
        sides = ("left", "right") if row["paired"] == "yes" else (None,)
        for side in sides:
            region_id = row["name"] + {"left": "-l", "right": "-r", None: ""}[side]
            expected.add(region_id)
            region = body.regions[region_id]
            assert (region.name, region.side, region.view) == (row["name"], side, row["view"])
            assert region.label == row["label"] and region.term == row["term"]
    assert set(body.regions) == expected
    assert len(body.regions) >= 120


def test_required_areas_exist(body):
    assert set(REQUIRED) <= set(body.names)


def test_regions_are_valid_disjoint_and_tile_the_silhouette(body):
    for view in ("front", "back"):
        regions = body.in_view(view)
        for region in regions:
            assert region.polygon.is_valid and region.polygon.geom_type == "Polygon", region.id
            assert region.polygon.area >= 40, region.id
        union = unary_union([r.polygon for r in regions])
        total = sum(r.polygon.area for r in regions)
        assert total - union.area < 0.01 * union.area, f"{view}: regions overlap"
        silhouette = body.silhouettes[view]
        assert silhouette.symmetric_difference(union).area < 0.01 * silhouette.area


def test_sides_are_the_persons_own(body):
    # Front view: the person's right is on the viewer's left; back view: on the viewer's right.
    assert body.regions["temple-r"].polygon.centroid.x < MIDLINE["front"] < body.regions["temple-l"].polygon.centroid.x
    assert body.regions["buttock-r"].polygon.centroid.x > MIDLINE["back"] > body.regions["buttock-l"].polygon.centroid.x
    assert body.side_of("front", 250) == "right" and body.side_of("back", 950) == "right"


def test_paired_regions_mirror_each_other(body):
    for region in body.regions.values():
        if region.side != "right":
            continue
        left = body.regions[region.id[:-2] + "-l"]
        mirrored_x = body.mirror(region.view, region.polygon.centroid.x)
        assert abs(mirrored_x - left.polygon.centroid.x) < 4, region.id
        assert abs(region.polygon.centroid.y - left.polygon.centroid.y) < 4, region.id


def test_hit_grid_reaches_every_region_and_stays_inside_it(body):
    grid = body.hit_grid()
    by_region = {}
    for view, x, y, region_id in grid:
        by_region.setdefault(region_id, []).append((x, y))
        assert body.regions[region_id].view == view
    assert set(by_region) == set(body.regions)
    for region_id, points in by_region.items():
        assert len(points) >= 4, region_id
        polygon = body.regions[region_id].polygon.buffer(0.5)
        assert all(polygon.covers(Point(p)) for p in points), region_id


def _close_up_misses(polygons, paired):
    """Regions of the close-ups that cannot hold a 24 x 24 CSS px square at the close-up scale."""
    from check_body import TARGET_PX, close_up_targets

    rows = close_up_targets(polygons, paired)
    misses = []
    for name, _side, region_id, scale, (centre, diameter) in rows:
        half = TARGET_PX / scale / 2
        square = box(centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half)
        if not polygons[region_id].contains(square):
            misses.append((name, region_id, round(diameter * scale, 1)))
    return rows, misses


def test_every_close_up_region_holds_a_finger_target(body):
    """Close-ups of a hand, a foot, a sole and the face show the bounding box of their regions
    (plus a margin) scaled to fit 358 x 520 CSS px, what a 390 px phone gives them; there every
    region must hold a 24 x 24 px square (WCAG 2.2)."""
    polygons = {region_id: region.polygon for region_id, region in body.regions.items()}
    rows, misses = _close_up_misses(polygons, body.is_paired)
    names = {name for name, *_ in rows}
    assert names == {"front of hand", "back of hand", "front of foot", "back of foot", "sole", "face"}
    ids = {region_id for _, _, region_id, *_ in rows}
    assert {"little_finger-r", "little_finger-l", "toes-r", "eye-l", "chin", "jaw_joint-r"} <= ids
    assert misses == []
    # a finger drawn half as wide would not pass
    polygons["little_finger-r"] = affinity.scale(polygons["little_finger-r"], 0.5, 0.5)
    assert [m[1] for m in _close_up_misses(polygons, body.is_paired)[1]] == ["little_finger-r"]


@pytest.mark.parametrize("name", ["temple", "thumb", "little_finger", "big_toe", "heel", "breastbone"])
@pytest.mark.parametrize("u, v", [(0, 0), (0.5, 0.5), (1, 1), (0.9, 0.1)])
def test_place_puts_a_point_inside_the_region_on_each_side(body, name, u, v):
    for side in ("right", "left"):
        x, y = body.place(name, u, v, side)
        region = body.regions[body.region_id(name, side)]
        assert region.polygon.covers(Point(x, y)), (name, side, u, v)


def test_mini_body_loads_details_and_unpaired_regions():
    mini = load_body(MINI_BODY)
    assert mini.regions["breastbone"].side is None
    assert mini.details["front"] and mini.is_paired("temple") and not mini.is_paired("breastbone")
    assert mini.region_at("front", 250, 70).id == "temple-r"
    assert mini.region_at("front", 10, 10) is None


def test_broken_drawings_raise_a_clear_error(tmp_path):
    with pytest.raises(BodyError, match="file is missing"):
        load_body(tmp_path / "none.svg")
    text = MINI_BODY.read_text()
    (tmp_path / "no_back.svg").write_text(text.replace('<g id="back">', '<g id="rear">'))
    with pytest.raises(BodyError, match='no <g id="back">'):
        load_body(tmp_path / "no_back.svg")
    (tmp_path / "twice.svg").write_text(text.replace('id="temple-l"', 'id="temple-r"'))
    with pytest.raises(BodyError, match="appears twice"):
        load_body(tmp_path / "twice.svg")
    (tmp_path / "side.svg").write_text(
        text.replace('data-side="left" data-label="temple"', 'data-side="west" data-label="temple"')
    )
    with pytest.raises(BodyError, match="data-side"):
        load_body(tmp_path / "side.svg")


def test_generator_reproduces_the_committed_svg(tmp_path):
    import subprocess

    out = tmp_path / "body.svg"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "draw_body.py"), "--out", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    assert out.read_bytes() == (ROOT / "assets" / "body.svg").read_bytes()


def test_the_body_checker_passes_the_committed_drawing_and_fails_a_broken_one(tmp_path, capsys):
    import check_body

    assert check_body.main([str(ROOT / "assets" / "body.svg")]) == 0
    assert "OK: all checks passed" in capsys.readouterr().out
    text = (ROOT / "assets" / "body.svg").read_text(encoding="utf-8")
    broken = tmp_path / "body.svg"
    # one region's data-label changed, and one region gone: both named
    broken.write_text(
        text.replace('data-label="temple"', 'data-label="templ"', 1).replace('id="chin"', 'id="chin-x"', 1),
        encoding="utf-8",
    )
    assert check_body.main([str(broken)]) == 1
    out = capsys.readouterr().out
    assert "data-label='templ', want 'temple'" in out
    assert "chin-x: not in the catalogue" in out and "missing ids: ['chin']" in out
