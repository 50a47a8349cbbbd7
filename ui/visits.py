"""Visits in the app: who is using it (single-user, or a therapist logged in through the app's
OpenID Connect login), their store, the "Save as a visit" form, and the pictures of a visit.

Without an `[auth]` section in .streamlit/secrets.toml the app is single-user and its visits are the
laptop's own (owner None). With one, the visits page and the save button ask for a login
(`st.login`), and the store is opened for that therapist (`st.user`'s `sub`, else e-mail): every
query of the store is filtered by it (trigger_map.visit_store), so the page cannot reach another
therapist's clients whatever it is asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import streamlit as st

from trigger_map.body import VIEWS, body_svg
from trigger_map.drawing import body_view_url, data_url
from trigger_map.lookup import DEFAULT_SEVERITY, Engine
from trigger_map.standards import Standards, load_standards, region_areas
from trigger_map.visit_models import CODE_LENGTH, NOTE_LENGTH
from trigger_map.visit_store import NewVisit, StoreError, VisitStore, where
from ui import body_map
from ui.body_map import NOTHING_LIT
from ui.text import plain

PICTURE_HEIGHT = 420


def auth_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section (a clinic's shared app)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: single-user
        return False


def owner() -> str | None:
    """The logged-in therapist's id (sub, else e-mail); None when single-user."""
    if not auth_configured():
        return None
    return str(st.user.get("sub") or st.user.get("email") or "") or None


def signed_in(purpose: str, key: str) -> bool:
    """True when visits may be used: single-user, or a therapist is logged in. Otherwise a login
    button, and False."""
    if not auth_configured():
        return True
    if st.user.get("is_logged_in", False) and owner():
        return True
    st.info(f"Log in to {purpose}: each therapist sees only their own clients.", icon=":material/lock:")
    st.button("Log in", key=key, on_click=st.login, icon=":material/login:")
    return False


def account() -> None:
    """Who is logged in, and a way out (a clinic's shared app only)."""
    if not auth_configured() or not st.user.get("is_logged_in", False):
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(f"Logged in as {plain(str(st.user.get('email') or st.user.get('name') or 'you'))}.")
        st.button("Log out", key="visits_logout", on_click=st.logout, icon=":material/logout:")


def store(quiet: bool = False) -> VisitStore | None:
    """This user's store, or a plain error (no address, no client data) and None. With a login
    configured, only for a logged-in therapist: never the single-user clients. `quiet`: raise the
    store's error instead of showing it (the save button says it in its own message)."""
    therapist = owner()
    if auth_configured() and therapist is None:
        st.error("Log in to use visits.", icon=":material/lock:")
        return None
    try:
        return VisitStore(owner=therapist)
    except StoreError as error:
        if quiet:
            raise
        st.error(f"The visits database cannot be used: {error}.", icon=":material/error:")
        return None


def where_stored() -> None:
    """Single-user: say where the visits are kept (a therapist's own laptop)."""
    if auth_configured():
        return
    st.caption(
        f"Visits are kept on this computer, in {where()}. Anyone who can open this app here can see them. "
        "To keep them elsewhere, start the app with TRIGGER_MAP_DB set to another database "
        "(sqlite:///path or postgresql+psycopg://...)."
    )


@st.cache_resource
def _standards(_body, svg: str) -> tuple[Standards, dict[str, float]]:
    return load_standards(_body), region_areas(_body)


def standards(engine: Engine) -> tuple[Standards, dict[str, float]]:
    """The standards' area tables (checked) and each region's surface, loaded once."""
    return _standards(engine.body, str(body_svg()))


def treated_label(engine: Engine, key: str) -> str:
    """A treated trigger point ("<id>@<side>") in words; a key the data no longer has, as it is."""
    placed = engine.by_key.get(key)
    if placed is None:
        return key
    data = engine.dataset
    row = data.trigger_points.loc[placed.trigger_point]
    return f"{data.muscles.at[row['muscle_id'], 'name']}: {row['name']} ({placed.side})"


def _saved_severity(value) -> int:
    return DEFAULT_SEVERITY if value is None else round(float(value))


