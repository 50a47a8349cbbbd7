"""Every page runs headless through AppTest: real data, deep links, bad links, a broken dataset."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from app_run import app, shared_query
from paths import MINI_BODY, MINI_DATA, ROOT
from pdf_reading import pdf_words
from streamlit.testing.v1 import AppTest

from ui import text, trigger_point_panel
from ui.navigation import page as page_script

PAGES = [
    "explorer",
    "where_it_hurts",
    "nmt",
    "cycle",
    "conditions",
    "benefits",
    "muscles",
    "evidence",
    "quiz",
    "present",
]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [s.value for s in at.subheader]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.error]
    parts += [c.value for c in at.code] + [h.proto.body for h in at.html]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_an_exception(page):
    at = app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and at.title[0].value


def test_explorer_deep_link_opens_region_and_pattern():
    at = app(region="temple-l")
    assert not at.exception
    assert "<h3>Temple (left)</h3>" in texts(at)
    choice = at.selectbox(key="tp")
    muscles = " ".join(choice.options)
    assert "Upper trapezius" in muscles
    assert at.session_state["tp"].endswith("@left")
    assert at.query_params["region"] == "temple-l"


def test_explorer_choosing_a_region_from_the_list_is_the_keyboard_path():
    at = app()
    at.selectbox(key="area_list").set_value("heel-r").run()
    assert not at.exception
    assert at.selectbox(key="area_list").value is None  # back to its prompt: the heading says where
    assert "<h3>Heel (underside) (right)</h3>" in texts(at)
    assert any("Soleus" in o for o in at.selectbox(key="tp").options)
    # the address names the view (a step in the browser's history), as the Share button does
    assert dict(parse_qsl(shared_query(at))) == {"region": "heel-r", "tp": at.session_state["tp"]}
    assert at.query_params["region"] == "heel-r" and at.query_params["tp"] == at.session_state["tp"]


def test_explorer_follows_the_address_back_and_forward():
    """The browser's Back button reruns the page with the address of the view before: the page
    takes that view (it is not one the page put there last), and Forward brings the later one back.
    An address with nothing in it is the first, empty view on the same page."""
    at = app()
    at.selectbox(key="area_list").set_value("heel-r").run()
    heel = {name: at.query_params[name] for name in ("region", "tp")}
    at.selectbox(key="area_list").set_value("temple-l").run()
    assert at.query_params["region"] == "temple-l" and at.session_state["region"] == "temple-l"
    at.query_params.clear()
    at.query_params.update(heel)  # Back
    at.run()
    assert not at.exception
    assert at.session_state["region"] == "heel-r" and at.session_state["tp"] == heel["tp"]
    assert "<h3>Heel (underside) (right)</h3>" in texts(at)
    at.selectbox(key="tp").select_index(1).run()  # a change after Back is the person's own
    assert at.session_state["region"] == "heel-r" and at.session_state["tp"] != heel["tp"]
    assert at.query_params["tp"] == at.session_state["tp"]
    at.query_params.clear()  # Back to the first address, which named nothing
    at.run()
    assert at.session_state["region"] is None and at.session_state["tp"] is None
    assert "Choose an area to begin." in texts(at)


def test_explorer_back_to_a_step_with_another_pages_link_keeps_the_view():
    """A search result that opens another page leaves a step with that page's link on the Body map
    (`/?muscle=infraspinatus`, then `/muscles?muscle=infraspinatus`): Back to it shows the view
    that was there, and the address names that view again."""
    at = app(region="temple-l")
    tp = at.session_state["tp"]
    at.switch_page(page_script("muscles"))
    at.query_params.clear()
    at.query_params["muscle"] = "infraspinatus"
    at.run()
    at.switch_page(page_script("explorer")).run()  # Back
    assert not at.exception
    assert at.session_state["region"] == "temple-l" and at.session_state["tp"] == tp
    assert dict(at.query_params) == {"region": "temple-l", "tp": tp}


def test_explorer_opened_from_the_menu_is_as_it_was_left():
    """The menu opens a page with an empty address: the Body map keeps its view and names it in
    the address again."""
    at = app(region="temple-l")
    tp = at.session_state["tp"]
    at.switch_page(page_script("conditions")).run()
    at.query_params.clear()
    at.switch_page(page_script("explorer")).run()
    assert not at.exception
    assert at.session_state["region"] == "temple-l" and at.session_state["tp"] == tp
    assert at.query_params["region"] == "temple-l"


def test_explorer_on_one_view_turns_to_the_view_of_an_area_chosen_off_the_map():
    """On a phone the Body map starts on the front view alone. An area on the back chosen from the
    list (or a search, or a link) turned nothing: the map showed the front with nothing drawn.
    Now it turns to the back; a view the person then chooses stays."""
    at = app()
    at.session_state["explorer_map_views"] = "front"  # a phone's start (AppTest sends no user agent)
    at.run()
    at.selectbox(key="area_list").set_value("heel-r").run()
    assert not at.exception
    assert at.session_state["explorer_map_views"] == "back"
    at.segmented_control(key="explorer_map_views").set_value("front").run()  # the person turns back
    assert at.session_state["explorer_map_views"] == "front"
    at.selectbox(key="area_list").set_value("temple-l").run()  # on the front: no turn
    assert at.session_state["explorer_map_views"] == "front"
    at.segmented_control(key="explorer_map_views").set_value("both").run()
    at.selectbox(key="area_list").set_value("low_back-r").run()  # both views shown: nothing to turn
    assert at.session_state["explorer_map_views"] == "both"


def test_explorer_share_link_reopens_the_view():
    at = app(region="heel-r")
    first = at.session_state["tp"]
    assert dict(parse_qsl(shared_query(at))) == {"region": "heel-r", "tp": first}
    at.selectbox(key="tp").select_index(1).run()
    assert not at.exception and at.session_state["tp"] != first
    assert dict(parse_qsl(shared_query(at))) == {"region": "heel-r", "tp": at.session_state["tp"]}
    reopened = app(**dict(parse_qsl(shared_query(at))))
    assert reopened.session_state["tp"] == at.session_state["tp"]
    assert reopened.selectbox(key="tp").value == at.session_state["tp"]


def test_where_it_hurts_keeps_its_closeup_in_the_link():
    at = app("where_it_hurts", areas="big_toe-l:6", zoom="foot-l")
    assert not at.exception and at.session_state["pain_closeup"] == "foot-l"
    assert "Close-up: left ankle and foot" in texts(at) and "zoom=foot-l" in shared_query(at)
    # a close-up has no R and L drawn on it: its heading says which way it faces
    assert "(front, their right on your left)" in texts(at).replace("\\", "")
    next(b for b in at.button if b.label == "Whole body").click().run()
    assert at.session_state["pain_closeup"] is None and "zoom=" not in shared_query(at)
    assert dict(parse_qsl(shared_query(at)))["areas"] == "big_toe-l:6"
    bad = app("where_it_hurts", zoom="foot-of-doom")
    assert bad.session_state["pain_closeup"] is None
    assert text.plain("close-up we don't know") in " ".join(i.value for i in bad.info)


def test_explorer_closeup_opens_from_the_panel_and_its_link():
    at = app(region="little_finger-l")
    (zoom,) = [b for b in at.button if b.label.startswith("Zoom in on the left hand")]
    zoom.click().run()
    assert not at.exception and at.session_state["closeup"] == "hand-l"
    assert "zoom=hand-l" in shared_query(at) and "Close-up: left hand, palm side" in texts(at)
    assert app(**dict(parse_qsl(shared_query(at)))).session_state["closeup"] == "hand-l"
    next(b for b in at.button if b.label == "Whole body").click().run()
    assert at.session_state["closeup"] is None and "zoom=" not in shared_query(at)
    bad = app(zoom="hand-of-doom")
    assert bad.session_state["closeup"] is None and text.plain("close-up we don't know") in " ".join(
        i.value for i in bad.info
    )


OUTSIDE_CLOSEUP = "The trigger point (X) is not wholly in this close-up"


def test_a_closeup_shows_the_whole_body_under_it_when_the_chosen_x_lies_outside():
    """A finger's pain may come from the forearm: the close-up of the hand alone showed no X."""
    at = app(region="index_finger-l", tp="flexor-digitorum-profundus-1@left", zoom="hand-l")
    assert not at.exception and OUTSIDE_CLOSEUP in texts(at) and "(front)" in texts(at)
    at.selectbox(key="tp").set_value("hand-lumbricals-1@left").run()  # its X is in the hand
    assert not at.exception and OUTSIDE_CLOSEUP not in texts(at)
    at.selectbox(key="tp").set_value("first-dorsal-interosseous-1@left").run()  # on the back view
    assert OUTSIDE_CLOSEUP in texts(at) and "whole body (back)" in texts(at)
    pain = app("where_it_hurts", areas="upper_chest-l:6", tp="platysma-2@left", zoom="shoulder-l")
    assert not pain.exception and pain.session_state["pain_tp"] == "platysma-2@left"
    assert OUTSIDE_CLOSEUP in texts(pain)  # its X sat half cut at the close-up's top edge
    pain.selectbox(key="pain_tp").set_value("pectoralis-major-1@left").run()
    assert OUTSIDE_CLOSEUP not in texts(pain)
    assert OUTSIDE_CLOSEUP not in texts(app(region="index_finger-l", tp="flexor-digitorum-profundus-1@left"))


