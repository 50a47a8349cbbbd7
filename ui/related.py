"""Links to the pages of related conditions and muscles."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import streamlit as st

from trigger_map.lookup import Engine
from ui.navigation import page
from ui.text import plain


def condition_links(engine: Engine, condition_ids) -> None:
    for condition in condition_ids:
        st.page_link(
            page("conditions"),
            label=plain(engine.dataset.conditions.at[condition, "name"]),
            query_params={"condition": condition},
            icon=":material/medical_information:",
        )


def condition_links_html(engine: Engine, condition_ids) -> str:
    """The conditions as HTML links to their pages, for one HTML block (page links would be one
    element each, and every element drawn costs a click time). Relative, so they work under any base
    path; each opens in a new tab, which keeps this view where it was. Names escaped."""
    return ", ".join(
        f'<a href="./conditions?{escape(urlencode({"condition": c}))}" target="_blank" rel="noopener noreferrer">'
        f"{escape(engine.dataset.conditions.at[c, 'name'])}</a>"
        for c in condition_ids
    )


def muscle_links(engine: Engine, muscle_ids) -> None:
    for muscle in muscle_ids:
        st.page_link(
            page("muscles"),
            label=plain(engine.dataset.muscles.at[muscle, "name"]),
            query_params={"muscle": muscle},
            icon=":material/menu_book:",
        )
