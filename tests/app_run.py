"""Shared test helpers: running a page through the real navigation (AppTest), reading the link its
Share button offers, and setting one cell of a CSV copy."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

from paths import ROOT
from streamlit.testing.v1 import AppTest

from ui.navigation import page as page_script

TIMEOUT = 60
ENTRY = ROOT / "tests" / "app_entry.py"  # app.py, run so that Streamlit never starts its old multipage mode
_SHARE = re.compile(r'class="tm-share" data-query="([^"]*)"')


def app(page: str | None = None, **params) -> AppTest:
    """`page` (a file in pages/, the Body map when None) run once, opened with these link params."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    if page and page != "explorer":
        at.switch_page(page_script(page))
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def shared_query(at: AppTest) -> str:
    """The query of the link the page's Share button offers (the page script keeps the browser's
    address bar on it; tests/browser checks that part)."""
    boxes = [_SHARE.search(element.proto.body) for element in at.get("html")]
    (query,) = [html.unescape(box.group(1)) for box in boxes if box]
    return query


def rewrite(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; `row` counts like a spreadsheet (2 = first data row)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows[row - 2][column] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
