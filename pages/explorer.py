"""Body map: click where it hurts, see which trigger points refer pain there and their pattern."""

from dataclasses import replace
from html import escape

import streamlit as st

from trigger_map.closeups import closeups_of
from trigger_map.frame import FACING
from trigger_map.links import ExplorerView, read_explorer
from trigger_map.lookup import referrer_to_show
from trigger_map.map_click import MapClick
from trigger_map.referral import split_side_key
from ui import body_map, red_flags, resources, share, state, text, trigger_point_panel
from ui.navigation import page
from ui.search import search_box

engine = resources.engine()
closeups = closeups_of(engine.body)

st.title("Where does it hurt?", anchor=False)
st.markdown(
    "Tap where it hurts, or search in your own words (lower back, tennis elbow, SCM), to see which "
    "muscles' trigger points can send pain there and the pattern each one makes."
)
search_box(engine, "explorer_search", here="explorer")

if state.view_from_link("explorer", ExplorerView.NAMES):  # a new visit, Back or Forward, or a link in the app
    linked = read_explorer(st.query_params, engine)
    st.session_state.region = linked.region
    st.session_state.tp = linked.trigger_point
    st.session_state.closeup = linked.closeup
    st.session_state.explorer_notices = linked.notices

for notice in st.session_state.get("explorer_notices", []):
    st.info(text.plain(notice), icon=":material/link_off:")


def pick(click: MapClick) -> None:
    """A click or tap on the map. A tap on an area too small for a finger (a click, with a mouse,
    on a hand, a foot or the face) also opens the close-up that shows it large. With the muscles
    layer on, a click on a muscle opens it in the muscle library."""
    if click.muscles:
        st.session_state.open_muscle = click.muscles[0]
    elif click.trigger_points:
        st.session_state.tp = click.trigger_points[0]
    elif click.regions:
        region = click.regions[0]
        st.session_state.region = region
        st.session_state.tp = None
        if st.session_state.get("closeup") is None:
            opened = closeups.opens_on(region, touch=click.how == "tap")
            st.session_state.closeup = opened.id if opened else None
    st.session_state.explorer_followed = followed()  # chosen on the view shown: nothing to follow


def followed() -> str | None:
    """What the view follows: the chosen area, else (a link that names only a trigger point) the
    trigger point. Not the trigger point the panel then chooses for an area by itself."""
    return st.session_state.get("region") or st.session_state.get("tp")


def view_to_follow() -> str | None:
    """The view of a choice made since the last run off the map (the list, a search, a link). None
    when nothing new was chosen, so a view the person turned to stays."""
    chosen = followed()
    if st.session_state.get("explorer_followed") == chosen:
        return None
    st.session_state.explorer_followed = chosen
    if chosen in engine.body.regions:
        return engine.body.regions[chosen].view
    return engine.by_key[chosen].view if chosen in engine.by_key else None


def zoom(closeup: str | None) -> None:
    st.session_state.closeup = closeup


def clear() -> None:
    st.session_state.region = None
    st.session_state.tp = None
    st.session_state.closeup = None


def choose_from_list() -> None:
    """The list is a way to choose (the keyboard path), not a display: the heading beside the map
    names the chosen area. It lives outside the map's fragment, so a click on the map does not
    redraw its 148 entries; it goes back to its prompt once used."""
    chosen = st.session_state.get("area_list")
    if chosen is not None:
        st.session_state.region = chosen
        st.session_state.tp = None
        st.session_state.closeup = None
    st.session_state.area_list = None


REGION_OPTIONS = [None] + engine.body.listed
# Controls that a click on the map does not change live outside the fragment (the legend too): a
# fragment rerun sends only what is inside it, and every element sent costs the browser time.
chooser, tools = st.columns([3, 2], vertical_alignment="bottom")
chooser.selectbox(
    "Or choose an area from the list",
    REGION_OPTIONS,
    key="area_list",
    on_change=choose_from_list,
    format_func=lambda r: "Choose an area..."
    if r is None
    else f"{engine.body.regions[r].display_label} ({engine.body.regions[r].view})",
)
with tools, st.container(horizontal=True, vertical_alignment="center"):  # one row, on a phone too
    views = body_map.view_choice("explorer_map", phone_default="front", holds=view_to_follow())
    st.button("Clear", on_click=clear)
    # the muscle layers behind one button: two toggles in their own rows pushed the body down
    # below a phone's first screen
    with st.popover("Muscles", icon=":material/layers:"):
        all_muscles = st.toggle(
            "Show all muscles",
            key="explorer_muscles",
            persist_state="session",
            help="Draw every muscle on the body; point at one to name it, tap it to open it.",
        )
        its_muscle = st.toggle(
            "Show the chosen trigger point's muscle",
            value=True,
            key="explorer_tp_muscle",
            persist_state="session",
            disabled=all_muscles,
        )