def test_one_view_shows_the_x_of_the_other_view_under_the_map():
    """One view on the map (a phone's default) and the chosen trigger point's X on the other: the
    temple's pattern is on the front, the upper trapezius's X on the back."""
    at = app(region="temple-l", tp="upper-trapezius-1@left")
    at.session_state["explorer_map_views"] = "front"
    at.run()
    assert not at.exception and "The trigger point (X) is on the back of the body" in texts(at)
    at.session_state["explorer_map_views"] = "back"
    at.run()
    assert "The trigger point (X) is on" not in texts(at)
    pain = app("where_it_hurts", areas="temple-l:6", tp="upper-trapezius-1@left")
    pain.session_state["pain_map_views"] = "front"
    pain.run()
    assert not pain.exception and "The trigger point (X) is on the back of the body" in texts(pain)


def test_explorer_panel_names_related_conditions_and_benefits():
    at = app(region="temple-l", tp="upper-trapezius-1@left")
    assert "Treating it may help with:" in texts(at)
    assert "<strong>Related conditions:</strong> <a href=" in texts(at)
    assert '<a href="./conditions?condition=tension-type-headache" target="_blank"' in texts(at)


def test_explorer_trigger_point_link_is_kept():
    at = app(region="temple-r", tp="upper-trapezius-1@right")
    assert at.session_state["tp"] == "upper-trapezius-1@right"
    assert "Upper trapezius" in texts(at)


