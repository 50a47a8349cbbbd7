"""Standard pain-area counts (CHOIR, Michigan Body Map, WPI) from our regions, the tables that map
them, and a client's progress and change map over visits."""

from __future__ import annotations

import csv
import shutil
from datetime import date

import pytest

from trigger_map.data import DATA_DIR
from trigger_map.progress import changes, export_rows, progress, visit_summary
from trigger_map.standards import STANDARDS, body_share, load_standards, region_areas, standard_counts
from trigger_map.validate import validate
from trigger_map.visit_maps import change_legend_svg, change_svg
from trigger_map.visit_store import VisitRecord

# Each standard's areas as its source names them, transcribed for these tests (docs/data.md says what
# was checked against what).
# CHOIR body map: segment number -> name, from the REDCap Image Map module (maps/choirbodymap_male.html),
# whose outlines are point for point the CHOIRBM package's numbered segments (101-136 front, 201-238 back).
VERIFIED_CHOIR = {
    101: "Cranium (front-right)", 102: "Cranium (front-left)", 103: "Face (front-right)", 104: "Face (front-left)",
    105: "Neck (front-right)", 106: "Neck (front-left)", 107: "Shoulder (front-right)", 108: "Chest (front-right)",
    109: "Chest (front-left)", 110: "Shoulder (front-left)", 111: "Bicep (front-right)", 112: "Bicep (front-left)",
    113: "Elbow (front-right)", 114: "Elbow (front-left)", 115: "Forearm (front-right)", 116: "Abdomen (front-right)",
    117: "Abdomen (front-left)", 118: "Forearm (front-left)", 119: "Wrist (front-right)", 120: "Hip (front-right)",
    121: "Pubic (front-right)", 122: "Pubic (front-left)", 123: "Hip (front-left)", 124: "Wrist (front-left)",
    125: "Hand (palm-right)", 126: "Upper Leg (front-right)", 127: "Upper Leg (front-left)", 128: "Hand (palm-left)",
    129: "Knee (front-right)", 130: "Knee (front-left)", 131: "Lower Leg (front-right)", 132: "Lower Leg (front-left)",
    133: "Ankle (front-right)", 134: "Ankle (front-left)", 135: "Foot (top-right)", 136: "Foot (top-left)",
    201: "Cranium (back-left)", 202: "Cranium (back-right)", 203: "Head (back-left)", 204: "Head (back-right)",
    205: "Neck (back-left)", 206: "Neck (back-right)", 207: "Shoulder (back-left)", 208: "Upper Back (back-left)",
    209: "Upper Back (back-right)", 210: "Shoulder (back-right)", 211: "Bicep (back-left)",
    212: "Middle Back (back-left)", 213: "Middle Back (back-right)", 214: "Bicep (back-right)",
    215: "Elbow (back-left)", 216: "Elbow (back-right)",
    217: "Forearm (back-left)", 218: "Lower Back (back-left)", 219: "Lower Back (back-right)",
    220: "Forearm (back-right)", 221: "Wrist (back-left)", 222: "Hip (back-left)", 223: "Buttocks (back-left)",
    224: "Buttocks (back-right)", 225: "Hip (back-right)", 226: "Wrist (back-right)", 227: "Hand (top-left)",
    228: "Upper Leg (back-left)", 229: "Upper Leg (back-right)", 230: "Hand (top-right)", 231: "Knee (back-left)",
    232: "Knee (back-right)", 233: "Lower Leg (back-left)", 234: "Lower Leg (back-right)", 235: "Ankle (back-left)",
    236: "Ankle (back-right)", 237: "Foot (bottom-left)", 238: "Foot (bottom-right)",
}  # fmt: skip
# Michigan Body Map: the 35 checkboxes of the University of Michigan form (Rt = right, Lt = left), with the
# view of the figure each is on.
VERIFIED_MICHIGAN = {
    "Face": "front", "Rt jaw": "front", "Lt jaw": "front", "Rt chest/breast": "front", "Lt chest/breast": "front",
    "Rt upper arm": "front", "Lt upper arm": "front", "Rt elbow": "front", "Lt elbow": "front",
    "Rt lower arm": "front", "Lt lower arm": "front", "Rt wrist/hand": "front", "Lt wrist/hand": "front",
    "Abdomen": "front", "Pelvis": "front", "Rt groin": "front", "Lt groin": "front", "Rt upper leg": "front",
    "Lt upper leg": "front", "Rt knee": "front", "Lt knee": "front", "Rt lower leg": "front", "Lt lower leg": "front",
    "Rt ankle/foot": "front", "Lt ankle/foot": "front", "Head": "back", "Neck": "back", "Lt shoulder": "back",
    "Rt shoulder": "back", "Upper back": "back", "Lower back": "back", "Lt hip": "back", "Rt hip": "back",
    "Lt buttocks": "back", "Rt buttocks": "back",
}  # fmt: skip
# Widespread Pain Index: the 19 areas of the 2016 fibromyalgia criteria (Wolfe et al. 2016, table).
VERIFIED_WPI = {
    "Jaw, left", "Jaw, right", "Shoulder girdle, left", "Shoulder girdle, right", "Upper arm, left",
    "Upper arm, right", "Lower arm, left", "Lower arm, right", "Hip (buttock, trochanter), left",
    "Hip (buttock, trochanter), right", "Upper leg, left", "Upper leg, right", "Lower leg, left", "Lower leg, right",
    "Neck", "Upper back", "Lower back", "Chest", "Abdomen",
}  # fmt: skip
SIDE_WORDS = {
    "choir": {"r": "-right)", "l": "-left)"},
    "michigan": {"r": "rt ", "l": "lt "},
    "wpi": {"r": ", right", "l": ", left"},
}


