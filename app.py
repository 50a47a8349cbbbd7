"""Trigger Map: page set-up and navigation; everything else lives in pages/, ui/ and trigger_map/."""

import base64
from pathlib import Path

import streamlit as st

from ui import body_map, state
from ui.navigation import page

ROOT = Path(__file__).resolve().parent
ICON = ROOT / "assets" / "favicon.png"  # our own, served with the page: nothing fetched from outside
APP_CSS = (ROOT / "ui" / "static" / "app.css").read_text(encoding="utf-8")
MARK = "data:image/svg+xml;base64," + base64.b64encode((ROOT / "assets" / "favicon.svg").read_bytes()).decode()

st.set_page_config(page_title="Trigger Map", page_icon=str(ICON), layout="wide")

navigation = st.navigation(
    {
        "Explore": [
            st.Page(page("explorer"), title="Body map", icon=":material/accessibility_new:", default=True),
            st.Page(page("where_it_hurts"), title="Where it hurts", icon=":material/touch_app:"),
            st.Page(page("visits"), title="Visits", icon=":material/timeline:"),
        ],
        "Learn": [
            st.Page(page("nmt"), title="What is NMT", icon=":material/school:"),
            st.Page(page("cycle"), title="Pain-spasm-pain cycle", icon=":material/autorenew:"),
            st.Page(page("conditions"), title="Conditions", icon=":material/medical_information:"),
            st.Page(page("benefits"), title="Benefits", icon=":material/favorite:"),
            st.Page(page("muscles"), title="Muscles", icon=":material/menu_book:"),
            st.Page(page("evidence"), title="Evidence and references", icon=":material/fact_check:"),
            st.Page(page("quiz"), title="Anatomy quiz", icon=":material/quiz:"),
            st.Page(page("present"), title="Presentation", icon=":material/slideshow:"),
        ],
    },
    position="top",
)
state.page_opened(navigation.url_path)
body_map.page_script()  # one tap selects on a touch screen; hovered regions light up
# the app's look (static/app.css) and its name and tagline, above every page's own title
st.html(f"<style>{APP_CSS}</style>")
st.html(
    f'<div class="tm-brand"><img src="{MARK}" alt=""><strong>Trigger Map</strong>'
    "<span>which muscle may be sending your pain</span></div>"
)
navigation.run()
