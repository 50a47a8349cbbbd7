"""Click the real map in Chromium, like a person does."""

from __future__ import annotations

import re
from pathlib import Path

from driver import (
    CHARTS_LAID_OUT,
    HIT_CHARTS,
    after_change,
    chart_point,
    click_region,
    open_app,
    press_where_hovered,
    settled,
    wait_idle,
)
from pdf_reading import pdf_words
from playwright.sync_api import expect

from trigger_map import local_app

MORE = re.compile(r"^More: what sets it off")


def pattern_drawn(page) -> None:
    """Wait until the map's highlight pictures show an essential zone and a trigger point's X."""
    page.wait_for_function(
        """() => {
        const svgs = [...document.querySelectorAll('[class*="-stack"] [data-testid=stImage] img')]
            .map(img => img.src).filter(src => src.startsWith('data:image/svg+xml;base64,'))
            .map(src => atob(src.split(',')[1]));
        return svgs.some(s => s.includes('class="essential"')) && svgs.some(s => s.includes('class="trigger-point"'));
    }""",
        timeout=15_000,
    )


def panel_text(page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def test_hovering_a_region_names_it(page, app_url, body):
    open_app(page, app_url)
    region = body.regions["forehead-r"]
    p = region.polygon.representative_point()
    x, y = chart_point(page, 0, p.x, p.y)
    page.mouse.move(x, y)
    page.mouse.move(x + 1, y + 1)
    expect(page.locator(".hoverlayer .hovertext").first).to_contain_text("forehead (right)")


def test_clicking_the_left_temple_lists_upper_trapezius(page, app_url, body):
    open_app(page, app_url)
    click_region(page, body, "temple-l")
    expect(page.get_by_role("heading", name="Temple (left)")).to_be_visible(timeout=15_000)
    wait_idle(page)
    page.get_by_role("combobox", name=re.compile("trigger points can send pain here")).click()
    expect(page.get_by_role("option", name=re.compile("^Upper trapezius")).first).to_be_visible()
    page.keyboard.press("Escape")
    # the chosen pattern is drawn: an essential-zone trace and the trigger point's X
    pattern_drawn(page)


def test_clicking_the_back_view_and_then_a_finger(page, app_url, body):
    open_app(page, app_url)
    click_region(page, body, "top_of_shoulder-r")
    expect(page.get_by_role("heading", name="Top of shoulder (right)")).to_be_visible(timeout=15_000)
    wait_idle(page)
    click_region(page, body, "little_finger-l")
    expect(page.get_by_role("heading", name="Little finger (left)")).to_be_visible(timeout=15_000)
    wait_idle(page)
    # a click on a finger also opens the close-up of that hand; the address bar names the view
    expect(page.get_by_text("Close-up: left hand, palm side")).to_be_visible()
    page.wait_for_function(
        "location.search.startsWith('?region=little_finger-l&tp=') && location.search.endsWith('&zoom=hand-l')",
        timeout=15_000,
    )


def test_deep_link_reopens_the_same_view(page, app_url):
    page.goto(f"{app_url}/?region=heel-r")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Heel (underside) (right)")).to_be_visible(timeout=15_000)
    choice = page.get_by_role("combobox", name=re.compile("trigger points can send pain here"))
    choice.click()
    expect(page.get_by_role("option", name=re.compile("^Soleus")).first).to_be_visible()
    page.keyboard.press("Escape")
    # while that view is shown, the address bar keeps the link, written out in full: a reload reopens it
    page.wait_for_function("location.search.startsWith('?region=heel-r&tp=')", timeout=15_000)
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Heel (underside) (right)")).to_be_visible(timeout=15_000)


def test_unknown_region_in_link_shows_a_notice(page, app_url):
    page.goto(f"{app_url}/?region=nowhere-x")
    wait_idle(page)
    expect(page.get_by_text("an area we don't know")).to_be_visible(timeout=15_000)
    assert "Traceback" not in panel_text(page)


def test_phone_width_stacks_views_and_a_tap_works(phone, app_url, body):
    open_app(phone, app_url)
    phone.get_by_text("Front and back", exact=True).click()  # a phone starts with one view
    wait_idle(phone)
    phone.wait_for_function(HIT_CHARTS + ".length === 2", timeout=15_000)
    phone.wait_for_function(CHARTS_LAID_OUT, timeout=15_000)  # the second view measures 0 by 0 at first
    boxes = phone.evaluate(
        HIT_CHARTS + ".map(gd => { const b = gd.getBoundingClientRect(); "
        "return {y: b.top + scrollY, height: b.height, width: b.width}; })"
    )
    first, second = boxes[0], boxes[1]
    assert second["y"] >= first["y"] + first["height"] - 5, "views should stack on a phone"
    assert first["width"] <= 390
    click_region(phone, body, "jaw-r")
    expect(phone.get_by_role("heading", name="Jaw (right)")).to_be_visible(timeout=15_000)


def tap_and_wait_for_link(page, body, region_id: str, marked: bool = True) -> None:
    """Tap an area on the where-it-hurts map and wait until the link shows it (un)marked."""
    click_region(page, body, region_id)
    test = "" if marked else "!"
    page.wait_for_function(f"{test}location.search.includes('{region_id}')", timeout=15_000)
    wait_idle(page)


def open_where_it_hurts(page, app_url) -> None:
    page.goto(f"{app_url}/where_it_hurts")
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .scatterlayer")


def test_where_it_hurts_two_clicks_rank_the_muscle_that_explains_both(page, app_url, body):
    open_where_it_hurts(page, app_url)
    tap_and_wait_for_link(page, body, "outer_hip-r")
    tap_and_wait_for_link(page, body, "outer_lower_leg-r")
    # the new top suggestion is the one shown
    chosen = page.get_by_role("combobox", name="Choose one to see its pattern and what to do")
    expect(chosen).to_have_value(re.compile(r"^1\. Gluteus minimus"), timeout=15_000)


def test_condition_to_muscle_to_map(page, app_url):
    page.goto(f"{app_url}/conditions?condition=tension-type-headache")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Tension-type headache")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Upper trapezius").first.click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Upper trapezius", exact=True)).to_be_visible(timeout=15_000)
    assert "muscle=upper-trapezius" in page.url
    pattern_drawn(page)


