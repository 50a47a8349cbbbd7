"""Trigger Map speed benchmark: our explorer measured next to a bare Streamlit + Plotly floor app.

    .venv/bin/python benchmarks/run.py [--clicks 20] [--cold-runs 5] [--sessions 20] [--quick]

Starts its own servers on free ports (and stops them), drives headless Chromium with Playwright,
prints a table and writes benchmarks/results/latest.json. Exit code 0: every budget met; 1: a
budget missed; 2: it could not run (e.g. Chromium missing). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import time
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from trigger_map import local_app

if TYPE_CHECKING:
    from trigger_map.figures import Highlight
    from trigger_map.lookup import Engine

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
EXPLORER_SCRIPT = ROOT / "app.py"
FLOOR_SCRIPT = ROOT / "benchmarks" / "floor_app.py"
VIEWPORT = {"width": 1400, "height": 1000}

BUDGETS = {
    "click_ratio": 1.3,  # explorer median click <= 1.3 x floor median
    "tap_ratio": 1.3,  # the same with a finger at 390 px (both tapped the same way)
    "pain_tap_ratio": 1.5,  # a tap on Where it hurts <= 1.5 x the floor's tap
    "click_misses": 0,  # clicks with no answer
    "cold_ratio": 1.5,  # explorer cold start <= 1.5 x floor
    "first_visit_ratio": 1.3,  # the first visit after the server starts <= 1.3 x the floor's
    "payload_kb": 300.0,  # hit charts + pictures, front + back, per render
    "session_mb": 2.0,  # server RSS per open session
    "lookup_ms": 2.0,  # Engine.suggest median on the real dataset
    "lookup_100x_ms": 50.0,  # ... on a dataset 100 times larger
    "handout_ms": 1000.0,  # a handout PDF made, median, for a note in any script
}

# The handout's notes: plain English (no shaping, DejaVu only), Arabic (shaped), Chinese (the 4 MB
# fallback font read), emoji (Symbola).
HANDOUT_NOTES = {
    "English": "Twice a day, gently: 5-6 out of 10, 30-90 seconds.",
    "Arabic": "\u0645\u0631\u062a\u064a\u0646 \u0641\u064a \u0627\u0644\u064a\u0648\u0645",
    "Chinese": "\u6bcf\u5929\u4e24\u6b21\uff0c\u8f7b\u8f7b\u5730",
    "emoji": "Twice a day \U0001f44d",
}

# Installed in every page before its own scripts run. Timestamps are the page's performance.now():
# `press` when the mousedown reaches the page, `done` in the first DOM mutation batch where the
# answer is visible and Streamlit reports its script not running, `ready` when the map is drawn.
PAGE_PROBE = """
(need => {
  const B = window.__bench = {need, ready: null, press: null, armed: null, last: null};
  const pressed = () => { if (B.armed && B.press === null) B.press = performance.now(); };
  window.addEventListener('mousedown', pressed, true);
  window.addEventListener('touchstart', pressed, true);
  // Where it hurts: is this area in the link's marked areas (`areas=<id>:<severity>,...`)?
  B.marked = id => decodeURIComponent(location.search).split(/[?&]/)
    .filter(p => p.startsWith('areas=')).some(p => p.slice(6).split(',').some(a => a.split(':')[0] === id));
  const state = () => { const a = document.querySelector('[data-testid=stApp]');
                        return a && a.getAttribute('data-test-script-state'); };
  const mapDrawn = () => {
    const charts = document.querySelectorAll('.js-plotly-plot');
    if (charts.length < B.need) return false;
    for (const gd of charts) if (!gd._fullLayout || !gd.querySelector('.scatterlayer .trace')) return false;
    // the explorer's body and highlight pictures under each chart: present and decoded
    const pictures = [...document.querySelectorAll('[class*="-stack"] [data-testid=stImage] img')];
    if (B.need > 1 && pictures.length < 2 * B.need) return false;
    return pictures.every(img => img.complete && img.naturalWidth > 0);
  };
  const answered = a => {
    if (state() !== 'notRunning') return false;
    if (a.kind === 'url') return B.marked(a.text) !== a.marked;  // the tap marked or unmarked it
    const selector = a.kind === 'heading' ? '[data-testid=stMain] h3' : '[data-testid=stText]';
    for (const e of document.querySelectorAll(selector)) if (e.textContent.trim() === a.text) return true;
    return false;
  };
  const check = () => {
    const now = performance.now();
    if (B.ready === null && state() === 'notRunning' && mapDrawn()) B.ready = now;
    const a = B.armed;
    if (a && B.press !== null) {
      B.last = now;
      if (a.done === null && answered(a)) a.done = now;
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true,
                                                  characterData: true});
  // Where it hurts answers in the link: the address can change after the last DOM change
  for (const name of ['replaceState', 'pushState']) {
    const original = history[name].bind(history);
    history[name] = (...args) => { const out = original(...args); check(); return out; };
  }
})
"""

# The clickable charts (each view's hit layer, stacked over its drawing in the explorer).
CHART_POINT = """([i, x, y]) => {
    const gd = [...document.querySelectorAll('.js-plotly-plot')]
        .filter(gd => (gd.data || []).some(t => t.name === 'regions' && t.mode === 'markers'))[i];
    gd.scrollIntoView({block: 'center'});
    const box = gd.getBoundingClientRect();
    const fl = gd._fullLayout;
    return [box.left + fl._size.l + fl.xaxis.l2p(x), box.top + fl._size.t + fl.yaxis.l2p(y)];
}"""

# The first of a region's hit points (drawing units) whose place on screen lies farther than a finger's
# reach of an X mark (page script: a tap within the X's radius chooses the X); its pixel position.
CLEAR_OF_X_MARKS = (
    """([i, points]) => {
    const place = """
    + CHART_POINT
    + """;
    const gd = [...document.querySelectorAll('.js-plotly-plot')]
        .filter(gd => (gd.data || []).some(t => t.name === 'regions' && t.mode === 'markers'))[i];
    const fl = gd._fullLayout;
    const marks = (gd._fullData || []).filter(t => t.name !== 'regions' && t.x)
        .flatMap(t => t.x.map((x, k) => [fl.xaxis.l2p(x), fl.yaxis.l2p(t.y[k]), (t.marker.size || 6) / 2 + 4]));
    for (const [x, y] of points) {
        const px = fl.xaxis.l2p(x), py = fl.yaxis.l2p(y);
        if (marks.every(([mx, my, r]) => Math.hypot(mx - px, my - py) > r)) return place([i, x, y]);
    }
    return place([i, ...points[0]]);
}"""
)

_servers: list[subprocess.Popen] = []


# ----------------------------------------------------------------------------- helpers


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def chromium_path() -> str:
    try:
        return local_app.chromium_path()
    except local_app.LocalAppError as error:
        log(f"{error}; the browser benchmarks cannot run without it.")
        sys.exit(2)


def start_server(script: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """The app through its launcher (as scripts/run.sh starts it), the floor with `streamlit run`."""
    app = local_app.start_app(script, env=env, timeout=60)
    _servers.append(app.process)
    return app.process, app.url


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    if process in _servers:
        _servers.remove(process)


def stop_all_servers(*_) -> None:
    for process in list(_servers):
        stop_server(process)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc (the memory benchmark needs Linux)")


def stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "median": None, "p90": None, "min": None, "max": None}
    return {
        "n": len(values),
        "median": float(np.median(values)),
        "p90": float(np.percentile(values, 90)),
        "min": float(min(values)),
        "max": float(max(values)),
    }


# ----------------------------------------------------------------------------- targets


@dataclasses.dataclass
class Target:
    region: str
    view: str
    label: str  # what the hover label and the panel heading say
    points: list[tuple[float, float]]  # the region's hit points, farthest from other regions first
    clearance: float


def click_targets(body) -> dict[str, Target]:
    """Every region with its hit points ordered as tests/browser/driver.py picks them."""
    grid = body.hit_grid()
    targets = {}
    for view in ("front", "back"):
        in_view = [(x, y, r) for v, x, y, r in grid if v == view]
        xy = np.array([(x, y) for x, y, _ in in_view])
        ids = np.array([r for _, _, r in in_view])
        for region in sorted(set(ids)):
            own, other = xy[ids == region], xy[ids != region]
            distance = np.sqrt(((own[:, None, :] - other[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
            order = np.argsort(-distance, kind="stable")
            targets[region] = Target(
                region,
                view,
                body.regions[region].display_label,
                [(float(own[i][0]), float(own[i][1])) for i in order],
                float(distance[order[0]]),
            )
    return targets


# A hit point is clicked only if no other region's point lies within 12 drawing units: at the map's
# drawn scale (about 0.6 px a unit) Plotly's hover radius (marker size 11 -> 5.5 px) otherwise
# covers a neighbour's point too, and on a tie Plotly picks the point that comes first.
CLEARANCE = 12.0


def spread(items: list, n: int) -> list:
    if n >= len(items):
        return list(items)
    return [items[round(i * (len(items) - 1) / max(n - 1, 1))] for i in range(n)]


def choose_regions(
    targets: dict[str, Target], n: int, warmup: int, keep=lambda region: True
) -> tuple[list, list, list, list]:
    """Measured and warm-up regions: explorer alternates front/back, the floor (front only) its own.
    `keep`: which regions the app can take (the Body map opens a close-up for some)."""
    clear = {
        v: [t for t in targets.values() if t.view == v and t.clearance >= CLEARANCE and keep(t.region)]
        for v in ("front", "back")
    }
    front, back = clear["front"], clear["back"]
    n_back = max(0, min(n // 2, len(back) - warmup))
    n_front = n - n_back
    # fewer areas than clicks (a finger's large areas): go round them again, never one twice in a row
    measured_front = (
        spread(front, n_front) if n_front <= len(front) else [front[i % len(front)] for i in range(n_front)]
    )
    measured_back = spread(back, n_back)
    explorer = []
    for i in range(max(n_front, n_back)):
        explorer += ([measured_front[i]] if i < n_front else []) + ([measured_back[i]] if i < n_back else [])
    rest_front = [t for t in front if t not in measured_front] or front
    rest_back = [t for t in back if t not in measured_back] or back or front
    explorer_warm = [
        (rest_front if i % 2 == 0 else rest_back)[(i // 2) % len(rest_front if i % 2 == 0 else rest_back)]
        for i in range(warmup)
    ]
    floor = spread(front, n)
    floor_warm = [t for t in front if t not in floor][:warmup] or front[:warmup]
    return explorer, explorer_warm, floor, floor_warm


# ----------------------------------------------------------------------------- browser driving


class App:
    """One app under test: its URL, how many charts make its map, how a click's answer shows."""

    def __init__(self, name: str, url: str, charts: int, answer: str, device: str = "mouse"):
        self.name, self.url, self.charts, self.answer, self.device = name, url, charts, answer, device

    def chart_index(self, target: Target) -> int:
        return 1 if (self.charts == 2 and target.view == "back") else 0

    def expected(self, target: Target) -> tuple[str, str]:
        if self.answer == "heading":  # the explorer's panel: ### <label, capitalised>
            return "heading", target.label.capitalize()
        if self.answer == "url":  # Where it hurts: the marked areas are in the link
            return "url", target.region
        return "text", f"Clicked: {target.region}"

    def hover_text(self, target: Target) -> str:
        return target.label if self.answer == "heading" else target.region


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def new_page(browser, app: App):
    context = browser.new_context(**(PHONE if app.device == "touch" else {"viewport": VIEWPORT}))
    context.add_init_script(f"{PAGE_PROBE}({app.charts})")
    page = context.new_page()
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    page.frames_received = frames
    return context, page


