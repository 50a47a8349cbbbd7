"""Session state shared by pages: a page's choice follows its link."""

from __future__ import annotations

from collections.abc import Callable, Collection

import streamlit as st

from trigger_map.links import first_param
from trigger_map.map_click import MapClick
from ui.text import plain


def page_opened(name: str) -> None:
    """Which page runs now and which ran before it (app.py, before each page's run): a page can
    tell a run of its own (a change on it, the browser's back button within it) from arriving
    from another page."""
    st.session_state.page_before = st.session_state.get("page_now")
    st.session_state.page_now = name


def choice_from_link(param: str, valid: Collection[str], state_key: str, noun: str, optional: bool = False) -> bool:
    """The page's choice follows its link whenever the link says something the page did not write
    there itself (`show_in_link`): on the page's first run, and after an in-app link, a search
    hit or the browser's back button brought the person here with another `?param=`. A change
    made on the page (its own list) is never undone by the address it is about to replace. An
    unknown id gets a short notice and leaves the choice as it was. On an `optional` page (one
    that can show nothing chosen), a link naming nothing on a run of the same page (the back
    button from a choice to the page's list) chooses nothing; from another page (the menu) the
    page is as it was left. True when the link chose."""
    linked = first_param(st.query_params, param) or None
    written = f"{state_key}_in_link"
    if written in st.session_state and linked == st.session_state[written]:
        return False
    st.session_state[written] = linked  # read once: a rerun on the same address changes nothing
    if linked in valid:
        st.session_state[state_key] = linked
        return True
    if linked:
        st.info(plain(f"The link names {noun} we don't know ({linked[:40]!r})."), icon=":material/link_off:")
    elif optional and st.session_state.get("page_before") == st.session_state.get("page_now"):
        st.session_state[state_key] = None
    return False


def show_in_link(param: str, state_key: str, value: str | None) -> None:
    """Put the page's choice in its address (a link to copy, a place in the browser's history),
    and remember it as the page's own: `choice_from_link` follows only what others put there."""
    st.query_params.from_dict({param: value} if value else {})
    st.session_state[f"{state_key}_in_link"] = value or None


def _address(params) -> dict[str, str]:
    """An address's parameters as plain strings, the first of each, empty ones left out: two
    spellings of the same view compare equal."""
    return {name: value for name in params if (value := first_param(params, name))}


def view_from_link(key: str, names: Collection[str]) -> bool:
    """Whether a page that keeps its whole view in its address (`keep_view_in_link`) takes its
    view from the address on this run: on the page's first run in the session, and whenever the
    address names another view than the one the page last put there: the browser's Back or
    Forward button, or a link in the app. `names`: the page's own parameters; others are not its
    view (Streamlit leaves a step with another page's link on this page when a search result opens
    that page). An address without them from another page (the menu opens a page without one, Back
    to that step) leaves the view as it was; on a run of the same page (Back to the first, empty
    address) it is followed."""
    written = st.session_state.get(f"{key}_in_link")
    if written is None:
        return True
    address = {name: value for name, value in _address(st.query_params).items() if name in names}
    if address == written:
        return False
    return bool(address) or st.session_state.get("page_before") == st.session_state.get("page_now")


def keep_view_in_link(key: str, params: dict[str, str]) -> None:
    """Put the view on screen in the page's address, and remember it as the page's own. Streamlit
    adds a step to the browser's history when the address changes (Back returns to the view
    before), and replaces the step instead while Back or Forward is being followed."""
    wanted = _address(params)
    if _address(st.query_params) != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[f"{key}_in_link"] = wanted


def pick_trigger_point(state_key: str, keys: Collection[str]) -> Callable[[MapClick], None]:
    """A map callback that chooses a clicked trigger point X, when it is one of `keys`."""

    def pick(click: MapClick) -> None:
        for key in click.trigger_points:
            if key in keys:
                st.session_state[state_key] = key

    return pick
