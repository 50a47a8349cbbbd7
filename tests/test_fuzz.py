"""Fuzzing with hypothesis: the CSV loaders, the zone syntax, every page's link parser and the
command line's arguments. Whatever comes in, the only errors are our own (a list of problems, a
notice, exit status 1 or 2), never an exception. Example counts are kept small so the suite stays
fast; hypothesis keeps every failure it finds in .hypothesis/ and tries it first next time.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from paths import MINI_BODY, MINI_DATA

from trigger_map.__main__ import main, parser
from trigger_map.body import load_body
from trigger_map.data import DatasetError, Problem, read_tables
from trigger_map.links import read_explorer, read_pain, severity
from trigger_map.referral import body_problems, on_both_sides, parse_zone, resolve_zones
from trigger_map.validate import load_engine, validate
from ui import state
from ui.text import plain

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what breaks parsers: separators, quotes, markup, numbers, control characters.
TOKENS = list("temple-jaw_r:l;,=\"' \n\r\t\x00\x1b[]()!*#@+.0123456789eE") + [
    "inf",
    "nan",
    ":both",
    ":opposite",
    "breastbone",
    "temple",
    "jaw",
    "\u202e",
    "\ufeff",
    "\U0001f600",
    "\u4e2d",
]
NASTY = st.lists(st.sampled_from(TOKENS), max_size=15).map("".join)
ANY_TEXT = st.one_of(NASTY, st.text(max_size=60))


@pytest.fixture(scope="module")
def mini_body():
    return load_body(MINI_BODY)


# --- the zone syntax --------------------------------------------------------------------------
@FAST
@given(essential=ANY_TEXT, spillover=ANY_TEXT)
def test_zones_validate_accepts_resolve_without_error(mini_body, essential, spillover):
    """Whatever a zone cell holds: either validate names the problem, or every zone resolves on
    both sides (the app's KeyError on `temple-l`, `Temple` or `:both` can never come back)."""
    import pandas as pd

    row = {
        "id": "x-1",
        "essential_zones": essential,
        "spillover_zones": spillover,
        "location_region": "temple",
        "view": "front",
        "x": 240.0,
        "y": 75.0,
    }
    problems = body_problems(mini_body, pd.DataFrame([row]))
    assert all(isinstance(p, Problem) for p in problems)
    zone_problems = [p for p in problems if p.column in ("essential_zones", "spillover_zones")]
    if not zone_problems:
        from trigger_map.data import split_list

        for side in ("left", "right"):
            ids = resolve_zones(mini_body, split_list(essential) + split_list(spillover), side)
            assert set(ids) <= set(mini_body.regions)
    for entry in (essential, spillover):
        zone = parse_zone(entry)
        assert isinstance(zone.name, str) and isinstance(zone.mode, str)


# --- the CSV loaders ---------------------------------------------------------------------------
TEXT_COLUMNS = (
    "name",
    "location",
    "essential_zones",
    "spillover_zones",
    "x",
    "y",
    "symptoms",
    "sources",
    "view",
    "location_region",
    "id",
)


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows[row][column] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _refused_alike_or_loaded(folder: Path) -> None:
    """validate lists problems (never raises); load_engine refuses with the same problems, or
    loads and builds every trigger point on both sides."""
    found = validate(folder, MINI_BODY)
    assert all(isinstance(p, Problem) and str(p) for p in found)
    if found:
        with pytest.raises(DatasetError) as error:
            load_engine(folder, MINI_BODY)
        assert error.value.problems == found
    else:
        engine = load_engine(folder, MINI_BODY)
        assert on_both_sides(engine.body, engine.dataset.trigger_points)


@SLOW
@given(column=st.sampled_from(TEXT_COLUMNS), row=st.integers(0, 2), value=ANY_TEXT)
def test_any_cell_value_is_a_problem_or_loads(column, row, value):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(MINI_DATA, folder)
        _set_cell(folder / "trigger_points.csv", row, column, value)
        _refused_alike_or_loaded(folder)


@SLOW
@given(content=st.one_of(st.binary(max_size=200), ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_file_content_is_a_problem_or_loads(content):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(MINI_DATA, folder)
        (folder / "symptoms.csv").write_bytes(content)
        frames, problems = read_tables(folder)
        assert "symptoms.csv" in frames or any(p.file == "symptoms.csv" for p in problems)
        _refused_alike_or_loaded(folder)


# --- the link parsers of every page ------------------------------------------------------------
PARAM_VALUE = st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=3))
EXPLORER_PARAMS = st.dictionaries(st.sampled_from(["region", "tp", "zoom", "other"]), PARAM_VALUE, max_size=4)
PAIN_PARAMS = st.dictionaries(
    st.sampled_from(["areas", "symptoms", "condition", "tp", "other"]), PARAM_VALUE, max_size=5
)


@FAST
@given(params=EXPLORER_PARAMS)
def test_any_body_map_link_reads_as_a_view_and_notices(mini_engine, params):
    view = read_explorer(params, mini_engine)
    assert view.region is None or view.region in mini_engine.body.regions
    assert view.trigger_point is None or view.trigger_point in mini_engine.by_key
    assert all(isinstance(n, str) and len(n) < 300 for n in view.notices)


@FAST
@given(params=PAIN_PARAMS)
def test_any_where_it_hurts_link_reads_as_a_view_that_links_back(mini_engine, params):
    view = read_pain(params, mini_engine)
    assert set(view.areas) <= set(mini_engine.body.regions)
    assert all(level is None or 0 <= level <= 10 for level in view.areas.values())
    assert all(isinstance(n, str) and len(n) < 300 for n in view.notices)
    again = read_pain(view.params(), mini_engine)  # the link the page writes reopens the same view
    assert (again.areas, again.symptoms, again.condition, again.trigger_point, again.notices) == (
        view.areas,
        view.symptoms,
        view.condition,
        view.trigger_point,
        [],
    )


@FAST
@given(text=ANY_TEXT)
def test_a_severity_is_a_level_from_0_to_10_or_none(text):
    level = severity(text)
    assert level is None or (isinstance(level, int) and 0 <= level <= 10)


class _FakeStreamlit:
    """What ui.state uses of Streamlit, recorded: a session, the link, notices."""

    def __init__(self, query: dict):
        self.session_state = SimpleNamespace()
        self.session_state.__dict__.update({})
        self.query_params = query
        self.notices: list[str] = []

    def info(self, text: str, icon=None) -> None:
        self.notices.append(text)


class _Session(dict):
    def __getattr__(self, name):
        return self[name]

    def __setattr__(self, name, value):
        self[name] = value


@FAST
@given(param=st.sampled_from(["condition", "muscle", "benefit"]), value=PARAM_VALUE)
def test_the_choice_pages_read_any_link_safely(mini_engine, param, value):
    """Conditions, Muscles and Benefits read their one parameter through ui.state.choice_from_link."""
    valid = {
        "condition": mini_engine.dataset.conditions.index,
        "muscle": mini_engine.dataset.muscles.index,
        "benefit": mini_engine.dataset.benefits.index,
    }[param]
    fake = _FakeStreamlit({param: value})
    fake.session_state = _Session()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(state, "st", fake)
        state.choice_from_link(param, valid, param, f"a {param}")
    chosen = fake.session_state.get(param)
    assert chosen is None or chosen in valid
    assert len(fake.notices) <= 1
    for notice in fake.notices:
        assert not re.search(r"[\[\]()!*_`<>:$]", re.sub(r"\\.", "", notice))  # text only


@FAST
@given(text=st.text(max_size=200))
def test_plain_leaves_no_markup(text):
    shown = plain(text)
    left = re.sub(r"\\.", "", shown)
    assert not re.search(r"[\\`*_{}\[\]()#+\-.!|<>~:$&@\n\r]", left)
    rendered = re.sub(r"\\(.)", r"\1", shown)  # what Streamlit's icon, emoji and link patterns see
    assert not re.search(r":[\w/]+:|(?i:www)\.|://|\w@\w", rendered)
    back = rendered.replace("\u2060", "")
    assert back == re.sub(r"[\r\n\u2028\u2029\x0b\x0c\x85]+", " ", text.replace("\u2060", ""))


# --- the command line --------------------------------------------------------------------------
COMMANDS = ["regions", "suggest", "muscle", "condition", "place", "validate", "flags", "search"]
ARGUMENTS = st.lists(
    st.one_of(
        NASTY,
        st.sampled_from(
            [
                "--json",
                "--limit",
                "--symptom",
                "--side",
                "--age",
                "--kind",
                "--pregnant",
                "-1",
                "0",
                "0.5",
                "1e400",
                "temple",
                "temple-r",
                "temple-r=7",
                "jaw-r=nan",
                "left",
                "right",
                "--data",
                "--body",
                "-h",
            ]
        ),
    ),
    max_size=6,
)


def _parse(program, argv: list[str]) -> tuple[dict | None, int | str | None, str, str]:
    """What a parser makes of argv: the arguments, or its exit status; and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            parsed, status = vars(program.parse_args(argv)), None
    except SystemExit as stop:
        parsed, status = None, stop.code
    return parsed, status, out.getvalue(), err.getvalue()


@FAST
@given(command=st.sampled_from(COMMANDS + ["nonsense", ""]), arguments=ARGUMENTS)
def test_any_arguments_parse_or_give_one_line(command, arguments):
    argv = [command, *arguments]
    parsed, status, out, err = _parse(parser(argv), argv)  # as main parses: the named commands only
    if status is not None:
        assert status in (0, 2)
        if status == 2:
            assert len(err.strip().splitlines()) == 1, err
    # the same result, help and errors as the parser that knows every command's arguments
    assert (parsed, status, out, err) == _parse(parser(), argv)


@SLOW
@given(command=st.sampled_from(COMMANDS), arguments=ARGUMENTS)
@example(command="validate", arguments=["\x00"])  # found by this test: pathlib's resolve() raised ValueError
@example(command="validate", arguments=["\x1b[31m"])  # printed back with its escape shown, not sent to the terminal
def test_any_command_line_runs_or_gives_our_error(command, arguments):
    arguments = [a for a in arguments if a not in ("--data", "--body", "-h")]
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["--data", str(MINI_DATA), "--body", str(MINI_BODY), command, *arguments])
    except SystemExit as stop:
        status = stop.code
    out, err = out.getvalue(), err.getvalue()
    assert status in (0, 1, 2)
    assert "Traceback" not in out + err
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", out + err), "a control character printed raw"
    if status == 2:
        assert len(err.strip().splitlines()) == 1, err
