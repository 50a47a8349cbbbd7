"""The message a failing page shows (ui/crash.py), as the page's elements: ours in production,
Streamlit's box when a developer asks for error details. tests/browser/test_crash.py serves it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ui.crash import CRASH_ADVICE, CRASH_TITLE


def failing_page(setting: str) -> None:
    import streamlit as st

    from ui.crash import show_crash

    st.set_option("client.showErrorDetails", setting)
    try:
        raise RuntimeError("/srv/secret/key.pem")
    except RuntimeError as error:
        st.session_state.handled = show_crash(error)


def run(setting: str) -> AppTest:
    at = AppTest.from_function(failing_page, args=(setting,))
    try:
        return at.run()
    finally:
        from streamlit import config

        config.set_option("client.showErrorDetails", "full")  # as tests/conftest.py sets it


def test_production_shows_our_message_and_hides_streamlits_box():
    at = run("none")
    assert at.session_state.handled is True  # Streamlit draws no box of its own
    [alert] = at.warning
    assert CRASH_TITLE in alert.value and CRASH_ADVICE in alert.value
    assert "secret" not in alert.value and "Streamlit" not in alert.value


@pytest.mark.parametrize("setting", ["full", "stacktrace", "type"])
def test_a_developers_server_keeps_streamlits_box_with_the_details(setting):
    at = run(setting)
    assert at.session_state.handled is False
    assert len(at.warning) == 0
