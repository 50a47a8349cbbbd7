"""One trigger point's panel: its pattern on the map, its details (More), its handout."""

from __future__ import annotations

from html import escape

import streamlit as st

from trigger_map.export import MISSING, code_points, handout_pdf, unprintable
from trigger_map.figures import Highlight, marker_for
from trigger_map.lookup import Engine, Suggestion
from trigger_map.referral import split_side_key
from ui.navigation import page
from ui.red_flags import reported
from ui.related import condition_links_html
from ui.text import citations, on_demand, plain


def region_labels(engine: Engine, region_ids) -> str:
    return ", ".join(engine.body.regions[r].display_label for r in region_ids)


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


def trigger_point_details(engine: Engine, key: str, prefix: str, rule: bool = False) -> None:
    """Everything about one trigger point on one side, in plain words; `rule`: a line above it.
    `prefix`: the page's own prefix for the panel's widget keys (its state is its own).
    What the design card promises at a glance (the pattern, related conditions, the benefits of
    treating it) shows without opening anything; the longer texts wait in the More section."""
    placed = engine.by_key[key]
    row = engine.dataset.trigger_points.loc[placed.trigger_point]
    muscle = engine.dataset.muscles.loc[row["muscle_id"]]
    # One HTML block, every data text escaped: Streamlit parses a Markdown block into elements on
    # each click, and the panel's details were the costliest part of a click's drawing
    # (benchmarks/README.md, 2026-12-02 07:40).
    st.html(details_html(engine, key, rule))
    more_details(engine, key, row, muscle, prefix)


def details_html(engine: Engine, key: str, rule: bool = False) -> str:
    """The trigger point's details at a glance as HTML: each text from the data escaped, so it shows
    as the text it is; the only markup is ours."""
    placed = engine.by_key[key]
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]
    muscle = data.muscles.loc[row["muscle_id"]]
    symptoms = data.symptoms_sentence(row["symptoms"])
    benefits = ", ".join(data.benefits.at[b, "name"].lower() for b in row["benefits"])
    areas = f"<li>Main area (solid): {escape(region_labels(engine, placed.essential))}</li>"
    if placed.spillover:
        areas += f"<li>May spread to (dotted): {escape(region_labels(engine, placed.spillover))}</li>"
    parts = [
        "<hr>" if rule else "",
        f"<h4>{escape(muscle['name'])}: {escape(row['name'])}</h4>",
        f'<p class="tm-quiet">{escape(placed.side.title())} side · {escape(muscle["anatomical_name"])} · '
        f"body area: {escape(row['body_area'])}</p>",
        f"<p><strong>Where it lies.</strong> {escape(row['location'])}</p>",
        f"<p><strong>Where it sends pain.</strong> {escape(row['referral'])}</p>",
        f"<ul>{areas}</ul>",
        '<p class="tm-quiet">Patterns vary from person to person: experts agree that no exact area should be '
        "expected (Fernández-de-las-Peñas &amp; Dommerholt 2018).</p>",
        f"<p><strong>What you may notice.</strong> {escape(symptoms)}</p>",
        f"<p><strong>What you can do.</strong> {escape(row['self_care'])}</p>",
    ]
    if len(row["conditions"]):
        parts.append(f"<p><strong>Related conditions:</strong> {condition_links_html(engine, row['conditions'])}</p>")
    if benefits:
        parts.append(
            f"<p><strong>Treating it may help with:</strong> {escape(benefits)} "
            "(how strong the evidence is: Benefits page).</p>"
        )
    parts.append(f'<p class="tm-take-care" role="note"><strong>Take care:</strong> {escape(row["precautions"])}</p>')
    return f'<div class="tm-details">{"".join(parts)}</div>'


MORE_SECTIONS = {  # short: the tabs fit the panel's width on a laptop
    "causes": "Causes",
    "conditions": "Benefits",
    "anatomy": "Anatomy",
    "sources": "Sources",
    "handout": "PDF handout",
}