def area_rows(standard: str) -> list[dict[str, str]]:
    with (DATA_DIR / "standard_areas.csv").open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["standard"] == standard]


def source_names(standard: str, row: dict[str, str]) -> dict[str, str]:
    """The names the source gives the area(s) of one table row, by area id, as our table spells them."""
    label, name = row["label"], row["area"]
    if row["sides"] == "one":
        return {name: label}
    words = SIDE_WORDS[standard]
    if standard == "choir":  # 'cranium (front)' -> 'cranium (front-right)'
        return {f"{name}-{s}": label.removesuffix(")") + words[s] for s in "rl"}
    if standard == "michigan":
        return {f"{name}-{s}": words[s] + label for s in "rl"}
    return {f"{name}-{s}": label + words[s] for s in "rl"}


@pytest.fixture(scope="module")
def standards(body):
    return load_standards(body)


def test_each_standard_has_its_published_number_of_areas(standards):
    assert {s: len(a) for s, a in standards.areas.items()} == {"choir": 74, "michigan": 35, "wpi": 19}
    assert (len(VERIFIED_CHOIR), len(VERIFIED_MICHIGAN), len(VERIFIED_WPI)) == (74, 35, 19)


@pytest.mark.parametrize(
    ("standard", "verified"),
    [
        ("choir", {v.lower() for v in VERIFIED_CHOIR.values()}),
        ("michigan", {v.lower() for v in VERIFIED_MICHIGAN}),
        ("wpi", {v.lower() for v in VERIFIED_WPI}),
    ],
)
def test_each_standards_areas_are_the_ones_its_source_names(standards, standard, verified):
    ours = {a: n.lower() for row in area_rows(standard) for a, n in source_names(standard, row).items()}
    assert sorted(ours.values()) == sorted(verified)
    assert set(ours) == set(standards.areas[standard])


def test_each_choir_segment_has_its_published_number(standards):
    named = {a: n for row in area_rows("choir") for a, n in source_names("choir", row).items()}
    assert {int(code): named[area] for area, code in standards.codes["choir"].items()} == {
        code: name.lower() for code, name in VERIFIED_CHOIR.items()
    }
    for row in area_rows("choir"):  # 1xx on the front figure, 2xx on the back
        assert {c[2] for c in row["codes"].split(";")} == {"1" if row["view"] == "front" else "2"}, row


def test_each_michigan_area_is_on_the_figure_the_form_shows_it(standards):
    views = {n: row["view"] for row in area_rows("michigan") for n in source_names("michigan", row).values()}
    assert views == {name.lower(): view for name, view in VERIFIED_MICHIGAN.items()}


# A region of one view lies in a CHOIR segment of the other only here (the outer hip shows on both
# figures). Michigan puts each checkbox on one figure for a whole body part (the head on the back), so
# its areas are not held to a view.
CROSSES_VIEWS = {"outer_hip": {"front", "back"}}


