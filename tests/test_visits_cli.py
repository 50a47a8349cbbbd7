"""`python -m trigger_map visits ...` against the database TRIGGER_MAP_DB names (a SQLite file,
and the test PostgreSQL server)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from cli_run import Result, run_cli
from paths import ROOT


def cli(url: str, *args: str) -> Result:
    """The command line in this process (tests/cli_run.py) on the database `url`; the default-file
    test below starts a real process."""
    return run_cli(*args, env={"TRIGGER_MAP_DB": url})


def ok(url: str, *args: str):
    result = cli(url, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_add_list_progress_export_delete(database_url):
    first = json.loads(
        ok(
            database_url,
            *("visits", "add", "--json", "--client", "TM-07", "--areas", "temple-l:7", "jaw-l:3", "palm-r:2"),
            *("--symptom", "headache", "--symptom", "jaw pain", "--condition", "tension-type headache"),
            *("--treated", "upper-trapezius-1@left", "--note", "=first visit", "--date", "2026-11-01"),
        )
    )
    ok(database_url, "visits", "add", "--client", "TM-07", "--areas", "temple-l:4", "--date", "2026-11-15")
    ok(database_url, "visits", "add", "--client", "OTHER", "--areas", "calf-r:5", "--date", "2026-11-02")

    assert json.loads(ok(database_url, "visits", "clients", "--json")) == ["OTHER", "TM-07"]
    visits = json.loads(ok(database_url, "visits", "list", "--json", "--client", "TM-07"))
    assert [v["date"] for v in visits] == ["2026-11-01", "2026-11-15"]
    assert visits[0]["id"] == first["visit"]
    assert visits[0]["areas"] == {"temple-l": 7, "jaw-l": 3, "palm-r": 2}
    assert visits[0]["symptoms"] == ["headache", "jaw-pain"]
    assert visits[0]["condition"] == "tension-type-headache"
    assert visits[0]["treated"] == ["upper-trapezius-1@left"]
    assert visits[0]["note"] == "=first visit"

    progress = json.loads(ok(database_url, "visits", "progress", "--json", "--client", "TM-07"))
    assert [(p["date"], p["total_severity"], p["areas"]) for p in progress] == [
        ("2026-11-01", 12, 3),
        ("2026-11-15", 4, 1),
    ]
    # temple, jaw and palm lie in three CHOIR segments and three Michigan areas; the palm is no WPI area
    assert [(p["choir"], p["michigan"], p["wpi"]) for p in progress] == [(3, 3, 1), (1, 1, 0)]
    assert progress[0]["share_of_body"] > progress[1]["share_of_body"] > 0

    rows = list(csv.DictReader(io.StringIO(ok(database_url, "visits", "export", "--client", "TM-07").lstrip("\ufeff"))))
    assert [(r["date"], r["area"], r["severity"]) for r in rows] == [
        ("2026-11-01", "temple-l", "7"),
        ("2026-11-01", "jaw-l", "3"),
        ("2026-11-01", "palm-r", "2"),
        ("2026-11-15", "temple-l", "4"),
    ]
    assert rows[0]["note"] == "'=first visit"  # a spreadsheet would run it as a formula
    document = json.loads(ok(database_url, "visits", "export", "--client", "TM-07", "--format", "json"))
    assert document["client"] == "TM-07" and len(document["visits"]) == 2 and len(document["progress"]) == 2

    assert json.loads(ok(database_url, "visits", "delete-client", "TM-07", "--json")) == {"deleted_visits": 2}
    assert json.loads(ok(database_url, "visits", "clients", "--json")) == ["OTHER"]
    assert cli(database_url, "visits", "list", "--json", "--client", "TM-07").returncode == 2


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("visits", "add", "--client", "Jane Smith", "--areas", "temple-l:3"), "not a valid client code"),
        (("visits", "add", "--client", "C1", "--areas", "temple-l:11"), "0 to 10"),
        (("visits", "add", "--client", "C1", "--areas", "temple-l:two"), "whole number"),
        (("visits", "add", "--client", "C1", "--areas", "nose-l:3"), "unknown region id(s): 'nose-l'"),
        (("visits", "add", "--client", "C1", "--areas", "temple-l:3", "--date", "2026-02-30"), "not a date"),
        (("visits", "add", "--client", "C1", "--areas", "temple-l:3", "--symptom", "qqqqqq"), "--symptom"),
        (("visits", "add", "--client", "C1", "--areas", "temple-l:3", "--treated", "nope@left"), "--treated"),
        (("visits", "add", "--client", "C1"), "--areas"),
        (("visits", "list", "--client", "NOBODY"), "no client with that code"),
        (("visits", "progress", "--client", "bad code!"), "not a valid client code"),
        (("visits", "export", "--client", "C1", "--format", "xml"), "invalid choice"),
        (("visits", "delete-client", "NOBODY"), "no client with that code"),
    ],
)
def test_bad_input_gets_one_line_and_status_2(tmp_path, args, says):
    result = cli(f"sqlite:///{tmp_path / 'v.sqlite3'}", *args)
    assert result.returncode == 2, result.stdout
    assert says in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "Jane" not in result.stderr and "NOBODY" not in result.stderr  # no client code in errors


@pytest.mark.parametrize(
    "url",
    ["mysql://someone@localhost/db", "not a url", "postgresql+psycopg://nobody@127.0.0.1:1/none"],
)
def test_a_database_that_cannot_be_used_is_one_line_and_status_2(url):
    result = cli(url, "visits", "clients")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "TRIGGER_MAP_DB" in result.stderr or "cannot be opened" in result.stderr


def test_the_default_database_is_a_file_in_the_user_data_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TRIGGER_MAP_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path)  # platformdirs' user data folder on Linux
    result = subprocess.run(
        [sys.executable, "-m", "trigger_map", "visits", "add", "--client", "D1", "--areas", "calf-l:2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "trigger-map" / "visits.sqlite3").exists()
