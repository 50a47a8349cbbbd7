"""Make every page run through app.py's navigation, even on a fresh server's first deep link.

Streamlit treats an app with a `pages/` folder as an old-style multipage app until `st.navigation`
has run once in the process: a first visit straight to `/muscles?...` would run pages/muscles.py on
its own, without app.py's page set-up and navigation. Each page calls `through_navigation()` first;
in that case it switches the old mode off and reruns, so app.py runs and picks the same page.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_navigation() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
