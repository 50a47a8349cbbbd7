"""The quiz page run headless (AppTest): a set from its link, answered to the end, its score,
review and results; settings that start a new set; a bad link."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qsl

from app_run import app, shared_query
from streamlit.testing.v1 import AppTest

from trigger_map.frame import FACING
from trigger_map.quiz import closeups_for, make_set
from ui.text import plain


def buttons(at: AppTest, label: str):
    return [b for b in at.button if b.label == label]


def pictures(at: AppTest) -> list[str]:
    """The SVG text of every picture on the page."""
    return [
        base64.b64decode(image.proto.imgs[0].url.split(",", 1)[1]).decode()
        for image in at.get("image")
        if image.proto.imgs and image.proto.imgs[0].url.startswith("data:image/svg+xml;base64,")
    ]


def answer(at: AppTest, question, right: bool = True) -> None:
    """Answer the question on screen (the keyboard path for a tap question), then Check."""
    if question.is_tap:
        regions = list(question.answer_regions) if right else []
        if not right:
            regions = [r for r in at.multiselect(key="quiz_taps").options if r not in question.answer_regions][:1]
        at.multiselect(key="quiz_taps").set_value(regions).run()
    else:
        wrong = next(o for o in question.options if o != question.answer)
        at.radio(key="quiz_answer").set_value(question.answer if right else wrong).run()
    buttons(at, "Check")[0].click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_link_opens_its_set_and_a_plain_visit_a_new_one(engine):
    expected = make_set(engine, 5, 10)
    at = app("quiz", seed="5", n="10")
    assert not at.exception
    assert at.subheader[0].value == plain(expected.questions[0].prompt)
    assert dict(parse_qsl(shared_query(at))) == {"seed": "5", "n": "10"}
    seeds = {app("quiz").session_state["quiz_view"].seed for _ in range(3)}
    assert len(seeds) == 3  # each new session starts on a new set


def test_answering_every_question_gives_a_score_a_review_and_results(engine):
    expected = make_set(engine, 21, 10)
    at = app("quiz", seed="21", n="10")
    for number, question in enumerate(expected.questions):
        assert at.subheader[0].value == plain(question.prompt)
        answer(at, question, right=number != 3)
        assert at.success if number != 3 else at.error, number
        buttons(at, "See your score" if number == 9 else "Next question")[0].click().run()
    assert not at.exception
    assert at.subheader[0].value == "Your score: 9 of 10"
    assert at.session_state["quiz_score"] == [9, 1]
    review = [e for e in at.expander if re.match(r"\d+\. ", e.label)]
    assert len(review) == 10 and plain(expected.questions[3].prompt) in review[3].label
    assert at.get("download_button")[0].proto.label == "Download as CSV"
    # a review item draws its answer when opened (only then: 40 maps at once would be slow)
    assert not pictures(at)
    pictured = next(n for n, q in enumerate(expected.questions, start=1) if q.answer_drawn)
    at.session_state[f"quiz_review_{pictured}"] = True
    at.run()
    assert not at.exception
    drawn = expected.questions[pictured - 1].answer_drawn
    svg = "".join(pictures(at))
    assert ('class="essential"' in svg) == bool(drawn.essential)
    assert ('class="trigger-point"' in svg or 'class="other-trigger-points"' in svg) == bool(
        drawn.trigger_point or drawn.others
    )


def test_a_picture_question_draws_the_pattern_and_its_answer(engine):
    question = make_set(engine, 8, 10, kinds=("pattern",)).questions[0]
    at = app("quiz", seed="8", kinds="pattern")
    drawn = "".join(pictures(at))
    assert 'class="essential"' in drawn and 'class="trigger-point"' not in drawn  # no X: it names the muscle
    answer(at, question)
    drawn = "".join(pictures(at))
    assert 'class="essential"' in drawn and 'class="trigger-point"' in drawn  # the answer: the X too


def test_a_small_muscle_to_name_is_drawn_in_its_close_up(engine):
    """ "Which muscle is this?" with a muscle of the hand, foot or face: the close-up beside the body
    draws the muscle lit, cropped to the close-up's window."""
    seed = next(
        n
        for n in range(1, 400)
        if closeups_for(engine, make_set(engine, n, 10, kinds=("identify",)).questions[0].shown)
    )
    question = make_set(engine, seed, 10, kinds=("identify",)).questions[0]
    (closeup,) = closeups_for(engine, question.shown)
    at = app("quiz", seed=str(seed), kinds="identify")
    assert not at.exception
    assert any(c.value.startswith(f"Close-up: {closeup.label}") for c in at.caption)
    x, y, w, h = closeup.window
    window = f'viewBox="{x:g} {y:g} {w:g} {h:g}"'
    lit = [p for p in pictures(at) if window in p and 'class="muscle ' in p]
    assert lit, "the muscle is drawn in the close-up"
    for shape in question.shown.shapes:
        assert any(shape.path in p for p in lit)


def test_a_tap_question_scores_the_tapped_areas(engine):
    question = make_set(engine, 4, 10, kinds=("tap_pattern",)).questions[0]
    at = app("quiz", seed="4", kinds="tap_pattern")
    assert 'class="trigger-point"' in "".join(pictures(at)) and 'class="essential"' not in "".join(pictures(at))
    assert buttons(at, "Check")[0].disabled  # nothing tapped yet
    answer(at, question)
    assert "100%" in at.success[0].value
    assert 'class="essential"' in "".join(pictures(at))  # the pattern is drawn once answered


