"""The command line, run as a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_run import Result, run_cli
from paths import MINI_BODY, MINI_DATA, ROOT


def cli(*args: str, mini: bool = False) -> Result:
    """The command line, in this process (tests/cli_run.py); test_a_real_process_runs_the_command_line
    starts it as a user would."""
    options = ["--body", str(MINI_BODY), "--data", str(MINI_DATA)] if mini else []
    return run_cli(*options, *args)


def test_a_real_process_runs_the_command_line(body):
    result = subprocess.run(
        [sys.executable, "-m", "trigger_map", "regions", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert {r["id"] for r in json.loads(result.stdout)} == set(body.regions)


def test_commands_that_need_no_dataset_start_without_pandas():
    """--help, regions, place and db load neither pandas nor the dataset: they start in a third of
    the time (0.2-0.3 s against 1.3-1.6 s here)."""
    script = (
        "import contextlib, io, sys\n"
        "from trigger_map.__main__ import main\n"
        "for argv in (['--help'], ['regions', '--json'], ['place', 'temple', '0.5', '0.5'], ['db', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "        try:\n"
        "            status = main(argv)\n"
        "        except SystemExit as stop:\n"
        "            status = stop.code\n"
        "    assert status == 0 and out.getvalue(), argv\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'plotly', 'trigger_map.data') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_regions_json_lists_every_region_with_its_fields(body):
    result = cli("regions", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["id"] for r in rows} == set(body.regions)
    assert {"id", "label", "view", "side"} <= set(rows[0])


def test_suggest_json_ranks_with_reasons():
    result = cli("suggest", "--json", "temple-r", "jaw-r", mini=True)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["muscle"] == "Upper trapezius" and rows[0]["trigger_point"] == "upper-trapezius-1"
    assert rows[0]["side"] == "right" and rows[0]["essential"] == ["temple-r", "jaw-r"]
    assert rows[0]["score"] >= rows[1]["score"]
    assert {"muscle", "trigger_point", "side", "score", "essential", "spillover"} <= set(rows[0])


def test_suggest_limit_keeps_a_suggestion_for_every_area():
    result = cli("suggest", "--json", "--limit", "2", "temple-r=10", "breastbone=0", mini=True)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and rows[0]["score"] >= rows[1]["score"]
    assert any("breastbone" in r["essential"] + r["spillover"] for r in rows)  # the mild area too


def test_suggest_with_severity_and_unknown_region():
    order = [
        r["trigger_point"] for r in json.loads(cli("suggest", "--json", "temple-r=10", "jaw-r=0", mini=True).stdout)
    ]
    assert order.index("temporalis-1") < order.index("masseter-1")
    order = [
        r["trigger_point"] for r in json.loads(cli("suggest", "--json", "temple-r=0", "jaw-r=10", mini=True).stdout)
    ]
    assert order.index("masseter-1") < order.index("temporalis-1")
    bad = cli("suggest", "nowhere-r", mini=True)
    assert bad.returncode == 2 and "unknown region" in bad.stderr


def test_muscle_and_condition_json():
    muscle = json.loads(cli("muscle", "--json", "upper trapezius", mini=True).stdout)
    assert muscle["id"] == "upper-trapezius" and muscle["trigger_points"][0]["essential_zones"] == ["temple", "jaw"]
    condition = json.loads(cli("condition", "--json", "tension headache", mini=True).stdout)
    assert condition["id"] == "tension-headache"
    assert {t["muscle_id"] for t in condition["trigger_points"]} >= {"upper-trapezius", "temporalis"}
    missing = cli("muscle", "gluteus maximus", mini=True)
    assert missing.returncode == 2 and "no muscle" in missing.stderr


def test_place_gives_a_point_in_the_region():
    result = cli("place", "temple", "0.5", "0.5", mini=True)
    assert json.loads(result.stdout) == {"view": "front", "x": 240.0, "y": 75.0}


def test_validate_ok_and_broken(tmp_path):
    assert cli("validate", str(MINI_DATA), mini=True).returncode == 0
    broken = tmp_path / "data"
    subprocess.run(["cp", "-r", str(MINI_DATA), str(broken)], check=True)
    tp = broken / "trigger_points.csv"
    tp.write_text(tp.read_text().replace("temple;jaw,,", "temple;knee,,"))
    (broken / "red_flags.csv").write_text((broken / "red_flags.csv").read_text().replace(",emergency,", ",later,"))
    result = cli("validate", str(broken), mini=True)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert "trigger_points.csv:2:essential_zones: unknown region 'knee'" in lines
    assert any(line.startswith("red_flags.csv:2:action:") for line in lines)


@pytest.mark.parametrize("command", ["validate"])
def test_real_dataset_validates(command):
    result = cli(command)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK:")


def test_muscle_json_gives_the_shapes_drawn_on_the_body():
    from shapely.geometry import Polygon

    from trigger_map.muscle_shapes import shapes_of

    muscle = json.loads(cli("muscle", "--json", "middle deltoid").stdout)
    shapes = muscle["shapes"]
    assert {(s["view"], s["side"]) for s in shapes} == {
        (v, side) for v in ("front", "back") for side in ("left", "right")
    }
    assert all(s["depth"] == "superficial" for s in shapes)
    assert [s["path"] for s in shapes] == [s.path for s in shapes_of("middle-deltoid")]
    for s in shapes:  # a path in drawing units: the shoulder, about 75-90 units from the midline
        numbers = [float(n) for n in s["path"].replace("M", " ").replace("L", " ").replace("Z", " ").split()]
        outline = Polygon(list(zip(numbers[::2], numbers[1::2], strict=True)))
        mid = 300 if s["view"] == "front" else 900
        assert 60 < abs(outline.centroid.x - mid) < 110 and 150 < outline.centroid.y < 260
    deep = json.loads(cli("muscle", "--json", "psoas major").stdout)["shapes"]
    assert {s["depth"] for s in deep} == {"deep"} and {s["side"] for s in deep} == {"left", "right"}
    diaphragm = json.loads(cli("muscle", "--json", "diaphragm").stdout)["shapes"]
    assert [s["side"] for s in diaphragm] == ["mid"]
    # a muscle a view sees in two places lists each part: the calf at both edges of the shin from the front
    calf = json.loads(cli("muscle", "--json", "gastrocnemius").stdout)["shapes"]
    front = [(s["side"], s["path"]) for s in calf if s["view"] == "front"]
    assert sorted(side for side, _ in front) == ["left", "left", "right", "right"]
    assert len({path for _, path in front}) == 4


def test_muscle_with_a_missing_drawing_says_so_in_one_line(tmp_path):
    result = run_cli("muscle", "--json", "temporalis", env={"TRIGGER_MAP_MUSCLES": str(tmp_path / "none.svg")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("none.svg: file is missing") and result.stderr.count("\n") == 1


def test_quiz_json_prints_the_set_for_a_seed():
    result = cli("quiz", "--json", "--seed", "5", "--count", "20")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["seed"] == 5 and len(data["questions"]) == data["count"] == 20
    assert json.loads(cli("quiz", "--json", "--seed", "5", "--count", "20").stdout) == data  # the same set
    assert json.loads(cli("quiz", "--json", "--seed", "6", "--count", "20").stdout) != data
    for question in data["questions"]:
        assert {"kind", "prompt", "options", "answer", "muscle_id", "drawn"} <= set(question)
        if question["kind"] == "tap_pattern":
            assert question["options"] == [] and question["answer_regions"]
            assert question["drawn"]["trigger_point"].partition("@")[0]
        else:
            assert question["options"].count(question["answer"]) == 1
        if question["kind"] == "pattern":
            assert question["drawn"]["regions"]["essential"]


def test_quiz_keeps_to_an_area_and_a_kind():
    result = cli("quiz", "--json", "--seed", "2", "--area", "upper-back", "--area", "neck", "--kind", "pattern")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["areas"] == ["upper back", "neck"] and data["kinds"] == ["pattern"]
    muscles = {m["id"]: m["body_area"] for m in _muscles()}
    assert {q["kind"] for q in data["questions"]} == {"pattern"}
    assert {muscles[q["muscle_id"]] for q in data["questions"]} <= {"upper back", "neck"}


def _muscles():
    import csv

    with open(ROOT / "data" / "muscles.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    "args, message",
    [
        (("--count", "7"), "--count"),
        (("--area", "tail"), "unknown body area 'tail'"),
        (("--kind", "spelling"), "--kind"),
        (("--seed", "x"), "not a whole number"),
        (("--seed", "-3"), "0 or more"),
    ],
)
def test_quiz_bad_arguments_are_one_line(args, message):
    result = cli("quiz", "--json", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_a_muscle_is_named_once_when_its_anatomical_name_is_the_same():
    assert cli("muscle", "piriformis").stdout.splitlines()[0] == "Piriformis"
