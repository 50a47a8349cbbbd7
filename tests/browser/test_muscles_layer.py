"""The Muscles layer in Chromium: turn it on, point at a muscle, click it, and the muscle library opens it."""

from __future__ import annotations

import csv

import numpy as np
from conftest import ROOT
from driver import after_change, open_app, settled, wait_idle
from playwright.sync_api import expect

MUSCLE_CHARTS = (
    "[...document.querySelectorAll('.js-plotly-plot')]"
    ".filter(gd => (gd.data || []).some(t => t.name === 'muscles' && t.mode === 'markers'))"
)


def safest_target(view: str, muscle_id: str) -> tuple[float, float]:
    """The muscle's target in the layer farthest from any other muscle's target (Plotly picks the
    closest to the pointer)."""
    from trigger_map.figures import MUSCLE_PREFIX, muscle_layer

    with open(ROOT / "data" / "muscles.csv", encoding="utf-8") as f:
        names = tuple((row["id"], row["name"]) for row in csv.DictReader(f))
    layer = muscle_layer(view, names)
    xy = np.column_stack([layer["x"], layer["y"]]).astype(float)
    mine = np.array([d == MUSCLE_PREFIX + muscle_id for d in layer["customdata"]])
    gaps = np.sqrt(((xy[mine][:, None, :] - xy[~mine][None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    return tuple(xy[mine][int(gaps.argmax())])


def screen_point(page, x: float, y: float) -> tuple[float, float]:
    """Where drawing coordinates (x, y) are on screen in the first muscles chart."""
    settled(page)
    return page.evaluate(
        """([x, y]) => {
        const gd = """
        + MUSCLE_CHARTS
        + """[0];
        gd.scrollIntoView({block: 'center'});
        const box = gd.getBoundingClientRect();
        const fl = gd._fullLayout;
        return [box.left + fl._size.l + fl.xaxis.l2p(x), box.top + fl._size.t + fl.yaxis.l2p(y)];
    }""",
        [x, y],
    )


def muscles_on(page, charts: int) -> None:
    """Open the Muscles button's menu, turn the layer on, close the menu (it would cover the map)."""
    page.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Muscles").click()
    page.get_by_test_id("stPopoverBody").get_by_text("Show all muscles", exact=True).click()
    after_change(page)
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stPopoverBody")).to_be_hidden(timeout=15_000)
    page.wait_for_function(MUSCLE_CHARTS + f".length === {charts}", timeout=15_000)


def test_turning_the_layer_on_names_a_muscle_and_a_click_opens_it(page, app_url):
    open_app(page, app_url)
    assert page.evaluate(MUSCLE_CHARTS + ".length") == 0
    muscles_on(page, 2)
    # the muscles are drawn: a picture per view holding every muscle of that view
    page.wait_for_function(
        """() => [...document.querySelectorAll('[class*="-stack"] [data-testid=stImage] img')]
            .map(img => img.src).filter(src => src.startsWith('data:image/svg+xml;base64,'))
            .map(src => atob(src.split(',')[1])).filter(s => s.includes('<title>Muscles,')).length === 2""",
        timeout=15_000,
    )
    px, py = screen_point(page, *safest_target("front", "pectoralis-major"))
    page.mouse.move(px, py)
    page.wait_for_timeout(250)
    page.mouse.move(px + 0.5, py + 0.5)
    expect(page.locator(".hoverlayer .hovertext").first).to_contain_text("Pectoralis major")
    page.mouse.down()
    page.mouse.up()
    expect(page.get_by_role("heading", name="Muscle library")).to_be_visible(timeout=15_000)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Pectoralis major", exact=True)).to_be_visible(timeout=15_000)
    page.wait_for_function("location.search === '?muscle=pectoralis-major'", timeout=15_000)
    # the library draws it with where it starts and ends
    page.wait_for_function(
        """() => [...document.querySelectorAll('[class*="-stack"] [data-testid=stImage] img')]
            .map(img => img.src).filter(src => src.startsWith('data:image/svg+xml;base64,'))
            .map(src => atob(src.split(',')[1]))
            .some(s => s.includes('class="chosen-muscle"') && s.includes('class="origin"'))""",
        timeout=15_000,
    )


def test_one_tap_on_a_phone_opens_the_muscle(phone, app_url):
    open_app(phone, app_url)
    muscles_on(phone, 1)  # a phone starts with the front view alone
    phone.touchscreen.tap(*screen_point(phone, *safest_target("front", "rectus-abdominis")))
    expect(phone.get_by_role("heading", name="Rectus abdominis", exact=True)).to_be_visible(timeout=15_000)
    phone.wait_for_function("location.search === '?muscle=rectus-abdominis'", timeout=15_000)