def test_first_visit_of_a_fresh_server_can_be_a_deep_link_to_any_page(browser):
    """Streamlit runs a `pages/` file on its own until st.navigation has run once; the launcher
    (ui/serve.py) must send even the very first request through app.py's navigation."""
    app = local_app.start_app()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{app.url}/muscles?muscle=masseter")
        wait_idle(page)
        expect(page.get_by_role("heading", name="Masseter", exact=True)).to_be_visible(timeout=20_000)
        # app.py's navigation (menus "Explore" and "Learn" at the top), not the old mode's
        # sidebar listing of file names
        expect(page.get_by_text("Learn", exact=True)).to_be_visible()
        expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(0)
        page.close()
    finally:
        app.stop()


def test_where_it_hurts_lasso_marks_every_area_inside_the_loop(page, app_url, body):
    page.goto(f"{app_url}/where_it_hurts")
    wait_idle(page)
    page.get_by_text("Draw around areas (lasso)").click()
    wait_idle(page)
    page.wait_for_function(HIT_CHARTS + ".every(gd => gd._fullLayout.dragmode === 'lasso')")
    # a loop around both knees in the front view
    knees = [body.regions[r].polygon.centroid for r in ("front_of_knee-r", "front_of_knee-l")]
    y = knees[0].y
    corners = [
        (knees[0].x - 45, y - 40),
        (knees[1].x + 45, y - 40),
        (knees[1].x + 45, y + 40),
        (knees[0].x - 45, y + 40),
    ]
    points = [chart_point(page, 0, x, yy) for x, yy in corners]
    page.mouse.move(*points[0])
    page.mouse.down()
    for p in points[1:] + points[:1]:
        page.mouse.move(*p, steps=8)
    page.mouse.up()
    page.wait_for_function(
        "location.search.includes('front_of_knee-r') && location.search.includes('front_of_knee-l')", timeout=15_000
    )
    wait_idle(page)
    expect(page.locator(".st-key-pain_area_list")).to_contain_text("front of knee (right)")