def test_explorer_bad_link_shows_a_notice_and_the_plain_map():
    at = app(region="elbow-of-doom", tp="nothing@left")
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "don't know" in notices and text.plain("elbow-of-doom") in notices  # shown as text
    assert at.session_state["region"] is None


def test_explorer_says_it_is_not_a_diagnosis():
    assert "not a diagnosis" in texts(app(region="jaw-r"))


def test_broken_dataset_shows_the_problems_not_a_stack_trace(tmp_path, monkeypatch):
    import shutil

    broken = tmp_path / "data"
    shutil.copytree(MINI_DATA, broken)
    tp = broken / "trigger_points.csv"
    tp.write_text(tp.read_text().replace(",960,175,", ",960,far,"))
    monkeypatch.setenv("TRIGGER_MAP_DATA", str(broken))
    monkeypatch.setenv("TRIGGER_MAP_BODY", str(MINI_BODY))
    at = app()
    assert not at.exception
    assert "dataset has problems" in at.error[0].value
    assert "trigger_points.csv:2:y: 'far' is not a number" in at.code[0].value


def test_where_it_hurts_ranks_marked_areas_and_keeps_them_in_the_link():
    at = app("where_it_hurts", areas="temple-r:8,jaw-r", symptoms="dizziness")
    assert not at.exception
    assert at.session_state["pain_areas"] == {"temple-r": 8, "jaw-r": None}
    first = at.selectbox(key="pain_tp").options[0]
    assert first.startswith("1. ")
    assert dict(parse_qsl(shared_query(at)))["areas"] == "temple-r:8,jaw-r"
    assert "Why:" in texts(at)
    assert not at.dataframe  # the table is made only when its section is opened
    at.session_state["pain_why"] = True
    at.run()
    why = at.dataframe[0].value  # every suggestion with the areas it explains and its share
    assert len(why) == len(at.selectbox(key="pain_tp").options)
    assert set(why.columns) >= {"explains (main area)", "explains (may spread)", "share of its pattern marked"}
    assert (why["explains (main area)"] + why["explains (may spread)"]).str.len().gt(0).all()


