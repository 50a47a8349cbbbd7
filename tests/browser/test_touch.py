"""The map under a finger: a touch screen at 390 x 844 (has_touch, is_mobile, touchscreen.tap) and a
mouse at 1400 px, on the real app in Chromium.

These also guard what the page script (ui/static/map.js) relies on in Plotly and Streamlit: if an
upgrade changes the chart's internals, a tap stops selecting and these tests fail."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import ROOT
from driver import HIT_CHARTS, after_change, chart_point, click_region, open_app, settled, wait_idle
from playwright.sync_api import expect
from shapely.ops import polylabel
from test_hits import samples_inside

from ui.search import PLACEHOLDER

# Record what each map reports to Streamlit: its selection events, as the app receives them.
LISTEN = """() => {
  window.__picks = window.__picks || [];
  window.__hovers = window.__hovers || 0;
  if (!window.__lastUp) {  // when the mouse was last released (Plotly's double click is timed from it)
    window.__lastUp = -1e9;
    document.addEventListener('mouseup', () => { window.__lastUp = performance.now(); }, true);
  }
  document.querySelectorAll('.js-plotly-plot').forEach(gd => {
    if (gd.__picksListened) return;
    gd.__picksListened = true;
    gd.on('plotly_hover', () => { window.__hovers += 1; });
    gd.on('plotly_selected', e => {
      if (e) window.__picks.push(e.points && e.points.length ? String(e.points[0].customdata) : null);
    });
  });
}"""


DOUBLE_CLICK_OVER = (
    "i => performance.now() - window.__lastUp > (" + HIT_CHARTS + "[i]._context.doubleClickDelay || 300) + 20"
)


def tap_region(page, body, region_id: str, chart: int | None = None) -> None:
    """Tap with a finger on the middle of a region (its pole of inaccessibility: farthest from the
    edges) in the chart that shows its view (or the given chart, e.g. a close-up)."""
    region = body.regions[region_id]
    centre = polylabel(region.polygon, tolerance=0.5)
    index = chart if chart is not None else (0 if region.view == "front" or len(hit_charts(page)) == 1 else 1)
    x, y = chart_point(page, index, centre.x, centre.y)
    page.touchscreen.tap(x, y)


def hit_charts(page) -> list:
    return page.evaluate(HIT_CHARTS + ".map(gd => gd.id || 'chart')")


def heading(page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


@pytest.mark.parametrize(
    "page_path, region, expected",
    [
        ("/", "forehead-r", "heading:Forehead (right)"),
        ("/", "upper_chest-l", "heading:Upper chest (left)"),
        ("/where_it_hurts", "low_back-r", "search:low_back-r"),
    ],
)
def test_one_tap_selects(phone, app_url, body, page_path, region, expected):
    open_app(phone, app_url + page_path)
    settled(phone)
    tap_region(phone, body, region)
    kind, value = expected.split(":", 1)
    if kind == "heading":
        expect(heading(phone, value)).to_be_visible(timeout=15_000)
    else:
        phone.wait_for_function(f"location.search.includes({value!r})", timeout=15_000)


# Every X mark the page's maps draw, as (map, x, y) in CSS px within its map.
X_MARKS = (
    HIT_CHARTS
    + """.flatMap((gd, i) => { const fl = gd._fullLayout; return (gd.data || [])
    .filter(t => t.name === 'treat here')
    .flatMap(t => t.x.map((x, j) => [i, fl.xaxis.l2p(x), fl.yaxis.l2p(t.y[j])])); })"""
)


def test_one_tap_on_conditions_and_muscles_chooses_the_x(phone, app_url, body, engine):
    """The X of another listed trigger point is chosen with one tap (Conditions, then Muscles). On
    Conditions, tension-type headache's 27 other X marks on the head and neck stood a median 3.4 px
    from their nearest neighbour on a phone's whole body (1.3 px at the closest); in the close-ups
    of the head and neck, 9.5 px (3.8 px)."""
    for path in ("/conditions?condition=tension-type-headache", "/muscles?muscle=upper-trapezius"):
        phone.goto(app_url + path)
        wait_idle(phone)
        phone.wait_for_selector(".js-plotly-plot .scatterlayer")
        settled(phone)
        if path.startswith("/conditions"):
            marks = phone.evaluate("() => " + X_MARKS)
            nearest = [
                min(np.hypot(x - x2, y - y2) for k, (m2, x2, y2) in enumerate(marks) if k != i and m2 == m)
                for i, (m, x, y) in enumerate(marks)
            ]
            assert len(marks) == 27 and np.median(nearest) >= 8, (len(marks), sorted(nearest))
        target = phone.evaluate(
            HIT_CHARTS
            + """.flatMap((gd, i) => (gd.data || [])
            .filter(t => t.name === 'treat here').flatMap(t => t.x.map((x, j) => ({chart: i, x, y: t.y[j],
             key: t.customdata[j].slice(3)}))))[0] || null"""
        )
        assert target, f"no other trigger point to tap on {path}"
        x, y = chart_point(phone, target["chart"], target["x"], target["y"])
        phone.touchscreen.tap(x, y)
        name = engine.dataset.trigger_points.at[target["key"].split("@")[0], "name"]
        expect(phone.locator("[data-testid=stMain]")).to_contain_text(name, timeout=15_000)


def test_cycle_step_selects_with_one_tap(phone, app_url):
    import json

    from trigger_map.cycle import positions

    steps = json.loads((ROOT / "content" / "cycle.json").read_text())["steps"]
    phone.goto(f"{app_url}/cycle")
    wait_idle(phone)
    phone.wait_for_selector(".js-plotly-plot .scatterlayer")
    x, y = chart_point(phone, 0, *positions(len(steps))[2], hits=False)
    phone.touchscreen.tap(x, y)
    expect(heading(phone, steps[2]["title"])).to_be_visible(timeout=15_000)


def test_a_tap_on_a_finger_opens_the_hand_and_a_second_tap_chooses_a_finger(phone, app_url, body):
    open_app(phone, app_url)
    settled(phone)
    tap_region(phone, body, "palm-r")
    expect(phone.get_by_text("Close-up: right hand, palm side")).to_be_visible(timeout=15_000)
    # the answer has come into view (the page scrolls to it once the app has answered): aim after it
    expect(heading(phone, "Palm (right)")).to_be_in_viewport(timeout=15_000)
    wait_idle(phone)
    settled(phone)
    assert len(hit_charts(phone)) == 1
    tap_region(phone, body, "little_finger-r", chart=0)
    expect(heading(phone, "Little finger (right)")).to_be_in_viewport(timeout=15_000)
    phone.wait_for_function("location.search.includes('zoom=hand-r')", timeout=15_000)
    wait_idle(phone)  # the answer drawn and scrolled to: the page no longer moves under the click
    # the little finger's most likely trigger point is in the forearm: the whole view under the
    # close-up shows its X (the body and the pattern, both pictures drawn)
    inset = phone.locator(".st-key-explorer_map_whole_front-stack img")
    expect(phone.get_by_text("The trigger point (X) is not wholly in this close-up")).to_be_visible()
    expect(inset).to_have_count(2)
    assert phone.evaluate(
        "() => [...document.querySelectorAll('.st-key-explorer_map_whole_front-stack img')]"
        ".every(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 200)"
    )
    phone.get_by_role("button", name="Whole body").click()
    wait_idle(phone)
    expect(phone.get_by_text("Close-up: right hand, palm side")).to_have_count(0, timeout=15_000)
    expect(inset).to_have_count(0)
    assert len(hit_charts(phone)) == 1  # the phone's single view, front


def page_y(page, body, region_id: str) -> float:
    """How far down the page (scrolled to the top) the middle of a region is, in the first map."""
    centre = polylabel(body.regions[region_id].polygon, tolerance=0.5)
    return page.evaluate(
        "([y]) => { const gd = " + HIT_CHARTS + "[0]; const fl = gd._fullLayout;"
        " return gd.getBoundingClientRect().top + window.scrollY + fl._size.t + fl.yaxis.l2p(y); }",
        [centre.y],
    )


def test_where_it_hurts_a_tap_on_the_foot_opens_it_and_the_next_tap_marks_a_toe(phone, app_url, body):
    """On a phone a toe is a few pixels wide on the whole body: a tap there opens the foot's
    close-up instead of marking a neighbour, and a tap on the close-up marks the toe meant. And the
    first screen shows the body down to the belly (the legend above the map put the lower belly
    934 px down a 844 px screen; under the map, 806 px)."""
    open_app(phone, app_url + "/where_it_hurts")
    settled(phone)
    belly = page_y(phone, body, "lower_abdomen-r")
    assert belly < 844, f"the lower belly is {belly:.0f} px down, below the first screen"
    tap_region(phone, body, "big_toe-l")
    expect(phone.get_by_text("Close-up: left ankle and foot")).to_be_visible(timeout=15_000)
    assert "big_toe-l" not in phone.evaluate("location.search")  # opened, nothing marked yet
    wait_idle(phone)
    settled(phone)
    assert len(hit_charts(phone)) == 1
    tap_region(phone, body, "big_toe-l", chart=0)
    phone.wait_for_function("location.search.includes('big_toe-l')", timeout=15_000)
    assert "zoom=foot-l" in phone.evaluate("location.search")
    phone.get_by_role("button", name="Whole body").click()
    wait_idle(phone)
    expect(phone.get_by_text("Close-up: left ankle and foot")).to_have_count(0, timeout=15_000)
    assert "big_toe-l" in phone.evaluate("location.search")  # the marked toe stays marked


def test_on_a_phone_the_body_is_on_the_first_screen_and_the_answer_comes_into_view(phone, app_url, body):
    """The head and the chest on the first screen: the map began 791 px down a 844 px screen, under
    five lines of introduction, the not-a-diagnosis line and the legend (both now after the map)."""
    open_app(phone, app_url)
    settled(phone)
    chest = page_y(phone, body, "upper_chest-r")
    assert chest < 844, f"the upper chest is {chest:.0f} px down, below the first screen"
    assert len(hit_charts(phone)) == 1  # one view at a time, with a switch
    expect(phone.get_by_text("Front and back", exact=True)).to_be_visible()
    tap_region(phone, body, "upper_chest-r")
    answer = heading(phone, "Upper chest (right)")
    expect(answer).to_be_in_viewport(timeout=2_000 + 15_000)  # app answer, then at most 2 s to scroll
    first = phone.get_by_role("combobox", name=re.compile("trigger points can send pain here"))
    expect(first).to_be_in_viewport()


def test_a_script_scroll_right_after_the_answer_is_not_undone(phone, app_url, body):
    """For a moment after the answer comes into view the page script keeps it there if the layout
    moves. A scroll by anyone else in that moment must stay: the script once took a scroll made
    within 500 ms of its own for its own and scrolled back (a tap aimed just after an answer then
    landed off the map; 4 of 7 runs of the finger test failed that way)."""
    open_app(phone, app_url)
    settled(phone)
    tap_region(phone, body, "upper_chest-r")
    expect(heading(phone, "Upper chest (right)")).to_be_in_viewport(timeout=2_000 + 15_000)
    scrolled = "document.querySelector('.stMain').scrollTop"  # Streamlit's main section scrolls, not the window
    top = phone.evaluate("() => { " + HIT_CHARTS + "[0].scrollIntoView({block: 'center'}); return " + scrolled + "; }")
    # the script looks every 200 ms for 1.6 s: 0.8 s is four looks in which it must leave the page be
    phone.wait_for_timeout(800)
    assert phone.evaluate(scrolled) == top
    expect(heading(phone, "Upper chest (right)")).not_to_be_in_viewport()


def test_a_scroll_by_the_person_while_the_answer_is_awaited_is_not_undone(phone, app_url, body):
    """Someone who scrolls while the app is still answering keeps the place they scrolled to: the
    page script once ignored what was done before the answer was drawn, and then pulled the page
    down to it. (Suspected in a fresh-clone run where a click on "Whole body", aimed while the app
    was answering the tap before, was lost: the page moved under it.)"""
    open_app(phone, app_url)
    settled(phone)
    phone.mouse.move(195, 300)  # over the page, so the wheel scrolls it
    tap_region(phone, body, "upper_chest-r")
    phone.mouse.wheel(0, -3000)  # at once, before the app has answered: back to the top
    expect(heading(phone, "Upper chest (right)")).to_be_attached(timeout=15_000)
    wait_idle(phone)
    # the script looks every 200 ms for 1.6 s after the answer: 2 s is all its looks
    phone.wait_for_timeout(2_000)
    expect(heading(phone, "Upper chest (right)")).not_to_be_in_viewport()


def test_on_a_slow_phone_the_answer_still_comes_into_view(phone, app_url, body):
    """With the processor slowed 6 times, Streamlit sometimes marks a run's start and end in one go,
    so the page's run state never changes; the page script, which looked for the answer only when
    that state changed, then left it out of sight (this test failed in 1 of 4 runs with that script).
    Three taps on areas without a close-up, each answer in view."""
    open_app(phone, app_url)
    settled(phone)
    slow = phone.context.new_cdp_session(phone)
    slow.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    try:
        for region, name in (
            ("upper_chest-r", "Upper chest (right)"),
            ("lower_abdomen-l", "Lower abdomen (left)"),
            ("upper_chest-l", "Upper chest (left)"),
        ):
            tap_region(phone, body, region)
            expect(heading(phone, name)).to_be_in_viewport(timeout=30_000)
            phone.mouse.wheel(0, -3000)  # back up to the map, as a person would (the page script then stops)
    finally:
        slow.send("Emulation.setCPUThrottlingRate", {"rate": 1})


def test_share_button_and_the_address_bar_keep_the_view(page, app_url, body):
    open_app(page, app_url)
    click_region(page, body, "outer_shoulder-r")
    expect(heading(page, "Outer shoulder (right)")).to_be_visible(timeout=15_000)
    page.wait_for_function("location.search.startsWith('?region=outer_shoulder-r&tp=')", timeout=15_000)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    share = page.get_by_role("button", name="Share a link to this view")
    # its icon is drawn (Streamlit's HTML element drops an inline <svg>: it is an image)
    assert share.locator("img").evaluate("img => img.complete && img.naturalWidth") == 18
    share.click()
    expect(page.locator(".tm-share-status")).to_have_text("Link copied", timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "region=outer_shoulder-r" in copied
    page.reload()
    wait_idle(page)
    expect(heading(page, "Outer shoulder (right)")).to_be_visible(timeout=15_000)


def test_on_a_phone_back_and_forward_step_through_the_areas_tapped(phone, app_url, body):
    """Each area tapped is a step in the browser's history: Back shows the area before (and then
    the empty map, still in the app), Forward the later one again."""
    phone.goto("about:blank")  # the page before the app, as a search result would be
    open_app(phone, app_url)
    settled(phone)
    tap_region(phone, body, "upper_chest-l")
    expect(heading(phone, "Upper chest (left)")).to_be_visible(timeout=15_000)
    phone.get_by_role("button", name="Clear").click()
    expect(phone.get_by_text("Choose an area to begin.")).to_be_visible(timeout=15_000)
    settled(phone)
    tap_region(phone, body, "lower_abdomen-r")
    expect(heading(phone, "Lower abdomen (right)")).to_be_visible(timeout=15_000)
    steps = [
        ("back", "Choose an area to begin."),
        ("back", "Upper chest (left)"),
        ("back", "Choose an area to begin."),
        ("forward", "Upper chest (left)"),
        ("forward", "Choose an area to begin."),
        ("forward", "Lower abdomen (right)"),
    ]
    for step, shown in steps:
        phone.go_back() if step == "back" else phone.go_forward()
        if shown.startswith("Choose"):
            expect(phone.get_by_text(shown)).to_be_visible(timeout=15_000)
            assert "region=" not in phone.url
        else:
            expect(heading(phone, shown)).to_be_visible(timeout=15_000)
            assert phone.url.startswith(app_url) and "region=" in phone.url
    wait_idle(phone)
    assert phone.url.startswith(app_url) and "region=lower_abdomen-r" in phone.url


def test_the_share_button_is_finger_sized_on_a_page_without_a_map(phone, app_url):
    """The Share button's style came with the map's: on a quiz of word questions (no map on the
    page) it was the browser's plain grey button, 32 px tall."""
    phone.goto(app_url + "/quiz?seed=4821&n=5&kinds=innervation")
    wait_idle(phone)
    share = phone.get_by_role("button", name="Share a link to this view")
    expect(share).to_be_visible(timeout=15_000)
    assert phone.locator(".js-plotly-plot").count() == 0
    assert share.bounding_box()["height"] >= 44
    assert share.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 255, 255)"


