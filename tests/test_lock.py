"""The lock files (scripts/lock.sh) agree with the requirements files: every pinned package is
locked at its pinned version, with hashes, and the dev lock holds everything the app's lock does."""

import re

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