def save_form(
    engine: Engine, areas: Mapping[str, float | None], symptoms, condition, suggestion_keys, prefix: str = "visit"
) -> None:
    """ "Save as a visit": the drawing on screen, with a client code, the date, the trigger points
    treated (from the suggestions), a short note. A failed save says so; the drawing stays, and so
    does what was typed, to correct it and try again. Its widgets' keys start with `prefix`."""
    if not signed_in("save visits", key=f"{prefix}_login"):
        return
    if not areas:
        st.caption("Mark at least one painful area to save it as a visit.")
        return
    with st.form(f"{prefix}_form", clear_on_submit=False, border=False):
        st.text_input(
            "Client code",
            max_chars=CODE_LENGTH,
            key=f"{prefix}_code",
            persist_state="session",
            help="A code you choose for the client (letters, digits, - _ .). Never a name.",
            placeholder="e.g. C-0042",
        )
        st.date_input(
            "Date of the visit", value=date.today(), key=f"{prefix}_date", persist_state="session", format="YYYY-MM-DD"
        )
        st.multiselect(
            "Trigger points treated",
            list(suggestion_keys),
            key=f"{prefix}_treated",
            persist_state="session",
            format_func=lambda k: treated_label(engine, k),
            placeholder="Choose the trigger points treated",
        )
        st.text_area("Note (optional)", max_chars=NOTE_LENGTH, key=f"{prefix}_note", persist_state="session")
        # the save happens in the button's callback: it runs once, before the page is drawn again
        st.form_submit_button(
            "Save as a visit",
            icon=":material/save:",
            key=f"{prefix}_submit",
            on_click=_save,
            args=(prefix, dict(areas), tuple(symptoms), condition),
        )
    # what the last save said stays while the drawing it was about is on screen (a rerun that
    # something else starts, e.g. the map redrawn, does not wipe it before the person has read it)
    said = st.session_state.get(f"{prefix}_saved")
    if said is not None and said[2] == _drawing(areas):
        ok, text = said[0], said[1]
        (st.success if ok else st.error)(text, icon=":material/check_circle:" if ok else ":material/error:")


def _drawing(areas: Mapping[str, float | None]) -> tuple:
    return tuple(sorted(areas.items()))


def _save(prefix: str, areas: dict, symptoms: tuple[str, ...], condition: str | None) -> None:
    state = st.session_state
    when = state.get(f"{prefix}_date") or date.today()
    failed = "The visit was not saved{}. Your drawing is still here: try again."
    drawing = _drawing(areas)
    try:
        mine = store(quiet=True)
    except StoreError as error:
        state[f"{prefix}_saved"] = (False, failed.format(f": {error}"), drawing)
        return
    if mine is None:
        state[f"{prefix}_saved"] = (False, failed.format(""), drawing)
        return
    visit = NewVisit(
        visit_date=when,
        areas={r: _saved_severity(v) for r, v in areas.items()},
        symptoms=symptoms,
        condition=condition,
        note=state.get(f"{prefix}_note") or "",
        treated=tuple(state.get(f"{prefix}_treated") or ()),
    )
    try:
        mine.add_visit(state.get(f"{prefix}_code") or "", visit)
    except StoreError as error:
        state[f"{prefix}_saved"] = (False, failed.format(f": {error}"), drawing)
        return
    state[f"{prefix}_saved"] = (True, f"Saved the visit of {when:%d %B %Y} ({len(visit.areas)} areas).", drawing)


def pictures(key: str, overlays: Mapping[str, str | None], height: int = PICTURE_HEIGHT) -> None:
    """Both views of the plain body, each with its overlay picture (SVG) on top, side by side."""
    body_map.map_style(key, height)
    for column, view in zip(st.columns(len(VIEWS), gap="small"), VIEWS, strict=True):
        with column, st.container(key=f"{key}_{view}-stack"):
            st.image(body_view_url(body_svg(), view), width="stretch")
            overlay = overlays.get(view)
            st.image(data_url(overlay) if overlay else NOTHING_LIT, width="stretch")
