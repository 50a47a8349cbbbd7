"""Panels shared by pages: one trigger point's details, red flags, the not-a-diagnosis line."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import streamlit as st

from trigger_map.citations import render
from trigger_map.export import MISSING, code_points, csv_bytes, handout_pdf, unprintable
from trigger_map.figures import Highlight, Marker
from trigger_map.lookup import Engine, Suggestion
from trigger_map.safety import AGE_BANDS, red_flags_for, watch_signs
from ui.navigation import page

NOT_A_DIAGNOSIS = (
    "These are common pain patterns to explore, not a diagnosis. If pain is severe, new or worrying, see a doctor."
)
ACTION_TEXT = {
    "emergency": "Call emergency services now",
    "urgent": "See a doctor today",
    "soon": "Book a visit with your doctor",
}
WATCH_TEXT = {
    "emergency": "Call emergency services",
    "urgent": "See a doctor today",
    "soon": "Book a doctor's visit",
}
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
    )


def cited(engine: Engine, text: str) -> str:
    """Data text with its [source-id] markers as short citations, Markdown-escaped."""
    return plain(render(text, engine.dataset.sources))


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
    cited_list = "\n".join(f"- {plain(engine.dataset.sources.at[source, 'citation'])}" for source in source_ids)
    st.markdown(cited_list + (f"\n\n*Where to look: {plain(detail)}*" if detail else ""))


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


def region_labels(engine: Engine, region_ids) -> str:
    return ", ".join(engine.body.regions[r].display_label for r in region_ids)


def marker_for(engine: Engine, key: str) -> Marker:
    placed = engine.by_key[key]
    row = engine.dataset.trigger_points.loc[placed.trigger_point]
    muscle = engine.dataset.muscles.at[row["muscle_id"], "name"]
    return Marker(key=key, view=placed.view, x=placed.x, y=placed.y, label=f"{muscle}: {row['name']} ({placed.side})")


def pattern_highlight(engine: Engine, key: str | None, marked=(), treat_here=()) -> Highlight:
    """The highlight for a chosen trigger point: its zones, its X, and the marked regions."""
    if key is None or key not in engine.by_key:
        return Highlight(marked=tuple(marked), treat_here=tuple(treat_here))
    placed = engine.by_key[key]
    return Highlight(
        marked=tuple(marked),
        essential=placed.essential,
        spillover=placed.spillover,
        treat_here=tuple(treat_here),
        chosen=marker_for(engine, key),
    )


def suggestion_label(engine: Engine, suggestion: Suggestion) -> str:
    side = "" if suggestion.side == "either" else f", {suggestion.side} side"
    how = []
    if suggestion.essential_hits:
        how.append("main pain area")
    elif suggestion.spillover_hits:
        how.append("spreads here")
    return f"{suggestion.muscle}: {suggestion.name}{side}" + (f" ({how[0]})" if how else "")


def trigger_point_details(engine: Engine, key: str, rule: bool = False) -> None:
    """Everything about one trigger point on one side, in plain words; `rule`: a line above it.
    What the design card promises at a glance (the pattern, related conditions, the benefits of
    treating it) shows without opening anything; the longer texts wait in the More section."""
    placed = engine.by_key[key]
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]
    muscle = data.muscles.loc[row["muscle_id"]]
    symptoms = "; ".join(data.symptoms.at[s, "label"] for s in row["symptoms"])
    spread = f"\n- May spread to (dotted): {plain(region_labels(engine, placed.spillover))}" if placed.spillover else ""
    benefits = ", ".join(data.benefits.at[b, "name"].lower() for b in row["benefits"])
    # One Markdown block rather than one element per line: fewer elements redraw on each click.
    st.markdown(
        ("---\n\n" if rule else "") + f"#### {plain(muscle['name'])}: {plain(row['name'])}\n\n"
        f":small[:gray[{plain(placed.side.title())} side · {plain(muscle['anatomical_name'])} · "
        f"body area: {plain(row['body_area'])}]]\n\n"
        f"**Where it lies.** {plain(row['location'])}\n\n"
        f"**Where it sends pain.** {plain(row['referral'])}\n\n"
        f"- Main area (solid): {plain(region_labels(engine, placed.essential))}{spread}\n\n"
        ":small[:gray[Patterns vary from person to person: experts agree that no exact area should be "
        "expected (Fernández-de-las-Peñas & Dommerholt 2018).]]\n\n"
        f"**What you may notice.** {plain(symptoms)}\n\n"
        f"**What you can do.** {plain(row['self_care'])}\n\n"
        + (
            f"**Related conditions:** {condition_link_list(engine, row['conditions'])}\n\n"
            if len(row["conditions"])
            else ""
        )
        + (
            f"**Treating it may help with:** {plain(benefits)} (how strong the evidence is: Benefits page)."
            if benefits
            else ""
        )
    )
    st.info(f"Take care: {plain(row['precautions'])}", icon=":material/health_and_safety:")
    more_details(engine, key, row, muscle)


MORE_SECTIONS = {  # short: the tabs fit the panel's width on a laptop
    "causes": "Causes",
    "conditions": "Benefits",
    "anatomy": "Anatomy",
    "sources": "Sources",
    "handout": "PDF handout",
}


def more_details(engine: Engine, key: str, row, muscle) -> None:
    """The rest of a trigger point's story (`row` and `muscle`: its records, as the details above
    read them), on demand: one closed section (a single line for the browser to draw on each click)
    that opens onto tabs, and only the chosen tab is made."""
    with on_demand(
        "More: what sets it off, the benefits in full, anatomy, sources, PDF handout", key="tp_more"
    ) as section:
        if not section.open:
            return
        data = engine.dataset
        shown = st.tabs(list(MORE_SECTIONS.values()), key="tp_more_tab", on_change="rerun")
        tabs = dict(zip(MORE_SECTIONS, shown, strict=True))
        with tabs["causes"]:
            if tabs["causes"].open:
                st.markdown(plain(row["activators"]))
        with tabs["conditions"]:
            if tabs["conditions"].open:
                st.markdown(
                    "**Benefits of treating it.**\n\n"
                    + "\n".join(
                        f"- **{plain(data.benefits.at[b, 'name'])}**: {plain(data.benefits.at[b, 'description'])}"
                        for b in row["benefits"]
                    )
                )
        with tabs["anatomy"]:
            if tabs["anatomy"].open:
                st.markdown(
                    "\n\n".join(
                        f"**{label}.** {plain(muscle[column])}"
                        for label, column in (
                            ("Origin", "origin"),
                            ("Insertion", "insertion"),
                            ("Action", "action"),
                            ("Innervation", "innervation"),
                        )
                    )
                )
                st.page_link(
                    page("muscles"),
                    label=f"Open {plain(muscle['name'])} in the muscle library",
                    query_params={"muscle": row["muscle_id"]},
                    icon=":material/menu_book:",
                )
        with tabs["sources"]:
            if tabs["sources"].open:
                citations(engine, row["sources"], row["source_detail"])
        with tabs["handout"]:
            if tabs["handout"].open:
                handout(engine, key)


SHARE_ICON = (
    '<svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d="M18 16'
    ".1c-.8 0-1.5.3-2 .8l-7.1-4.2c.1-.2.1-.5.1-.7s0-.5-.1-.7L16 7.2c.5.5 1.2.8 2 .8 1.7 0 3-1.3 3-3s-1.3-3-3-3-3 "
    "1.3-3 3c0 .2 0 .5.1.7L8 9.8C7.5 9.3 6.8 9 6 9c-1.7 0-3 1.3-3 3s1.3 3 3 3c.8 0 1.5-.3 2-.8l7.1 4.2c-.1.2-.1"
    '.4-.1.6 0 1.6 1.3 2.9 2.9 2.9s2.9-1.3 2.9-2.9-1.3-2.9-2.9-2.9z"/></svg>'
)


def share_button(params: dict[str, str], title: str) -> None:
    """A Share button for the view on screen: the phone's share sheet where the browser has one,
    the clipboard elsewhere (static/map.js does both). The page script also keeps the address bar
    on this view, without a rerun, so a reload reopens it. No script in it: plain HTML."""
    query = html.escape(urlencode(params, safe="@"), quote=True)
    st.html(
        f'<div class="tm-share" data-query="{query}" data-title="{html.escape(title, quote=True)}">'
        '<button type="button" class="tm-share-button" aria-label="Share a link to this view">'
        f"{SHARE_ICON} Share</button>"
        '<span class="tm-share-status" role="status" aria-live="polite"></span></div>',
        width="content",
    )


def handout(engine: Engine, key: str) -> None:
    """A PDF to take home: the pattern drawn on the body, self-care and precautions."""
    st.markdown(
        ":material/picture_as_pdf: A page to take home: the pattern drawn on the body, "
        "what to do and what to take care with."
    )
    # The note is kept apart from the box (Streamlit forgets a widget's value while it is not
    # shown), so closing the section or choosing another trigger point keeps what was typed.
    note = st.text_area(
        "A note to print on it (optional)",
        value=st.session_state.get("handout_note", ""),
        key="handout_note_box",
        max_chars=600,
        on_change=_keep_note,
        placeholder="e.g. Press for 30 seconds, twice a day, then stretch.",
    )
    missing = unprintable(note)
    if missing:  # said before printing, and on the handout too
        st.warning(
            f"The handout cannot print {len(missing)} character(s) of the note; they will show as "
            f"{MISSING}: {code_points(missing)}.",
            icon=":material/warning:",
        )
    st.download_button(
        "Download the handout",
        data=lambda: handout_pdf(engine, key, note, *reported()),
        file_name=f"trigger-map-{key.replace('@', '-')}.pdf",
        mime="application/pdf",
        icon=":material/download:",
        key="handout_pdf",
    )


def reported() -> tuple[tuple[str, ...], frozenset[str]]:
    """The symptoms and facts (age band, pregnancy) the person gave on Where it hurts, this session:
    the handout's red flags match them too."""
    facts = AGE_BANDS.get(st.session_state.get("pain_age") or "", frozenset())
    if st.session_state.get("pain_pregnant"):
        facts = facts | {"pregnant"}
    return tuple(st.session_state.get("pain_symptoms") or ()), facts


