"""Links to the pages of related conditions and muscles."""

from __future__ import annotations

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


def condition_link_list(engine: Engine, condition_ids) -> str:
    """The conditions as Markdown links to their pages, for one Markdown block (page links would be
    one element each, and every element drawn costs a click time). Relative, so they work under any
    base path; Streamlit opens Markdown links in a new tab, which keeps this view where it was."""
    return ", ".join(
        f"[{plain(engine.dataset.conditions.at[c, 'name'])}](./conditions?{urlencode({'condition': c})})"
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
