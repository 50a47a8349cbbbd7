"""Moving between pages in one session (AppTest): a page left for another and opened again is as
it was left, and a link inside the app (a page link, a search hit, the browser's back button)
chooses what it names, also on a page opened before.

Streamlit forgets a widget's value once a run of another page does not draw it. A page that kept
only a "loaded" flag of its own then read a forgotten value: Presentation and Where it hurts
showed a crash box when opened a second time. And a page that read its link only on its first run
ignored every later link: a condition chosen from the list on Conditions stayed unchosen."""

from __future__ import annotations

from app_run import app
from paths import ROOT

from trigger_map.present import slides
from ui.navigation import page as page_script
from ui.text import plain

PAGES = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))


def visit(at, page: str, **params):
    at.switch_page(page_script(page))
    at.query_params.clear()
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_every_page_opens_again_after_every_other_page_ran():
    assert len(PAGES) == 11
    at = app(PAGES[0])
    for page in PAGES[1:] + PAGES:
        visit(at, page)
        assert not at.exception, f"{page} opened again: {at.exception[0].message}"
        assert at.title, page


def test_where_it_hurts_keeps_the_areas_symptoms_condition_and_age():
    at = app("where_it_hurts", areas="temple-l:5,low_back-r:3")
    at.multiselect(key="pain_symptoms").select("headache").run()
    at.selectbox(key="pain_condition").select("tension-type-headache").run()
    at.selectbox(key="pain_age").select("65 or over").run()
    visit(at, "explorer")
    visit(at, "where_it_hurts")
    assert not at.exception
    assert dict(at.session_state["pain_areas"]) == {"temple-l": 5, "low_back-r": 3}
    assert at.multiselect(key="pain_area_list").value == ["temple-l", "low_back-r"]
    assert at.multiselect(key="pain_symptoms").value == ["headache"]
    assert at.selectbox(key="pain_condition").value == "tension-type-headache"
    assert at.selectbox(key="pain_age").value == "65 or over"


def test_presentation_keeps_its_slide_and_kind_of_slide(engine):
    shown = slides(engine, "muscle")
    at = app("present", by="muscle")
    next(b for b in at.button if b.label == "Next").click().run()
    visit(at, "nmt")
    visit(at, "present")
    assert not at.exception
    assert at.session_state["present_by"] == "muscle"
    assert at.title[0].value == plain(shown[1].title)


def test_a_link_to_the_page_shown_chooses_what_it_names_and_a_choice_on_the_page_stays():
    at = app("conditions")
    assert at.selectbox(key="condition").value is None
    at.query_params["condition"] = "tension-type-headache"  # a condition of the page's own list
    at.run()
    assert at.selectbox(key="condition").value == "tension-type-headache"
    at.selectbox(key="condition").select("calf-cramps").run()
    assert at.selectbox(key="condition").value == "calf-cramps"  # the old address did not undo it
    assert at.query_params["condition"] == "calf-cramps"
    at.run()
    assert at.selectbox(key="condition").value == "calf-cramps"


def test_the_back_button_from_a_choice_returns_to_the_list_and_the_menu_does_not():
    at = app("conditions")
    at.query_params["condition"] = "calf-cramps"  # chosen from the page's own list
    at.run()
    assert at.selectbox(key="condition").value == "calf-cramps"
    at.query_params.clear()  # the browser's back button: the list's address, on the same page
    at.run()
    assert at.selectbox(key="condition").value is None
    at.query_params["condition"] = "calf-cramps"  # forward again
    at.run()
    visit(at, "benefits")
    visit(at, "conditions")  # the menu: no condition in its address, the page as it was left
    assert at.selectbox(key="condition").value == "calf-cramps"


def test_a_later_link_to_a_page_opened_before_chooses_what_it_names():
    at = app("muscles", muscle="masseter")
    at.pills(key="muscle_area").set_value("head").run()
    assert at.selectbox(key="muscle").value == "masseter"
    visit(at, "conditions", condition="tension-type-headache")
    visit(at, "muscles", muscle="upper-trapezius")  # "Upper trapezius" on that condition's page
    assert not at.exception
    assert at.selectbox(key="muscle").value == "upper-trapezius"
    assert at.pills(key="muscle_area").value is None  # the area filter would have hidden it
    visit(at, "benefits", benefit="posture")
    visit(at, "muscles")  # back through the menu: the muscle chosen last
    assert at.selectbox(key="muscle").value == "upper-trapezius"
    visit(at, "benefits")
    assert at.radio(key="benefit").value == "posture"


def test_an_unknown_id_in_a_later_link_says_so_and_keeps_the_choice():
    at = app("conditions", condition="calf-cramps")
    visit(at, "nmt")
    visit(at, "conditions", condition="[Call us](https://example.com)")
    assert not at.exception
    assert at.selectbox(key="condition").value == "calf-cramps"
    assert [i.value for i in at.info] == [
        plain("The link names a condition we don't know ('[Call us](https://example.com)').")
    ]
    at.run()
    assert not at.info
