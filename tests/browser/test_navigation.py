"""Moving between pages through the app's own menu and links, in one session, as people do: a page
opened again is as it was left (no crash box), and a link chooses what it names on a page opened
before. tests/test_page_switches.py checks every page headless; this drives the real menu."""

from __future__ import annotations

import re

from driver import wait_idle
from playwright.sync_api import Page, expect

CRASH_BOX = "[data-testid=stException]"


def went_to(tab: Page, path: str) -> None:
    """Wait for the page at `path` (a regular expression of the address after the host) to be drawn."""
    tab.wait_for_url(re.compile(rf"^https?://[^/]+{path}"))
    wait_idle(tab)


def menu_on_a_phone(phone: Page, name: str, path: str) -> None:
    phone.get_by_test_id("stExpandSidebarButton").tap()
    phone.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).tap()
    went_to(phone, path)


def menu_on_a_desktop(page: Page, section: str, name: str, path: str) -> None:
    page.get_by_test_id("stTopNav").get_by_text(section, exact=True).click()
    page.get_by_role("menuitem", name=name, exact=True).click()
    went_to(page, path)


def test_on_a_phone_where_it_hurts_is_as_left_after_the_menu_took_the_person_elsewhere(phone, app_url):
    phone.goto(f"{app_url}/where_it_hurts?areas=temple-l:5,shin-r:3")
    wait_idle(phone)
    marked = phone.get_by_test_id("stMultiSelect").filter(has_text="Painful areas")
    expect(marked.get_by_text("temple (left)")).to_be_visible()
    menu_on_a_phone(phone, "Body map", r"/(\?|$)")
    expect(phone.get_by_role("heading", name="Where does it hurt?")).to_be_visible()
    menu_on_a_phone(phone, "Where it hurts", r"/where_it_hurts")
    expect(marked.get_by_text("temple (left)")).to_be_visible()
    expect(marked.get_by_text("shin (right)")).to_be_visible()
    assert phone.locator(CRASH_BOX).count() == 0
    assert "areas=temple-l" in phone.url


def test_links_choose_on_a_page_opened_before_and_presentation_opens_again(page, app_url):
    page.goto(f"{app_url}/muscles?muscle=masseter")
    wait_idle(page)
    menu_on_a_desktop(page, "Learn", "Conditions", r"/conditions")
    page.get_by_role("link", name="Tension-type headache", exact=True).click()
    went_to(page, r"/conditions\?condition=tension-type-headache")
    # the condition's name and description at the top of the screen, not the list's place
    expect(page.get_by_role("heading", name="Tension-type headache")).to_be_in_viewport()
    page.go_back()  # back to the list
    went_to(page, r"/conditions$")
    expect(page.get_by_role("heading", name="Tension-type headache")).to_have_count(0)
    expect(page.get_by_role("link", name="Tension-type headache", exact=True)).to_be_visible()
    expect(page.get_by_placeholder("Choose or type a condition...")).to_be_visible()
    page.go_forward()
    went_to(page, r"/conditions\?condition=tension-type-headache")
    expect(page.get_by_role("heading", name="Tension-type headache")).to_be_visible()
    page.get_by_role("link", name="Upper trapezius", exact=True).first.click()
    went_to(page, r"/muscles\?muscle=upper-trapezius")
    expect(page.get_by_role("heading", name="Upper trapezius", exact=True)).to_be_visible()

    menu_on_a_desktop(page, "Learn", "Presentation", r"/present")
    expect(page.get_by_text(re.compile(r"^1 of \d+\."))).to_be_visible()  # its arrow keys are set
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text(re.compile(r"^2 of \d+\."))).to_be_visible()
    page.go_back()  # the presentation hides the menu: the browser's back button leaves it
    went_to(page, r"/muscles")
    menu_on_a_desktop(page, "Learn", "Presentation", r"/present")
    expect(page.get_by_text(re.compile(r"^2 of \d+\."))).to_be_visible()
    assert page.locator(CRASH_BOX).count() == 0
