"""Reading the link a page's Share button offers, in AppTest (the page script keeps the browser's
address bar on it; tests/browser checks that part)."""
from __future__ import annotations

import html
import re

from streamlit.testing.v1 import AppTest

_SHARE = re.compile(r'class="tm-share" data-query="([^"]*)"')


def shared_query(at: AppTest) -> str:
    boxes = [_SHARE.search(element.proto.body) for element in at.get("html")]
    (query,) = [html.unescape(box.group(1)) for box in boxes if box]
    return query