def open_app(page, app: App, timeout: float = 60_000) -> dict:
    """Navigate; return the page's own time from navigation start to the map drawn and script idle."""
    started = time.perf_counter()
    page.goto(app.url)
    page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=timeout)
    wall = (time.perf_counter() - started) * 1000
    return {"ms": page.evaluate("() => window.__bench.ready"), "wall_ms": wall, "ws_bytes": sum(page.frames_received)}


def hover(page, app: App, target: Target) -> bool:
    """Hover the region's safest hit point (then a nudge), as tests/browser/driver.py does."""
    index = app.chart_index(target)
    wanted = app.hover_text(target)
    for x, y in target.points[:8]:  # the next-safest points if a trigger point's X is in the way
        px, py = page.evaluate(CHART_POINT, [index, x, y])
        page.mouse.move(px, py)
        page.wait_for_timeout(250)
        page.mouse.move(px + 0.5, py + 0.5)
        try:
            page.wait_for_selector(".hoverlayer .hovertext", timeout=3_000)
        except Exception:
            continue
        shown = page.evaluate(
            "() => [...document.querySelectorAll('.hoverlayer .hovertext')].map(e => e.textContent).join(' | ')"
        )
        if wanted in shown:
            return True
    return False


def click(page, app: App, target: Target, timeout: float, settle: float) -> dict:
    """Hover, press; time from the press reaching the page to the answer shown and script idle."""
    result: dict = {"app": app.name, "region": target.region, "view": target.view}
    if app.device == "touch":  # a finger: nothing hovers first; aim at the region's safest point
        result["hovered"] = True  # clear of the X marks shown (a finger on an X chooses the X)
        px, py = page.evaluate(CLEAR_OF_X_MARKS, [app.chart_index(target), target.points[:8]])
        page.wait_for_timeout(150)  # the page scrolled to the chart: let it settle
    else:
        result["hovered"] = hover(page, app, target)
    kind, text = app.expected(target)
    page.evaluate(
        "([kind, text]) => { const B = window.__bench; B.press = null; B.last = null;"
        " B.armed = {kind, text, done: null, marked: kind === 'url' && B.marked(text)}; }",
        [kind, text],
    )
    frames_before = len(page.frames_received)
    started = time.perf_counter()
    if app.device == "touch":
        page.touchscreen.tap(px, py)
    else:
        page.mouse.down()
        page.mouse.up()
    try:
        page.wait_for_function("() => window.__bench.armed.done !== null", timeout=timeout)
        wall = (time.perf_counter() - started) * 1000
        try:  # let the charts finish redrawing: no DOM change for `settle` ms (at most 5 s)
            page.wait_for_function(
                "q => performance.now() - window.__bench.last > q", arg=settle, timeout=5_000, polling=50
            )
        except Exception:
            pass
        probe = page.evaluate("() => window.__bench")
        result.update(
            ms=probe["armed"]["done"] - probe["press"],
            wall_ms=wall,
            quiet_ms=(probe["last"] - probe["press"]) if probe["last"] else None,
        )
    except Exception:
        result.update(ms=None, wall_ms=None, quiet_ms=None)
        try:
            page.wait_for_selector(local_app.IDLE, timeout=10_000)
        except Exception:
            pass
    page.evaluate("() => { window.__bench.armed = null; }")
    frames = page.frames_received[frames_before:]
    result.update(ws_frames=len(frames), ws_bytes=sum(frames))
    return result


