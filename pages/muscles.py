"""Muscle library: find a muscle by the words people use or by body area; anatomy, trigger points,
self-care."""

from dataclasses import replace

import streamlit as st

from trigger_map.data import BODY_AREAS, muscle_label
from trigger_map.figures import marker_for
from trigger_map.frame import FACING
from trigger_map.map_click import MapClick
from trigger_map.present import muscle_window
from trigger_map.referral import side_key, split_side_key
from ui import body_map, resources, state, text, trigger_point_panel
from ui.search import search_box

engine = resources.engine()
data = engine.dataset
muscles = data.muscles
TABLE_COLUMNS = {
    "name": "Muscle",
    "anatomical_name": "Anatomical name",
    "body_area": "Body area",
    "innervation": "Innervation",
}

st.title("Muscle library", anchor=False)
st.markdown(
    f"{len(muscles)} muscles with {len(data.trigger_points)} trigger points. "
    "Search by plain or anatomical name, abbreviation or gym name (SCM, lats, glute med, "
    "rotator cuff), filter by body area, or choose a row of the table."
)
query = search_box(engine, "muscles_search", here="muscles")

if state.choice_from_link("muscle", muscles.index, "muscle", "a muscle", optional=True):
    st.session_state.muscle_area = None  # a muscle a link names is shown whatever area was chosen

area = st.pills("Body area", BODY_AREAS, key="muscle_area", persist_state="session")
# read column by column: a row lookup per muscle (143 of them) took 35 ms of every run
labels = dict(zip(muscles.index, map(muscle_label, muscles["name"], muscles["anatomical_name"]), strict=True))
names = dict(zip(muscles.index, muscles["name"], strict=True))
options = sorted(
    (m for m, m_area in zip(muscles.index, muscles["body_area"], strict=True) if area is None or m_area == area),
    key=names.__getitem__,
)
if st.session_state.get("muscle") not in options + [None]:
    st.session_state.muscle = None
NOTHING_CHOSEN = "Choose or type a muscle..."
MUSCLE_CLOSEUP_HEIGHT = 360
muscle = st.selectbox(
    "Muscle",
    [None] + options,
    key="muscle",
    persist_state="session",
    placeholder=NOTHING_CHOSEN,  # as the list's first entry, when nothing is chosen
    format_func=lambda m: NOTHING_CHOSEN if m is None else labels[m],
)
state.show_in_link("muscle", "muscle", muscle)


def open_row() -> None:
    """A row chosen in the table opens its muscle."""
    rows = st.session_state.muscle_table.selection.rows
    if rows:
        st.session_state.muscle = st.session_state.muscle_table_ids[rows[0]]


if muscle is None:
    shown = options
    if query.strip():  # the table follows the search box: its muscles, best match first
        in_area = set(options)
        shown = [h.id for h in engine.matcher.search(query, kinds=("muscle",), limit=None) if h.id in in_area]
        st.caption(
            f"{len(shown)} muscle{'' if len(shown) == 1 else 's'} match the search"
            + (f" in {text.plain(area)}" if area else "")
            + ". Choose a row to open it."
        )
    else:
        st.caption("Choose a row to open the muscle.")
    st.session_state.muscle_table_ids = shown
    st.dataframe(
        muscles.loc[shown, list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS),
        hide_index=True,
        width="stretch",
        key="muscle_table",
        on_select=open_row,
        selection_mode="single-row",
    )
    text.csv_download(
        muscles.loc[shown, list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS).to_dict("records"),
        "trigger-map-muscles.csv",
        key="muscle_table_csv",
    )
    st.stop()

row = muscles.loc[muscle]
keys = [side_key(t, "right") for t in engine.muscle_trigger_points(muscle)]
if st.session_state.get("muscle_tp") not in keys:
    st.session_state.muscle_tp = keys[0]


words, picture = st.columns([2, 3], gap="large")
with words:
    st.subheader(text.plain(row["name"]), anchor=False)
    same = muscle_label(row["name"], row["anatomical_name"]) == row["name"]
    st.caption(text.plain(row["body_area"] if same else f"{row['anatomical_name']} · {row['body_area']}"))
    st.markdown(text.plain(row["description"]))
    for label, column in (
        ("Origin", "origin"),
        ("Insertion", "insertion"),
        ("Action", "action"),
        ("Innervation", "innervation"),
    ):
        st.markdown(f"**{label}.** {text.plain(row[column])}")
    text.source_list(engine, row["sources"])
pick_trigger_point = state.pick_trigger_point("muscle_tp", keys)


def pick(click: MapClick) -> None:
    """A trigger point's X chooses it; with every muscle drawn, a muscle opens it."""
    if click.muscles and click.muscles[0] in muscles.index:
        st.session_state.muscle = click.muscles[0]
    else:
        pick_trigger_point(click)


with picture:
    all_muscles = st.toggle(
        "All muscles",
        key="muscle_all",
        persist_state="session",
        help="Draw every muscle; point at one to name it, tap it to open it.",
    )
    highlight = trigger_point_panel.pattern_highlight(
        engine, st.session_state.muscle_tp, treat_here=[marker_for(engine, k) for k in keys]
    )
    # the muscle itself, under its pattern, with where it starts and ends
    highlight = replace(highlight, muscles=(muscle,), attachments=True)
    body_map.body_maps(engine, highlight, key="muscle_map", on_pick=pick, muscles_layer=all_muscles)
    # a hand's or the face's muscle is a few millimetres on the whole body: drawn again, large, on
    # the side away from the chosen trigger point's pattern, which would cover it
    other_side = "left" if st.session_state.muscle_tp.endswith("@right") else "right"
    zoom = None if all_muscles else muscle_window(muscle, other_side)
    if zoom is not None:
        view, window = zoom
        st.caption(f"Close-up of the muscle ({view}, {FACING[view]}), with where it starts and ends:")
        body_map.pictures(
            engine, highlight, key="muscle_zoom", height=MUSCLE_CLOSEUP_HEIGHT, views=(view,), window=window
        )
    body_map.legend(marked="", muscles=True, attachments=True)
st.radio(
    f"Trigger points ({len(keys)})",
    keys,
    key="muscle_tp",
    persist_state="session",
    horizontal=True,
    format_func=lambda k: text.plain(data.trigger_points.at[split_side_key(k)[0], "name"]),
)
trigger_point_panel.trigger_point_details(engine, st.session_state.muscle_tp, "muscle_panel")
