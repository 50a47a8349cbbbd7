"""The code stays readable: no function of the project's own Python is longer than 60 lines (from its
`def` line to its last line), so each one does one job that a reader can hold in view; and an idea
that has one home is not written out again elsewhere (a trigger point on a side, the frame)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from paths import ROOT

LONGEST = 60
# the project's own Python: the entry point and these folders, all the way down
FILES = ["app.py"]
FOLDERS = ["pages", "ui", "trigger_map", "tools", "benchmarks", "deploy", "scripts", "tests"]
# never ours, or made by tools: virtual environments, caches, build output
SKIPPED = {".venv", "venv", "__pycache__", "build", "dist", "node_modules", ".pytest_cache", ".hypothesis"}


def python_files(root: Path) -> list[Path]:
    found = [root / name for name in FILES if (root / name).exists()]
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            parts = path.relative_to(root).parts
            if not any(p in SKIPPED or p.endswith(".egg-info") for p in parts):
                found.append(path)
    return found


def long_functions(source: str, limit: int = LONGEST) -> list[tuple[str, int, int]]:
    """(name, first line, length in lines) of every function, method or nested function longer than
    `limit` lines, counted from the `def` line (decorators not counted) to the last line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                found.append((node.name, node.lineno, length))
    return found


def body_of(lines: int, decorated: bool = False, is_async: bool = False) -> str:
    """A function that is `lines` long from its `def` to its last line."""
    head = ("@decorator\n" if decorated else "") + ("async " if is_async else "") + "def f():\n"
    return head + "".join(f"    x{i} = {i}\n" for i in range(lines - 1))


def test_the_checker_counts_from_def_to_the_last_line():
    assert long_functions(body_of(60)) == []
    assert long_functions(body_of(61)) == [("f", 1, 61)]
    assert long_functions(body_of(61, decorated=True)) == [("f", 2, 61)]
    assert long_functions(body_of(70, is_async=True)) == [("f", 1, 70)]
    nested = "class C:\n    def method(self):\n" + "".join(f"        y{i} = {i}\n" for i in range(61))
    assert long_functions(nested) == [("method", 2, 62)]


def test_the_project_files_are_found():
    files = {p.relative_to(ROOT).as_posix() for p in python_files(ROOT)}
    for expected in ("app.py", "pages/where_it_hurts.py", "tools/skeleton.py", "tests/test_code_shape.py"):
        assert expected in files
    assert not any(".venv" in f or "__pycache__" in f for f in files)


def test_no_function_is_longer_than_60_lines():
    too_long = [
        f"{path.relative_to(ROOT)}:{line} {name} is {length} lines (at most {LONGEST})"
        for path in python_files(ROOT)
        for name, line, length in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not too_long, "split these by job:\n" + "\n".join(too_long)


# The app's own code (the tests may write these out to check them).
APP_CODE = [p for p in python_files(ROOT) if p.relative_to(ROOT).parts[0] not in ("tests",)]
APP_CODE += sorted((ROOT / "ui" / "static").glob("*.js"))
# "id@side" made or read by hand: an f-string joining two names with @, or splitting at @
SIDE_KEY_BY_HAND = re.compile(r"\}@\{|\.(r?partition|split|replace)\(\s*[\"']@[\"']")
# the frame's numbers (trigger_map/frame.py): half a view's width, its width and height, the viewBox
FRAME_NUMBERS = re.compile(r"(?<![\w.])(212|424|848)(?![\w.])|1200 900")


def _written_out(pattern: re.Pattern, home: str) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in APP_CODE
        if path.relative_to(ROOT).as_posix() != home
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]


def test_a_trigger_point_on_a_side_is_made_and_read_in_one_place():
    assert not _written_out(SIDE_KEY_BY_HAND, "trigger_map/referral.py"), "use side_key and split_side_key"


def test_the_frame_is_written_out_in_one_place():
    assert not _written_out(FRAME_NUMBERS, "trigger_map/frame.py"), "use trigger_map/frame.py"


def test_the_palette_is_written_out_in_one_place():
    palette = re.findall(r'^[A-Z_]+ = "(#[0-9a-fA-F]{6})"', (ROOT / "trigger_map/frame.py").read_text(), re.MULTILINE)
    assert len(palette) >= 5
    colours = re.compile("|".join(palette), re.IGNORECASE)
    assert not _written_out(colours, "trigger_map/frame.py"), "use the palette of trigger_map/frame.py"


def test_the_checks_find_what_they_look_for():
    assert SIDE_KEY_BY_HAND.search('key = f"{tp}@{side}"') and SIDE_KEY_BY_HAND.search("tp.split('@')[0]")
    assert SIDE_KEY_BY_HAND.search('key.replace("@", "-")') and not SIDE_KEY_BY_HAND.search('urlencode(p, safe="@")')
    assert FRAME_NUMBERS.search("origin = MIDLINE[view] - 212") and FRAME_NUMBERS.search('viewBox="0 0 1200 900"')
    assert not FRAME_NUMBERS.search("x = 2120 + 0.212")