# ----------------------------------------------------------------------------- benchmarks


def bench_clicks(
    browser, explorer: App, floor: App, floor_front: App | None, targets, args, keep=lambda region: True
) -> dict:
    """Interleaved clicks: the explorer, the floor (our whole hit layer in one trace: it clicks the
    same regions as the explorer) and, for information, the one-view floor (front regions). Only
    regions whose click leaves the map as it is (`keep`): one that opens a close-up changes it."""
    measured_e, warm_e, measured_f, warm_f = choose_regions(targets, args.clicks, args.warmup, keep)
    plan = {"explorer": (explorer, warm_e, measured_e), "floor": (floor, warm_e, measured_e)}
    if floor_front is not None:
        plan["floor_front"] = (floor_front, warm_f, measured_f)
    pages = {}
    for name, (app, _, _) in plan.items():
        context, page = new_page(browser, app)
        open_app(page, app)
        pages[name] = (context, page)
    for i in range(args.warmup):
        for name, (app, warm, _) in plan.items():
            if i < len(warm):
                click(pages[name][1], app, warm[i], args.answer_timeout, args.settle)
    runs: dict[str, list] = {name: [] for name in plan}
    for i in range(max(len(m) for _, _, m in plan.values())):  # interleaved: drift hits all alike
        line = []
        for name, (app, _, measured) in plan.items():
            if i < len(measured):
                r = click(pages[name][1], app, measured[i], args.answer_timeout, args.settle)
                runs[name].append(r)
                line.append(f"{name} {fmt(r['ms'], ' ms') if r['ms'] else 'NO ANSWER'} ({r['region']})")
        log(f"  click {i + 1:2d}: " + ", ".join(line))
    for context, _ in pages.values():
        context.close()
    out = {}
    for name, clicks in runs.items():
        answered = [c["ms"] for c in clicks if c["ms"] is not None]
        out[name] = {
            "clicks": len(clicks),
            "no_answer": len(clicks) - len(answered),
            "not_hovered": sum(not c["hovered"] for c in clicks),
            "ms": stats(answered),
            "quiet_ms": stats([c["quiet_ms"] for c in clicks if c["quiet_ms"] is not None]),
            "ws_kb_per_click": stats([c["ws_bytes"] / 1000 for c in clicks if c["ms"] is not None]),
            "runs": clicks,
        }
    return out