def test_where_it_hurts_on_one_view_turns_to_an_area_added_from_the_list():
    """The person chose the front view alone and added the low back from the list: the map stayed
    on the front, the new mark out of sight. Now it turns to the back; taking an area off, or the
    person's own choice of view afterwards, turns nothing."""
    at = app("where_it_hurts")
    at.segmented_control(key="pain_map_views").set_value("front").run()
    at.multiselect(key="pain_area_list").set_value(["low_back-r"]).run()
    assert not at.exception
    assert at.session_state["pain_map_views"] == "back"
    at.segmented_control(key="pain_map_views").set_value("front").run()
    at.multiselect(key="pain_area_list").set_value(["low_back-r", "temple-l"]).run()
    assert at.session_state["pain_map_views"] == "front"  # the temple is on the front
    at.multiselect(key="pain_area_list").set_value(["temple-l"]).run()  # one taken off
    assert at.session_state["pain_map_views"] == "front"


def test_where_it_hurts_list_marks_areas_and_red_flags_show():
    """Marked areas alone: calm watch-for lines, no banner. A sign the person reports (a cold sweat)
    or a fact (pregnancy) matches a flag: a banner at the top of the panel, most urgent first."""
    at = app("where_it_hurts")
    at.multiselect(key="pain_area_list").set_value(["breastbone", "inner_upper_arm-l"]).run()
    assert not at.exception
    assert set(at.session_state["pain_areas"]) == {"breastbone", "inner_upper_arm-l"}
    flags = next(h.proto.body for h in at.html if "When to see a doctor instead" in h.proto.body)
    assert "<strong>Call emergency services</strong> if you also have any of these:<ul>" in flags, flags
    assert "<li>chest pain that spreads" in flags
    assert "<summary>What to watch for</summary>" in flags
    assert not at.error and not at.warning
    at.multiselect(key="pain_symptoms").set_value(["cold-sweat"]).run()
    assert not at.exception
    (banner,) = at.error
    assert "Call emergency services now: Chest pain that spreads" in banner.value.replace("\\", "")
    at.multiselect(key="pain_symptoms").set_value([]).run()
    at.multiselect(key="pain_area_list").set_value(["lower_abdomen-l"]).run()
    assert not at.error
    at.checkbox(key="pain_pregnant").check().run()
    assert not at.exception and "pregnant" in at.error[0].value
    at.selectbox(key="pain_age").set_value("65 or over").run()
    assert not at.exception


def test_where_it_hurts_explains_every_marked_area():
    at = app("where_it_hurts", areas="upper_chest-l:8,inner_upper_arm-l:6,low_back-l:3")
    assert not at.exception
    at.session_state["pain_why"] = True
    at.run()
    why = at.dataframe[0].value
    explained = " ".join(why["explains (main area)"] + " " + why["explains (may spread)"])
    for label in ("upper chest (left)", "inner upper arm (left)", "low back (left)"):
        assert label in explained
    by_area = next(line for c in at.caption for line in c.value.split("\n\n") if line.startswith("By area:"))
    assert f"low back (left): {len(why)}" in by_area.replace("\\", ""), by_area  # the last place explains it


