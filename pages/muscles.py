"""Muscle library: search by plain or anatomical name or body area; anatomy, trigger points, self-care."""
from ui.entry import through_navigation

through_navigation()

import streamlit as st

from trigger_map.data import BODY_AREAS
from ui import body_map, panels, resources, state

engine = resources.engine()
data = engine.dataset
muscles = data.muscles

st.title("Muscle library", anchor=False)
st.markdown(f"{len(muscles)} muscles with {len(data.trigger_points)} trigger points. "
            "Type a plain or anatomical name, or filter by body area.")

state.choice_from_link("muscle", muscles.index, "muscle", "a muscle")

area = st.pills("Body area", BODY_AREAS, key="muscle_area")
options = sorted((m for m in muscles.index if area is None or muscles.at[m, "body_area"] == area),
                 key=lambda m: muscles.at[m, "name"])
if st.session_state.get("muscle") not in options + [None]:
    st.session_state.muscle = None
muscle = st.selectbox("Muscle", [None] + options, key="muscle",
                      format_func=lambda m: "Choose or type a muscle..." if m is None else
                      f"{muscles.at[m, 'name']} ({muscles.at[m, 'anatomical_name']})")
st.query_params.from_dict({"muscle": muscle} if muscle else {})

if muscle is None:
    st.dataframe(muscles.loc[options, ["name", "anatomical_name", "body_area", "innervation"]],
                 hide_index=True, width="stretch")
    st.stop()

row = muscles.loc[muscle]
keys = [f"{t}@right" for t in engine.muscle_trigger_points(muscle)]
if st.session_state.get("muscle_tp") not in keys:
    st.session_state.muscle_tp = keys[0]


text, picture = st.columns([2, 3], gap="large")
with text:
    st.subheader(panels.plain(row["name"]), anchor=False)
    st.caption(f"{panels.plain(row['anatomical_name'])} · {panels.plain(row['body_area'])}")
    st.markdown(panels.plain(row["description"]))
    for label, column in (("Origin", "origin"), ("Insertion", "insertion"), ("Action", "action"),
                          ("Innervation", "innervation")):
        st.markdown(f"**{label}.** {panels.plain(row[column])}")
    panels.source_list(engine, row["sources"])
with picture:
    body_map.body_maps(engine, panels.pattern_highlight(engine, st.session_state.muscle_tp,
                                                        treat_here=[panels.marker_for(engine, k) for k in keys]),
                       key="muscle_map", on_pick=state.pick_trigger_point("muscle_tp", keys))
    body_map.legend()
st.radio(f"Trigger points ({len(keys)})", keys, key="muscle_tp", horizontal=True,
         format_func=lambda k: panels.plain(data.trigger_points.at[k.split("@")[0], "name"]))
panels.trigger_point_details(engine, st.session_state.muscle_tp)
