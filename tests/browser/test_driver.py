"""The helpers the browser tests drive the app with wait on the app's own state."""

from __future__ import annotations

import pytest
from driver import wait_idle
from playwright.sync_api import Page, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from trigger_map.local_app import IDLE, PLACEHOLDER


def test_wait_idle_waits_for_elements_whose_code_is_still_loading(page: Page, app_url):
    """Streamlit fetches st.html's code on first use; until it has run, the app's name is a
    placeholder though the script is idle. A fresh-clone run failed on exactly that: the name
    missing 5 s after the script was idle. Here the code is held back until the test lets it go."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/static/js/Html.*.js", hold)
    # listening before the page opens, so the request cannot be missed; the route reaches `hold`
    # before the answer to any later call
    with page.expect_request("**/static/js/Html.*.js"):
        page.goto(f"{app_url}/conditions?condition=tension-type-headache")
    page.wait_for_selector(IDLE)
    page.wait_for_function("n => document.querySelectorAll(n).length > 0", arg=PLACEHOLDER)
    assert held and page.locator(".tm-brand").count() == 0
    with pytest.raises(PlaywrightTimeout):
        wait_idle(page, timeout=1_000)
    for route in held:
        route.continue_()
    wait_idle(page)
    assert page.locator(".tm-brand").count() == 1
    assert page.locator(PLACEHOLDER).count() == 0