def bench_cold(browser, explorer: App, floor: App, args) -> dict:
    out = {}
    for app in (explorer, floor):  # the server's first visit: imports, data and caches load
        context, page = new_page(browser, app)
        out[f"{app.name}_first_visit"] = open_app(page, app)
        context.close()
    runs: dict[str, list] = {"explorer": [], "floor": []}
    for _ in range(args.cold_runs):
        for app in (explorer, floor):
            context, page = new_page(browser, app)  # a new context: empty cache, new session
            runs[app.name].append(open_app(page, app))
            context.close()
    for name, r in runs.items():
        out[name] = {
            "ms": stats([x["ms"] for x in r]),
            "wall_ms": stats([x["wall_ms"] for x in r]),
            "ws_kb": stats([x["ws_bytes"] / 1000 for x in r]),
            "runs": r,
        }
    return out


def bench_memory(browser, targets, args) -> dict:
    """A fresh explorer server: RSS after one warm-up session, then with N more sessions open."""
    process, url = start_server(EXPLORER_SCRIPT)
    app = App("explorer", url, 2, "heading")
    regions = [t for t in targets.values() if t.clearance >= CLEARANCE]
    try:
        rss_started = rss_mb(process.pid)
        context, page = new_page(browser, app)
        open_app(page, app)
        click(page, app, regions[0], args.answer_timeout, args.settle)
        context.close()
        time.sleep(3)
        rss_before = rss_mb(process.pid)
        contexts, answered = [], 0
        for i in range(args.sessions):
            context, page = new_page(browser, app)
            contexts.append(context)
            open_app(page, app)
            answered += (
                click(page, app, regions[(i + 1) % len(regions)], args.answer_timeout, args.settle)["ms"] is not None
            )
        time.sleep(3)
        rss_after = rss_mb(process.pid)
        for context in contexts:
            context.close()
        time.sleep(3)
        rss_closed = rss_mb(process.pid)
    finally:
        stop_server(process)
    return {
        "sessions": args.sessions,
        "clicks_answered": answered,
        "rss_started_mb": rss_started,
        "rss_before_mb": rss_before,
        "rss_after_mb": rss_after,
        "rss_after_close_mb": rss_closed,
        "per_session_mb": (rss_after - rss_before) / args.sessions,
    }


def _view_bytes(engine: Engine, view: str, highlight: Highlight) -> int:
    """Bytes one view of the map sends: its hit chart as Streamlit serialises it, and its two
    pictures (the highlight and the plain body) as base64 data URLs."""
    import base64

    import plotly.graph_objects as go
    import plotly.io as pio

    from trigger_map.body import body_svg
    from trigger_map.drawing import body_view_svg, highlight_svg
    from trigger_map.figures import hit_figure
    from ui import body_map

    figure = go.Figure(hit_figure(engine.body, view, highlight, body_map.MAP_HEIGHT), _validate=False)
    chart = len(pio.to_json(figure.to_dict(), validate=False).encode())
    pictures = (
        highlight_svg(engine.body, view, highlight) or body_map.NOTHING_LIT,
        body_view_svg(body_svg(), view),
    )
    return chart + sum(len("data:image/svg+xml;base64,") + len(base64.b64encode(p.encode())) for p in pictures)


def bench_payload() -> dict:
    """Bytes the explorer's map sends per render (both views), for every region: each view's hit
    chart as Streamlit serialises it, plus its two pictures as the base64 data URLs Streamlit sends
    (the highlight, and the plain body, counted every time although later runs send only a
    reference to it)."""
    import streamlit.logger

    streamlit.logger.set_log_level("error")  # "missing ScriptRunContext" is expected outside a server
    from trigger_map.body import load_body
    from trigger_map.data import load_dataset
    from trigger_map.lookup import Engine
    from ui.trigger_point_panel import pattern_highlight

    engine = Engine(load_dataset(), load_body())
    sizes, build_ms = {}, []
    for region in engine.body.regions:
        suggestions = engine.referring_to(region)
        tp = suggestions[0].key if suggestions else None  # as the explorer shows a new area
        highlight = pattern_highlight(engine, tp, marked=(region,))
        started = time.perf_counter()
        sizes[region] = {view: _view_bytes(engine, view, highlight) for view in ("front", "back")}
        build_ms.append((time.perf_counter() - started) * 1000)
    totals = sorted(v["front"] + v["back"] for v in sizes.values())
    typical = "temple-l"
    plain = sum(_view_bytes(engine, v, pattern_highlight(engine, None)) for v in ("front", "back"))
    floor_grid = list(engine.body.hit_grid())  # the floor's trace: our whole hit layer
    floor_bytes = _floor_figure_bytes()
    return {
        "typical_region": typical,
        "typical_kb": (sizes[typical]["front"] + sizes[typical]["back"]) / 1000,
        "typical_front_kb": sizes[typical]["front"] / 1000,
        "typical_back_kb": sizes[typical]["back"] / 1000,
        "median_kb": float(np.median(totals)) / 1000,
        "max_kb": totals[-1] / 1000,
        "max_region": max(sizes, key=lambda r: sizes[r]["front"] + sizes[r]["back"]),
        "no_highlight_kb": plain / 1000,
        "floor_kb": floor_bytes / 1000,
        "hit_points": {
            "front": sum(1 for g in engine.body.hit_grid() if g[0] == "front"),
            "back": sum(1 for g in engine.body.hit_grid() if g[0] == "back"),
            "floor": len(floor_grid),
        },
        "build_and_serialise_ms": stats(build_ms),
    }


