"""The visits pages through AppTest, on a real SQLite file (TRIGGER_MAP_DB): saving a visit from
Where it hurts, comparing two visits, exporting and deleting a client."""

from __future__ import annotations

import io
from datetime import date

import pytest
from app_run import app
from paths import ROOT
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from trigger_map.visit_store import NewVisit, VisitStore
from ui import resources
from ui import visits as visits_ui


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'visits.sqlite3'}"
    monkeypatch.setenv("TRIGGER_MAP_DB", url)
    return url


def saved_pair(url: str) -> VisitStore:
    store = VisitStore(url)
    store.add_visit(
        "C-7",
        NewVisit(
            date(2026, 11, 1), {"temple-l": 7, "jaw-l": 3, "calf-r": 4}, note="=first", treated=("masseter-1@left",)
        ),
    )
    store.add_visit("C-7", NewVisit(date(2026, 11, 15), {"temple-l": 4, "jaw-l": 5, "heel-r": 2}, note="second"))
    store.add_visit("B-2", NewVisit(date(2026, 11, 3), {"shin-l": 6}))
    return store


def open_save_form(**params):
    """The Where it hurts page with its "Save as a visit" section open."""
    at = app("where_it_hurts", **params)
    at.session_state["visit_save"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def form_app():
    """The save form alone, over a drawing kept in session state as Where it hurts keeps it (for
    the login test: AppTest's secrets are set before the first run)."""
    import streamlit as st

    from ui import resources
    from ui import visits as visits_ui

    if "pain_areas" not in st.session_state:
        st.session_state.pain_areas = {"temple-l": 7, "jaw-l": None}
    visits_ui.save_form(
        resources.engine(),
        st.session_state.pain_areas,
        ("headache",),
        "tension-type-headache",
        ["upper-trapezius-1@left", "masseter-1@left"],
    )


def save_form() -> AppTest:
    at = AppTest.from_function(form_app, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def two_forms_app():
    """Two save forms on one page, each under its own key prefix, over two drawings."""
    from ui import resources
    from ui import visits as visits_ui

    engine = resources.engine()
    visits_ui.save_form(engine, {"temple-l": 7}, (), None, ["upper-trapezius-1@left"], prefix="first")
    visits_ui.save_form(engine, {"calf-r": 3}, (), None, ["soleus-1@right"], prefix="second")


def test_two_save_forms_with_their_own_prefixes_keep_apart(db):
    at = AppTest.from_function(two_forms_app, default_timeout=60)
    at.run()
    at.text_input(key="second_code").input("C-2")
    at.button(key="second_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="first_code").value == ""
    assert [s.value for s in at.success] == ["Saved the visit of " + f"{date.today():%d %B %Y} (1 areas)."]
    assert [v.areas for v in VisitStore(db).visits("C-2")] == [{"calf-r": 3}]
    at.text_input(key="first_code").input("C-1")
    at.button(key="first_submit").click().run()
    assert [v.areas for v in VisitStore(db).visits("C-1")] == [{"temple-l": 7}]
    assert VisitStore(db).clients() == ["C-1", "C-2"]


def test_where_it_hurts_offers_to_save_the_drawing_with_its_suggestions(db):
    at = open_save_form(areas="temple-l:7,jaw-l", symptoms="headache")
    treated = at.multiselect(key="visit_treated")
    best = visits_ui.treated_label(resources.engine(), at.session_state["pain_tp"])
    assert treated.options[0] == best  # the suggestions on screen, best first
    assert at.text_input(key="visit_code").value == ""
    assert at.button(key="visit_submit").label == "Save as a visit"


def test_save_as_a_visit_stores_the_drawing(db):
    at = open_save_form(areas="temple-l:7,jaw-l", symptoms="headache", condition="tension-type-headache")
    treated = at.multiselect(key="visit_treated")
    chosen = treated.options[1]
    at.text_input(key="visit_code").input("C-0042")
    at.date_input(key="visit_date").set_value(date(2026, 11, 20))
    treated.select(chosen)
    at.text_area(key="visit_note").input("Pressure and stretch.")
    at.button(key="visit_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Saved the visit of 20 November 2026" in s.value for s in at.success)
    (visit,) = VisitStore(db).visits("C-0042")
    assert visit.date == date(2026, 11, 20)
    assert visit.areas == {"temple-l": 7, "jaw-l": 5}  # a severity not given is saved as 5, as the map ranks it
    assert visit.symptoms == ("headache",) and visit.condition == "tension-type-headache"
    assert [visits_ui.treated_label(resources.engine(), k) for k in visit.treated] == [chosen]
    assert visit.note == "Pressure and stretch."
    assert "C-0042" not in str(dict(at.query_params))


@pytest.mark.parametrize("code", ["Jane Smith", "", "C 1"])
def test_a_failed_save_says_so_and_keeps_the_drawing(db, code):
    at = open_save_form(areas="temple-l:7,jaw-l:2")
    at.text_input(key="visit_code").input(code)
    at.button(key="visit_submit").click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "was not saved" in error and "drawing is still here" in error and "Jane" not in error
    assert at.session_state["pain_areas"] == {"temple-l": 7, "jaw-l": 2}
    assert at.text_input(key="visit_code").value == code  # what was typed stays, to correct it
    assert VisitStore(db).clients() == []


def test_a_save_to_a_database_that_cannot_be_used_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIGGER_MAP_DB", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = open_save_form(areas="temple-l:7,jaw-l:2")
    at.text_input(key="visit_code").input("C-1")
    at.button(key="visit_submit").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "was not saved" in errors and "C-1" not in errors
    assert at.session_state["pain_areas"] == {"temple-l": 7, "jaw-l": 2}


def test_the_visits_page_says_where_the_data_is(db, tmp_path):
    at = app("visits")
    assert not at.exception
    assert any(str(tmp_path / "visits.sqlite3") in c.value for c in at.caption)
    assert any("No visits saved yet" in i.value for i in at.info)


def test_the_visits_page_compares_two_visits(db):
    saved_pair(db)
    at = app("visits")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="visits_client").options == ["B-2", "C-7"]
    at.selectbox(key="visits_client").set_value("C-7").run()
    assert not at.exception
    changes = at.dataframe[1].value
    found = dict(zip(changes["area"], changes["change"], strict=True))
    assert found == {
        "temple (left)": "better (severity down)",
        "jaw (left)": "worse (severity up)",
        "calf (right)": "gone (marked before, not now)",
        "heel (underside) (right)": "new (not marked before)",
    }
    progress = at.dataframe[2].value
    assert list(progress["Total severity"]) == [14, 11]
    assert list(progress["Widespread Pain Index count"]) == [2, 1]  # the temple and the heel are no WPI areas
    # the standards are cited as the Evidence page lists them (each kept together on a line: no-break
    # spaces), not by a file of the repository
    (legend,) = [c.value.replace("\u00a0", " ") for c in at.caption if "Widespread Pain Index" in c.value]
    assert "Wolfe et al\\. 2016" in legend and "Brummett et al\\. 2016" in legend and "docs/" not in legend
    # the same visit on both sides: every area the same
    at.selectbox(key="visits_after").set_value(at.selectbox(key="visits_before").value).run()
    assert set(at.dataframe[1].value["change"]) == {"the same"}
    assert "C-7" not in str(dict(at.query_params))


def test_a_client_with_one_visit_sees_it_alone_not_compared_with_itself(db):
    saved_pair(db)
    at = app("visits")
    assert at.selectbox(key="visits_client").value == "B-2"  # one visit
    subheaders = [s.value for s in at.subheader]
    assert "The visit" in subheaders and "Compare two visits" not in subheaders
    assert not at.get("plotly_chart")  # a chart of one point says nothing
    assert any("from the second visit on" in c.value for c in at.caption)
    assert list(at.dataframe[-1].value["Total severity"]) == [6]  # the measures are still given


def test_the_progress_handout_of_one_visit_draws_it_once_and_no_chart(engine):
    from trigger_map.export import progress_pdf
    from trigger_map.progress import progress
    from trigger_map.standards import load_standards, region_areas
    from trigger_map.visit_store import VisitRecord

    visits = [VisitRecord(1, date(2026, 11, 3), {"shin-l": 6})]
    rows = progress(visits, load_standards(engine.body), region_areas(engine.body))
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(progress_pdf(engine, visits, rows))).pages).split()
    )
    assert "1 visit, 03 November 2026." in text and "Visit: 03 Nov 2026" in text
    assert "First visit" not in text and "How the measures changed" not in text
    assert "starts with the second visit" in text


