"""What is NMT: trigger points, referred pain, a session, who should give it, when not to have it."""
from ui.entry import through_navigation

through_navigation()

import streamlit as st

from trigger_map.citations import render
from ui import resources

st.title("What is neuromuscular therapy?", anchor=False)
engine = resources.engine()
st.markdown(render(resources.text("what-is-nmt.md"), engine.dataset.sources))
st.divider()
st.markdown(render(resources.text("safety.md"), engine.dataset.sources))
st.page_link("pages/evidence.py", label="How strong is the evidence?", icon=":material/fact_check:")