def _forward(route, blocked: dict) -> None:
    """Pass Streamlit's websocket through, but drop what the page sends while `blocked`: the app
    then never reruns, so every sample is clicked on the same map."""
    server = route.connect_to_server()
    route.on_message(lambda message: None if blocked["on"] else server.send(message))
    server.on_message(lambda message: route.send(message))


@pytest.mark.parametrize("device", ["mouse", "touch"])
def test_every_region_selects_where_it_is_clicked(open_page, app_url, body, device):
    """A point inside every region (3 units or more from its edge), clicked with a mouse at
    1400 px or tapped at 390 px, selects that region: at least 99% (we measured 100%)."""
    if device == "mouse":
        page = open_page(viewport={"width": 1400, "height": 1400})
    else:
        page = open_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    blocked = {"on": False}
    page.route_web_socket(re.compile(r".*/_stcore/stream"), lambda route: _forward(route, blocked))
    open_app(page, app_url)
    settled(page)
    blocked["on"] = True
    page.evaluate(LISTEN)
    rng = np.random.default_rng(11)
    samples = samples_inside(body, per_region=1, along_edge=0, seed=11)
    samples = [samples[i] for i in rng.permutation(len(samples))]
    wrong = []
    for region, x, y in samples:
        index = 0 if region.view == "front" else 1
        # the app's answers are held back: the page stays as it settled above
        px, py = chart_point(page, index, x, y, settle=False) if device == "touch" else _aim(page, index, x, y)
        count = page.evaluate("window.__picks.length")
        if device == "touch":
            page.touchscreen.tap(px, py)
        else:
            hovers = page.evaluate("window.__hovers")
            page.mouse.move(px, py)
            # Plotly takes the clicked point from its hover, which it updates at most every 50 ms:
            # press once it has (a person's pointer moves for longer than that before a click)
            page.wait_for_function(f"window.__hovers > {hovers}", timeout=5_000)
            # Plotly counts two clicks within its double-click delay as a double click, wherever they
            # land, and a double click clears the selection: the map sets the delay to 1 ms (2 of 147
            # quick clicks were lost with Plotly's 300 ms); this waits it out whatever it is
            page.wait_for_function(DOUBLE_CLICK_OVER, arg=index, timeout=5_000)
            page.mouse.down()
            page.mouse.up()
        page.wait_for_function(f"window.__picks.length > {count}", timeout=5_000)
        picked = page.evaluate("window.__picks[window.__picks.length - 1]")
        if picked != region.id:
            wrong.append((region.id, round(x, 1), round(y, 1), picked))
    share = 1 - len(wrong) / len(samples)
    assert len(samples) >= 140
    assert share >= 0.99, f"{len(wrong)} of {len(samples)} landed elsewhere: {wrong[:10]}"