FLOOR_VIEWS = {"floor": ("front", "back"), "floor_front": ("front",)}


def floor_figure_spec(views=("front", "back")) -> dict:
    """The floor's one figure: one invisible marker trace the size of our hit layer (the points,
    customdata, labels and marker size of `hit_layer` for each of the views, joined into one trace)
    in a drawing area as tall as the explorer's map and as wide as those views side by side."""
    from trigger_map.body import load_body
    from trigger_map.figures import hit_layer
    from trigger_map.frame import BOTTOM, HALF_WIDTH, MIDLINE, TOP
    from ui.body_map import MAP_HEIGHT

    layers = [hit_layer(load_body(), view) for view in views]
    trace = dict(layers[0], hovertemplate="%{customdata}<extra></extra>")
    for key in ("x", "y"):
        trace[key] = np.concatenate([layer[key] for layer in layers])
    for key in ("customdata", "text"):
        trace[key] = [v for layer in layers for v in layer[key]]
    left, right = MIDLINE[views[0]] - HALF_WIDTH, MIDLINE[views[-1]] + HALF_WIDTH
    return {
        "data": [trace],
        "layout": {
            "xaxis": {"range": [left, right], "visible": False, "fixedrange": True},
            "yaxis": {"range": [BOTTOM, TOP], "visible": False, "scaleanchor": "x", "fixedrange": True},
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "height": MAP_HEIGHT,
            "hovermode": "closest",
            "dragmode": False,
        },
    }


def write_floor_figure(name: str = "floor") -> Path:
    """Written before a floor app starts, which reads it (so its server loads no trigger_map).
    Plotly's own JSON: the coordinates stay typed arrays, as our hit layer sends them."""
    import plotly.graph_objects as go
    import plotly.io as pio

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}_figure.json"
    figure = go.Figure(floor_figure_spec(FLOOR_VIEWS[name]), _validate=False)
    path.write_text(pio.to_json(figure.to_dict(), validate=False), encoding="utf-8")
    return path


def _floor_figure_bytes() -> int:
    """The floor's figure as Streamlit sends it."""
    import plotly.graph_objects as go
    import plotly.io as pio

    figure = go.Figure(json.loads(write_floor_figure("floor").read_text(encoding="utf-8")), _validate=False)
    return len(pio.to_json(figure.to_dict(), validate=False).encode())


def _timed(engine, queries: list[dict], repeat: int) -> tuple[list[float], list[int]]:
    """Each query `repeat` times: the times in ms, and each query's number of results."""
    times, results = [], []
    for query in queries:
        for _ in range(repeat):
            started = time.perf_counter_ns()
            found = engine.suggest(query)
            times.append((time.perf_counter_ns() - started) / 1e6)
        results.append(len(found))
    return times, results


def _scaled_engine(engine, scale: int):
    """The engine over `scale` copies of every trigger point (ids made unique)."""
    import pandas as pd

    from trigger_map.lookup import Engine

    tps = engine.dataset.trigger_points
    copies = []
    for k in range(scale):
        copy = tps.copy()
        if k:
            copy["id"] = copy["id"] + f"-copy{k}"
            copy.index = pd.Index(copy["id"], name=tps.index.name)
        copies.append(copy)
    return Engine(dataclasses.replace(engine.dataset, trigger_points=pd.concat(copies)), engine.body)


def _summary(times: list[float], counts: list[int], queries: int) -> dict:
    return {**stats(times), "queries": queries, "results_median": statistics.median(counts)}


def bench_lookup(args) -> dict:
    """Engine.suggest on every single region and 150 random sets of 2-6 with severities, then on
    `args.scale` copies of the dataset."""
    from trigger_map.body import load_body
    from trigger_map.data import load_dataset
    from trigger_map.lookup import Engine

    engine = Engine(load_dataset(), load_body())
    rng = random.Random(20240601)
    regions = engine.region_ids
    singles = [{r: None} for r in regions]
    multis = [{r: rng.randint(0, 10) for r in rng.sample(regions, rng.randint(2, 6))} for _ in range(150)]
    _timed(engine, singles[:20], 1)  # warm-up
    single = _timed(engine, singles, 5)
    multi = _timed(engine, multis, 5)

    started = time.perf_counter()
    big = _scaled_engine(engine, args.scale)
    build_s = time.perf_counter() - started
    big_singles, big_multis = spread(singles, 40), multis[:40]
    _timed(big, big_singles[:3], 1)
    big_single = _timed(big, big_singles, 3)
    big_multi = _timed(big, big_multis, 3)
    return {
        "trigger_points": len(engine.dataset.trigger_points),
        "placed": len(engine.placed),
        "regions": len(regions),
        "single": _summary(*single, len(singles)),
        "multi": _summary(*multi, len(multis)),
        "scale": args.scale,
        "scaled_trigger_points": len(big.dataset.trigger_points),
        "scaled_placed": len(big.placed),
        "scaled_engine_build_s": build_s,
        "scaled_single": _summary(*big_single, len(big_singles)),
        "scaled_multi": _summary(*big_multi, len(big_multis)),
    }


