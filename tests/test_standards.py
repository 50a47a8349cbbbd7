"""Standard pain-area counts (CHOIR, Michigan Body Map, WPI) from our regions, the tables that map
them, and a client's progress and change map over visits."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from trigger_map.data import DATA_DIR
from trigger_map.progress import changes, export_rows, progress, visit_summary
from trigger_map.standards import STANDARDS, body_share, load_standards, region_areas, standard_counts
from trigger_map.validate import validate
from trigger_map.visit_maps import change_legend_svg, change_svg
from trigger_map.visit_store import VisitRecord


@pytest.fixture(scope="module")
def standards(body):
    return load_standards(body)


def test_each_standard_has_its_published_number_of_areas(standards):
    assert {s: len(a) for s, a in standards.areas.items()} == {"choir": 74, "michigan": 35, "wpi": 19}


def test_the_whole_body_marked_counts_every_area_of_every_standard(standards, body):
    everything = {r: 5 for r in body.regions}
    assert standard_counts(everything, standards) == {s: n for s, (_, n) in STANDARDS.items()}
    assert body_share(everything, region_areas(body)) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        ({}, {"choir": 0, "michigan": 0, "wpi": 0}),
        # the left jaw: one CHOIR face segment, the Michigan and WPI left jaw
        ({"jaw-l": 4}, {"choir": 1, "michigan": 1, "wpi": 1}),
        # the chin lies on both sides of the jaw; the temple is head (Michigan), not a WPI area
        ({"jaw-l": 4, "chin": 2, "temple-l": 6}, {"choir": 3, "michigan": 3, "wpi": 2}),
        # two of our regions in one standard area count once; severity 0 does not hurt
        ({"low_back-l": 3, "sacrum-l": 5, "low_back-r": 0}, {"choir": 2, "michigan": 1, "wpi": 1}),
        # hands and feet are not WPI areas
        ({"palm-r": 7, "sole-l": 2}, {"choir": 2, "michigan": 2, "wpi": 0}),
        # the groin: CHOIR's groin, Michigan's pelvis (one area), the WPI hip of that side
        ({"groin-l": 5, "groin-r": 5}, {"choir": 2, "michigan": 1, "wpi": 2}),
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


@pytest.mark.parametrize(
    ("file", "line", "new_line", "problem"),
    [
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaw,face,jaww,jaw", "region_standards.csv:8:michigan: unknown"),
        ("region_standards.csv", "chin,face:both,jaw:both,jaw:both", "chin,face,jaw:both,jaw:both", ":9:choir:"),
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaww,face,jaw,jaw", "region_standards.csv:8:region: unknown"),
        ("region_standards.csv", "jaw,face,jaw,jaw", "jaw,face:left,jaw,jaw", "only ':both'"),
        ("standard_areas.csv", "wpi,abdomen,abdomen,one,front,wolfe-2016", "", "has 19 areas; the table defines 18"),
        ("standard_areas.csv", "wpi,jaw,jaw,two,front,wolfe-2016", "wpi,jaw,jaw,three,front,wolfe-2016", ":60:sides:"),
        ("standard_areas.csv", "wpi,jaw,jaw,two,front,wolfe-2016", "wpi,jaw,jaw,two,front,wolf-2016", ":60:sources:"),
        ("region_standards.csv", "calf,calf,lower_leg,lower_leg", "", "region 'calf' is missing"),
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
