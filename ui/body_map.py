"""The clickable body map: front and back views side by side (stacked on a phone)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Literal

import plotly.graph_objects as go
import streamlit as st

from trigger_map.body import VIEWS, Body, body_svg
from trigger_map.closeups import PHONE_BOX, WHOLE_BODY_SCALE, Closeup, closeup_figure, crop
from trigger_map.drawing import (
    ATTACHMENT_LEGEND,
    CHOSEN_X,
    body_view_svg,
    body_view_url,
    data_url,
    highlight_svg,
    muscles_view_svg,
    muscles_view_url,
)
from trigger_map.figures import MUSCLE_SPACING, Highlight, Marker, hit_figure, muscle_layer, treat_here_marks
from trigger_map.frame import BOTTOM, MARKED, TOP
from trigger_map.lookup import Engine
from trigger_map.map_click import MapClick, read_click

MAP_HEIGHT = 600
SINGLE_VIEW_HEIGHT = 780
CLOSEUP_HEIGHT = int(PHONE_BOX[1])  # the height every close-up's targets were sized for
WHOLE_VIEW_INSET_HEIGHT = 300  # the small whole view under a map that does not show the chosen X
STATIC = Path(__file__).resolve().parent / "static"
# the palette's one home is trigger_map/frame.py: the script gets the chosen-area colour from there
PAGE_SCRIPT = f"window.tmMarkedColour = {MARKED!r};\n" + (STATIC / "map.js").read_text(encoding="utf-8")
STACK_CSS = (STATIC / "map.css").read_text(encoding="utf-8")
# No double click on the map (it has no zoom to reset): Plotly counts two clicks within its delay as a
# double click wherever they land, and a double click clears the selection, so a quick click on a
# second area right after a first one was lost (measured in tests/browser/test_touch.py: 2 of 147).
CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True, "doubleClickDelay": 1}


def _on_select(chart_key: str, on_pick: Callable[[MapClick], None]) -> None:
    """Pass the click in the chart's selection event on to the page.

    On a desktop, Plotly keeps the last clicked point selected, and clicking it again deselects it:
    an empty event. That is a second click on the same point (which unmarks an area on the
    where-it-hurts page), so it is passed on as one. Other empty events (a redrawn chart, a lasso
    cleared) are ignored. A tap on a touch screen always reports its point (static/map.js).
    """
    click = read_click(st.session_state.get(chart_key))
    last_key = f"{chart_key}__last_click"
    if click:
        st.session_state[last_key] = click if click.how == "click" and click.single else None
        on_pick(click)
    elif st.session_state.get(last_key):
        on_pick(replace(st.session_state.pop(last_key), how="again"))


NOTHING_LIT = data_url('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" width="1" height="1"></svg>')

VIEW_CHOICES = {"both": "Front and back", "front": "Front", "back": "Back"}


def on_phone() -> bool:
    """Whether the browser says it is a phone (every phone browser's user agent says "Mobile")."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def view_choice(key: str, phone_default: str = "both", holds: str | None = None) -> tuple[str, ...]:
    """Which views to show: both side by side (stacked on a phone), or one of them, larger. On a
    phone a page may start with one view, so the body fills the first screen. `holds`: the view
    of what was just chosen off the map (from the list, a search, a link); when one view is shown
    and it is the other one, the map turns to it, so what was chosen is drawn where one looks."""
    default: str | None = phone_default if on_phone() else "both"
    state_key = f"{key}_views"
    shown = st.session_state.get(state_key, default)
    if holds in VIEWS and shown in VIEWS and shown != holds:
        st.session_state[state_key] = holds
        default = None  # the value is set: a default as well is a duplicate Streamlit warns of
    choice = st.segmented_control(
        "Show",
        list(VIEW_CHOICES),
        format_func=lambda choice: VIEW_CHOICES[choice],
        default=default,
        key=state_key,
        persist_state="session",
        label_visibility="collapsed",
    )
    return VIEWS if choice in (None, "both") else (str(choice),)


def map_height(views: tuple[str, ...]) -> int:
    return MAP_HEIGHT if len(views) > 1 else SINGLE_VIEW_HEIGHT


def warm(engine: Engine) -> None:
    """Build the plain pictures and the hit layers (no X marks) of both views at every map size
    before the first visit (ui/serve.py): the same cached objects a first page run would build."""
    for view in VIEWS:
        body_view_url(body_svg(), view)
        for height in (MAP_HEIGHT, SINGLE_VIEW_HEIGHT):
            for lasso in (False, True):
                _hit_chart(engine.body, view, (), height, lasso)


def page_script() -> None:
    """Our own static script (no data in it), once per page run from app.py: one tap selects on a
    touch screen, and the hovered region lights up (static/map.js)."""
    st.html(f"<script>{PAGE_SCRIPT}</script>", unsafe_allow_javascript=True, width="content")


def map_style(key: str, height: int) -> None:
    """Our own static style (no data in it): each view's layers lie one over the other at the
    map's height (static/map.css). A page whose map is in a fragment calls this outside it, so a
    click does not send it again."""
    boxes = ", ".join(f".st-key-{key}_{view}-stack" for view in VIEWS)
    st.html(
        f"<style>{STACK_CSS}\n{boxes} {{--map-height: {height}px;}}\n"
        f".st-key-{key}_closeup-stack {{--map-height: {CLOSEUP_HEIGHT}px;}}</style>",
        width="content",
    )


def body_maps(
    engine: Engine,
    highlight: Highlight,
    key: str,
    on_pick: Callable[[MapClick], None],
    lasso: bool = False,
    views: tuple[str, ...] = VIEWS,
    styled: bool = False,
    closeup: Closeup | None = None,
    muscles: dict[str, str] | None = None,
    muscles_layer: bool = False,
    whole_inset: bool = True,
) -> None:
    """The chosen views (or one close-up), each a chart whose hit layer reports what was clicked
    through `on_pick`. `styled`: the page has already called `map_style` for this key. `muscles`:
    a picture per view (a muscle lit, trigger_map.muscle_overlay) drawn under the highlight.
    `muscles_layer`: every muscle is drawn over the body, and the map's targets are the muscles
    (named on hover; a click reports the muscle in `MapClick.muscles`). `whole_inset`: under the
    map, the whole view of the chosen X when the map does not show it (`whole_view_inset`; off
    where the page already shows the whole body beside a close-up)."""
    names = muscle_names(engine) if muscles_layer else None
    modes: tuple[Literal["points", "box", "lasso"], ...] = ("points", "box", "lasso") if lasso else ("points",)
    height = map_height(views)
    if not styled:
        map_style(key, height)
    if closeup is not None:
        _closeup_map(engine, highlight, key, on_pick, closeup, muscles, muscles_layer, names)
        if whole_inset:
            whole_view_inset(engine, highlight, key=f"{key}_whole", closeup=closeup, muscles=muscles)
        return
    columns = st.columns(len(views), gap="small")
    for column, view in zip(columns, views, strict=False):
        chart_key = f"{key}_{view}"
        # Three layers: the plain body and the highlight are pictures; the clickable hit layer lies
        # over them. Only the highlight changes with a choice, and a picture is cheap to swap; the
        # Plotly chart stays as it is, and an unchanged chart is not redrawn by the browser.
        with column, st.container(key=f"{chart_key}-stack"):
            _pictures(engine, view, highlight, muscles=muscles, muscles_layer=muscles_layer)
            st.plotly_chart(
                _hit_chart(engine.body, view, treat_here_marks(highlight, view), height, lasso, names),
                key=chart_key,
                on_select=partial(_on_select, chart_key, on_pick),
                selection_mode=modes,
                config=CONFIG,
                width="stretch",
                alt=f"Body map, {view} view: choose an area to see which trigger points refer pain there. "
                "The list of areas above does the same with a keyboard.",
            )
    if whole_inset:
        whole_view_inset(engine, highlight, key=f"{key}_whole", views=views, muscles=muscles)


def _closeup_map(
    engine: Engine,
    highlight: Highlight,
    key: str,
    on_pick: Callable[[MapClick], None],
    closeup: Closeup,
    muscles: dict[str, str] | None,
    muscles_layer: bool,
    names: tuple[tuple[str, str], ...] | None,
) -> None:
    """One close-up: its pictures and its clickable layer (`body_maps`)."""
    chart_key = f"{key}_closeup"
    with st.container(key=f"{chart_key}-stack"):
        _pictures(engine, closeup.view, highlight, closeup.window, muscles=muscles, muscles_layer=muscles_layer)
        st.plotly_chart(
            _closeup_chart(engine.body, closeup, treat_here_marks(highlight, closeup.view), names),
            key=chart_key,
            on_select=lambda: _on_select(chart_key, on_pick),
            selection_mode=("points",),
            config=CONFIG,
            width="stretch",
            alt=f"Close-up of the {closeup.label}: choose an area to see which trigger points refer "
            "pain there. The list of areas above does the same with a keyboard.",
        )


def whole_view_inset(
    engine: Engine,
    highlight: Highlight,
    key: str,
    closeup: Closeup | None = None,
    views: tuple[str, ...] = VIEWS,
    muscles: dict[str, str] | None = None,
) -> None:
    """Under the map, the chosen trigger point's whole view, small and with its pattern, when the
    map does not show its X: the X is not wholly in the close-up (a finger's pain comes from the
    forearm), or the map shows one view and the X is on the other (a phone's front view and the
    temple's headache from the upper trapezius, on the back). The map promises the trigger point
    marked with an X."""
    chosen = highlight.chosen
    if chosen is None:
        return
    if closeup is not None:
        if closeup.shows(chosen.view, chosen.x, chosen.y, reach=CHOSEN_X):
            return
        st.caption(
            f"The trigger point (X) is not wholly in this close-up. Here it is on the whole body ({chosen.view}):"
        )
    elif chosen.view in views:
        return
    else:
        st.caption(f"The trigger point (X) is on the {chosen.view} of the body. Here it is:")
    pictures(engine, highlight, key=key, height=WHOLE_VIEW_INSET_HEIGHT, views=(chosen.view,), muscles=muscles)


def pictures(
    engine: Engine,
    highlight: Highlight,
    key: str,
    height: int,
    views: tuple[str, ...] = VIEWS,
    muscles: dict[str, str] | None = None,
    window: tuple[float, float, float, float] | None = None,
) -> None:
    """The views as pictures only (nothing to click): the body with the highlight over it (and
    `muscles`, a picture per view, between them); with `window`, only that part of one view."""
    map_style(key, height)
    for column, view in zip(st.columns(len(views), gap="small"), views, strict=False):
        with column, st.container(key=f"{key}_{view}-stack"):
            _pictures(engine, view, highlight, window=window, muscles=muscles)


def _pictures(
    engine: Engine,
    view: str,
    highlight: Highlight,
    window: tuple[float, float, float, float] | None = None,
    muscles: dict[str, str] | None = None,
    muscles_layer: bool = False,
) -> None:
    """The plain body (the same every run: the browser keeps it) and the highlight over it, the
    whole view or only a close-up's window; between them every muscle when their layer is on, or
    with `muscles` that view's picture (an empty picture when it has none, so the layers stay the
    same elements). Without either, no middle picture at all: one element fewer to send and draw
    on each click (the chosen trigger point's muscle is drawn in the highlight picture)."""
    st.image(
        body_view_url(body_svg(), view) if window is None else _closeup_body(body_svg(), view, window), width="stretch"
    )
    if muscles_layer:
        st.image(muscles_view_url(view) if window is None else _closeup_muscles(view, window), width="stretch")
    elif muscles is not None:
        lit_muscle = muscles.get(view)
        if lit_muscle and window is not None:
            lit_muscle = crop(lit_muscle, window)
        st.image(data_url(lit_muscle) if lit_muscle else NOTHING_LIT, width="stretch")
    # in a close-up, drawn `zoom` times larger, the origin and insertion marks grow only by its
    # square root: at the full zoom a dot hid a small muscle (the lateral pterygoid's)
    zoom = 1.0 if window is None else (BOTTOM - TOP) / window[3]
    lit = highlight_svg(engine.body, view, highlight, mark_size=zoom**-0.5)
    if lit and window is not None:
        lit = crop(lit, window)
    st.image(data_url(lit) if lit else NOTHING_LIT, width="stretch")


@lru_cache(maxsize=64)
def _closeup_body(svg_path: Path, view: str, window: tuple[float, float, float, float]) -> str:
    return data_url(crop(body_view_svg(svg_path, view), window))


@lru_cache(maxsize=64)
def _closeup_muscles(view: str, window: tuple[float, float, float, float]) -> str:
    return data_url(crop(muscles_view_svg(view), window))


def muscle_names(engine: Engine) -> tuple[tuple[str, str], ...]:
    """(muscle id, name) of every muscle, for the muscles layer's hover labels."""
    return tuple(engine.dataset.muscles["name"].items())


@lru_cache(maxsize=64)
def _closeup_chart(
    body: Body, closeup: Closeup, marks: tuple[Marker, ...], names: tuple[tuple[str, str], ...] | None = None
) -> go.Figure:
    layer = None
    if names is not None:  # as dense on screen as the whole view's targets are on a phone
        spacing = MUSCLE_SPACING * WHOLE_BODY_SCALE / closeup.scale
        layer = muscle_layer(closeup.view, names, round(spacing, 2), closeup.window)
    return BuiltFigure(closeup_figure(body, closeup, Highlight(treat_here=marks), CLOSEUP_HEIGHT, layer=layer))


@lru_cache(maxsize=64)
def _hit_chart(
    body: Body,
    view: str,
    marks: tuple[Marker, ...],
    height: int,
    lasso: bool,
    names: tuple[tuple[str, str], ...] | None = None,
) -> go.Figure:
    """A view's hit layer (the muscles' targets when `names` is given), built once per set of X
    marks. Unvalidated: it is built from our own checked dicts, and validation would copy every
    point again. Streamlit only reads it."""
    layer = muscle_layer(view, names) if names is not None else None
    return BuiltFigure(hit_figure(body, view, Highlight(treat_here=marks), height, lasso=lasso, layer=layer))


class BuiltFigure(go.Figure):
    """A figure that is never changed once built, so its dict is made once.

    `st.plotly_chart` turns a Figure into a dict (`to_dict`: a deep copy of every point, then a
    walk that encodes the coordinate arrays) on every run, about 2 ms for a view's hit layer, twice
    per click, on a 2-CPU machine that also runs the browser. Streamlit only reads the dict
    (it serialises it to JSON), and nothing changes this figure after it is built."""

    def __init__(self, spec: dict):
        super().__init__(spec, _validate=False)
        self._built = super().to_dict()

    def to_dict(self) -> dict:
        return self._built


ZONES_LEGEND = (
    "**Dark red**: where the pain is usually felt (essential zone). "
    "**Light red, dotted**: where it may spread (spillover zone)."
)
X_LEGEND = "**X**: the trigger point itself (where several are listed, the chosen one is the large X)."


def legend(
    marked: str = "the area you chose",
    muscles: bool = False,
    attachments: bool = False,
    zones: bool = True,
    points: bool = True,
) -> None:
    """What the colours and marks on the map mean. `marked` says whose the blue outline is ("" when
    the map outlines no area: a muscle, a condition, a slide); `muscles` when muscles are drawn;
    `zones` and `points` unless no pain pattern or no X is (a quiz answer on a muscle's anatomy
    draws the muscle and its trigger points only)."""
    parts = [
        ZONES_LEGEND if zones else "",
        X_LEGEND if points else "",
        f"**Blue outline**: {marked}." if marked else "",
        "**Muscle**: brownish red with its fibres near the surface, a dashed purple outline deeper down."
        if muscles
        else "",
        ATTACHMENT_LEGEND if attachments else "",
    ]
    st.caption(" ".join(part for part in parts if part))