def bench_handout(args) -> dict:
    """handout_pdf for the upper trapezius, with each of HANDOUT_NOTES, `args.handouts` times each
    after one warm-up: milliseconds and the PDF's size."""
    from trigger_map.export import handout_pdf
    from trigger_map.validate import load_engine

    make = partial(handout_pdf, load_engine(), "upper-trapezius-1@left")
    results = {}
    for name, note in HANDOUT_NOTES.items():
        size = len(make(note=note))  # the warm-up
        times = []
        for _ in range(args.handouts):
            started = time.perf_counter_ns()
            make(note=note)
            times.append((time.perf_counter_ns() - started) / 1e6)
        results[name] = {**stats(times), "bytes": size}
    return results


# ----------------------------------------------------------------------------- report


def fmt(value, unit="", digits=0) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}{unit}"


def table(results: dict) -> tuple[str, list[dict]]:
    """The results as a table: one row per figure, with its budget and PASS / FAIL (info: no budget)."""
    rows: list[dict] = []

    def row(metric, ours, floor, check, ok):
        rows.append(
            {
                "metric": metric,
                "ours": ours,
                "floor": floor,
                "check": check,
                "result": "info" if ok is None else ("PASS" if ok else "FAIL"),
            }
        )

    for key, rows_of in (
        ("clicks", _click_rows),
        ("cold_start", _cold_rows),
        ("payload", _payload_rows),
        ("memory", _memory_rows),
        ("lookup", _lookup_rows),
        ("handout", _handout_rows),
    ):
        if key == "cold_start":
            _tap_rows(row, results)  # taps come after the clicks in the table
        if results.get(key):
            rows_of(row, results[key])
    return _render(rows), rows


def _click_rows(row, c: dict) -> None:
    """Mouse clicks at 1400 px against the floor."""
    e, f = c["explorer"], c["floor"]
    em, fm = e["ms"]["median"], f["ms"]["median"]
    ratio = em / fm if em and fm else None
    row(
        "click -> panel, median",
        fmt(em, " ms"),
        fmt(fm, " ms"),
        f"ratio {fmt(ratio, digits=2)} <= {BUDGETS['click_ratio']}",
        ratio is not None and ratio <= BUDGETS["click_ratio"],
    )
    p90r = e["ms"]["p90"] / f["ms"]["p90"] if e["ms"]["p90"] and f["ms"]["p90"] else None
    if c.get("floor_front"):
        ff = c["floor_front"]["ms"]["median"]
        row(
            "click -> panel, median: one-view floor",
            fmt(em, " ms"),
            fmt(ff, " ms"),
            f"ratio {fmt(em / ff if em and ff else None, digits=2)}",
            None,
        )
    row(
        "click -> panel, p90",
        fmt(e["ms"]["p90"], " ms"),
        fmt(f["ms"]["p90"], " ms"),
        f"ratio {fmt(p90r, digits=2)}",
        None,
    )
    row(
        "clicks with no answer",
        f"{e['no_answer']} of {e['clicks']}",
        f"{f['no_answer']} of {f['clicks']}",
        f"<= {BUDGETS['click_misses']}",
        e["no_answer"] <= BUDGETS["click_misses"] and f["no_answer"] <= BUDGETS["click_misses"],
    )
    row(
        "hover showed another area first",
        f"{e['not_hovered']} of {e['clicks']}",
        f"{f['not_hovered']} of {f['clicks']}",
        "",
        None,
    )
    row(
        "click -> last DOM change, median",
        fmt(e["quiet_ms"]["median"], " ms"),
        fmt(f["quiet_ms"]["median"], " ms"),
        "",
        None,
    )
    row(
        "websocket bytes per click, median",
        fmt(e["ws_kb_per_click"]["median"], " KB"),
        fmt(f["ws_kb_per_click"]["median"], " KB"),
        "",
        None,
    )


def _tap_rows(row, results: dict) -> None:
    """Touch taps at 390 px (Body map, Where it hurts) against the floor tapped the same way."""
    for key, label, budget in (
        ("taps", "tap -> panel at 390 px, median", "tap_ratio"),
        ("pain_taps", "Where it hurts tap at 390 px, median", "pain_tap_ratio"),
    ):
        t = results.get(key)
        if t:
            em, fm = t["explorer"]["ms"]["median"], t["floor"]["ms"]["median"]
            ratio = em / fm if em and fm else None
            row(
                label,
                fmt(em, " ms"),
                fmt(fm, " ms"),
                f"ratio {fmt(ratio, digits=2)} <= {BUDGETS[budget]}",
                ratio is not None and ratio <= BUDGETS[budget] and not t["explorer"]["no_answer"],
            )
            row(
                f"{label.split(' median')[0]} no answer",
                f"{t['explorer']['no_answer']} of {t['explorer']['clicks']}",
                f"{t['floor']['no_answer']} of {t['floor']['clicks']}",
                "",
                None,
            )


