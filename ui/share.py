"""The Share / Copy link button beside a panel heading."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from trigger_map.drawing import data_url

# Streamlit's HTML element keeps no inline <svg>: the icon is an image (a data URL), in the theme's
# text colour.
SHARE_ICON = data_url(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="18" height="18"><path fill="#1f2a33" d="M18 16'
    ".1c-.8 0-1.5.3-2 .8l-7.1-4.2c.1-.2.1-.5.1-.7s0-.5-.1-.7L16 7.2c.5.5 1.2.8 2 .8 1.7 0 3-1.3 3-3s-1.3-3-3-3-3 "
    "1.3-3 3c0 .2 0 .5.1.7L8 9.8C7.5 9.3 6.8 9 6 9c-1.7 0-3 1.3-3 3s1.3 3 3 3c.8 0 1.5-.3 2-.8l7.1 4.2c-.1.2-.1"
    '.4-.1.6 0 1.6 1.3 2.9 2.9 2.9s2.9-1.3 2.9-2.9-1.3-2.9-2.9-2.9z"/></svg>'
)


def share_button(params: dict[str, str], title: str, address: bool = True) -> None:
    """A Share button for the view on screen: the phone's share sheet where the browser has one,
    the clipboard elsewhere (static/map.js does both). With `address`, the page script also keeps
    the address bar on this view, without a rerun or a step in the browser's history, so a reload
    reopens it (a page that keeps its address itself, ui/state.py, passes False). No script in it:
    plain HTML."""
    st.html(share_html(params, title, address), width="content")


def share_html(params: dict[str, str], title: str, address: bool = True) -> str:
    """The Share button's HTML, for a page that puts it in a block of its own (beside a heading)."""
    # as the address bar spells it: ours keeps "@" as it is; Streamlit's writes "%40"
    query = html.escape(urlencode(params, safe="@" if address else ""), quote=True)
    follow = ' data-address="follow"' if address else ""
    return (
        f'<div class="tm-share" data-query="{query}"{follow} data-title="{html.escape(title, quote=True)}">'
        '<button type="button" class="tm-share-button" aria-label="Share a link to this view">'
        f'<img src="{SHARE_ICON}" alt="" width="18" height="18"> Share</button>'
        '<span class="tm-share-status" role="status" aria-live="polite"></span></div>'
    )
