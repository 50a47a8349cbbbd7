"""Bad input of every kind, each with the message it must give: broken data files, hostile links on
every page, bad command lines, handout notes. Nothing may crash, and nothing from a link or a data
file may show as Markdown.

Each table row is one kind of bad input. A data file the app refuses gives the same problems as
`python -m trigger_map validate`, because both load through `trigger_map.validate`.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import tomllib
from html import escape
from pathlib import Path

import pytest
from app_run import ENTRY, page_script, rewrite
from cli_run import run_cli
from paths import MINI_BODY, MINI_DATA, ROOT
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from trigger_map.data import DatasetError
from trigger_map.links import read_explorer, read_pain
from trigger_map.validate import load_engine, validate
from ui.text import plain

# ---------------------------------------------------------------------------------------------
# Data files: one broken cell (file, row, column, value) -> the problem it must give.
CELLS = [
    # zones the app once crashed on (KeyError) while `validate` rejected them
    (
        "trigger_points.csv",
        2,
        "essential_zones",
        "nowhere",
        "trigger_points.csv:2:essential_zones: unknown region 'nowhere'",
    ),
    (
        "trigger_points.csv",
        2,
        "essential_zones",
        "temple-l",
        "trigger_points.csv:2:essential_zones: unknown region 'temple-l'",
    ),
    (
        "trigger_points.csv",
        2,
        "essential_zones",
        "Temple",
        "trigger_points.csv:2:essential_zones: unknown region 'Temple'",
    ),
    ("trigger_points.csv", 2, "essential_zones", ":both", "trigger_points.csv:2:essential_zones: unknown region ''"),
    # ...and the kinds the app once loaded silently
    (
        "trigger_points.csv",
        2,
        "essential_zones",
        "temple:sideways",
        "trigger_points.csv:2:essential_zones: 'temple:sideways': after ':' write 'both' or 'opposite'",
    ),
    (
        "trigger_points.csv",
        2,
        "spillover_zones",
        "breastbone:opposite",
        "trigger_points.csv:2:spillover_zones: 'breastbone:opposite': breastbone is unpaired",
    ),
    ("trigger_points.csv", 2, "x", "5", "trigger_points.csv:2:x: point (5.0, 175.0) lies outside the body"),
    (
        "trigger_points.csv",
        2,
        "location_region",
        "elbow",
        "trigger_points.csv:2:location_region: unknown region 'elbow'",
    ),
    (
        "trigger_points.csv",
        2,
        "location_region",
        "Temple",
        "trigger_points.csv:2:location_region: is not a region name",
    ),
    (
        "trigger_points.csv",
        2,
        "referral",
        "As shown [nobody-1999].",
        "trigger_points.csv:2:referral: cites unknown source [nobody-1999]",
    ),
    (
        "muscles.csv",
        2,
        "description",
        "Known [nobody-2000; book-a].",
        "muscles.csv:2:description: cites unknown source [nobody-2000]",
    ),
    (
        "trigger_points.csv",
        2,
        "source_detail",
        "Author et al. 2000, ch. 1",
        "trigger_points.csv:2:source_detail: 'Author et al. 2000, ch. 1' does not start as one of the row's "
        "sources is cited (Author 2000)",
    ),
    ("red_flags.csv", 2, "regions", "belly", "red_flags.csv:2:regions: unknown region 'belly'"),
    # lists that name nothing, control characters
    ("trigger_points.csv", 2, "essential_zones", ";;", "trigger_points.csv:2:essential_zones: ';;' names nothing"),
    ("trigger_points.csv", 3, "symptoms", " ; ", "trigger_points.csv:3:symptoms: ' ; ' names nothing"),
    ("conditions.csv", 2, "muscles", ";", "conditions.csv:2:muscles: ';' names nothing"),
    (
        "trigger_points.csv",
        2,
        "name",
        "mid\x00fibres",
        "trigger_points.csv:2:name: contains a control character (U+0000)",
    ),
    (
        "muscles.csv",
        2,
        "description",
        "red \x1b[31m text",
        "muscles.csv:2:description: contains a control character (U+001B)",
    ),
    ("sources.csv", 2, "citation", "Someone\x7f 1999", "sources.csv:2:citation: contains a control character (U+007F)"),
    # numbers that are no coordinate
    ("trigger_points.csv", 2, "x", "inf", "trigger_points.csv:2:x: must be a number from 0 to 1200"),
    ("trigger_points.csv", 2, "y", "1e400", "trigger_points.csv:2:y: must be a number from 0 to 900"),
    ("trigger_points.csv", 2, "x", "-1", "trigger_points.csv:2:x: must be a number from 0 to 1200"),
    ("trigger_points.csv", 2, "x", "nan", "trigger_points.csv:2:x: is empty or not a number"),
    ("trigger_points.csv", 2, "y", "1" * 400, "trigger_points.csv:2:y: must be a number from 0 to 900"),
    ("trigger_points.csv", 2, "y", "twelve", "trigger_points.csv:2:y: 'twelve' is not a number"),
    # ids and references
    (
        "trigger_points.csv",
        3,
        "id",
        "upper-trapezius-1",
        "trigger_points.csv:3:id: duplicate value 'upper-trapezius-1'",
    ),
    ("muscles.csv", 2, "id", "Upper_Trapezius", "muscles.csv:2:id: is not a slug"),
    ("muscles.csv", 2, "action", "Lifts the shoulder.", "muscles.csv:2:action: ends with a full stop (leave it out)"),
    ("conditions.csv", 2, "red_flags", "sudden-doom", "conditions.csv:2:red_flags: unknown id 'sudden-doom'"),
    ("benefits.csv", 2, "conditions", "gout", "benefits.csv:2:conditions: unknown id 'gout'"),
    ("symptoms.csv", 2, "kind", "itch", "symptoms.csv:2:kind: must be one of: pain, other"),
    ("sources.csv", 2, "kind", "rumour", "sources.csv:2:kind: must be one of"),
]


@pytest.fixture
def broken(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI_DATA, target)
    return target


def refused_alike(data_dir: Path, svg: Path = MINI_BODY) -> list[str]:
    """The problems `validate` lists; the app's loader must refuse the data with the same list."""
    found = [str(p) for p in validate(data_dir, svg)]
    assert found, "the broken data passed validate"
    with pytest.raises(DatasetError) as error:
        load_engine(data_dir, svg)
    assert [str(p) for p in error.value.problems] == found
    return found