def _keep_note() -> None:
    st.session_state.handout_note = st.session_state.handout_note_box


def red_flags(
    engine: Engine, region_ids=(), symptoms=None, flag_ids=(), facts=None, parts=("matched", "watch")
) -> None:
    """Red flags, calm but clear. Flags whose signs the person reports (symptoms, and facts: age band,
    pregnancy) are matched: one banner at the top, most urgent first. Flags raised only by a marked
    area, one reported symptom or a condition are "watch for" lines below it, with what to watch for
    on demand. `parts`: which of the two to show here (a page may put the banner higher). At most
    three elements whatever the number of flags (each costs the browser time on every click); every
    data text is escaped. `symptoms` and `facts` left out: what the person gave on Where it hurts
    this session, so a matched emergency shows on every page that shows flags."""
    given_symptoms, given_facts = reported()
    flags = red_flags_for(
        engine,
        region_ids,
        given_symptoms if symptoms is None else symptoms,
        flag_ids,
        given_facts if facts is None else facts,
    )
    if not flags:
        return
    matched = [flag for flag in flags if flag["matched"] and "matched" in parts]
    watch = [flag for flag in flags if not flag["matched"] and "watch" in parts]
    if matched:
        text = "\n\n".join(
            f"**{ACTION_TEXT[flag['action']]}: {plain(flag['title'])}.** {plain(flag['message'])}" for flag in matched
        )
        alert = {"emergency": st.error, "urgent": st.warning, "soon": st.info}[matched[0]["action"]]
        alert(
            ":material/emergency: **What you describe needs a doctor, not a massage.**\n\n" + text,
            icon=":material/medical_services:",
        )
    if not watch:
        return
    lines = [
        f"- **{WATCH_TEXT[flag['action']]}** if you also have: {plain(_lower_first(flag['title']))}" for flag in watch
    ]
    with st.container(border=True):
        st.markdown(
            ":material/medical_services: **When to see a doctor instead.** Most pain here comes "
            "from muscles, but sometimes it has another cause. Watch for these:\n\n" + "\n".join(lines)
        )
        with on_demand("What to watch for", key="red_flags_details") as section:
            if section.open:
                st.markdown(
                    "\n\n".join(
                        f"**{plain(flag['title'])}.** {plain(flag['message'])} **{ACTION_TEXT[flag['action']]}.**"
                        + (
                            f"\n\n:small[Signs to report: {plain(', '.join(watch_signs(engine.dataset, flag['id'])))}]"
                            if watch_signs(engine.dataset, flag["id"])
                            else ""
                        )
                        for flag in watch
                    )
                )


def _lower_first(text: str) -> str:
    """A title as the end of a sentence: its first letter lower-case, unless it starts an acronym."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]
