"""What is NMT: trigger points, referred pain, a session, who should give it, when not to have it."""

from ui.entry import through_navigation

through_navigation()

import streamlit as st

from ui import resources

st.title("What is neuromuscular therapy?", anchor=False)
engine = resources.engine()
st.markdown(resources.content("what-is-nmt.md", engine.dataset.sources))
st.divider()
st.markdown(resources.content("safety.md", engine.dataset.sources))
st.page_link("pages/evidence.py", label="How strong is the evidence?", icon=":material/fact_check:")