def test_hovering_a_region_lights_it(page, app_url, body):
    open_app(page, app_url)
    from driver import safest_hit_point

    painted = "() => " + HIT_CHARTS + ".flatMap(gd => [...gd.querySelectorAll('path.point')])"
    painted += ".filter(n => getComputedStyle(n).visibility === 'visible').length"
    assert page.evaluate(painted) == 0  # the invisible targets are kept out of painting

    x, y = chart_point(page, 0, *safest_hit_point(body, "upper_abdomen-r"))
    page.mouse.move(x, y)
    page.mouse.move(x + 1, y + 1)
    page.wait_for_function(HIT_CHARTS + "[0].dataset.litRegion === 'upper_abdomen-r'", timeout=10_000)
    lit = page.evaluate(
        """() => {
        const gd = """
        + HIT_CHARTS
        + """[0];
        const trace = gd.data.findIndex(t => t.name === 'regions' && t.mode === 'markers');
        const nodes = gd.querySelectorAll('.scatterlayer .trace')[trace].querySelectorAll('path.point');
        const ids = gd.data[trace].customdata;
        // painted: visible and not transparent (the other targets stay out of painting)
        const shown = (n) => getComputedStyle(n).opacity !== '0' && getComputedStyle(n).visibility === 'visible';
        const on = [...nodes].map((n, i) => [ids[i], shown(n)]).filter(([, s]) => s);
        return [...new Set(on.map(([id]) => id))];
    }"""
    )
    assert lit == ["upper_abdomen-r"]


def test_therapist_downloads_a_handout_with_a_note(page, app_url):
    """Typed, then straight to the button (no Ctrl+Enter, as people do): the handout carries the
    note. A download button clicked right after typing gave the file made before the note (5 of 5
    had none), or none at all when the run the typing started dropped it first."""
    page.goto(f"{app_url}/?region=temple-l&tp=upper-trapezius-1@left")
    wait_idle(page)
    page.get_by_text(MORE).click()
    page.get_by_role("tab", name="PDF handout").click()
    page.get_by_label("A note to print on it (optional)").fill("Twice a day")
    page.get_by_role("button", name="Make the handout").click()
    download_button = page.get_by_role("button", name="Download the handout")
    expect(download_button).to_be_visible(timeout=15_000)
    wait_idle(page)
    expect(page.get_by_text("Twice a day", exact=True)).to_be_visible()  # the note it carries
    with page.expect_download(timeout=30_000) as download:
        download_button.click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    assert "Twice a day" in pdf_words(data)
    assert download.value.suggested_filename == "trigger-map-upper-trapezius-1-left.pdf"


def test_clicking_a_step_of_the_cycle_explains_it(page, app_url):
    import json

    from conftest import ROOT

    from trigger_map.cycle import positions

    steps = json.loads((ROOT / "content" / "cycle.json").read_text())["steps"]
    page.goto(f"{app_url}/cycle")
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .scatterlayer")
    i = 3  # the fourth step, placed clockwise from the top like the figure does
    press_where_hovered(page, *chart_point(page, 0, *positions(len(steps))[i], hits=False))
    expect(page.get_by_role("heading", name=steps[i]["title"], exact=True)).to_be_visible(timeout=15_000)


