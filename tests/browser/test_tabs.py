"""The shared browser tabs (conftest.Tabs): what one test leaves must not reach the next."""

from __future__ import annotations

from conftest import Tabs
from driver import DESKTOP


def test_an_unchanged_tab_is_handed_on_emptied(browser, app_url):
    tabs = Tabs(browser)
    try:
        first = tabs(**DESKTOP)
        first.goto(app_url + "/_stcore/health")
        first.evaluate("() => { sessionStorage.setItem('left', '1'); localStorage.setItem('left', '1'); }")
        second = tabs(**DESKTOP)  # the same test asks again: another tab
        assert second is not first
        tabs.tidy()
        assert second.is_closed()  # only one tab per context is kept
        again = tabs(**DESKTOP)
        assert again is first and again.url == "about:blank"
        again.goto(app_url + "/_stcore/health")
        assert again.evaluate("() => [sessionStorage.getItem('left'), localStorage.getItem('left')]") == [None, None]
    finally:
        tabs.close()


def test_a_changed_or_closed_tab_is_not_handed_on(browser, app_url):
    tabs = Tabs(browser)
    try:
        changed = tabs(**DESKTOP)
        changed.on("console", lambda message: None)  # a handler would outlive the test
        tabs.tidy()
        assert changed.is_closed()
        probed = tabs(**DESKTOP)
        assert probed is not changed
        probed.context.new_cdp_session(probed).detach()  # so would a DevTools session's settings
        tabs.tidy()
        assert probed.is_closed()
        closed = tabs(**DESKTOP)
        closed.close()  # a test may close its own tab
        tabs.tidy()
        fresh = tabs(**DESKTOP)
        assert not fresh.is_closed() and fresh is not closed
        fresh.goto(app_url + "/_stcore/health")
        assert "ok" in fresh.content()
    finally:
        tabs.close()
