"""The helpers the browser tests drive the app with wait on the app's own state."""

from __future__ import annotations

import pytest
from driver import after_change, wait_idle
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


RUNNING = "() => document.getAnimations().filter(a => a.playState === 'running').length"


def test_wait_idle_waits_until_an_opened_expander_has_stopped_growing(page: Page, app_url):
    """Opening "Save as a visit" grows the expander in an animation that starts again when the
    form's code arrives; the Save button moves meanwhile. A fresh-clone run lost a Save that way:
    the press landed on the button, the release beside it, and the click went to neither."""
    page.goto(f"{app_url}/where_it_hurts?areas=temple-l:7,jaw-l:3")
    wait_idle(page)
    page.locator("[data-testid=stExpander] summary", has_text="Save as a visit").click()
    # opening it also reruns the page (it draws its form only when open): wait for that run, as the
    # tests do after any change; on a busy machine the run began after a bare wait_idle had returned
    after_change(page)
    assert page.evaluate(RUNNING) == 0
    button = page.get_by_role("button", name="Save as a visit")
    before = button.bounding_box()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert before is not None and button.bounding_box() == before


def test_wait_idle_does_not_wait_for_an_endless_animation(page: Page, app_url):
    page.goto(f"{app_url}/conditions")
    wait_idle(page)
    endless = "{duration: 500, iterations: Infinity}"
    page.evaluate(f"() => {{ document.body.animate([{{opacity: 1}}, {{opacity: 0.99}}], {endless}); }}")
    assert page.evaluate(RUNNING) == 1
    wait_idle(page, timeout=5_000)
