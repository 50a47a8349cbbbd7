"""The seven benefits of NMT: where on the body and for which conditions each matters, with evidence."""

import streamlit as st

from trigger_map.areas import area_region_ids
from trigger_map.figures import Highlight
from ui import body_map, related, resources, state, text

engine = resources.engine()
data = engine.dataset
LEVEL_TEXT = {
    "supported": "supported by good evidence",
    "mixed": "mixed evidence",
    "limited": "limited evidence",
    "insufficient": "not enough evidence yet",
}

st.title("The benefits of neuromuscular therapy", anchor=False)
st.markdown(
    "What people hope to gain from treatment, where on the body it matters, and how "
    "strong the evidence is for each. Evidence for NMT is mixed: see each benefit."
)

state.choice_from_link("benefit", data.benefits.index, "benefit", "a benefit")

benefit = st.radio(
    "Benefit",
    list(data.benefits.index),
    key="benefit",
    horizontal=True,
    persist_state="session",
    format_func=lambda b: text.plain(data.benefits.at[b, "name"]),
)
state.show_in_link("benefit", "benefit", benefit)
row = data.benefits.loc[benefit]
words, picture = st.columns([3, 2], gap="large")
with words:
    st.subheader(text.plain(row["name"]), anchor=False)
    st.markdown(text.cited(engine, row["description"]))
    st.markdown(f"**Evidence: {LEVEL_TEXT[row['evidence_level']]}.** {text.cited(engine, row['evidence'])}")
    st.markdown("**Where on the body:** " + text.plain(", ".join(row["where"])))
    st.markdown("**Conditions where it matters most:**")
    related.condition_links(engine, row["conditions"])
    text.source_list(engine, row["sources"])
with picture:
    lit = area_region_ids(engine.body, row["where"])
    body_map.pictures(engine, Highlight(spillover=lit), key="benefit", height=420)
    st.caption(f"Body areas where {text.plain(row['name'].lower())} matters most, shaded.")