def test_the_visits_page_offers_every_export(db):
    saved_pair(db)
    at = app("visits")
    at.selectbox(key="visits_client").set_value("C-7").run()
    labels = [d.proto.label for d in at.get("download_button")]
    assert {"Download as CSV", "Download as JSON", "Download the progress handout"} <= set(labels)
    # a download changes nothing on the page: the browser fetches the file and the page does not run again
    assert all(d.proto.ignore_rerun for d in at.get("download_button"))
    notes = at.multiselect(key="visits_notes")
    assert len(notes.options) == 2  # both visits have a note to choose


def test_the_progress_handout_prints_the_chosen_notes():
    from trigger_map.export import progress_pdf
    from trigger_map.progress import progress
    from trigger_map.standards import load_standards, region_areas
    from trigger_map.validate import load_engine
    from trigger_map.visit_store import VisitRecord

    engine = load_engine()
    visits = [
        VisitRecord(1, date(2026, 11, 1), {"temple-l": 7}, note="Keep the shoulders low."),
        VisitRecord(2, date(2026, 11, 15), {"temple-l": 3}, note="Secret note not chosen."),
    ]
    rows = progress(visits, load_standards(engine.body), region_areas(engine.body))
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(progress_pdf(engine, visits, rows, None, [1]))).pages
    )
    assert "Keep the shoulders low." in text and "Secret note" not in text
    assert "First visit" in text and "Latest visit" in text and "Total severity" in text