def test_cycle_labels_are_whole_and_clear_of_the_circles_on_a_phone(phone, app_url):
    phone.goto(f"{app_url}/cycle")
    wait_idle(phone)
    phone.wait_for_selector(".js-plotly-plot .scatterlayer .point")
    found = phone.evaluate("""() => {
        const box = e => { const b = e.getBoundingClientRect();
                           return {l: b.left, r: b.right, t: b.top, b: b.bottom}; };
        const gd = document.querySelector('.js-plotly-plot');
        return {chart: box(gd), page: document.documentElement.clientWidth,
                labels: [...gd.querySelectorAll('.annotation-text')].filter(t => t.textContent).map(
                    t => ({text: t.textContent, ...box(t)})),
                circles: [...gd.querySelectorAll('.scatterlayer .point')].map(box)};
    }""")
    assert len(found["labels"]) == len(found["circles"]) >= 5
    assert found["chart"]["l"] >= 0 and found["chart"]["r"] <= found["page"]

    def overlap(a, c):
        return a["l"] < c["r"] and c["l"] < a["r"] and a["t"] < c["b"] and c["t"] < a["b"]

    for label in found["labels"]:
        assert found["chart"]["l"] <= label["l"] and label["r"] <= found["chart"]["r"], label  # not cut
        assert not any(overlap(label, circle) for circle in found["circles"]), label


def test_where_it_hurts_a_second_tap_unmarks(page, app_url, body):
    open_where_it_hurts(page, app_url)
    tap_and_wait_for_link(page, body, "calf-l")
    tap_and_wait_for_link(page, body, "calf-l", marked=False)
    expect(page.locator("[data-testid=stMultiSelect]").first).not_to_contain_text("calf (left)")


def test_clicking_the_same_area_again_still_answers(page, app_url, body):
    """The hit layer keeps its selection between clicks (its figure does not change), so a second
    click on the same point arrives as a deselection; it must still count as a click."""
    open_app(page, app_url)
    click_region(page, body, "calf-r")
    expect(page.get_by_role("heading", name="Calf (right)")).to_be_visible(timeout=15_000)
    wait_idle(page)
    choice = page.get_by_role("combobox", name=re.compile("trigger points can send pain here"))
    first = choice.input_value()
    choice.click()
    page.get_by_role("option").nth(1).click()  # look at the second suggestion instead of the first
    expect(choice).not_to_have_value(first, timeout=15_000)
    after_change(page)
    click_region(page, body, "calf-r")  # the same point again: back to the most likely trigger point
    expect(choice).to_have_value(first, timeout=15_000)
    wait_idle(page)


def test_details_open_on_demand(page, app_url):
    """A closed detail section sends only its title; opening it fetches its content."""
    page.goto(f"{app_url}/?region=temple-l")
    wait_idle(page)
    main = page.locator("[data-testid=stMain]")
    expect(main.get_by_text(MORE)).to_be_visible(timeout=15_000)
    expect(main.get_by_role("tab")).to_have_count(0)
    expect(main.get_by_text("Innervation.")).to_have_count(0)
    main.get_by_text(MORE).click()
    main.get_by_role("tab", name="Anatomy").click()
    expect(main.get_by_text("Innervation.")).to_be_visible(timeout=15_000)
    main.get_by_role("tab", name="PDF handout").click()
    expect(page.get_by_role("button", name="Make the handout")).to_be_visible(timeout=15_000)
    expect(main.get_by_text("Innervation.")).to_have_count(0)  # only the chosen tab is made
    # the red flags' details: a disclosure in the page, opened by the keyboard too
    sign = main.get_by_text("Signs to report:").first
    expect(sign).to_be_hidden()
    main.locator(".tm-flags summary").focus()
    page.keyboard.press("Enter")
    expect(sign).to_be_visible()


