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


# Each picture's box and the picture's own shape: [stack, width, height, natural width, natural height].
PICTURES = """() => [...document.querySelectorAll('[class*="-stack"] [data-testid=stImage] img')].map(i =>
    [i.closest('[class*="-stack"]').className.match(/st-key-[^ ]+/)[0], i.clientWidth, i.clientHeight,
     i.naturalWidth, i.naturalHeight])"""


def test_on_a_phone_the_pictures_leave_no_blank_band(phone, app_url):
    """At 390 px the first slide's close-up (a small pattern on the head) sat in the big screen's
    820 px box: 445 px of picture, 375 px of blank. Now each picture takes its own shape; on a big
    screen the box stays (the whole body at most of a 1080-line screen's height)."""
    phone.goto(f"{app_url}/present")
    wait_idle(phone)
    phone.wait_for_function("() => [...document.querySelectorAll('[data-testid=stImage] img')].every(i => i.complete)")
    pictures = phone.evaluate(PICTURES)
    assert {p[0] for p in pictures} >= {"st-key-present_map_front-stack", "st-key-present_zoom_front-stack"}
    for stack, width, height, natural_width, natural_height in pictures:
        shape = width * natural_height / natural_width  # the natural size is rounded to whole pixels
        assert abs(height - shape) <= 0.02 * shape, (stack, width, height, round(shape))


# The words of the title that a line break cuts in two (a word whose range takes more than one box).
BROKEN_WORDS = """() => {
    const title = document.querySelector('[data-testid=stMain] h1');
    const broken = [], walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


def test_on_a_laptop_screen_the_slide_fits_and_the_buttons_stay_put(open_page, app_url, engine):
    """At 1280 x 720 (a 1920 px laptop screen at 150 %): "Sternocleidomastoid," broke in two in the
    quarter of the screen the words had, the 820 px map ran 100 px off the screen, and the Next
    button, below the text, moved with the text's length from one slide to the next."""
    shown = slides(engine, "trigger_point")
    first = next(i for i, s in enumerate(shown) if s.title.startswith("Sternocleidomastoid"))
    page = open_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/present?at={shown[first].key}")
    wait_idle(page)
    title = page.locator("[data-testid=stMain] h1").first
    expect(title).to_have_text(shown[first].title, timeout=30_000)
    next_button = page.get_by_role("button", name=re.compile("Next"))
    expect(next_button).to_be_enabled(timeout=15_000)
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stImage] img')].every(i => i.complete)")
    assert page.evaluate(BROKEN_WORDS) == []
    bottoms = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stImage] img')].map(i => i.getBoundingClientRect().bottom)"
    )
    assert bottoms and max(bottoms) <= 720, bottoms
    before = next_button.bounding_box()
    assert before and before["y"] + before["height"] <= 720
    page.keyboard.press("ArrowRight")
    subtitle = page.locator("[data-testid=stMain] h3").first
    expect(subtitle).to_have_text(shown[first + 1].subtitle, timeout=15_000)
    assert next_button.bounding_box() == before
