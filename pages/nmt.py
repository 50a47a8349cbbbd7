"""What is NMT: trigger points, referred pain, a session, who should give it, when not to have it."""
import streamlit as st

from ui import resources

st.title("What is neuromuscular therapy?", anchor=False)
st.markdown(resources.text("what-is-nmt.md"))
st.divider()
st.markdown(resources.text("safety.md"))
st.page_link("pages/evidence.py", label="How strong is the evidence?", icon=":material/fact_check:")
