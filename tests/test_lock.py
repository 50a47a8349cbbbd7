"""The requirements files name every package our code imports, and the lock files
(scripts/lock.sh) agree with them: every pinned package is locked at its pinned version, with
hashes, and the dev lock holds everything the app's lock does."""

import ast
import re
import sys
from importlib.metadata import packages_distributions

import pytest
from paths import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\[\]-]+)==([^\s;#]+)", re.MULTILINE)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {re.sub(r"\[.*\]", "", n).lower().replace("_", "-"): v for n, v in PIN.findall(text)}


@pytest.mark.parametrize(
    "requirements, lock", [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]
)
def test_every_pin_is_locked_at_its_version(requirements, lock):
    wanted = pins(requirements)
    if requirements == "requirements-dev.txt":
        wanted |= pins("requirements.txt")
    locked = pins(lock)
    assert wanted, requirements
    assert {n: v for n, v in wanted.items() if locked.get(n) != v} == {}


def test_every_locked_package_has_a_hash():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lock).read_text(encoding="utf-8").strip())
        packages = [e for e in entries if not e.startswith("#")]
        assert packages and all("--hash=sha256:" in e for e in packages), lock


def test_the_dev_lock_holds_the_app_lock():
    app, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {n: v for n, v in app.items() if dev.get(n) != v} == {}


# The app's code needs requirements.txt only; the tests, tools and benchmarks may also use the dev
# requirements. Our own modules: these folders' packages, the helper modules on pytest.ini's
# pythonpath (tests/browser, tests, tools and the top folder), and the benchmarks (a benchmark run
# as a script imports its neighbours).
APP_CODE = ("app.py", "trigger_map", "ui", "pages", "deploy")
DEV_CODE = ("tests", "tools", "benchmarks")
HELPER_FOLDERS = ("tests/browser", "tests", "tools", ".", "benchmarks")


def _imported(paths) -> dict[str, str]:
    """Top-level names of the modules imported (absolutely) by the Python files under `paths`, each
    with one file that imports it; the standard library and our own modules left out."""
    own = {p.name for p in ROOT.iterdir() if p.is_dir()}
    own |= {f.stem for folder in HELPER_FOLDERS for f in (ROOT / folder).glob("*.py")}
    found: dict[str, str] = {}
    for path in paths:
        files = [ROOT / path] if path.endswith(".py") else sorted((ROOT / path).rglob("*.py"))
        for file in files:
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in own:
                        found.setdefault(top, str(file.relative_to(ROOT)))
    return found


def _undeclared(imported: dict[str, str], declared: set[str]) -> dict[str, str]:
    distributions = packages_distributions()
    undeclared = {}
    for module, where in imported.items():
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        if not names & declared:
            undeclared[module] = f"{where} imports it; installed from {sorted(names) or 'nothing'}"
    return undeclared


def test_every_package_our_code_imports_is_a_requirement():
    app = set(pins("requirements.txt"))
    assert _undeclared(_imported(APP_CODE), app) == {}
    assert _undeclared(_imported(DEV_CODE), app | set(pins("requirements-dev.txt"))) == {}
