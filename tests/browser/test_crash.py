"""A page that fails shows our own plain message (ui/crash.py), never Streamlit's box: not its
sentence about Streamlit Cloud, not the error's type, message, traceback or a server path. The
server's log keeps the details.

A copy of the file the launcher serves (asgi.py) is served from a folder of its own, beside an
app.py that fails on purpose: the same file, so the test fails if the launcher stops wiring the
handler. Chromium draws what a person sees."""

from __future__ import annotations

import shutil

import pytest
from driver import after_change, wait_idle
from paths import ROOT

from trigger_map import local_app
from ui.crash import CRASH_ADVICE, CRASH_TITLE

SECRET = "/srv/secret/trigger-map/key.pem"  # a server path in the error's message

FAILING_APP = f"""
import streamlit as st

st.title("A page that fails")
if st.query_params.get("fail") == "page":
    raise RuntimeError({SECRET!r})


@st.fragment
def part():
    if st.button("Fail in a fragment"):
        raise KeyError({SECRET!r})


part()
"""


@pytest.fixture(scope="module")
def failing_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("failing")
    (folder / "app.py").write_text(FAILING_APP, encoding="utf-8")
    launcher = shutil.copy(ROOT / "asgi.py", folder / "asgi.py")
    log = folder / "server.log"
    # started from the project folder as the launcher is, so its .streamlit/config.toml applies
    app = local_app.start_app(script=launcher, log=log)
    yield app.url, log
    app.stop()


def shows_only_our_message(page) -> None:
    page.locator("[data-testid=stAlertContentWarning], [data-testid=stException]").first.wait_for()
    assert page.get_by_test_id("stException").count() == 0, "Streamlit's crash box, not our message"
    shown = page.get_by_test_id("stAlertContentWarning").inner_text()
    assert CRASH_TITLE in shown and CRASH_ADVICE in shown
    everything = page.locator("body").inner_text()
    for leak in (SECRET, "Streamlit Cloud", "Manage app", "RuntimeError", "KeyError", "Traceback", "redacted"):
        assert leak not in everything


def test_a_page_that_fails_shows_our_message_and_the_log_keeps_the_details(page, failing_app):
    url, log = failing_app
    page.goto(f"{url}/?fail=page")
    wait_idle(page)
    shows_only_our_message(page)
    assert page.get_by_role("heading", name="A page that fails").is_visible()  # what ran before it stays
    logged = log.read_text(encoding="utf-8", errors="replace")
    assert "RuntimeError" in logged and SECRET in logged


def test_a_fragment_that_fails_shows_our_message(phone, failing_app):
    url, _ = failing_app
    phone.goto(url)
    wait_idle(phone)
    assert phone.get_by_test_id("stAlertContentWarning").count() == 0
    phone.get_by_role("button", name="Fail in a fragment").tap()
    after_change(phone)
    shows_only_our_message(phone)