@pytest.mark.parametrize("standard", ["choir", "michigan", "wpi"])
def test_every_region_is_mapped_to_its_own_side(standards, body, standard):
    mapped = standards.of_region[standard]
    assert set(mapped) == set(body.regions)
    view_of = {f"{row['area']}{s}": row["view"] for row in area_rows(standard) for s in ("", "-l", "-r")}
    for region_id, hits in mapped.items():
        region = body.regions[region_id]
        if standard != "wpi":  # CHOIR and Michigan cover the whole body; the WPI leaves out head, hands and feet
            assert hits, region_id
        if region.side:  # a left region lies in left areas (or unpaired ones), never in the right ones
            assert all(not h.endswith("-" + ("r" if region.side == "left" else "l")) for h in hits), region_id
        if standard == "choir":
            assert {view_of[h] for h in hits} <= CROSSES_VIEWS.get(region.name, {region.view}), region_id


def test_the_whole_body_marked_counts_every_area_of_every_standard(standards, body):
    everything = {r: 5 for r in body.regions}
    assert standard_counts(everything, standards) == {s: n for s, (_, n) in STANDARDS.items()}
    assert body_share(everything, region_areas(body)) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        ({}, {"choir": 0, "michigan": 0, "wpi": 0}),
        # the left jaw: the left CHOIR face segment (103/104 are the face), the Michigan and WPI left jaw
        ({"jaw-l": 4}, {"choir": 1, "michigan": 1, "wpi": 1}),
        # the chin lies in both CHOIR face segments, Michigan's single face, both WPI jaws; the temple is
        # the CHOIR cranium (front) and Michigan's head, and no WPI area
        ({"jaw-l": 4, "chin": 2, "temple-l": 6}, {"choir": 3, "michigan": 3, "wpi": 2}),
        # two of our regions in one standard area count once; severity 0 does not hurt
        ({"low_back-l": 3, "sacrum-l": 5, "low_back-r": 0}, {"choir": 1, "michigan": 1, "wpi": 1}),
        # the whole back of the head is CHOIR's cranium and head (back) of that side, Michigan's head
        ({"back_of_head-r": 3, "behind_ear-r": 2}, {"choir": 2, "michigan": 1, "wpi": 0}),
        # Michigan counts a wrist with its hand, an ankle with its foot; CHOIR has a segment for each; the
        # hand and foot are no WPI area, the wrist and ankle count as the WPI lower arm and lower leg
        (
            {"palm-r": 7, "palm_side_wrist-r": 2, "sole-l": 2, "outer_ankle-l": 1},
            {"choir": 4, "michigan": 2, "wpi": 2},
        ),
        ({"palm-r": 7, "sole-l": 2}, {"choir": 2, "michigan": 2, "wpi": 0}),
        # the groin: CHOIR's pubic segment of each side, Michigan's own groin of each side (and the pubic
        # area its pelvis), the WPI hip of that side (and the pubic area its abdomen)
        ({"groin-l": 5, "groin-r": 5, "pubic": 3}, {"choir": 2, "michigan": 3, "wpi": 3}),
        # the chest is one CHOIR segment and one Michigan chest/breast on each side, one WPI chest
        ({"upper_chest-l": 4, "lower_chest-l": 2, "breastbone": 3}, {"choir": 2, "michigan": 2, "wpi": 1}),
    ],
)
def test_counts_of_known_drawings(standards, areas, expected):
    assert standard_counts(areas, standards) == expected


def test_share_of_the_body_is_the_painful_regions_surface(body):
    surfaces = region_areas(body)
    share = body_share({"calf-l": 4, "calf-r": 0}, surfaces)
    assert share == pytest.approx(surfaces["calf-l"] / sum(surfaces.values()))
    assert 0 < share < 0.05


def test_visit_summary_and_progress(standards, body):
    surfaces = region_areas(body)
    visits = [
        VisitRecord(1, date(2026, 11, 1), {"temple-l": 7, "jaw-l": 3, "calf-r": 4}),
        VisitRecord(2, date(2026, 11, 15), {"temple-l": 4, "jaw-l": 0}),
    ]
    rows = progress(visits, standards, surfaces)
    assert [r["date"] for r in rows] == ["2026-11-01", "2026-11-15"]
    assert [r["total_severity"] for r in rows] == [14, 4]
    assert [r["areas"] for r in rows] == [3, 1]
    assert rows[0]["share_of_body"] > rows[1]["share_of_body"] > 0
    assert [r["wpi"] for r in rows] == [2, 0]
    assert visit_summary({}, standards, surfaces)["total_severity"] == 0


