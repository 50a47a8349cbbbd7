"""Red flags on the pages: matched ones first as banners, watch-for lines after, and the not-a-diagnosis line."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import streamlit as st

from trigger_map.drawing import data_url
from trigger_map.lookup import Engine
from trigger_map.safety import AGE_BANDS, red_flags_for, watch_signs
from ui.text import plain

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


def reported() -> tuple[tuple[str, ...], frozenset[str]]:
    """The symptoms and facts (age band, pregnancy) the person gave on Where it hurts, this session:
    the handout's red flags match them too."""
    facts = AGE_BANDS.get(st.session_state.get("pain_age") or "", frozenset())
    if st.session_state.get("pain_pregnant"):
        facts = facts | {"pregnant"}
    return tuple(st.session_state.get("pain_symptoms") or ()), facts


def red_flags(
    engine: Engine,
    region_ids=(),
    symptoms=None,
    flag_ids=(),
    facts=None,
    parts=("matched", "watch"),
) -> None:
    """Red flags, calm but clear. Flags whose signs the person reports (symptoms, and facts: age band,
    pregnancy) are matched: one banner at the top, most urgent first. Flags raised only by a marked
    area, one reported symptom or a condition are "watch for" lines below it, with what to watch for
    on demand. `parts`: which of the two to show here (a page may put the banner higher). At most
    two elements whatever the number of flags (each costs the browser time on every click); every
    data text is escaped. `symptoms` and `facts` left out: what the person gave on Where it hurts
    this session, so a matched emergency shows on every page that shows flags."""
    given_symptoms, given_facts = reported()
    flags = _flags_for(
        engine,
        tuple(region_ids),
        tuple(given_symptoms if symptoms is None else symptoms),
        tuple(flag_ids),
        frozenset(given_facts if facts is None else facts),
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
    if watch:
        # One HTML block (every data text escaped), its details in a native disclosure: Streamlit
        # elements (a bordered box, Markdown, an expander) each cost the browser time on every click.
        st.html(watch_html(engine, watch))


# a medical cross, as an image: Streamlit's HTML element keeps no inline <svg>
MEDICAL_ICON = data_url(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="20" height="20">'
    '<rect x="2" y="2" width="20" height="20" rx="5" fill="#a33a3a"/>'
    '<path fill="#fff" d="M10 6h4v4h4v4h-4v4h-4v-4H6v-4h4z"/></svg>'
)


def watch_html(engine: Engine, watch: list[dict]) -> str:
    """The "when to see a doctor instead" box: a line per action (most urgent first) naming its
    flags, one list of them where there are several (ten areas marked gave 28 lines, 14 of them
    starting "Call emergency services if you also have"); what to watch for on demand."""
    by_action: dict[str, list[str]] = {}
    for flag in watch:
        by_action.setdefault(flag["action"], []).append(escape(_lower_first(flag["title"])))
    lines = "".join(
        f"<li><strong>{WATCH_TEXT[action]}</strong> if you also have: {titles[0]}</li>"
        if len(titles) == 1
        else f"<li><strong>{WATCH_TEXT[action]}</strong> if you also have any of these:"
        f"<ul>{''.join(f'<li>{title}</li>' for title in titles)}</ul></li>"
        for action, titles in by_action.items()
    )
    details = "".join(
        f"<p><strong>{escape(flag['title'])}.</strong> {escape(flag['message'])} "
        f"<strong>{ACTION_TEXT[flag['action']]}.</strong></p>" + _signs_html(engine, flag["id"])
        for flag in watch
    )
    icon = f'<img src="{MEDICAL_ICON}" alt="" width="20" height="20">'
    return (
        f'<div class="tm-flags"><p>{icon} <strong>When to see a doctor instead.</strong> Most pain here comes '
        f"from muscles, but sometimes it has another cause. Watch for these:</p><ul>{lines}</ul>"
        f"<details><summary>What to watch for</summary>{details}</details></div>"
    )


def _signs_html(engine: Engine, flag_id: str) -> str:
    signs = watch_signs(engine.dataset, flag_id)
    return f'<p class="tm-quiet">Signs to report: {escape(", ".join(signs))}</p>' if signs else ""


def _lower_first(text: str) -> str:
    """A title as the end of a sentence: its first letter lower-case, unless it starts an acronym."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


@lru_cache(maxsize=256)
def _flags_for(
    engine: Engine, region_ids: tuple, symptoms: tuple, flag_ids: tuple, facts: frozenset
) -> tuple[dict, ...]:
    """`red_flags_for`, once per question: a page shows its banner and its watch-for lines from
    two calls with the same question, on every tap (read only: the dicts are never changed)."""
    return tuple(red_flags_for(engine, region_ids, symptoms, flag_ids, facts))