@pytest.mark.parametrize(
    "file, row, column, value, expected", CELLS, ids=[f"{c[0]}:{c[2]}={c[3][:20]!r}" for c in CELLS]
)
def test_a_broken_cell_is_refused_by_validate_and_the_app_alike(broken, file, row, column, value, expected):
    rewrite(broken / file, row, column, value)
    found = refused_alike(broken)
    assert any(expected in p for p in found), found


def _write(name: str, content: bytes):
    def change(folder: Path) -> None:
        (folder / name).write_bytes(content)

    return change


def _as_folder(name: str):
    def change(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()

    return change


def _prepend(name: str, content: bytes):
    def change(folder: Path) -> None:
        (folder / name).write_bytes(content + (folder / name).read_bytes())

    return change


def _append(name: str, content: bytes):
    def change(folder: Path) -> None:
        (folder / name).write_bytes((folder / name).read_bytes() + content)

    return change


# Whole files: a change to the data folder -> the problem it must give.
FILES = [
    ("only a newline", _write("symptoms.csv", b"\n"), "symptoms.csv: file is empty: it needs a header row"),
    ("zero bytes", _write("benefits.csv", b""), "benefits.csv: file is empty"),
    ("only spaces and commas", _write("sources.csv", b" , ,\n"), "sources.csv: file is empty"),
    ("not UTF-8", _write("muscles.csv", b"id,name\n\xff\xfe\xfa,x\n"), "muscles.csv: cannot be read as CSV"),
    (
        "an unquoted comma",
        _append("symptoms.csv", b"cramp,cramp, or spasm,pain,A cramp.\n"),
        "symptoms.csv:4: has 5 cells but the header has 4 (a comma inside a text needs quotes)",
    ),
    (
        "a NUL byte in a row",
        _append("symptoms.csv", b"cramp,cr\x00amp,pain,A cramp.\n"),
        "symptoms.csv:4:label: contains a control character (U+0000)",
    ),
    ("a folder in its place", _as_folder("conditions.csv"), "conditions.csv: cannot be read: Is a directory"),
    ("missing", lambda folder: (folder / "red_flags.csv").unlink(), "red_flags.csv: file is missing"),
    (
        "a column missing",
        _write("symptoms.csv", b"id,label,kind\nx,x,pain\n"),
        "symptoms.csv:description: column is missing",
    ),
    (
        "an extra column",
        _write("symptoms.csv", b"id,label,kind,description,extra\nx,x,pain,d,e\n"),
        "symptoms.csv:extra: unexpected column",
    ),
    (
        "header only",
        _write("trigger_points.csv", (MINI_DATA / "trigger_points.csv").read_bytes().splitlines(True)[0]),
        "muscles.csv:2:id: muscle has no trigger point",
    ),
]


@pytest.mark.parametrize("kind, change, expected", FILES, ids=[f[0] for f in FILES])
def test_a_broken_file_is_refused_by_validate_and_the_app_alike(broken, kind, change, expected):
    change(broken)
    found = refused_alike(broken)
    assert any(expected in p for p in found), found


def test_a_spreadsheets_byte_order_mark_is_accepted(broken):
    _prepend("muscles.csv", b"\xef\xbb\xbf")(broken)
    assert validate(broken, MINI_BODY) == []


# The data folder and the drawing themselves.
FOLDERS = [
    (
        "a folder that does not exist",
        lambda tmp: (tmp / "nowhere", MINI_BODY),
        "is not a folder holding the data files",
    ),
    (
        "a file, not a folder",
        lambda tmp: (MINI_DATA / "muscles.csv", MINI_BODY),
        "is not a folder holding the data files",
    ),
    ("a drawing that does not exist", lambda tmp: (MINI_DATA, tmp / "none.svg"), "none.svg: file is missing"),
    ("a CSV as the drawing", lambda tmp: (MINI_DATA, MINI_DATA / "muscles.csv"), "is not a body drawing (an SVG file)"),
    ("an empty drawing", lambda tmp: (MINI_DATA, _touch(tmp / "empty.svg")), "is not a body drawing (an SVG file)"),
    ("a folder as the drawing", lambda tmp: (MINI_DATA, tmp), "cannot be read: Is a directory"),
]


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize("kind, where, expected", FOLDERS, ids=[f[0] for f in FOLDERS])
def test_a_bad_folder_or_drawing_is_refused_alike(tmp_path, kind, where, expected):
    data_dir, svg = where(tmp_path)
    found = refused_alike(data_dir, svg)
    assert any(expected in p for p in found), found


# ---------------------------------------------------------------------------------------------
# Links, read by the pages' parsers: (parameters) -> what is kept, and the notice.
SEVERITIES = [
    ("inf", None),
    ("-inf", None),
    ("1e400", None),
    ("9" * 400, None),
    ("nan", None),
    ("abc", None),
    ("0x10", None),
    ("7.9", 7),
    ("-3", 0),
    ("99", 10),
    ("1e-400", 0),
    (" 4 ", 4),
]


@pytest.mark.parametrize("text, level", SEVERITIES, ids=[s[0][:12] for s in SEVERITIES])
def test_a_severity_in_a_link_is_a_number_from_0_to_10_or_a_notice(mini_engine, text, level):
    view = read_pain({"areas": f"temple-r:{text}"}, mini_engine)
    assert view.areas == {"temple-r": level}
    if level is None:
        assert view.notices == [f"Ignored a severity that is not a number from 0 to 10 ({text[:10]!r})."]
    else:
        assert view.notices == []


def test_a_link_with_thousands_of_areas_reads_only_the_first_ones(mini_engine):
    view = read_pain({"areas": ",".join(["temple-r:3"] * 5000 + ["jaw-r"])}, mini_engine)
    assert view.areas == {"temple-r": 3}


PARSED_LINKS = [
    ("explorer", {"region": "temple-r\x00"}, "The link names an area we don't know"),
    ("explorer", {"region": "x" * 10_000}, "The link names an area we don't know ('" + "x" * 40 + "')"),
    ("explorer", {"tp": "temporalis-1@up"}, "The link names a trigger point we don't know ('temporalis-1@up')"),
    ("explorer", {"region": ["jaw-r", "temple-r"], "tp": []}, None),
    ("pain", {"areas": ",,,:5,temple-r:"}, "The link names areas we don't know: ''."),
    ("pain", {"symptoms": "dizziness,,hiccups"}, "Some symptoms in the link are unknown and were left out."),
    ("pain", {"condition": "Tension-Headache"}, "The link names a condition we don't know ('Tension-Headache')"),
    ("pain", {"tp": "temporalis-1"}, "The link names a trigger point we don't know ('temporalis-1')"),
]


@pytest.mark.parametrize("page, params, notice", PARSED_LINKS, ids=[f"{p[0]}-{next(iter(p[1]))}" for p in PARSED_LINKS])
def test_a_bad_link_value_is_dropped_with_a_notice(mini_engine, page, params, notice):
    view = (read_explorer if page == "explorer" else read_pain)(params, mini_engine)
    if notice is None:
        assert view.notices == []
    else:
        assert any(n.startswith(notice) for n in view.notices), view.notices


# ---------------------------------------------------------------------------------------------
# The command line: arguments -> exit status and the one line it must print.
CLI = [
    (["suggest", "temple-r=abc"], 2, "argument regions: severity in 'temple-r=abc': 'abc' is not a number"),
    (
        ["suggest", "temple-r=nan"],
        2,
        "argument regions: severity in 'temple-r=nan': 'nan' must be a number from 0 to 10",
    ),
    (["suggest", "temple-r=inf"], 2, "must be a number from 0 to 10"),
    (["suggest", "temple-r=11"], 2, "must be a number from 0 to 10"),
    (["suggest", "=3"], 2, "argument regions: '=3' names no region"),
    (["suggest", "--limit", "-1", "temple-r"], 2, "argument --limit: '-1' must be 1 or more"),
    (["suggest", "--limit", "0", "temple-r"], 2, "argument --limit: '0' must be 1 or more"),
    (["suggest", "--limit", "two", "temple-r"], 2, "argument --limit: 'two' is not a whole number"),
    (["suggest", "--symptom", "hiccups", "temple-r"], 2, "argument --symptom: no symptom matches 'hiccups'"),
    (["suggest", "nowhere-r"], 2, "argument regions: unknown region id(s): 'nowhere-r'"),
    (["suggest"], 2, "the following arguments are required: regions"),
    (["place", "temple", "nan", "nan"], 2, "argument u: 'nan' must be a number from 0 to 1"),
    (["place", "temple", "inf", "0.5"], 2, "argument u: 'inf' must be a number from 0 to 1"),
    (["place", "temple", "0.5", "1.5"], 2, "argument v: '1.5' must be a number from 0 to 1"),
    (["place", "temple", "0.5", "x"], 2, "argument v: 'x' is not a number"),
    (["place", "elbow", "0.5", "0.5"], 2, "unknown region name 'elbow'"),
    (["place", "temple", "0.5", "0.5", "--side", "up"], 2, "argument --side: invalid choice: 'up'"),
    (["--body", "/nonexistent.svg", "regions"], 2, "argument --body: file is missing (/nonexistent.svg)"),
    (
        ["--body", str(MINI_DATA / "muscles.csv"), "place", "temple", "0.5", "0.5"],
        2,
        "argument --body: is not a body drawing (an SVG file)",
    ),
    (["--body", "/etc/passwd", "regions"], 2, "argument --body: is not a body drawing (an SVG file)"),
    (["--body", str(MINI_DATA), "suggest", "temple-r"], 2, "argument --body: cannot be read: Is a directory"),
    (["frobnicate"], 2, "argument command: invalid choice: 'frobnicate'"),
    ([], 2, "the following arguments are required: command"),
    (["muscle", ""], 2, "no muscle matches ''"),
    (["condition", "gout"], 2, "no condition matches 'gout'"),
    (["validate", "/nonexistent"], 1, "/nonexistent: is not a folder holding the data files"),
    (["validate", "/proc/1/root"], 1, "/proc/1/root: cannot be read: Permission denied"),
]


def run(argv: list[str], capsys, mini: bool = True) -> tuple[int, str, str]:
    options = ["--data", str(MINI_DATA), "--body", str(MINI_BODY)] if mini else []
    if argv and argv[0] == "--body":
        options = ["--data", str(MINI_DATA)]
    result = run_cli(*options, *argv)  # argparse's own errors included
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("argv, status, message", CLI, ids=[" ".join(c[0])[:40] or "nothing" for c in CLI])
def test_a_bad_command_line_gives_one_line_and_its_status(capsys, argv, status, message):
    if "/proc/1/root" in argv and os.access("/proc/1/root", os.R_OK):
        pytest.skip("this machine lets the tests read /proc/1/root")
    got, out, err = run(argv, capsys)
    assert got == status, (out, err)
    lines = err.strip().splitlines()
    if status == 2:
        assert len(lines) == 1 and message in lines[0], err  # one line, naming the argument
    else:
        assert message in err + out, err
    assert "Traceback" not in err + out


def test_a_reader_that_stops_early_gets_no_traceback():
    """`regions --json | head -1`: the pipe closes while we write."""
    shell = subprocess.run(
        f"{sys.executable} -m trigger_map regions --json | head -1",
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shell.stdout == "[\n"
    assert shell.stderr == ""


def test_a_bad_argument_on_the_real_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "trigger_map", "suggest", "temple-l=abc"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "python -m trigger_map suggest: argument regions: severity in "
        "'temple-l=abc': 'abc' is not a number (see --help)\n"
    )


def test_the_command_line_refuses_what_validate_refuses(broken, capsys):
    rewrite(broken / "trigger_points.csv", 2, "essential_zones", "temple-l")
    status, out, err = run(["--data", str(broken), "suggest", "temple-r"], capsys, mini=False)
    assert status == 1 and out == ""
    assert "trigger_points.csv:2:essential_zones: unknown region 'temple-l'" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------
# Markdown injection: text from a link or a data file is shown as text on every page, never as a
# link, an image, coloured text, an icon or a formula.
HOSTILE = (
    "[Call 0800 123](https://evil.example) ![x](https://evil.example/p.png) "
    ":red[**URGENT: call us**] :material/warning: $x^2$ <b>bold</b> www.evil.example"
)
MARKUP = re.compile(r"\]\(https?://evil|!\[x\]|:red\[|:material/warning:|\$x\^2\$|<b>|\*\*URGENT")
LIVE_HTML = re.compile(r"<b>bold</b>|(href|src)=\"https?://evil")  # the data's markup, live in a block
MARKDOWN_ELEMENTS = {
    "Markdown",
    "Caption",
    "Subheader",
    "Header",
    "Title",
    "Info",
    "Warning",
    "Error",
    "Success",
    "Toast",
}
PLAIN_WIDGETS = {"Selectbox", "Multiselect", "TextArea", "TextInput", "Code"}  # shown as plain text


def shown_markdown(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer: Markdown elements, notices,
    widget and link labels, radio options."""
    shown: list[str] = []

    def walk(node) -> None:
        kind = type(node).__name__
        if kind in MARKDOWN_ELEMENTS:
            shown.append(str(node.value))
        elif kind not in PLAIN_WIDGETS:
            proto = getattr(node, "proto", None)
            label = getattr(proto, "label", None)
            if isinstance(label, str) and label:
                shown.append(label)
            if kind == "Radio":
                shown.extend(str(option) for option in node.options)
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else ():
            walk(child)

    walk(at._tree)
    return shown


def unescaped(text: str) -> str:
    """The text with every backslash-escaped character removed: what is left is live markup."""
    return re.sub(r"\\.", "", text)


def page_run(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    if page != "explorer":
        at.switch_page(page_script(page))
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def live_markup(at: AppTest) -> list[str]:
    return [text for text in shown_markdown(at) if MARKUP.search(unescaped(text))]


FREE_TEXT = {  # every column of text a person writes (ids, choices, numbers and lists excepted)
    "muscles.csv": ("name", "anatomical_name", "origin", "insertion", "action", "innervation", "description"),
    "conditions.csv": ("name", "description", "evidence"),
    "benefits.csv": ("name", "description", "evidence"),
    "symptoms.csv": ("label", "description"),
    "red_flags.csv": ("title", "message"),
    "trigger_points.csv": ("name", "location", "referral", "activators", "self_care", "precautions", "source_detail"),
    "sources.csv": ("citation", "note"),
}


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """The mini dataset with every free text replaced by markup (numbered, so names stay unique);
    it passes validate: markup is not a data error, it must simply show as text."""
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(MINI_DATA, target)
    for file, columns in FREE_TEXT.items():
        with open(target / file, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            fields, rows = reader.fieldnames, list(reader)
        for number, row in enumerate(rows, start=1):
            for column in columns:
                row[column] = f"{column} {number} {HOSTILE}"
        with open(target / file, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    assert validate(target, MINI_BODY) == []
    return target


HOSTILE_DATA_PAGES = [
    ("explorer", {"region": "temple-r"}),
    ("where_it_hurts", {"areas": "temple-r,jaw-r"}),
    ("conditions", {}),
    ("conditions", {"condition": "tension-headache"}),
    ("muscles", {"muscle": "upper-trapezius"}),
    ("benefits", {"benefit": "pain-relief"}),
    ("quiz", {}),
    ("nmt", {}),
    ("evidence", {}),
]


@pytest.mark.parametrize(
    "page, params", HOSTILE_DATA_PAGES, ids=[f"{p}-{'-'.join(q) or 'plain'}" for p, q in HOSTILE_DATA_PAGES]
)
def test_markup_in_the_data_shows_as_text(hostile_data, monkeypatch, page, params):
    monkeypatch.setenv("TRIGGER_MAP_DATA", str(hostile_data))
    monkeypatch.setenv("TRIGGER_MAP_BODY", str(MINI_BODY))
    at = page_run(page, **params)
    shown = shown_markdown(at)
    assert live_markup(at) == []
    # HTML blocks (a trigger point's details): the data's text is there escaped, none of it as a tag
    blocks = [block.proto.body for block in at.html]
    assert not [b for b in blocks if LIVE_HTML.search(b)], blocks
    if page not in ("nmt", "evidence"):  # pages that show data texts: the escaped text is there
        assert any(plain(HOSTILE) in text for text in shown) or any(escape(HOSTILE) in b for b in blocks), shown


HOSTILE_LINKS = [
    ("explorer", "region"),
    ("explorer", "tp"),
    ("where_it_hurts", "areas"),
    ("where_it_hurts", "condition"),
    ("where_it_hurts", "tp"),
    ("conditions", "condition"),
    ("muscles", "muscle"),
    ("benefits", "benefit"),
    ("quiz", "seed"),
    ("quiz", "n"),
    ("quiz", "areas"),
    ("quiz", "kinds"),
]
LINK_ATTACKS = [
    "[Call 0800 123](https://evil.example)",
    "![x](https://evil.example/p.png)",
    ":red[**URGENT: call us**]",
]


@pytest.mark.parametrize("page, param", HOSTILE_LINKS, ids=[f"{p}-{q}" for p, q in HOSTILE_LINKS])
def test_markup_in_a_link_shows_as_text_in_the_notice(monkeypatch, page, param):
    monkeypatch.setenv("TRIGGER_MAP_DATA", str(MINI_DATA))
    monkeypatch.setenv("TRIGGER_MAP_BODY", str(MINI_BODY))
    attack = LINK_ATTACKS[HOSTILE_LINKS.index((page, param)) % len(LINK_ATTACKS)]
    if param == "areas":  # ':' starts the severity and ',' the next area: an image with no scheme
        attack = "![x](evil.example/p.png)"
    at = page_run(page, **{param: attack})
    notices = [i.value for i in at.info if "link" in i.value]
    assert len(notices) == 1, notices
    assert plain(attack[:30]) in notices[0]  # quoted, as text
    assert live_markup(at) == []
    assert all(not re.search(r"[\[\]()!*:<>]", unescaped(n)) for n in notices)  # the notice is text only


SEVERITY_LINKS = ["temple-l:inf", "temple-l:-inf", "temple-l:1e400", "temple-l:" + "9" * 400, "temple-l:nan"]


@pytest.mark.parametrize("areas", SEVERITY_LINKS, ids=[a[9:20] for a in SEVERITY_LINKS])
def test_where_it_hurts_survives_a_severity_that_is_no_number(areas):
    at = page_run("where_it_hurts", areas=areas)
    assert at.session_state["pain_areas"] == {"temple-l": None}
    assert any("not a number from 0 to 10" in i.value for i in at.info)
    at.run()  # and the page keeps working in that tab
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["pain_areas"] == {"temple-l": None}


# ---------------------------------------------------------------------------------------------
# What a client sees when something does go wrong, and what a table hands a spreadsheet.
def test_production_config_hides_error_details_and_the_tables_own_export():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["disableDataExport"] is True


def test_a_crash_box_shows_a_plain_sentence_without_paths(tmp_path):
    script = tmp_path / "crash.py"
    script.write_text('raise RuntimeError("/srv/secret/app.py failed")\n', encoding="utf-8")
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    streamlit_config.set_option("client.showErrorDetails", config["client"]["showErrorDetails"])
    try:
        at = AppTest.from_file(str(script), default_timeout=60).run()
    finally:
        streamlit_config.set_option("client.showErrorDetails", "full")  # as tests/conftest.py sets it
    (box,) = at.exception
    assert "has encountered an error" in box.value
    assert "/srv/secret" not in box.value and not box.stack_trace and "RuntimeError" not in str(box.proto)


def download_buttons(at: AppTest) -> dict[str, str]:
    """label -> file name of every download button on the page."""
    found = {}

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if type(proto).__name__ == "DownloadButton":
            found[proto.label] = proto.id
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else ():
            walk(child)

    walk(at._tree)
    return found


@pytest.mark.parametrize(
    "page, params, section", [("muscles", {}, None), ("where_it_hurts", {"areas": "temple-r"}, "pain_why")]
)
def test_each_table_offers_a_csv_that_neutralises_formulas(page, params, section):
    at = page_run(page, **params)
    if section:  # the table is made when its section is opened
        at.session_state[section] = True
        at.run()
    assert "Download as CSV" in download_buttons(at)


# ---------------------------------------------------------------------------------------------
# Handout notes: (kind, note) -> printed as written, or the code points it cannot print, named.
NOTES = [
    ("emoji", "\U0001f600 twice a day \U0001f44d", None),
    ("Chinese", "\u6bcf\u5929\u4e24\u6b21", None),
    ("Japanese", "\u4e00\u65e5\u4e8c\u56de\u3001\u3084\u3055\u3057\u304f", None),
    ("Korean", "\ud558\ub8e8 \ub450 \ubc88", None),
    ("Arabic", "\u0645\u0631\u062a\u064a\u0646 \u0641\u064a \u0627\u0644\u064a\u0648\u0645", None),
    ("Hebrew", "\u05e4\u05e2\u05de\u05d9\u05d9\u05dd \u05d1\u05d9\u05d5\u05dd", None),
    ("both directions", "Press 30 s \u0645\u0631\u062a\u064a\u0646 then \u05e4\u05e2\u05de\u05d9\u05d9\u05dd", None),
    ("a newer emoji", "melting \U0001fae0", "U+1FAE0"),
    ("private use", "\ue000 mark", "U+E000"),
    ("a lone surrogate", "x\ud800y", "U+D800"),
    ("control characters", "a\x00b\x1bc", None),
    ("markup", "<b>**bold**</b> [link](https://evil.example)", None),
    ("600 characters", "press " * 100, None),
    ("a right-to-left override", "\u202eevil", None),
]


@pytest.mark.parametrize("kind, note, named", NOTES, ids=[n[0] for n in NOTES])
def test_a_handout_note_prints_or_says_what_it_cannot_print(mini_engine, kind, note, named):
    import io as _io

    from pypdf import PdfReader

    from trigger_map.export import handout_pdf

    data = handout_pdf(mini_engine, "temporalis-1@right", note=note)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(_io.BytesIO(data)).pages).split())
    assert "Note from your therapist" in text
    if named:
        assert f"cannot be printed and show as \ufffd: {named}]" in text
    else:
        assert "cannot be printed" not in text
    if kind == "control characters":
        assert "abc" in text
    if kind == "markup":
        assert "<b>**bold**</b> [link](https://evil.example)" in text  # printed as written


def test_a_note_of_only_spaces_adds_no_note(mini_engine):
    import io as _io

    from pypdf import PdfReader

    from trigger_map.export import handout_pdf

    data = handout_pdf(mini_engine, "temporalis-1@right", note="  \n\t ")
    assert "Note from your therapist" not in PdfReader(_io.BytesIO(data)).pages[0].extract_text()
