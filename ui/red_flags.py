"""Red flags on the pages: matched ones first as banners, watch-for lines after, and the not-a-diagnosis line."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from trigger_map.lookup import Engine
from trigger_map.safety import AGE_BANDS, red_flags_for, watch_signs
from ui.text import on_demand, plain

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
    prefix: str = "flags",
) -> None:
    """Red flags, calm but clear. Flags whose signs the person reports (symptoms, and facts: age band,
    pregnancy) are matched: one banner at the top, most urgent first. Flags raised only by a marked
    area, one reported symptom or a condition are "watch for" lines below it, with what to watch for
    on demand. `parts`: which of the two to show here (a page may put the banner higher). At most
    three elements whatever the number of flags (each costs the browser time on every click); every
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
        with on_demand("What to watch for", key=f"{prefix}_details") as section:
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


@lru_cache(maxsize=256)
def _flags_for(
    engine: Engine, region_ids: tuple, symptoms: tuple, flag_ids: tuple, facts: frozenset
) -> tuple[dict, ...]:
    """`red_flags_for`, once per question: a page shows its banner and its watch-for lines from
    two calls with the same question, on every tap (read only: the dicts are never changed)."""
    return tuple(red_flags_for(engine, region_ids, symptoms, flag_ids, facts))