def test_deleting_a_client_asks_first_then_deletes_everything(db):
    saved_pair(db)
    at = app("visits")
    at.selectbox(key="visits_client").set_value("C-7").run()
    delete = at.button(key="visits_delete")
    assert delete.disabled  # nothing happens before the confirmation
    at.checkbox(key="visits_delete_sure").check().run()
    at.button(key="visits_delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Deleted the client and 2 visits" in s.value for s in at.success)
    assert VisitStore(db).clients() == ["B-2"]
    assert VisitStore(db).visits("C-7") == []
    assert at.selectbox(key="visits_client").value == "B-2"


AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "trigger-map",
    "client_secret": "test",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def test_with_a_login_configured_nothing_shows_before_logging_in(db):
    saved_pair(db)  # single-user clients: never shown to a clinic's users
    VisitStore(db, owner="sub-alice").add_visit("A-1", NewVisit(date(2026, 11, 1), {"temple-l": 3}))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.switch_page("pages/visits.py")
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.selectbox and not at.dataframe
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.info, *at.error])
    for code in ("C-7", "B-2", "A-1"):
        assert code not in shown
    assert "Visits are kept on this computer" not in shown  # a clinic's app does not say where


def test_with_a_login_configured_the_save_form_asks_to_log_in(db):
    at = AppTest.from_function(form_app, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.text_input


def test_the_progress_handout_says_what_it_shows_and_whose_values_the_chart_names(engine):
    """It said "This handout shows a common pain pattern", the single trigger point handout's words,
    under the person's own drawings; and its chart named "Total severity: 3" with no word that 3 is
    the latest visit's."""
    from trigger_map.export import progress_pdf
    from trigger_map.progress import progress
    from trigger_map.standards import load_standards, region_areas
    from trigger_map.visit_store import VisitRecord

    visits = [VisitRecord(1, date(2026, 11, 1), {"temple-l": 7}), VisitRecord(2, date(2026, 11, 15), {"temple-l": 3})]
    rows = progress(visits, load_standards(engine.body), region_areas(engine.body))
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(progress_pdf(engine, visits, rows))).pages).split()
    )
    assert "common pain pattern" not in text and "shows the pain marked at your visits" in text
    assert "not a diagnosis" in text and "see a doctor" in text
    assert "At the latest visit: Total severity: 3" in text


def test_every_list_to_choose_from_says_what_to_choose(db):
    """Streamlit's own "Choose options" and "Choose an option" said nothing of what each list holds:
    the symptoms and the condition on Where it hurts, the trigger points treated, the visits whose
    notes to print."""
    saved_pair(db)
    pain = open_save_form(areas="temple-l:6")
    visits = app("visits")
    visits.selectbox(key="visits_client").set_value("C-7").run()
    assert {
        "symptoms": pain.multiselect(key="pain_symptoms").placeholder,
        "condition": pain.selectbox(key="pain_condition").placeholder,
        "treated": pain.multiselect(key="visit_treated").placeholder,
        "notes": visits.multiselect(key="visits_notes").placeholder,
    } == {
        "symptoms": "Choose symptoms",
        "condition": "No condition",
        "treated": "Choose the trigger points treated",
        "notes": "Choose the visits whose notes to print",
    }
