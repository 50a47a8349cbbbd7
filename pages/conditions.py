"""Conditions: browse and search; each with its muscles lit on the body, red flags and evidence."""

import streamlit as st

from trigger_map.closeups import Closeup
from trigger_map.figures import marker_for
from trigger_map.frame import FACING
from trigger_map.present import crowded_closeups, spread_closeups
from trigger_map.quiz import Drawn
from trigger_map.referral import side_key
from ui import body_map, red_flags, related, resources, state, text, trigger_point_panel
from ui.navigation import page
from ui.search import search_box

engine = resources.engine()
data = engine.dataset
conditions = sorted(data.conditions.index, key=lambda c: data.conditions.at[c, "name"])
WHOLE_PATTERN_HEIGHT = 380  # the chosen pattern on the whole body, under close-ups of the X marks


@st.cache_resource(show_spinner=False)
def condition_closeups(keys: tuple[str, ...], data_key: str) -> tuple[tuple[Closeup, ...], bool]:
    """All on the head and neck (a headache), or the X marks crowded on the neck (whiplash): the
    close-ups that draw them large, the X marks apart, and whether the chosen pattern must be drawn
    whole below them (the second case). Made once per condition: up to 11 ms for the largest."""
    held = spread_closeups(engine, keys)
    return (held, False) if held else (crowded_closeups(engine, keys), True)


st.title("Conditions", anchor=False)
st.markdown(
    "Common problems that trigger points can be part of. Search by the name you know "
    "(tennis elbow, TMJ, sciatica, shin splints), or choose one below."
)
search_box(engine, "conditions_search", here="conditions")

state.choice_from_link("condition", data.conditions.index, "condition", "a condition", optional=True)
NOTHING_CHOSEN = "Choose or type a condition..."
condition = st.selectbox(
    "Condition",
    [None] + conditions,
    key="condition",
    persist_state="session",
    # the same words when nothing is chosen (the list's first entry, or a choice taken back)
    placeholder=NOTHING_CHOSEN,
    format_func=lambda c: NOTHING_CHOSEN
    if c is None
    else data.conditions.at[c, "name"]
    + (f" ({', '.join(data.conditions.at[c, 'also_called'])})" if data.conditions.at[c, "also_called"] else ""),
)
state.show_in_link("condition", "condition", condition)

if condition is None:
    for c in conditions:
        st.page_link(
            page("conditions"),
            label=text.plain(data.conditions.at[c, "name"]),
            query_params={"condition": c},
            icon=":material/chevron_right:",
        )
    st.stop()

row = data.conditions.loc[condition]
tp_ids = engine.condition_trigger_points(condition)
keys = [side_key(t, "right") for t in tp_ids]
if st.session_state.get("condition_tp") not in keys:
    st.session_state.condition_tp = keys[0] if keys else None


words, picture = st.columns([2, 3], gap="large")
with words:
    st.subheader(text.plain(row["name"]), anchor=False)
    st.markdown(text.cited(engine, row["description"]))
    st.markdown(f"**Evidence ({row['evidence_level']}).** {text.cited(engine, row['evidence'])}")
    red_flags.red_flags(engine, flag_ids=row["red_flags"])
    st.markdown("**Muscles often involved:**")
    related.muscle_links(engine, row["muscles"])
    text.source_list(engine, row["sources"])
with picture:
    st.caption(
        f"{len(keys)} trigger points: the chosen one is the large X, the others small ones. "
        "Tap an X, or choose it below, to draw its pattern."
    )
    chosen = st.session_state.condition_tp
    highlight = trigger_point_panel.pattern_highlight(engine, chosen, treat_here=[marker_for(engine, k) for k in keys])
    pick = state.pick_trigger_point("condition_tp", keys)
    closeups, pattern_below = condition_closeups(tuple(keys), str(id(engine)))
    if closeups:
        for column, closeup in zip(st.columns(len(closeups), gap="small"), closeups, strict=True):
            with column:
                st.caption(f"Close-up ({closeup.view}, {FACING[closeup.view]})")  # no R and L on it
                body_map.body_maps(
                    engine,
                    highlight,
                    key=f"condition_map_{closeup.view}",
                    on_pick=pick,
                    closeup=closeup,
                    whole_inset=False,
                )
        if pattern_below and chosen:
            st.caption("Where the chosen trigger point sends pain, on the whole body:")
            placed = engine.by_key[chosen]
            views = Drawn(placed.essential, placed.spillover, chosen).views(engine)  # its pattern's and its X's
            body_map.pictures(engine, highlight, "condition_whole", WHOLE_PATTERN_HEIGHT, views=views)
    else:
        body_map.body_maps(engine, highlight, key="condition_map", on_pick=pick)
    body_map.legend(marked="")
    if keys:
        st.selectbox(
            "Trigger point",
            keys,
            key="condition_tp",
            persist_state="session",
            format_func=lambda k: marker_for(engine, k).label,
        )
        trigger_point_panel.trigger_point_details(engine, st.session_state.condition_tp, "condition_panel")