body_map.map_style("explorer_map", body_map.map_height(views))


def open_muscle() -> None:
    """A muscle clicked on the muscles layer: open it in the muscle library (its link chooses it)."""
    muscle = st.session_state.pop("open_muscle", None)
    if muscle in engine.dataset.muscles.index:
        st.switch_page(page("muscles"), query_params={"muscle": muscle})


def _pattern_map(
    region: str | None, tp: str | None, closeup, views: tuple[str, ...], all_muscles: bool, its_muscle: bool
) -> None:
    """The body with the chosen area and trigger point's pattern (and its muscle), or one close-up."""
    if closeup:
        with st.container(horizontal=True, vertical_alignment="center", key="closeup_bar"):
            st.button("Whole body", icon=":material/zoom_out_map:", on_click=zoom, args=(None,))
            st.markdown(f"**Close-up: {text.plain(closeup.label)}** ({closeup.view}, {FACING[closeup.view]})")
    highlight = trigger_point_panel.pattern_highlight(engine, tp, marked=(region,) if region else ())
    if tp and its_muscle and not all_muscles:  # the trigger point's muscle, under its pattern
        highlight = replace(highlight, muscles=(engine.dataset.trigger_points.at[split_side_key(tp)[0], "muscle_id"],))
    body_map.body_maps(
        engine,
        highlight,
        key="explorer_map",
        on_pick=pick,
        views=views,
        styled=True,
        closeup=closeup,
        muscles_layer=all_muscles,
    )


def _area_answer(region: str, suggestions: list, keys: list[str], closeup, here: dict) -> None:
    """The chosen area: its names, the trigger points that send pain there, a close-up, red flags."""
    info = engine.body.regions[region]
    # The heading, its anatomical term and the Share button in one HTML block (texts escaped):
    # each Streamlit element costs the browser time on every click (benchmarks/README.md).
    st.html(
        f'<div class="tm-area-heading"><div><h3>{escape(info.display_label.capitalize())}</h3>'
        f'<p class="tm-quiet">Anatomical term: {escape(info.term)}</p></div>'
        f"{share.share_html(here, f'Trigger Map: {info.display_label}', address=False)}</div>"
    )
    if suggestions:
        # A list to open rather than 9-23 radio buttons: every option of a radio is drawn
        # (its label parsed as Markdown) on each click, which measurably slowed clicks
        # (benchmarks/README.md); it shows the most likely one, chosen.
        st.selectbox(
            f"{len(suggestions)} trigger points can send pain here, most likely first",
            keys,
            key="tp",
            persist_state="session",
            format_func=lambda k: trigger_point_panel.suggestion_label(engine, suggestions[keys.index(k)]),
        )
    else:
        st.write("No trigger point in our dataset sends pain to this area.")
    nearby = closeups.of_region.get(region)
    if nearby and not closeup:
        st.button(f"Zoom in on the {nearby.label}", icon=":material/zoom_in:", on_click=zoom, args=(nearby.id,))
    red_flags.red_flags(engine, [region])


@st.fragment
def explorer(views: tuple[str, ...], all_muscles: bool, its_muscle: bool) -> None:
    """The map and its panel: a click reruns only this part of the page."""
    open_muscle()
    region = st.session_state.get("region")
    if region not in engine.body.regions:
        region = st.session_state.region = None
    suggestions = engine.referring_to(region) if region else []
    keys = [s.key for s in suggestions]
    # a new area: show its most likely trigger point straight away
    tp = st.session_state.tp = referrer_to_show(keys, st.session_state.get("tp"), engine.by_key)
    closeup = closeups.by_id.get(st.session_state.get("closeup") or "")
    here = ExplorerView(region, tp, closeup.id if closeup else None).params()
    state.keep_view_in_link("explorer", here)

    # Nothing above the map inside this fragment but the close-up's title: text there that changes
    # with a click moves the map, and redrawing it cost 8-13 ms a click (measured).
    map_side, panel = st.columns([3, 2], gap="large")
    with map_side:
        _pattern_map(region, tp, closeup, views, all_muscles, its_muscle)
        # under the map, as a figure's key: above it, with the line below, it pushed the body off a
        # phone's first screen (the map started 791 px down on a 844 px screen)
        body_map.legend(muscles=all_muscles or its_muscle)
    with panel, st.container(key="answer"):
        st.caption(red_flags.NOT_A_DIAGNOSIS)  # first on the panel: on a phone, just above the answer
        if region:
            _area_answer(region, suggestions, keys, closeup, here)
        else:
            st.markdown("Choose an area to begin.")
            share.share_button(here, "Trigger Map", address=False)
        if tp:
            trigger_point_panel.trigger_point_details(engine, tp, "explorer_panel", rule=True)


explorer(views, all_muscles, its_muscle)
