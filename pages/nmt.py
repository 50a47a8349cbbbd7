"""What is NMT: trigger points, referred pain, a session, who should give it, when not to have it."""

import streamlit as st

from ui import resources
from ui.navigation import page

st.title("What is neuromuscular therapy?", anchor=False)
engine = resources.engine()
st.markdown(resources.content("what-is-nmt.md", engine.dataset.sources))
st.divider()
st.markdown(resources.content("safety.md", engine.dataset.sources))
st.page_link(page("evidence"), label="How strong is the evidence?", icon=":material/fact_check:")
