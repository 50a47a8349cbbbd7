"""Text from a link, a data file or a person shown as text (never Markdown), citations, and CSV downloads."""

from __future__ import annotations

import re

import streamlit as st

from trigger_map.citations import references, render
from trigger_map.export import csv_bytes
from trigger_map.lookup import Engine

# Every character that can start markup in Streamlit's Markdown: CommonMark and GFM (links, images,
# emphasis, headings, lists, tables, autolinks of URLs and e-mail addresses, HTML), Streamlit's
# directives (`:red[...]`, `:material/...:`) and KaTeX (`$...$`).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&@])")


_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


# Streamlit turns some patterns into icons, emoji and links after escapes are undone (seen in
# Chromium): `:material/warning:`, `:smile:`, `https://...`, `www.x.y`, `a@b.c`. An invisible word
# joiner after ':' and '@', and between 'www' and '.', breaks each pattern and changes nothing a
# person sees.
WORD_JOINER = "\u2060"


_LINK_STARTS = re.compile(r"(\\[:@]|(?i:www)(?=\\\.))")


def plain(text: str) -> str:
    """Text from a link or a data file, for a Markdown element: every markup character escaped,
    line breaks made spaces (a line break could start a heading, a list or a code block) and icon,
    emoji and link patterns broken, so it shows as the text it is. The one helper every page uses."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text)))
    return _LINK_STARTS.sub(lambda m: m.group() + WORD_JOINER, escaped)


def csv_download(rows: list[dict], file_name: str, key: str) -> None:
    """A table's rows as a CSV file to download, every cell a spreadsheet would run as a formula
    neutralised (the tables' own download is switched off in .streamlit/config.toml)."""
    st.download_button(
        "Download as CSV",
        data=csv_bytes(rows),
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        key=key,
        on_click="ignore",  # a download changes nothing on the page: no rerun for it
    )


def cited(engine: Engine, text: str) -> str:
    """Data text with its [source-id] markers as short citations, Markdown-escaped."""
    return plain(render(text, engine.dataset.sources, keep_together=True))


def on_demand(label: str, key: str, icon: str | None = None):
    """An expander whose content is made only while it is open (Streamlit's lazy expander: opening
    it reruns the fragment). A closed one is a single line for the browser to draw, which keeps a
    click on the map fast. Use: `with on_demand(...) as section: if section.open: ...`"""
    return st.expander(label, key=key, icon=icon, on_change="rerun")


def source_list(engine: Engine, source_ids, detail: str = "", key: str = "sources") -> None:
    """The full citations of the given sources, in an expander."""
    with on_demand("Sources", key=key) as section:
        if section.open:
            citations(engine, source_ids, detail)


def citations(engine: Engine, source_ids, detail: str = "") -> None:
    sources = references(engine.dataset.sources, source_ids).itertuples()
    cited_list = "\n".join(f"- **{plain(s.short)}.** {plain(s.citation)}" for s in sources)
    st.markdown(cited_list + (f"\n\n*Where to look: {plain(detail)}*" if detail else ""))
