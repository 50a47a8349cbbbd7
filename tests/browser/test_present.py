"""The presentation view on a big screen: the arrow keys move to the next trigger point."""

from __future__ import annotations

import re

from driver import wait_idle
from playwright.sync_api import expect

from trigger_map.present import slides


def test_arrow_right_shows_the_next_trigger_point(open_page, app_url, engine):
    shown = slides(engine, "trigger_point")
    page = open_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/present")
    wait_idle(page)
    subtitle = page.locator("[data-testid=stMain] h3").first
    expect(subtitle).to_have_text(shown[0].subtitle, timeout=30_000)
    expect(page.locator("[data-testid=stHeader]")).to_be_hidden()  # the app's controls are out of the way
    # the arrow keys are the buttons' shortcuts: they work once the buttons are drawn and enabled
    expect(page.get_by_role("button", name=re.compile("Next"))).to_be_enabled(timeout=15_000)
    wait_idle(page)
    page.keyboard.press("ArrowRight")
    expect(subtitle).to_have_text(shown[1].subtitle, timeout=15_000)
    wait_idle(page)
    page.keyboard.press("ArrowLeft")
    expect(subtitle).to_have_text(shown[0].subtitle, timeout=15_000)
    wait_idle(page)
    page.keyboard.press("ArrowLeft")  # round to the last
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(shown[-1].title, timeout=15_000)
