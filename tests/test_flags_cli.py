"""`python -m trigger_map flags`: red flags for areas, symptoms and facts, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_run import Result, run_cli
from paths import ROOT


def flags(*args: str) -> Result:
    """`flags`, in this process (tests/cli_run.py); the first test starts a real process."""
    return run_cli("flags", *args)


def test_a_real_process_answers_flags():
    result = subprocess.run(
        [sys.executable, "-m", "trigger_map", "flags", "--json", "low_back-r"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) and "Traceback" not in result.stderr


def test_flags_json_matched_first_most_urgent_first():
    result = flags("--json", "low_back-r", "breastbone", "--symptom", "cold sweat")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert set(rows[0]) == {"id", "title", "action", "matched", "message", "sources"}
    assert (rows[0]["id"], rows[0]["action"], rows[0]["matched"]) == ("heart-chest-pain", "emergency", True)
    assert all(r["action"] in ("emergency", "urgent", "soon") and r["sources"] for r in rows)
    keys = [(not r["matched"], ["emergency", "urgent", "soon"].index(r["action"])) for r in rows]
    assert keys == sorted(keys)


def test_an_area_alone_gives_only_watch_for_lines():
    rows = json.loads(flags("--json", "low_back-r").stdout)
    assert rows and not any(r["matched"] for r in rows)


def test_symptom_by_plain_words_and_facts():
    rows = json.loads(
        flags("--json", "temple-l", "--symptom", "jaw pain that builds while chewing", "--age", "72").stdout
    )
    assert rows[0]["id"] == "jaw-headache-over-50" and rows[0]["matched"]
    young = json.loads(flags("--json", "temple-l", "--symptom", "jaw-pain-chewing", "--age", "30").stdout)
    assert not any(r["matched"] for r in young)
    pregnant = json.loads(flags("--json", "lower_abdomen-l", "--pregnant").stdout)
    assert (pregnant[0]["id"], pregnant[0]["matched"]) == ("ectopic-pregnancy", True)
    sepsis = json.loads(flags("--json", "--symptom", "fever", "--symptom", "confusion").stdout)
    assert (sepsis[0]["id"], sepsis[0]["action"], sepsis[0]["matched"]) == ("fever-very-unwell", "emergency", True)


def test_pins_and_needles_is_a_known_symptom():
    result = flags("--json", "calf-r", "--symptom", "pins and needles")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "args,message",
    [
        (("calf-r", "--symptom", "qzxv wobble"), "unknown symptom 'qzxv wobble'"),
        (("elbow-of-doom",), "unknown region"),
    ],
)
def test_unknown_input_exits_2_with_one_line(args, message):
    result = flags(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_misspelt_symptom_is_read_as_the_search_reads_it():
    """--symptom takes the words the search takes, typos included (rapidfuzz, trigger_map.search)."""
    rows = json.loads(flags("--json", "calf-r", "--symptom", "fevr", "--symptom", "confusion").stdout)
    assert rows[0]["matched"] and rows[0]["action"] == "emergency"


def test_bad_age_is_refused():
    result = flags("calf-r", "--age", "old")
    assert result.returncode == 2 and "age 'old'" in result.stderr and "Traceback" not in result.stderr