def test_where_it_hurts_says_when_no_trigger_point_refers_to_an_area():
    at = app("where_it_hurts", areas="temple-l:5,big_toe-r:4", condition="tension-type-headache")
    assert not at.exception
    notes = [e.value.replace("\\", "").replace("\u2060", "") for e in at.info]  # as shown: Markdown escapes removed
    assert any(
        "Big toe (right): none of the trigger points linked to Tension-type headache refers" in n for n in notes
    ), notes
    assert not any(n.startswith("Temple") for n in notes)


def test_conditions_page_deep_link_and_unknown():
    at = app("conditions")
    at.selectbox(key="condition").set_value("tension-type-headache").run()
    assert not at.exception and "Tension" in texts(at)
    assert at.session_state["condition_tp"]


def test_muscles_page_shows_anatomy_for_trainers():
    at = app("muscles")
    at.selectbox(key="muscle").set_value("infraspinatus").run()
    assert not at.exception
    body = texts(at)
    for word in ("Origin", "Insertion", "Action", "Innervation"):
        assert word in body


def test_a_muscle_whose_anatomical_name_is_its_name_is_not_named_twice():
    at = app("muscles", muscle="piriformis")
    assert not at.exception
    box = at.selectbox(key="muscle")
    assert "Piriformis" in box.options and "Piriformis (Piriformis)" not in box.options
    assert "Upper trapezius (Trapezius, descending (upper) part)" in box.options
    assert [c.value for c in at.caption if "hip and thigh" in c.value] == ["hip and thigh"]


def test_cycle_step_choice_changes_the_text():
    import json

    steps = json.loads((ROOT / "content" / "cycle.json").read_text())["steps"]
    at = app("cycle")
    assert len(at.radio(key="cycle_step").options) == len(steps) >= 5
    at.radio(key="cycle_step").set_value(steps[-1]["id"]).run()
    assert not at.exception
    assert steps[-1]["title"] in [s.value for s in at.subheader]


def test_quiz_checks_an_answer_and_counts_the_score(engine):
    from trigger_map.quiz import make_set

    at = app("quiz", seed="3", kinds="origin")
    radio = at.radio(key="quiz_answer")
    radio.set_value(make_set(engine, 3, 10, kinds=("origin",)).questions[0].options[0]).run()
    next(b for b in at.button if b.label == "Check").click().run()
    assert not at.exception
    assert at.session_state["quiz_score"][0] + at.session_state["quiz_score"][1] == 1
    assert at.success or at.error


def test_benefits_page_deep_link_and_unknown_benefit():
    at = app("benefits", benefit="posture")
    assert not at.exception and at.session_state["benefit"] == "posture"
    assert "Posture" in " ".join(s.value for s in at.subheader) or "posture" in texts(at).lower()
    bad = app("benefits", benefit="flying")
    assert not bad.exception and "don't know" in bad.info[0].value


def test_muscles_page_unknown_muscle_link_gives_a_notice():
    at = app("muscles", muscle="biceps-femoralis")
    assert not at.exception and "don't know" in at.info[0].value
    assert at.session_state["muscle"] is None


def test_a_headaches_trigger_points_are_drawn_close_up_on_the_conditions_page():
    at = app("conditions", condition="tension-type-headache")
    assert not at.exception
    captions = [c.value for c in at.caption if c.value.startswith("Close-up")]
    assert captions == ["Close-up (front, their right on your left)", "Close-up (back, their right on your right)"]
    assert not [c for c in at.caption if "on the whole body" in c.value]  # the patterns are in the close-ups
    low_back = app("conditions", condition="chronic-low-back-pain")  # spread over the body: the whole views
    assert not low_back.exception and not [c for c in low_back.caption if c.value.startswith("Close-up")]


