"""Everyone can use it: an axe-core audit of every page (desktop and phone, a close-up too) finds no
serious or critical violation, and the keyboard reaches every area and trigger point."""

from __future__ import annotations

import re

import pytest
from driver import serious_violations, wait_idle
from playwright.sync_api import expect

PAGES = [
    "/?region=temple-l",
    "/?region=thumb-r&zoom=hand-r",
    "/where_it_hurts?areas=temple-l:5,low_back-r:3",
    "/nmt",
    "/cycle",
    "/conditions?condition=tension-type-headache",
    "/benefits",
    "/muscles?muscle=upper-trapezius",
    "/evidence",
    "/quiz",
    "/quiz?seed=4&kinds=tap_pattern",
    "/present",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1400, 390])
def test_no_serious_or_critical_violation_on_any_page(open_page, app_url, width, path):
    page = open_page(viewport={"width": width, "height": 900})
    page.goto(app_url + path)
    wait_idle(page)
    page.wait_for_selector("[data-testid=stMain] h1")
    assert serious_violations(page) == []


def test_the_keyboard_reaches_an_area_and_its_trigger_points(page, app_url):
    page.goto(app_url)
    wait_idle(page)
    areas = page.get_by_role("combobox", name="Or choose an area from the list")
    areas.focus()
    page.keyboard.type("little finger (left)")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Little finger (left)")).to_be_visible(timeout=15_000)
    points = page.get_by_role("combobox", name=re.compile("trigger points can send pain here"))
    points.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.locator("[data-testid=stMain] h4")).to_have_count(1)