def _cold_rows(row, cold: dict) -> None:
    """Cold starts and the first visit after the server starts."""
    em, fm = cold["explorer"]["ms"]["median"], cold["floor"]["ms"]["median"]
    ratio = em / fm if em and fm else None
    row(
        f"cold start to map, median of {cold['explorer']['ms']['n']}",
        fmt(em, " ms"),
        fmt(fm, " ms"),
        f"ratio {fmt(ratio, digits=2)} <= {BUDGETS['cold_ratio']}",
        ratio is not None and ratio <= BUDGETS["cold_ratio"],
    )
    ef, ff = cold["explorer_first_visit"]["ms"], cold["floor_first_visit"]["ms"]
    first = ef / ff if ef and ff else None
    row(
        "first visit after server start",
        fmt(ef, " ms"),
        fmt(ff, " ms"),
        f"ratio {fmt(first, digits=2)} <= {BUDGETS['first_visit_ratio']}",
        first is not None and first <= BUDGETS["first_visit_ratio"],
    )


def _payload_rows(row, pay: dict) -> None:
    """What the map sends per render."""
    row(
        f"map sent per render, front+back ({pay['typical_region']})",
        fmt(pay["typical_kb"], " KB", 1),
        fmt(pay["floor_kb"], " KB", 1),
        f"<= {BUDGETS['payload_kb']:.0f} KB",
        pay["typical_kb"] <= BUDGETS["payload_kb"],
    )
    row(
        f"map sent, largest region ({pay['max_region']})",
        fmt(pay["max_kb"], " KB", 1),
        "",
        f"<= {BUDGETS['payload_kb']:.0f} KB",
        pay["max_kb"] <= BUDGETS["payload_kb"],
    )
    row("build + serialise both views, median", fmt(pay["build_and_serialise_ms"]["median"], " ms", 1), "", "", None)


def _memory_rows(row, mem: dict) -> None:
    """Server memory per session."""
    row(
        f"server memory per session ({mem['sessions']} sessions)",
        fmt(mem["per_session_mb"], " MB", 2),
        "",
        f"<= {BUDGETS['session_mb']} MB",
        mem["per_session_mb"] <= BUDGETS["session_mb"],
    )
    row(
        "server RSS: started / warm / with sessions",
        f"{mem['rss_started_mb']:.0f} / {mem['rss_before_mb']:.0f} / {mem['rss_after_mb']:.0f} MB",
        "",
        "",
        None,
    )


def _lookup_rows(row, lk: dict) -> None:
    """The ranking engine, on the real data and scaled up."""
    for key, label, budget in (
        ("single", "one region", "lookup_ms"),
        ("multi", "2-6 regions + severity", "lookup_ms"),
        ("scaled_single", f"one region, {lk['scale']}x data", "lookup_100x_ms"),
        ("scaled_multi", f"2-6 regions, {lk['scale']}x data", "lookup_100x_ms"),
    ):
        row(
            f"Engine.suggest, {label}, median",
            fmt(lk[key]["median"], " ms", 3),
            "",
            f"<= {BUDGETS[budget]:g} ms",
            lk[key]["median"] <= BUDGETS[budget],
        )


def _handout_rows(row, handouts: dict) -> None:
    """The PDF handout, for a note in each script."""
    for name, h in handouts.items():
        row(
            f"handout PDF, {name} note, median ({h['bytes'] / 1000:.0f} KB)",
            fmt(h["median"], " ms"),
            "",
            f"<= {BUDGETS['handout_ms']:g} ms",
            h["median"] <= BUDGETS["handout_ms"],
        )


def _render(rows: list[dict]) -> str:
    """Rows as aligned text columns."""
    widths = [
        max(
            len(str(r[k]))
            for r in rows + [dict(metric="metric", ours="ours", floor="floor", check="ratio / budget", result="result")]
        )
        for k in ("metric", "ours", "floor", "check", "result")
    ]
    header = ["metric", "ours", "floor", "ratio / budget", "result"]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)), "  ".join("-" * w for w in widths)]
    for r in rows:
        keys = ("metric", "ours", "floor", "check", "result")
        lines.append("  ".join(str(r[k]).ljust(w) for k, w in zip(keys, widths, strict=True)))
    return "\n".join(lines)


def environment(browser_version: str | None) -> dict:
    packages: dict[str, str | None] = {}
    for name in ("streamlit", "plotly", "playwright", "pandas", "numpy", "shapely", "tornado", "protobuf"):
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = None
    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
            ).stdout.strip()
            or None
        )
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout.strip()
        )
    except (OSError, subprocess.SubprocessError):
        commit, dirty = None, None
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "uncommitted_changes": dirty,
        "machine": platform.machine(),
        "system": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "packages": packages,
        "chromium": browser_version,
    }


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


