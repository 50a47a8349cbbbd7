"""The quiz on a phone: a picture question answered by tapping the map (390 x 844, touch)."""

from __future__ import annotations

from driver import settled, wait_idle
from playwright.sync_api import expect
from test_touch import tap_region

from trigger_map.quiz import make_set


def first_tap_question(engine, body):
    """A set whose first question's main pain area is one or two areas large enough for a finger."""
    for seed in range(1, 200):
        question = make_set(engine, seed, 10, kinds=("tap_pattern",)).questions[0]
        regions = question.answer_regions
        if len(regions) <= 2 and all(body.regions[r].polygon.area > 1500 for r in regions):
            return seed, question
    raise AssertionError("no tap question with large areas in 200 seeds")


def test_a_tap_question_is_answered_by_tapping_the_map(phone, app_url, body, engine):
    seed, question = first_tap_question(engine, body)
    phone.goto(f"{app_url}/quiz?seed={seed}&kinds=tap_pattern")
    wait_idle(phone)
    phone.wait_for_selector(".js-plotly-plot .scatterlayer")
    expect(phone.get_by_text("Tap where it sends pain.", exact=False)).to_be_visible()
    check = phone.get_by_role("button", name="Check")
    expect(check).to_be_disabled()
    chosen = phone.locator("[data-testid=stMultiSelect]")
    for region in question.answer_regions:
        settled(phone)
        tap_region(phone, body, region)
        # the tapped area joins the list of chosen areas (the app's own state, shown)
        expect(chosen).to_contain_text(body.regions[region].display_label, timeout=15_000)
        wait_idle(phone)
    check.tap()
    expect(phone.get_by_text("Right.", exact=False)).to_be_visible(timeout=15_000)
    expect(phone.get_by_text("100%", exact=False)).to_be_visible()