def _aim(page, index: int, x: float, y: float) -> tuple[float, float]:
    """Screen position without scrolling (the 1400 x 1400 window shows both views)."""
    return page.evaluate(
        """([i, x, y]) => {
        const gd = """
        + HIT_CHARTS
        + """[i];
        const box = gd.getBoundingClientRect();
        const fl = gd._fullLayout;
        return [box.left + fl._size.l + fl.xaxis.l2p(x), box.top + fl._size.t + fl.yaxis.l2p(y)];
    }""",
        [index, x, y],
    )


def test_a_related_condition_opens_its_page_beside_the_view(page, app_url):
    page.goto(f"{app_url}/?region=temple-l&tp=upper-trapezius-1@left")
    wait_idle(page)
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Tension-type headache").first.click()
    condition = opened.value
    condition.wait_for_load_state()
    assert re.search(r"/conditions\?condition=tension-type-headache", condition.url)
    wait_idle(condition)
    expect(condition.get_by_role("heading", name="Tension-type headache")).to_be_visible(timeout=15_000)
    expect(heading(page, "Temple (left)")).to_be_visible()  # the view stays where it was


# The ids of the areas each clickable chart on the page holds: which view (or close-up) it draws.
CHART_AREAS = HIT_CHARTS + ".map(gd => gd.data.filter(t => t.name === 'regions').flatMap(t => [...t.customdata]))"