def test_whiplashs_crowded_x_marks_are_drawn_close_up_and_the_chosen_pattern_whole_below():
    at = app("conditions", condition="whiplash")
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert [c for c in captions if c.startswith("Close-up")] == [
        "Close-up (front, their right on your left)",
        "Close-up (back, their right on your right)",
    ]
    assert "Where the chosen trigger point sends pain, on the whole body:" in captions


def test_conditions_page_deep_link():
    at = app("conditions", condition="plantar-heel-pain")
    assert not at.exception and at.session_state["condition"] == "plantar-heel-pain"
    assert at.session_state["condition_tp"].endswith("@right")


def test_explorer_details_are_made_only_when_opened():
    """The details are one lazy expander over lazy tabs: closed, only its title is sent; opened,
    only the chosen tab's content is made (anatomy for trainers, sources, the handout)."""
    at = app(region="temple-l")
    (more,) = [e for e in at.expander if e.label.startswith("More:")]
    assert "anatomy" in more.label and "handout" in more.label.lower()
    assert not at.tabs and "Innervation" not in texts(at) and not at.text_area
    at.session_state["explorer_panel_more"] = True
    at.run()
    assert not at.exception
    assert [t.label for t in at.tabs] == list(trigger_point_panel.MORE_SECTIONS.values())
    assert "When to see a doctor instead" in texts(at)
    shown = {}
    for section in trigger_point_panel.MORE_SECTIONS:
        at.session_state["explorer_panel_more_tab"] = trigger_point_panel.MORE_SECTIONS[section]
        at.run()
        assert not at.exception
        shown[section] = texts(at)
    assert "**Innervation.**" in shown["anatomy"] and "**Innervation.**" not in shown["causes"]
    assert "Simons" in shown["sources"] and "Simons" not in shown["anatomy"]
    assert "Benefits of treating it." in shown["conditions"]
    # the handout: its note survives closing the section and opening it again
    at.session_state["explorer_panel_more_tab"] = trigger_point_panel.MORE_SECTIONS["handout"]
    at.run()
    at.text_area(key="explorer_panel_note_box").input("Press 30 s, twice a day").run()
    at.session_state["explorer_panel_more"] = False
    at.run()
    assert not at.text_area
    at.session_state["explorer_panel_more"] = True
    at.session_state["explorer_panel_more_tab"] = trigger_point_panel.MORE_SECTIONS["handout"]
    at.run()
    assert at.text_area(key="explorer_panel_note_box").value == "Press 30 s, twice a day"


def test_where_it_hurts_severity_is_kept_when_its_section_closes():
    at = app("where_it_hurts", areas="temple-r:8,jaw-r")
    assert not at.slider  # the sliders are made only while their section is open
    at.session_state["pain_severity"] = True
    at.run()
    assert at.slider(key="severity_temple-r").value == 8
    at.slider(key="severity_jaw-r").set_value(3).run()
    assert not at.exception and at.session_state["pain_areas"] == {"temple-r": 8, "jaw-r": 3}
    at.session_state["pain_severity"] = False
    at.run()
    assert dict(parse_qsl(shared_query(at)))["areas"] == "temple-r:8,jaw-r:3"


def legend_of(at: AppTest) -> str:
    (legend,) = [c.value for c in at.caption if c.value.startswith("**Dark red**")]
    return legend


@pytest.mark.parametrize(
    ("page", "params", "outline", "muscle"),
    [
        ("explorer", {"region": "temple-l"}, "the area you chose", True),
        ("where_it_hurts", {"areas": "temple-l:5"}, "the areas you marked", False),
        ("muscles", {"muscle": "upper-trapezius"}, None, True),
        ("conditions", {"condition": "tension-type-headache"}, None, False),
        ("present", {}, None, True),
    ],
)
def test_the_legend_names_only_what_the_map_draws(page, params, outline, muscle):
    """No "blue outline: the area you chose" under a map that outlines no area (a muscle, a
    condition, a slide), and the muscle's colours where a muscle is drawn."""
    legend = legend_of(app(page, **params))
    assert ("**Blue outline**" in legend) == (outline is not None)
    if outline:
        assert f"**Blue outline**: {outline}." in legend
    assert ("**Muscle**" in legend) == muscle


