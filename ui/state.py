"""Session state shared by pages: a page's first choice comes from its link."""

from __future__ import annotations

from collections.abc import Callable, Collection

import streamlit as st

from trigger_map.links import first_param
from trigger_map.map_click import MapClick
from ui.text import plain


def choice_from_link(param: str, valid: Collection[str], state_key: str, noun: str) -> None:
    """On the page's first run in this session, preselect `?param=` when it is a known id;
    an unknown one gets a short notice and the page's plain view."""
    loaded = f"{state_key}_from_link"
    if loaded in st.session_state:
        return
    st.session_state[loaded] = True
    linked = first_param(st.query_params, param)
    if linked in valid:
        st.session_state[state_key] = linked
    elif linked:
        st.info(plain(f"The link names {noun} we don't know ({linked[:40]!r})."), icon=":material/link_off:")


def pick_trigger_point(state_key: str, keys: Collection[str]) -> Callable[[MapClick], None]:
    """A map callback that chooses a clicked trigger point X, when it is one of `keys`."""

    def pick(click: MapClick) -> None:
        for key in click.trigger_points:
            if key in keys:
                st.session_state[state_key] = key

    return pick