def test_changes_between_two_visits():
    before = {"temple-l": 7, "jaw-l": 3, "calf-r": 4, "heel-r": 0, "shin-l": 2}
    after = {"temple-l": 4, "jaw-l": 5, "calf-r": 4, "heel-r": 3, "sole-l": 1}
    assert changes(before, after) == {
        "temple-l": "better",
        "jaw-l": "worse",
        "calf-r": "same",
        "shin-l": "gone",
        "heel-r": "new",  # marked 0 before: it did not hurt
        "sole-l": "new",
    }


def test_change_map_draws_each_change_with_pattern_and_letter(body):
    found = {"temple-l": "better", "jaw-l": "worse", "calf-r": "same", "heel-r": "new", "shin-l": "gone"}
    front = change_svg(body, "front", found)
    back = change_svg(body, "back", found)
    assert 'data-region="temple-l" data-change="better"' in front and 'fill="url(#lines)"' in front
    assert 'data-region="jaw-l" data-change="worse"' in front and 'fill="url(#cross)"' in front
    assert 'data-change="gone"' in front and "stroke-dasharray" in front
    assert 'data-region="calf-r" data-change="same"' in back and "calf-r" not in front
    assert change_svg(body, "back", {"temple-l": "better"}) is None
    legend = change_legend_svg()
    for words in ("worse", "better", "the same", "new", "gone"):
        assert words in legend


def test_export_rows_one_per_area():
    visits = [VisitRecord(3, date(2026, 11, 1), {"temple-l": 7, "jaw-l": 3}, ("headache",), None, "=cmd", ("x@left",))]
    rows = export_rows(visits, {"temple-l": "left temple"})
    assert [(r["area"], r["area label"], r["severity"]) for r in rows] == [
        ("temple-l", "left temple", 7),
        ("jaw-l", "jaw-l", 3),
    ]
    assert rows[0]["note"] == "=cmd" and rows[0]["trigger points treated"] == "x@left"


CHOIR_FACE = "standard_areas.csv"
CHOIR_FACE_ROW = "choir,face,face (front),two,front,r:103;l:104,scherrer-2021;choirbm-2021;imagemap-2025;alter-2021"


@pytest.mark.parametrize(
    ("file", "line", "new_line", "problem"),
    [
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaw,face,jaww,jaw", "region_standards.csv:8:michigan: unknown"),
        ("region_standards.csv", "chin,face:both,face,jaw:both", "chin,face,face,jaw:both", ":9:choir:"),
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaww,face,jaw,jaw", "region_standards.csv:8:region: unknown"),
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaw,face:left,jaw,jaw", "only ':both'"),
        ("standard_areas.csv", "wpi,abdomen,abdomen,one,front,,wolfe-2016", "", "has 19 areas; the table defines 18"),
        (
            "standard_areas.csv",
            "wpi,jaw,jaw,two,front,,wolfe-2016",
            "wpi,jaw,jaw,three,front,,wolfe-2016",
            ":60:sides:",
        ),
        ("standard_areas.csv", "wpi,jaw,jaw,two,front,,wolfe-2016", "wpi,jaw,jaw,two,front,,wolf-2016", ":60:sources:"),
        (
            CHOIR_FACE,
            CHOIR_FACE_ROW,
            CHOIR_FACE_ROW.replace("r:103", "r:101"),
            ":3:codes: choir code 101 is given twice",
        ),
        (CHOIR_FACE, CHOIR_FACE_ROW, CHOIR_FACE_ROW.replace("r:103;", ""), ":3:codes: "),
        (CHOIR_FACE, CHOIR_FACE_ROW, CHOIR_FACE_ROW.replace("r:103", "r:10x"), ":3:codes: "),
        ("region_standards.csv", "calf,lower_leg_back,lower_leg,lower_leg", "", "region 'calf' is missing"),
        (
            "region_standards.csv",
            "calf,lower_leg_back,lower_leg,lower_leg",
            "calf,,lower_leg,lower_leg",
            "lower_leg_back-l",
        ),
    ],
)
def test_validate_names_each_broken_cell(tmp_path, file, line, new_line, problem):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    text = (data / file).read_text(encoding="utf-8")
    assert line + "\n" in text
    (data / file).write_text(text.replace(line + "\n", new_line + "\n" if new_line else ""), encoding="utf-8")
    problems = [str(p) for p in validate(data)]
    assert any(problem in p for p in problems), problems


def test_the_project_tables_are_valid():
    assert [str(p) for p in validate(DATA_DIR) if "standard" in p.file] == []
