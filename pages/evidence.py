"""Evidence and references: what is supported, what is mixed, the known limits; every citation."""

from urllib.parse import quote

import streamlit as st

from ui import resources, text

engine = resources.engine()
sources = engine.dataset.sources

st.title("Evidence and references", anchor=False)
st.markdown(resources.content("evidence.md", sources))
st.divider()
st.subheader(f"References ({len(sources)})", anchor=False)
kind = st.segmented_control(
    "Show", ["all", "article", "book", "guideline", "web"], default="all", key="evidence_kind", persist_state="session"
)
for source in sources.itertuples():  # in a reference list's order (trigger_map.data)
    if kind not in (None, "all") and source.kind != kind:
        continue
    links = []
    if source.doi:
        links.append(f"[doi:{text.plain(source.doi)}](https://doi.org/{quote(source.doi, safe='/')})")
    if source.pmid:
        links.append(
            f"[PMID {text.plain(source.pmid)}](https://pubmed.ncbi.nlm.nih.gov/{quote(source.pmid, safe='')}/)"
        )
    st.markdown(f"- **{text.plain(source.short)}.** {text.plain(source.citation)} " + " · ".join(links))
