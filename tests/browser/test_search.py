"""The search box and the Muscles table in Chromium: what AppTest cannot do (choose a table row)."""

from __future__ import annotations

from driver import PHONE, after_change, wait_idle
from playwright.sync_api import expect

from ui.search import PLACEHOLDER

HEADER, ROW = 35, 35  # the table's header and row heights (CSS px)


def search(page, text: str) -> None:
    box = page.get_by_placeholder(PLACEHOLDER, exact=True)
    box.fill(text)
    box.press("Enter")
    after_change(page)


def test_muscles_table_follows_the_search_and_a_row_opens_the_muscle(page, app_url):
    page.goto(f"{app_url}/muscles")
    wait_idle(page)
    search(page, "calf")
    expect(page.get_by_text("3 muscles match the search", exact=False)).to_be_visible(timeout=15_000)
    table = page.locator("[data-testid=stDataFrame]")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    # the first row (the best match: Gastrocnemius, first in the calves' synonyms row) is chosen by
    # its marker at the row's left edge
    page.mouse.click(box["x"] + 16, box["y"] + HEADER + ROW / 2)
    after_change(page)
    expect(page.get_by_role("heading", name="Gastrocnemius (calf muscle)", exact=True)).to_be_visible(timeout=15_000)
    assert page.url.endswith("muscle=gastrocnemius")


def test_a_result_on_the_body_map_opens_a_muscle_page(page, app_url):
    page.goto(app_url)
    wait_idle(page)
    search(page, "lats")
    page.get_by_role("button", name="Latissimus dorsi").click()
    after_change(page)
    expect(page.get_by_role("heading", name="Latissimus dorsi", exact=True)).to_be_visible(timeout=15_000)
    assert page.url.endswith("muscle=latissimus-dorsi")


# The width the placeholder's text takes in the box's own font, and the room the box has for it.
PLACEHOLDER_ROOM = """() => {
    const box = document.querySelector('[data-testid=stTextInput] input');
    const style = getComputedStyle(box);
    const pen = document.createElement('canvas').getContext('2d');
    pen.font = style.font;
    return [pen.measureText(box.placeholder).width,
            box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
}"""


def test_the_search_hint_is_whole_on_a_narrow_phone(open_page, app_url):
    """On a 360 px phone the box's hint is read whole on every page that has the box (it was cut
    after "a symptom (e", 515 px of text in 282)."""
    phone = open_page(**{**PHONE, "viewport": {"width": 360, "height": 780}})
    for path in ("/", "/muscles", "/conditions"):
        phone.goto(f"{app_url}{path}")
        wait_idle(phone)
        phone.wait_for_function("() => document.fonts.status === 'loaded'")
        text_width, room = phone.evaluate(PLACEHOLDER_ROOM)
        assert 0 < text_width <= room, f"{path}: the hint takes {text_width:.0f} px of {room:.0f}"