def test_the_panel_gives_the_symptoms_as_a_sentence():
    """The panel beside the map read 'What you may notice. chest pain': a sentence with no capital."""
    at = app(region="breastbone", tp="sternocleidomastoid-sternal-1@right")
    assert not at.exception
    assert "<strong>What you may notice.</strong> Chest pain" in texts(at)


def test_the_handout_is_made_with_the_note_as_typed_and_what_was_reported():
    """The handout is made by a button whose click carries the box's last typing, then offered
    with its note shown. A download button's click had carried the file made for the note before
    (5 of 5 handouts downloaded right after typing had no note), and its file, made outside the
    page's run, left out what the person reported on Where it hurts (their age and symptoms)."""
    at = app(region="temple-l", tp="upper-trapezius-1@left")
    at.session_state["pain_age"] = "50 to 64"  # given on Where it hurts, this session
    at.session_state["pain_symptoms"] = ["jaw-pain-chewing"]
    at.session_state["explorer_panel_more"] = True
    at.session_state["explorer_panel_more_tab"] = trigger_point_panel.MORE_SECTIONS["handout"]
    at.run()
    at.text_area(key="explorer_panel_note_box").set_value("Press 30 s, *twice* a day")  # typed, not applied
    at.button(key="explorer_panel_make").click().run()
    assert not at.exception
    _made_for, pdf = at.session_state["explorer_panel_handout"]
    text = pdf_words(pdf)
    assert "Press 30 s, *twice* a day" in text
    assert "needs a doctor, not a massage" in text and "if you are 50 or over" in text  # matched: age and jaw
    # offered with its note, shown as typed; the box is gone until the note is changed
    assert not at.text_area
    assert "Press 30 s, *twice* a day" in [t.value for t in at.text]
    assert [b.proto.label for b in at.get("download_button")] == ["Download the handout"]
    at.button(key="explorer_panel_change").click().run()
    assert at.text_area(key="explorer_panel_note_box").value == "Press 30 s, *twice* a day"
    assert not at.get("download_button")
    # another trigger point: the handout made for the first is not offered for it
    at.button(key="explorer_panel_make").click().run()
    at.selectbox(key="tp").select_index(1).run()
    assert at.session_state["tp"] != "upper-trapezius-1@left"
    assert not at.get("download_button") and at.button(key="explorer_panel_make")


def test_a_note_the_handout_cannot_print_is_named_before_and_after_it_is_made():
    at = app(region="temple-l", tp="upper-trapezius-1@left")
    at.session_state["explorer_panel_more"] = True
    at.session_state["explorer_panel_more_tab"] = trigger_point_panel.MORE_SECTIONS["handout"]
    at.run()
    at.text_area(key="explorer_panel_note_box").input("melting \U0001fae0").run()
    assert [w.value for w in at.warning if "cannot print" in w.value] == [
        "The handout cannot print 1 character(s) of the note; they will show as \ufffd: U+1FAE0."
    ]
    at.button(key="explorer_panel_make").click().run()
    assert at.get("download_button") and any("U+1FAE0" in w.value for w in at.warning)


def test_references_are_listed_by_how_the_texts_cite_them():
    """Each reference starts with the short citation the texts use (two sources that would read
    alike carry a letter), in alphabetical order, so a reader finds "(NICE 2016b)" in the list."""
    at = app("evidence")
    assert not at.exception
    listed = [m.value for m in at.markdown if m.value.startswith("- **")]
    labels = [item[4 : item.index(".** ")].replace("\\", "") for item in listed]  # Markdown escapes off
    assert len(labels) == 100
    assert "Travell & Simons 1992" in labels and "NICE 2016a" in labels and "NICE 2016b" in labels
    assert labels == sorted(labels, key=lambda label: label.casefold().replace("á", "a"))
