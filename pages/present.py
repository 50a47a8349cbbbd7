"""Presentation: one trigger point or muscle at a time on a big screen, the arrow keys to move."""

import streamlit as st

from trigger_map.body import VIEWS
from trigger_map.links import first_param
from trigger_map.muscle_overlay import muscle_pictures
from trigger_map.present import (
    BOTH_VIEWS_SMALL_PATTERN,
    BY,
    Slide,
    pattern_window,
    slides,
    step,
    title_ems,
    x_view_window,
)
from trigger_map.quiz import highlight
from ui import body_map, resources, share, text

PRESENT_HEIGHT = 820  # the map's height: most of a 1080-line screen
engine = resources.engine()
st.html(f"<style>{(body_map.STATIC / 'present.css').read_text(encoding='utf-8')}</style>", width="content")


@st.cache_resource(show_spinner=False)
def all_slides(by: str, data_key: str) -> list[Slide]:
    return slides(engine, by)


if "present_loaded" not in st.session_state:  # a new visit: the link decides where to start
    st.session_state.present_loaded = True
    notices = []
    by = first_param(st.query_params, "by")
    if by and by not in BY:
        notices.append(f"The link asks for slides by {by[:40]!r}; showing trigger points.")
    st.session_state.present_by = by if by in BY else "trigger_point"
    start = first_param(st.query_params, "at")
    keys = [s.key for s in all_slides(st.session_state.present_by, str(id(engine)))]
    st.session_state.present_index = keys.index(start) if start in keys else 0
    if start and start not in keys:
        notices.append(f"The link names a slide we don't know ({start[:40]!r}); starting at the first.")
    st.session_state.present_notices = notices

for notice in st.session_state.present_notices:
    st.info(text.plain(notice), icon=":material/link_off:")

shown = all_slides(st.session_state.present_by, str(id(engine)))
if not shown:
    st.warning("Nothing to show: the dataset has no trigger points.")
    st.stop()


def move(by: int) -> None:
    st.session_state.present_index = step(len(shown), st.session_state.present_index, by)


def restart() -> None:
    st.session_state.present_index = 0


index = st.session_state.present_index % len(shown)
slide = shown[index]
map_side, words = st.columns([5, 2], gap="large")
lit, muscles = highlight(engine, slide.drawn), muscle_pictures(slide.drawn.shapes, slide.title)
closeup, both = None, False
if st.session_state.get("present_closeup", True):
    closeup = pattern_window(engine, slide.drawn)
    if closeup is None:  # a pattern on both views: the X's part of it, when small (a hand's)
        closeup = x_view_window(engine, slide.drawn.trigger_point or "", BOTH_VIEWS_SMALL_PATTERN)
        both = closeup is not None
with map_side:
    if closeup is None:
        body_map.pictures(engine, lit, key="present_map", height=PRESENT_HEIGHT, views=VIEWS, muscles=muscles)
    else:  # a small pattern: its view whole (both when it lies on both), and the pattern large beside
        view, window = closeup
        whole, large = st.columns([2, 2] if both else [1, 2], gap="small")
        with whole:
            views = VIEWS if both else (view,)
            body_map.pictures(engine, lit, key="present_map", height=PRESENT_HEIGHT, views=views, muscles=muscles)
        with large:
            body_map.pictures(
                engine, lit, key="present_zoom", height=PRESENT_HEIGHT, views=(view,), muscles=muscles, window=window
            )
with words, st.container(key="present_text"):
    # first, so the buttons stay where they are from one slide to the next, whatever its text
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button("Previous", on_click=move, args=(-1,), shortcut="Left", icon=":material/arrow_back:")
        st.button("Next", on_click=move, args=(1,), shortcut="Right", icon=":material/arrow_forward:")
    st.caption(f"{index + 1} of {len(shown)}. The arrow keys move too.")
    # the title's longest word on one line of the column (present.css)
    st.html(f"<style>.st-key-present_text {{--title-ems: {title_ems(slide.title)};}}</style>", width="content")
    st.title(text.plain(slide.title), anchor=False)
    st.subheader(text.plain(slide.subtitle), anchor=False)
    st.markdown(text.plain(slide.text))
    body_map.legend(marked="", muscles=bool(slide.drawn.shapes))
    with st.expander("Settings"):
        st.segmented_control(
            "Show",
            list(BY),
            format_func=lambda by: BY[by],
            key="present_by",
            persist_state="session",
            on_change=restart,
        )
        st.toggle(
            "Close-up of a small pattern",
            value=True,
            key="present_closeup",
            persist_state="session",
            help="A pattern on the head, a hand or a foot is drawn large beside its view of the body.",
        )
        share.share_button({"by": st.session_state.present_by, "at": slide.key}, f"Trigger Map: {slide.title}")
