"""Conditions: browse and search; each with its muscles lit on the body, red flags and evidence."""
from ui.entry import through_navigation

through_navigation()

import streamlit as st

from trigger_map.links import first_param
from ui import body_map, panels, resources

engine = resources.engine()
data = engine.dataset
conditions = sorted(data.conditions.index, key=lambda c: data.conditions.at[c, "name"])

st.title("Conditions", anchor=False)
st.markdown("Common problems that trigger points can be part of. Type in the box to search.")

if "conditions_loaded" not in st.session_state:
    st.session_state.conditions_loaded = True
    linked = first_param(st.query_params, "condition")
    st.session_state.condition = linked if linked in data.conditions.index else None
    if linked and linked not in data.conditions.index:
        st.info(f"The link names a condition we don't know ({linked[:40]!r}).", icon=":material/link_off:")

condition = st.selectbox("Condition", [None] + conditions, key="condition",
                         format_func=lambda c: "Choose or type a condition..." if c is None else
                         data.conditions.at[c, "name"] + (
                             f" ({', '.join(data.conditions.at[c, 'also_called'])})"
                             if data.conditions.at[c, "also_called"] else ""))
st.query_params.from_dict({"condition": condition} if condition else {})

if condition is None:
    for c in conditions:
        st.page_link("pages/conditions.py", label=data.conditions.at[c, "name"],
                     query_params={"condition": c}, icon=":material/chevron_right:")
    st.stop()

row = data.conditions.loc[condition]
tp_ids = engine.condition_trigger_points(condition)
keys = [f"{t}@right" for t in tp_ids]
if st.session_state.get("condition_tp") not in keys:
    st.session_state.condition_tp = keys[0] if keys else None


def pick(regions: list[str], trigger_points: list[str]) -> None:
    for key in trigger_points:
        if key in keys:
            st.session_state.condition_tp = key


text, picture = st.columns([2, 3], gap="large")
with text:
    st.subheader(row["name"], anchor=False)
    st.markdown(panels.cited(engine, row["description"]))
    st.markdown(f"**Evidence ({row['evidence_level']}).** {panels.cited(engine, row['evidence'])}")
    panels.red_flags(engine, flag_ids=row["red_flags"])
    st.markdown("**Muscles often involved:**")
    for muscle in row["muscles"]:
        st.page_link("pages/muscles.py", label=data.muscles.at[muscle, "name"],
                     query_params={"muscle": muscle}, icon=":material/menu_book:")
    with st.expander("Sources"):
        for source in row["sources"]:
            st.markdown(f"- {panels.plain(data.sources.at[source, 'citation'])}")
with picture:
    st.caption(f"{len(keys)} trigger points (marked X). Click one, or choose it below, to draw its pattern.")
    chosen = st.session_state.condition_tp
    treat_here = [panels.marker_for(engine, k) for k in keys]
    body_map.body_maps(engine, panels.pattern_highlight(engine, chosen, treat_here=treat_here),
                       key="condition_map", on_pick=pick)
    body_map.legend()
    if keys:
        st.selectbox("Trigger point", keys, key="condition_tp", format_func=lambda k: panels.marker_for(engine, k).label)
        panels.trigger_point_details(engine, st.session_state.condition_tp)