ALL_PARTS = ("lookup", "handout", "payload", "cold", "clicks", "taps", "memory")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--clicks", type=int, default=20, help="measured clicks per app (default 20)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up clicks per app (default 3)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold starts per app (default 5)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory benchmark (default 20)")
    parser.add_argument("--scale", type=int, default=100, help="dataset multiple for the large lookup (default 100)")
    parser.add_argument("--answer-timeout", type=float, default=10_000, help="ms before a click counts as unanswered")
    parser.add_argument(
        "--settle",
        type=float,
        default=400,
        help="after an answer, wait until the DOM has not changed for this many ms (default 400)",
    )
    parser.add_argument("--handouts", type=int, default=10, help="handouts timed per note (default 10)")
    parser.add_argument("--only", nargs="+", choices=ALL_PARTS, help="run only these parts")
    parser.add_argument(
        "--quick", action="store_true", help="a fast smoke run: 6 clicks, 2 cold runs, 5 sessions, 3 handouts"
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.clicks, args.cold_runs, args.sessions, args.warmup, args.handouts = 6, 2, 5, 2, 3
    return args


def bench_in_browser(browser, parts: set[str], args, results: dict) -> None:
    """The parts that drive Chromium: cold starts, clicks and taps (against the floor apps,
    started here and stopped after), then memory (its own fresh server)."""
    from trigger_map.body import load_body

    targets = click_targets(load_body())
    if parts & {"cold", "clicks", "taps"}:
        log("starting the explorer and the floor apps ...")
        servers = {
            "explorer": start_server(EXPLORER_SCRIPT),
            "floor": start_server(FLOOR_SCRIPT, {"TRIGGER_MAP_FLOOR_FIGURE": str(write_floor_figure("floor"))}),
            "floor_front": start_server(
                FLOOR_SCRIPT, {"TRIGGER_MAP_FLOOR_FIGURE": str(write_floor_figure("floor_front"))}
            ),
            # the floor tapped the same way: Plotly alone would not select on a first tap
            "floor_taps": start_server(
                FLOOR_SCRIPT,
                {"TRIGGER_MAP_FLOOR_FIGURE": str(write_floor_figure("floor")), "TRIGGER_MAP_FLOOR_TAPS": "1"},
            ),
        }
        try:
            bench_against_floor(
                browser, {name: url for name, (_, url) in servers.items()}, parts, targets, args, results
            )
        finally:
            for process, _ in servers.values():
                stop_server(process)
    if "memory" in parts:
        log(f"memory: a fresh explorer server, {args.sessions} sessions ...")
        results["memory"] = bench_memory(browser, targets, args)


def bench_against_floor(browser, urls: dict[str, str], parts: set[str], targets, args, results: dict) -> None:
    from trigger_map.body import load_body
    from trigger_map.closeups import closeups_of

    explorer = App("explorer", urls["explorer"], 2, "heading")
    floor = App("floor", urls["floor"], 1, "text")
    floor_front = App("floor_front", urls["floor_front"], 1, "text")
    if "cold" in parts:
        log(f"cold start: {args.cold_runs} runs per app after a first visit ...")
        results["cold_start"] = bench_cold(browser, explorer, floor, args)
    else:  # the click benchmark still wants warm servers
        bench_cold(browser, explorer, floor, argparse.Namespace(cold_runs=0))
    closeups = closeups_of(load_body())
    if "clicks" in parts:
        log(f"clicks: {args.warmup} warm-up + {args.clicks} measured per app, interleaved ...")
        results["clicks"] = bench_clicks(
            browser,
            explorer,
            floor,
            floor_front,
            targets,
            args,
            keep=lambda r: closeups.opens_on(r, touch=False) is None,
        )
    if "taps" in parts:
        tapped_floor = App("floor", urls["floor_taps"], 1, "text", "touch")
        log("taps: the Body map at 390 px with a touch screen, interleaved with the floor ...")
        results["taps"] = bench_clicks(
            browser,
            App("explorer", urls["explorer"], 2, "heading", "touch"),
            tapped_floor,
            None,
            targets,
            args,
            keep=lambda r: closeups.opens_on(r, touch=True) is None,
        )
        log("taps: Where it hurts at 390 px, each tap marking one more area ...")
        results["pain_taps"] = bench_clicks(
            browser,
            App("explorer", f"{urls['explorer']}/where_it_hurts", 2, "url", "touch"),
            tapped_floor,
            None,
            targets,
            args,
            # a tap on a hand, a foot or the face opens its close-up there too, as on the Body map
            keep=lambda r: closeups.opens_on(r, touch=True) is None,
        )


def write_report(args, results: dict, browser_version: str | None, elapsed: float) -> int:
    """The table on stdout, everything in the JSON file; 1 when a budget is missed."""
    text, rows = table(results)
    failed = [r["metric"] for r in rows if r["result"] == "FAIL"]
    report = {
        **environment(browser_version),
        "command": " ".join([Path(sys.executable).name] + sys.argv),
        "arguments": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "duration_s": round(elapsed, 1),
        "budgets": BUDGETS,
        "table": rows,
        "passed": not failed,
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = args.output.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(report, indent=2, default=float) + "\n")
    temporary.replace(args.output)
    print(text)
    print(
        f"\n{len(rows) - len(failed) - sum(r['result'] == 'info' for r in rows)} budgets met, "
        f"{len(failed)} missed{': ' + '; '.join(failed) if failed else ''}. "
        f"Took {elapsed:.0f} s on {platform.machine()} x {os.cpu_count()} CPUs. "
        f"Results: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    parts = set(args.only or ALL_PARTS)
    browser_parts = parts & {"cold", "clicks", "taps", "memory"}
    chromium = chromium_path() if browser_parts else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    results: dict = {}
    browser_version = None
    try:
        if "lookup" in parts:
            log("lookup: Engine.suggest on the dataset and on a scaled copy ...")
            results["lookup"] = bench_lookup(args)
        if "handout" in parts:
            log("handout: the PDF handout with a note in each script ...")
            results["handout"] = bench_handout(args)
        if "payload" in parts:
            log("payload: what the map sends per render ...")
            results["payload"] = bench_payload()
        if browser_parts:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                try:
                    browser = local_app.launch_chromium(p)
                except Exception as error:
                    log(f"Chromium at {chromium} did not start: {error}")
                    return 2
                browser_version = browser.version
                try:
                    bench_in_browser(browser, parts, args, results)
                finally:
                    browser.close()
    finally:
        stop_all_servers()
    return write_report(args, results, browser_version, time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
