"""One search box for every page: areas, muscles, trigger points, conditions and symptoms found by
the words people use (the matcher in trigger_map/search.py), ranked, each result saying what it is.
Choosing a result opens it: an area on the Body map, a muscle (or a trigger point) on its page, a
condition on its page, a symptom added on Where it hurts.

The box owns its session keys (`<key_prefix>_query`, `<key_prefix>_goto`, ...). A result's button
sets the chosen page's state in its callback (before any widget of the next run exists, so a page's
own widgets may be set) and, when that page is another one, asks for the switch, which happens at
the start of the next run (a callback cannot switch pages). The switch carries the page's link too,
so a page opened for the first time in the session reads the same choice from it."""

from __future__ import annotations

import streamlit as st

from trigger_map.data import capitalized
from trigger_map.lookup import Engine
from trigger_map.referral import side_key
from trigger_map.search import Hit
from ui.navigation import page
from ui.text import plain

PAGES = {
    "explorer": page("explorer"),
    "muscles": page("muscles"),
    "conditions": page("conditions"),
    "where_it_hurts": page("where_it_hurts"),
}
ICONS = {
    "area": ":material/accessibility_new:",
    "muscle": ":material/menu_book:",
    "trigger_point": ":material/my_location:",
    "condition": ":material/medical_information:",
    "symptom": ":material/touch_app:",
}
OPENS = {
    "area": "show it on the body map",
    "muscle": "open the muscle",
    "trigger_point": "open it on its muscle's page",
    "condition": "open the condition",
    "symptom": "add it on Where it hurts",
}
# whole in the box of a 360 px phone (262 of 282 px): the examples are in the pages' introductions
PLACEHOLDER = "Search a muscle, area, condition or symptom"
SHOWN = 8
# among results that score the same, what each page is about comes first
PREFER = {"explorer": ("area",), "muscles": ("muscle", "trigger_point"), "conditions": ("condition",)}


def search_box(
    engine: Engine, key_prefix: str, here: str, kinds: tuple[str, ...] | None = None, limit: int = SHOWN
) -> str:
    """The box and its ranked results as buttons that open them; returns what was typed.

    `here` names the page it is on (a key of PAGES): a result on this page opens without a switch.
    `kinds` keeps only those kinds of result."""
    goto = st.session_state.pop(f"{key_prefix}_goto", None)
    if goto and goto[0] != here:
        st.switch_page(PAGES[goto[0]], query_params=goto[1])
    query = st.text_input(
        "Search",
        key=f"{key_prefix}_query",
        placeholder=PLACEHOLDER,
        label_visibility="collapsed",
        icon=":material/search:",
    )
    if not query.strip():
        return ""
    hits = engine.matcher.search(query, kinds=kinds, limit=limit, prefer=PREFER.get(here, ()))
    if not hits:
        st.caption(
            f"Nothing found for \u201c{plain(query.strip())}\u201d. Try a muscle, a body area, "
            "a condition or a symptom in other words; add left or right for a side."
        )
        return query
    # best first, in reading order; one row of chips that wraps (a phone too)
    with st.container(key=f"{key_prefix}_results", horizontal=True, gap="small"):
        for number, hit in enumerate(hits):
            st.button(
                f"{plain(capitalized(hit.name))} \u00b7 :gray[{hit.kind_label}]",
                key=f"{key_prefix}_hit_{number}",
                icon=ICONS[hit.kind],
                type="secondary",
                help=f"{hit.kind_label.capitalize()}: {OPENS[hit.kind]}",
                on_click=open_hit,
                args=(engine, key_prefix, here, hit),
            )
    return query


def open_hit(engine: Engine, key_prefix: str, here: str, hit: Hit) -> None:
    """Set the state that shows the hit on its page; switch there on the next run if it is another."""
    state = st.session_state
    if hit.kind == "area":
        state.region, state.tp = hit.id, None
        page, params = "explorer", {"region": hit.id}
    elif hit.kind in ("muscle", "trigger_point"):
        muscle = hit.id if hit.kind == "muscle" else engine.dataset.trigger_points.at[hit.id, "muscle_id"]
        state.muscle, state.muscle_area = muscle, None
        if hit.kind == "trigger_point":
            state.muscle_tp = side_key(hit.id, "right")
        page, params = "muscles", {"muscle": muscle}
    elif hit.kind == "condition":
        state.condition = hit.id
        page, params = "conditions", {"condition": hit.id}
    else:
        symptoms = list(state.get("pain_symptoms") or [])
        state.pain_symptoms = symptoms + [hit.id] if hit.id not in symptoms else symptoms
        page, params = "where_it_hurts", {"symptoms": ",".join(state.pain_symptoms)}
    state[f"{key_prefix}_query"] = ""
    state[f"{key_prefix}_goto"] = (page, params)