def test_pictures_and_hit_layer_share_one_frame(page, app_url):
    """The body and highlight pictures lie exactly under the clickable chart, at laptop and phone
    widths: same box, and the chart's drawing area maps drawing units as the pictures' viewBox does
    (uniform scale, centred)."""
    for width, views in ((1400, "Front and back"), (390, "Front and back"), (1400, "Back")):
        page.set_viewport_size({"width": width, "height": 1000})
        page.goto(f"{app_url}/?region=temple-l")
        wait_idle(page)
        page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=30_000)
        if views != "Front and back":  # one view, drawn taller
            page.get_by_role("radio", name=views, exact=True).click()
            after_change(page)
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length === 1", timeout=15_000)
        settled(page)  # pictures decoded and every chart laid out: a new chart measures 0 by 0 at first
        # the clickable views (a picture-only stack, the whole view of an X the map does not show, has no chart)
        boxes = page.evaluate("""() => [...document.querySelectorAll('[class*="-stack"]')]
          .filter(stack => stack.querySelector('.js-plotly-plot')).map(stack => {
            const imgs = [...stack.querySelectorAll('[data-testid=stImage] img')].map(i => i.getBoundingClientRect());
            const gd = stack.querySelector('.js-plotly-plot');
            const box = gd.getBoundingClientRect(), fl = gd._fullLayout;
            // where the chart puts two corners of the frame (drawing units)
            const x0 = fl.xaxis.range[0], x1 = fl.xaxis.range[1];
            return {imgs: imgs.map(r => [r.left, r.top, r.width, r.height]),
                    chart: [box.left, box.top, box.width, box.height],
                    scale_x: Math.abs(fl.xaxis._m), scale_y: Math.abs(fl.yaxis._m),
                    mid_x: box.left + fl._size.l + fl.xaxis.l2p((x0 + x1) / 2),
                    mid_y: box.top + fl._size.t + fl.yaxis.l2p(424)};
        })""")
        assert len(boxes) == (2 if views == "Front and back" else 1), boxes
        # the back alone: the temple's most likely trigger point (the temporalis) is drawn under it, front
        insets = page.locator(".st-key-explorer_map_whole_front-stack [data-testid=stImage] img").count()
        assert insets == (0 if views == "Front and back" else 2)
        for b in boxes:
            assert b["chart"][3] == (600 if len(boxes) == 2 else 780), b
            for img in b["imgs"]:
                assert all(abs(p - q) <= 1 for p, q in zip(img, b["chart"], strict=False)), (width, img, b["chart"])
            left, top, w, h = b["chart"]
            # object-fit: contain of a 424 x 848 viewBox: scale and centre
            scale = min(w / 424, h / 848)
            assert abs(b["scale_x"] - scale) < 0.01 and abs(b["scale_y"] - scale) < 0.01, (width, b, scale)
            assert abs(b["mid_x"] - (left + w / 2)) <= 1 and abs(b["mid_y"] - (top + h / 2)) <= 1, (width, b)


TEXT_PAGES = [
    "nmt",
    "evidence",
    "conditions?condition=tension-type-headache",
    "benefits",
    "muscles?muscle=infraspinatus",
    "quiz",
]


def test_text_pages_look_like_the_product(page, app_url):
    """Every page: the app's name and tagline above the title, the title near the top, our own
    favicon (nothing fetched from another server), and text at a readable measure."""
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:")) else None)
    for path in TEXT_PAGES:
        page.goto(f"{app_url}/{path}")
        wait_idle(page)
        expect(page.locator(".tm-brand")).to_contain_text("Trigger Map")
        found = page.evaluate("""() => {
            const title = document.querySelector('[data-testid=stMain] h1').getBoundingClientRect();
            const brand = document.querySelector('.tm-brand').getBoundingClientRect();
            const icon = document.querySelector('link[rel~=icon]');
            // characters per line of the longest paragraph: its text over its number of lines
            const ps = [...document.querySelectorAll('[data-testid=stMarkdownContainer] p')];
            const p = ps.sort((a, b) => b.textContent.length - a.textContent.length)[0];
            const lines = p.getClientRects().length && Math.round(
                p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
            return {title: title.top, brand: brand.bottom, icon: icon && icon.href,
                    perLine: p.textContent.length / lines, lines};
        }""")
        assert found["brand"] <= found["title"] < 200, (path, found)
        assert found["icon"] and found["icon"].startswith((app_url, "data:")), (path, found)
        if found["lines"] > 1:
            assert found["perLine"] <= 85, (path, found)
    assert not outside, outside
