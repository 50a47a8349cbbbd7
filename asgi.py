"""The app as Streamlit's launcher serves it (ui/serve.py runs `streamlit run asgi.py`): app.py, with
our own message when a page fails (ui/crash.py). st.App is Streamlit's supported way to set
`on_script_error`; `streamlit run` finds `app` here by reading this file, and serves it."""

from pathlib import Path

import streamlit as st

from ui.crash import show_crash

app = st.App(Path(__file__).resolve().parent / "app.py", on_script_error=show_crash)