def more_details(engine: Engine, key: str, row, muscle, prefix: str) -> None:
    """The rest of a trigger point's story (`row` and `muscle`: its records, as the details above
    read them), on demand: one closed section (a single line for the browser to draw on each click)
    that opens onto tabs, and only the chosen tab is made."""
    with on_demand(
        "More: what sets it off, the benefits in full, anatomy, sources, PDF handout", key=f"{prefix}_more"
    ) as section:
        if not section.open:
            return
        data = engine.dataset
        shown = st.tabs(list(MORE_SECTIONS.values()), key=f"{prefix}_more_tab", on_change="rerun")
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
                handout(engine, key, prefix)


def _keep_note(prefix: str) -> None:
    st.session_state[f"{prefix}_note"] = st.session_state[f"{prefix}_note_box"]


def _make_handout(engine: Engine, key: str, prefix: str) -> None:
    """Print the handout with the note as the box holds it now. A click on this button brings the
    box's last typing with it; a download button's own click did not (the file was the one made
    for the note before), and a file made on the click, outside the page's run, could not read
    what the person reported on Where it hurts."""
    _keep_note(prefix)
    note = st.session_state[f"{prefix}_note"] or ""
    symptoms, facts = reported()
    st.session_state[f"{prefix}_handout"] = (
        (key, note, symptoms, facts),
        handout_pdf(engine, key, note, symptoms, facts),
    )


def _change_note(prefix: str) -> None:
    st.session_state.pop(f"{prefix}_handout", None)


def handout(engine: Engine, key: str, prefix: str) -> None:
    """A PDF to take home: the pattern drawn on the body, self-care and precautions. Made by one
    button, then offered for download with the note it carries shown; the note cannot change under
    a made handout ("Change the note" takes it back)."""
    st.markdown(
        ":material/picture_as_pdf: A page to take home: the pattern drawn on the body, "
        "what to do and what to take care with."
    )
    note = st.session_state.get(f"{prefix}_note", "")
    made = st.session_state.get(f"{prefix}_handout")
    if made is not None and made[0] == (key, note, *reported()):
        _offer_handout(key, prefix, note, made[1])
        return
    # The note is kept apart from the box (Streamlit forgets a widget's value while it is not
    # shown), so closing the section or choosing another trigger point keeps what was typed.
    note = st.text_area(
        "A note to print on it (optional)",
        value=note,
        key=f"{prefix}_note_box",
        max_chars=600,
        on_change=_keep_note,
        args=(prefix,),
        placeholder="e.g. Press for 30 seconds, twice a day, then stretch.",
    )
    _say_unprintable(note)
    st.button(
        "Make the handout",
        icon=":material/picture_as_pdf:",
        key=f"{prefix}_make",
        on_click=_make_handout,
        args=(engine, key, prefix),
    )


def _say_unprintable(note: str) -> None:
    missing = unprintable(note)
    if missing:  # said before printing, with the handout made, and on the handout too
        st.warning(
            f"The handout cannot print {len(missing)} character(s) of the note; they will show as "
            f"{MISSING}: {code_points(missing)}.",
            icon=":material/warning:",
        )


def _offer_handout(key: str, prefix: str, note: str, pdf: bytes) -> None:
    st.caption("Your note on it:" if note else "No note on it.")
    if note:
        st.text(note)  # the person's words, as typed: never read as Markdown
        _say_unprintable(note)
    trigger_point, side = split_side_key(key)
    with st.container(horizontal=True):
        st.download_button(
            "Download the handout",
            data=pdf,
            file_name=f"trigger-map-{trigger_point}-{side}.pdf",
            mime="application/pdf",
            icon=":material/download:",
            key=f"{prefix}_pdf",
            on_click="ignore",
        )
        st.button(
            "Change the note", icon=":material/edit:", key=f"{prefix}_change", on_click=_change_note, args=(prefix,)
        )