def test_on_a_phone_an_area_chosen_off_the_map_is_drawn_on_its_view(phone, app_url, body):
    """A phone shows one view. An area on the back chosen by a link or by a search turns the map
    to the back (it stayed on the front, with nothing drawn); a view the person then chooses stays."""
    open_app(phone, f"{app_url}/?region=heel-r")
    expect(heading(phone, "Heel (underside) (right)")).to_be_visible(timeout=15_000)
    settled(phone)
    (areas,) = phone.evaluate(CHART_AREAS)
    assert "heel-r" in areas and all(body.regions[a].view == "back" for a in areas)
    phone.get_by_text("Front", exact=True).tap()
    after_change(phone)
    settled(phone)
    (areas,) = phone.evaluate(CHART_AREAS)
    assert all(body.regions[a].view == "front" for a in areas)  # the person's choice stays
    box = phone.get_by_placeholder(PLACEHOLDER, exact=True)
    box.fill("lower back")
    box.press("Enter")
    after_change(phone)
    phone.get_by_role("button", name=re.compile(r"^Low back \(left\)")).tap()
    expect(heading(phone, "Low back (left)")).to_be_visible(timeout=15_000)
    settled(phone)
    (areas,) = phone.evaluate(CHART_AREAS)
    assert "low_back-l" in areas and all(body.regions[a].view == "back" for a in areas)


def test_on_a_phone_the_x_on_the_other_view_is_drawn_under_the_map(phone, app_url):
    """The temple's headache from the upper trapezius, the app's own example: a phone shows the
    front, where the pattern is, and the X (on the back of the shoulder) was nowhere on the page."""
    open_app(phone, f"{app_url}/?region=temple-l&tp=upper-trapezius-1@left")
    expect(heading(phone, "Temple (left)")).to_be_visible(timeout=15_000)
    expect(phone.get_by_text("The trigger point (X) is on the back of the body")).to_be_visible()
    inset = ".st-key-explorer_map_whole_back-stack img"
    phone.wait_for_function(
        f"() => [...document.querySelectorAll('{inset}')].filter(i => i.complete && i.naturalWidth > 0).length === 2"
    )
    phone.get_by_text("Front and back", exact=True).tap()  # both views: the map shows the X itself
    after_change(phone)
    expect(phone.locator(inset)).to_have_count(0)