def test_choosing_settings_starts_a_new_set_the_link_repeats(engine):
    at = app("quiz", seed="2")
    at.session_state["quiz_areas"] = ["foot", "lower leg"]
    at.session_state["quiz_kinds"] = ["origin", "pattern"]
    at.session_state["quiz_length"] = 20
    at.run()
    buttons(at, "Start a new quiz")[0].click().run()
    assert not at.exception
    view = at.session_state["quiz_view"]
    assert view.seed != 2 and view.count == 20 and view.areas == ("foot", "lower leg")
    params = dict(parse_qsl(shared_query(at)))
    assert params == {"seed": str(view.seed), "n": "20", "areas": "foot,lower-leg", "kinds": "origin,pattern"}
    again = app("quiz", **params)
    assert again.subheader[0].value == at.subheader[0].value  # a class gets the same questions
    muscles = engine.dataset.muscles
    for question in make_set(engine, view.seed, 20, areas=view.areas, kinds=view.kinds).questions:
        assert muscles.at[question.muscle_id, "body_area"] in ("foot", "lower leg")


def test_a_bad_link_says_so_and_still_gives_a_quiz():
    at = app("quiz", seed="12abc", n="7", kinds="origin,spelling", areas="foot,tail")
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert plain("not a whole number") in notices and plain("'tail'") in notices and plain("'spelling'") in notices
    view = at.session_state["quiz_view"]
    assert view.count == 10 and view.kinds == ("origin",) and view.areas == ("foot",)
    assert at.subheader and at.radio(key="quiz_answer")


def test_the_answers_legend_names_what_the_answer_draws(engine):
    """The legend under an answer: the muscle's colours when the muscle is drawn, and the blue
    outline only when an area is outlined, said whose it is (it said "the area you chose" under a
    pattern, where nothing was chosen, and left the muscle out)."""
    expected = {
        "pattern": None,
        "tap_pattern": "the areas you tapped",
        "referral": "the area the question asks about",
        "origin": None,
    }
    for kind, outline in expected.items():
        question = make_set(engine, 8, 10, kinds=(kind,)).questions[0]
        at = app("quiz", seed="8", kinds=kind)
        answer(at, question, right=False)
        (legend,) = [c.value for c in at.caption if "**Muscle**" in c.value or "**X**" in c.value]
        assert ("**Muscle**" in legend) == bool(question.answer_drawn.shapes), kind
        # an anatomy question's answer draws the muscle and its trigger points: no pain zone
        assert ("**Dark red**" in legend) == (kind != "origin"), kind
        assert "**X**" in legend, kind
        assert ("**Blue outline**" in legend) == (outline is not None), kind
        if outline:
            assert f"**Blue outline**: {outline}." in legend, kind


def test_an_answer_in_a_close_up_does_not_draw_the_whole_body_twice(engine):
    """The answer to a hand's pattern: the whole body beside the close-up already shows the X in
    the forearm, so the close-up's own whole-body inset (for the Body map, where the close-up is
    alone) is not drawn under it as well."""
    from trigger_map.drawing import CHOSEN_X
    from trigger_map.quiz import highlight

    def x_outside(n: int) -> bool:
        drawn = make_set(engine, n, 10, kinds=("pattern",)).questions[0].answer_drawn
        chosen, closeups = highlight(engine, drawn).chosen, closeups_for(engine, drawn)
        return bool(closeups) and not any(c.shows(chosen.view, chosen.x, chosen.y, CHOSEN_X) for c in closeups)

    seed = next(n for n in range(1, 400) if x_outside(n))
    question = make_set(engine, seed, 10, kinds=("pattern",)).questions[0]
    at = app("quiz", seed=str(seed), kinds="pattern")
    answer(at, question)
    assert not at.exception and any(c.value.startswith("Close-up:") for c in at.caption)
    assert not any("not wholly in this close-up" in c.value for c in at.caption)


def test_a_small_muscle_outside_the_hand_foot_and_face_is_drawn_in_a_close_up_too(engine):
    """ "Which muscle is lit?" with a small muscle of the hip or neck (the gemelli, the piriformis,
    the omohyoid): no close-up of a hand, foot or face holds it, and on the whole body it was a
    triangle a few millimetres across among choices of its neighbours."""
    from trigger_map.present import shapes_window

    def small_elsewhere(n: int) -> bool:
        shown = make_set(engine, n, 10, kinds=("identify",)).questions[0].shown
        return not closeups_for(engine, shown) and shapes_window(shown.shapes) is not None

    seed = next(n for n in range(1, 400) if small_elsewhere(n))
    question = make_set(engine, seed, 10, kinds=("identify",)).questions[0]
    view, (x, y, w, h) = shapes_window(question.shown.shapes)
    at = app("quiz", seed=str(seed), kinds="identify")
    assert not at.exception and any(c.value == f"Close-up ({view}, {FACING[view]})" for c in at.caption)
    lit = [p for p in pictures(at) if f'viewBox="{x:g} {y:g} {w:g} {h:g}"' in p and 'class="muscle ' in p]
    assert lit and all(any(shape.path in p for p in lit) for shape in question.shown.shapes)
