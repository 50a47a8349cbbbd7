"""Driving the app in Chromium: wait on Streamlit's own state, click where a region is drawn."""

from __future__ import annotations

from playwright.sync_api import Page

from trigger_map.local_app import wait_drawn

# What a phone's browser says it is (Chrome on Android): the app starts the Body map with one view.
PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)

# The browser settings the tests open pages with (tests/browser/conftest.py: the page and phone fixtures).
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": PHONE_USER_AGENT,
}


def wait_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script, has drawn every element it sent and
    nothing is still moving (the page's own state, not a sleep). The script can be idle while an
    element's code is still loading (under load that took more than 5 s, with the page drawn but its
    widgets and the app's name not), and while an opened expander still grows."""
    wait_drawn(page, timeout)


def ready_for_audit(page: Page) -> None:
    """The page as a person sees it, for an accessibility audit: the script idle, the app's own
    stylesheet in place (ui/static/app.css sets the captions' contrast), every picture loaded and
    nothing faded as stale by a run still going."""
    wait_idle(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('style')].some(s => s.textContent.includes('.tm-brand'))"
    )
    page.wait_for_function("() => [...document.querySelectorAll('img')].every(i => i.complete)")
    page.wait_for_function("() => document.querySelectorAll('[data-stale=true]').length === 0")
    wait_idle(page)


def serious_violations(page: Page) -> list:
    """An axe-core audit of the page once it is as a person sees it: each serious or critical
    violation's id, impact and its first three places (target and axe's summary)."""
    from axe_playwright_python.sync_playwright import Axe

    ready_for_audit(page)
    result = Axe().run(page)
    return [
        (v["id"], v["impact"], [(n["target"], n.get("failureSummary", "")[-120:]) for n in v["nodes"][:3]])
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def after_change(page: Page) -> None:
    """Wait for the rerun a widget change starts, then for it to finish."""
    try:
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=running]", timeout=3_000)
    except Exception:  # the rerun was already over before we looked
        pass
    wait_idle(page)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=30_000)


# The clickable charts: each view's hit layer, stacked over its drawing.
HIT_CHARTS = (
    "[...document.querySelectorAll('.js-plotly-plot')]"
    ".filter(gd => (gd.data || []).some(t => t.name === 'regions' && t.mode === 'markers'))"
)

# Every clickable chart laid out: a chart Streamlit has just put on the page measures 0 by 0 for a
# frame or so (seen when a phone switches to both views), and a position read then is wrong.
CHARTS_LAID_OUT = f"() => {HIT_CHARTS}.every(gd => gd.getBoundingClientRect().height > 0)"


def chart_point(
    page: Page, chart_index: int, x: float, y: float, hits: bool = True, settle: bool = True
) -> tuple[float, float]:
    """Screen position of drawing coordinates (x, y) in the n-th clickable map chart on the page
    (or, with hits=False, in the n-th Plotly chart of any kind). `settle=False` skips the wait for
    the page to settle (about 80 ms: two frames and three checks), for a page that cannot change:
    one whose answers from the app are held back, already settled."""
    charts = HIT_CHARTS if hits else "[...document.querySelectorAll('.js-plotly-plot')]"
    if settle:
        settled(page)
    return page.evaluate(
        """([i, x, y]) => {
        const gd = """
        + charts
        + """[i];
        gd.scrollIntoView({block: 'center'});
        const box = gd.getBoundingClientRect();
        const fl = gd._fullLayout;
        return [box.left + fl._size.l + fl.xaxis.l2p(x), box.top + fl._size.t + fl.yaxis.l2p(y)];
    }""",
        [chart_index, x, y],
    )


def settled(page: Page) -> None:
    """Wait until the map's pictures are decoded and two frames have been drawn: positions read
    before that can move when a picture or the panel beside the map finishes drawing."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stImage] img')].every(i => i.complete)", timeout=10_000
    )
    page.wait_for_function(CHARTS_LAID_OUT, timeout=10_000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def safest_hit_point(body, region_id: str) -> tuple[float, float]:
    """The region's hit point farthest from any other region's hit point (Plotly picks the closest)."""
    import numpy as np

    view = body.regions[region_id].view
    grid = [(x, y, r) for v, x, y, r in body.hit_grid() if v == view]
    own = np.array([(x, y) for x, y, r in grid if r == region_id])
    other = np.array([(x, y) for x, y, r in grid if r != region_id])
    distances = np.sqrt(((own[:, None, :] - other[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    return tuple(own[int(distances.argmax())])


def click_region(page: Page, body, region_id: str) -> None:
    """Hover, pause, then press on a hit point of the region (Plotly picks the point it hovers)."""
    region = body.regions[region_id]
    view_index = 0 if region.view == "front" else 1
    x, y = safest_hit_point(body, region_id)
    press_where_hovered(page, *chart_point(page, view_index, x, y))


def press_where_hovered(page: Page, px: float, py: float) -> None:
    """Point at (px, py), pause as a hand does, nudge, and press once Plotly shows the hover: Plotly
    takes the clicked point from its hover, which it updates at most every 50 ms (two quick moves
    and a press at once left the press with no point under load: 3 of 19 cycle clicks)."""
    page.mouse.move(px, py)
    page.wait_for_timeout(250)
    page.mouse.move(px + 0.5, py + 0.5)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    page.mouse.down()
    page.mouse.up()
