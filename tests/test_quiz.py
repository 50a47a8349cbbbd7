"""Quiz questions: generated from the data, one right answer, plausible wrong answers, English
prompts for every muscle, sets that repeat for a seed and never ask twice."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from trigger_map import quiz
from trigger_map.data import BODY_AREAS
from trigger_map.muscle_overlay import muscle_svg
from trigger_map.muscle_shapes import polygon
from trigger_map.quiz import (
    CHOICE_KINDS,
    NEAR_AREAS,
    QuizError,
    is_plural,
    is_right,
    make_question,
    make_set,
    prompt_for,
    result_rows,
    tap_score,
    the_muscle,
    to_the_area,
)

TEXT_FACTS = ("origin", "insertion", "action", "innervation")


@dataclass(frozen=True)
class FakeShape:
    view: str
    side: str
    depth: str
    path: str


FAKE_DRAWN = {
    "temporalis": ("front", "superficial"),
    "masseter": ("front", "superficial"),
    "lateral-pterygoid": ("front", "deep"),
    "frontalis": ("front", "superficial"),
    "occipitalis": ("back", "superficial"),
    "gastrocnemius": ("back", "superficial"),
    "soleus": ("back", "deep"),
}


def fake_shapes(muscle_id: str) -> list[FakeShape]:
    """A stand-in for trigger_map.muscle_shapes.shapes_of: a square per side for a few muscles."""
    if muscle_id not in FAKE_DRAWN:
        return []
    view, depth = FAKE_DRAWN[muscle_id]
    return [
        FakeShape(view, side, depth, f"M{x} 100 L{x + 10} 100 L{x + 10} 110 Z")
        for side, x in ((("right", 250), ("left", 300)))
    ]


def muscle_of_name(engine, name: str) -> str:
    muscles = engine.dataset.muscles
    return muscles.index[muscles["name"] == name][0]


def near(area: str) -> set[str]:
    return {area, *NEAR_AREAS[area]}


@pytest.mark.parametrize("seed", range(40))
def test_question_has_one_right_answer_among_four(engine, seed):
    question = make_question(engine, seed)
    assert question.kind in CHOICE_KINDS
    assert len(question.options) == 4 and len(set(question.options)) == 4
    assert question.options.count(question.answer) == 1
    assert make_question(engine, seed) == question  # the same seed asks the same question


@pytest.mark.parametrize("seed", range(30))
def test_referral_question_distractors_do_not_refer_there(engine, seed):
    question = make_question(engine, seed, kinds=("referral",))
    (region_id,) = question.shown.marked  # the area is outlined on the map
    region = engine.body.regions[region_id]
    region_name = region.name
    assert question.prompt == prompt_for("referral", region=region.label)
    placed = engine.by_key[question.answer_drawn.trigger_point]
    assert region_id in placed.essential  # the answer's trigger point sends pain mainly there
    muscles = engine.dataset.muscles
    for option in question.options:
        if option == question.answer:
            continue
        muscle_id = muscles.index[muscles["name"] == option][0]
        for tp in engine.muscle_trigger_points(muscle_id):
            zones = (
                engine.dataset.trigger_points.at[tp, "essential_zones"]
                + engine.dataset.trigger_points.at[tp, "spillover_zones"]
            )
            assert region_name not in {z.partition(":")[0] for z in zones}, (option, region_name)


def test_every_kind_can_be_asked(engine):
    asked = {make_question(engine, seed).kind for seed in range(200)}
    assert asked == set(CHOICE_KINDS)
    everything = make_set(engine, 1, 40, kinds=quiz.KINDS)
    assert {q.kind for q in everything.questions} == set(quiz.KINDS)


# --- English ----------------------------------------------------------------------------------

PLURAL_MUSCLES = {
    "suboccipitals",
    "intercostals",
    "cervical-multifidi",
    "hand-interossei",
    "hand-lumbricals",
    "thoracolumbar-multifidi",
    "gemelli-quadratus-femoris",
    "superficial-perineal-muscles",
    "transverse-perineal-muscles",
    "foot-interossei",
    "lumbricals-foot",
}


def test_plural_muscle_names_are_known(engine):
    plural = {m for m, name in engine.dataset.muscles["name"].items() if is_plural(name)}
    assert plural == PLURAL_MUSCLES
    assert is_plural("Rhomboids") and is_plural("Scalenes") and is_plural("Hamstrings")
    assert not any(is_plural(n) for n in ("Biceps", "Triceps", "Psoas major", "Gracilis", "Soleus", "Rhomboid major"))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Lumbricals", "the lumbricals"),
        ("Rhomboids", "the rhomboids"),
        ("Sternocleidomastoid, sternal division", "the sternal division of the sternocleidomastoid"),
        ("Gastrocnemius (calf muscle)", "the gastrocnemius (calf muscle)"),
        ("SCM", "the SCM"),
    ],
)
def test_a_muscle_reads_with_its_article(name, expected):
    assert the_muscle(name) == expected


def test_prompts_agree_with_singular_and_plural_names():
    assert prompt_for("origin", "Lumbricals") == "Where do the lumbricals arise (their origin)?"
    assert prompt_for("origin", "Rhomboids") == "Where do the rhomboids arise (their origin)?"
    assert prompt_for("insertion", "Temporalis") == "Where does the temporalis attach (its insertion)?"
    assert prompt_for("action", "Biceps") == "What does the biceps do (its action)?"
    assert prompt_for("innervation", "Intercostals") == "Which nerves supply the intercostals?"


@pytest.mark.parametrize(
    "label, expected",
    [
        ("temple", "to the temple"),
        ("back of head", "to the back of the head"),
        ("ball of foot", "to the ball of the foot"),
        ("above the pubic bone", "above the pubic bone"),
        ("between the shoulder blades", "between the shoulder blades"),
        ("behind the ear", "behind the ear"),
    ],
)
def test_an_area_reads_after_sends_pain_mainly(label, expected):
    assert to_the_area(label) == expected


def test_every_area_reads_as_english_in_a_referral_prompt(engine):
    for region in engine.body.regions.values():
        prompt = prompt_for("referral", region=region.label)
        assert prompt.startswith("A trigger point in which muscle sends pain mainly ") and prompt.endswith("?")
        assert not re.search(r"\bthe (above|around|behind|between|below|under)\b", prompt), prompt
        assert not re.search(r"\bof (?!the )", prompt), prompt
        assert "the the" not in prompt, prompt


def test_every_muscle_and_kind_reads_as_english(engine):
    """Every prompt for every muscle: a capital first, a full stop or question mark last, "the"
    before the name and never a capitalised name after it, and the verb agreeing with the name."""
    muscles = engine.dataset.muscles
    checked = 0
    for muscle_id, name in muscles["name"].items():
        plural = muscle_id in PLURAL_MUSCLES
        for kind in quiz.TEMPLATES:
            prompt = prompt_for(kind, name, region="temple", point="anterior fibres")
            assert prompt[0].isupper() and prompt[-1] in "?.", prompt
            assert "  " not in prompt and "the the" not in prompt.lower() and "{" not in prompt, prompt
            assert not re.search(r"\bthe [A-Z][a-z]", prompt), prompt
            if kind in ("origin", "insertion", "action"):
                assert (" do the " in prompt) == plural and (" does the " in prompt) == (not plural), prompt
                assert ("(their " in prompt) == plural, prompt
            checked += 1
    assert checked == len(muscles) * len(quiz.TEMPLATES)
    assert prompt_for("origin", muscles.at["hand-lumbricals", "name"]).startswith("Where do the lumbricals arise")


def test_questions_in_sets_read_as_english(engine):
    for seed in range(5):
        for question in make_set(engine, seed, 40).questions:
            assert not re.search(r"\b(does|do) [A-Z]", question.prompt), question.prompt
            assert not re.search(r"\bWhere does the (lumbricals|intercostals|suboccipital muscles)\b", question.prompt)


# --- plausible wrong answers -------------------------------------------------------------------


def test_near_areas_are_neighbours_both_ways_and_never_the_other_end():
    for area, others in NEAR_AREAS.items():
        for other in others:
            assert area in NEAR_AREAS[other], (area, other)
    assert not near("head") & {"abdomen", "low back and pelvis", "hip and thigh", "lower leg", "foot"}
    assert not near("foot") & {"head", "neck", "shoulder", "chest", "upper arm", "forearm and hand"}


@pytest.mark.parametrize("seed", range(60))
def test_wrong_answers_come_from_the_same_or_a_touching_area(engine, seed):
    muscles = engine.dataset.muscles
    for question in make_set(engine, seed, 10, kinds=CHOICE_KINDS).questions:
        area = muscles.at[question.muscle_id, "body_area"]
        for option in question.options:
            if option == question.answer:
                continue
            if question.kind in TEXT_FACTS:
                owners = set(muscles.index[muscles[question.kind] == option])
            else:
                owners = {muscle_of_name(engine, option)}
            assert question.muscle_id not in owners, question
            assert any(muscles.at[m, "body_area"] in near(area) for m in owners), (question.prompt, option, area)


@pytest.mark.parametrize("seed", range(60))
def test_pattern_wrong_answers_share_regions_with_the_pattern_first(engine, seed):
    """Muscles whose patterns share regions with the drawn one come first; none has a trigger
    point with the same essential zone (which would make it right too)."""
    muscles = engine.dataset.muscles
    tps = engine.dataset.trigger_points

    def zone_names(tp, columns=("essential_zones", "spillover_zones")):
        return {z.partition(":")[0] for c in columns for z in tps.at[tp, c]}

    question = make_question(engine, seed, kinds=("pattern",))
    area = muscles.at[question.muscle_id, "body_area"]
    drawn_tp = question.answer_drawn.trigger_point.partition("@")[0]
    assert set(question.shown.essential) == set(engine.by_key[question.answer_drawn.trigger_point].essential)
    assert question.shown.trigger_point is None  # the X would give the muscle away
    shown = zone_names(drawn_tp)

    def overlaps(m):
        return any(zone_names(t) & shown for t in engine.muscle_trigger_points(m))

    candidates = [
        m
        for m in muscles.index
        if m != question.muscle_id
        and muscles.at[m, "body_area"] in near(area)
        and not any(
            zone_names(t, ("essential_zones",)) == zone_names(drawn_tp, ("essential_zones",))
            for t in engine.muscle_trigger_points(m)
        )
    ]
    wrong = [muscle_of_name(engine, o) for o in question.options if o != question.answer]
    assert set(wrong) <= set(candidates)
    assert sum(overlaps(m) for m in wrong) == min(3, sum(overlaps(m) for m in candidates)), question


# --- sets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", quiz.LENGTHS)
def test_a_set_repeats_for_its_seed_and_never_asks_twice(engine, count):
    first = make_set(engine, 11, count)
    assert len(first.questions) == count
    assert make_set(engine, 11, count) == first
    assert make_set(engine, 12, count) != first
    keys = [(q.kind, q.subject) for q in first.questions]
    assert len(set(keys)) == len(keys)
    assert len({q.prompt + repr(q.shown) for q in first.questions}) == count
    assert len({q.kind for q in first.questions}) >= min(count, len(quiz.KINDS)) - 1  # kinds take turns


def test_a_set_keeps_to_its_areas_and_kinds(engine):
    muscles = engine.dataset.muscles
    chosen = make_set(engine, 3, 20, areas=("foot", "lower leg"), kinds=("origin", "pattern"))
    assert len(chosen.questions) == 20
    assert {q.kind for q in chosen.questions} == {"origin", "pattern"}
    assert {muscles.at[q.muscle_id, "body_area"] for q in chosen.questions} <= {"foot", "lower leg"}
    # a muscle comes back only once every other one has been asked about
    assert len({q.muscle_id for q in chosen.questions}) == 20


def test_a_set_is_shorter_when_the_choices_allow_fewer_questions(engine):
    head = [m for m in engine.dataset.muscles.index if engine.dataset.muscles.at[m, "body_area"] == "head"]
    small = make_set(engine, 5, 40, areas=("head",), kinds=("origin",))
    assert len(small.questions) == len(head) < 40
    assert len({q.muscle_id for q in small.questions}) == len(head)


def test_bad_settings_say_what_is_wrong(engine):
    with pytest.raises(QuizError, match="unknown kind"):
        make_set(engine, 1, 10, kinds=("spelling",))
    with pytest.raises(QuizError, match="unknown body area"):
        make_set(engine, 1, 10, areas=("tail",))
    with pytest.raises(QuizError, match="identify"):
        make_set(engine, 1, 10, kinds=("identify",), shapes=None)


def test_a_tiny_dataset_still_makes_a_set(mini_engine):
    small = make_set(mini_engine, 2, 10)
    assert 1 <= len(small.questions) <= 10
    for question in small.questions:
        assert question.is_tap or question.options.count(question.answer) == 1


# --- picture questions ----------------------------------------------------------------------------


def test_identify_lights_the_muscle_it_asks_about(engine):
    lit = make_set(engine, 4, 10, kinds=("identify",), shapes=fake_shapes)
    assert {q.muscle_id for q in lit.questions} == set(FAKE_DRAWN)  # only drawn muscles are asked
    for question in lit.questions:
        assert question.prompt == "Which muscle is lit on the map?"
        assert question.options.count(question.answer) == 1 and len(question.options) == 4
        assert question.answer == engine.dataset.muscles.at[question.muscle_id, "name"]
        shapes = question.shown.shapes
        assert shapes and {s.side for s in shapes} in ({"right"}, {"left"})  # one side lit
        drawn = question.as_dict()["drawn"]
        assert drawn["muscle"] == question.muscle_id
        assert drawn["shapes"][0]["path"] == shapes[0].path and drawn["shapes"][0]["view"] == shapes[0].view
        picture = muscle_svg(shapes[0].view, shapes)
        assert picture.count("<path") == len(shapes) and shapes[0].path in picture
        assert muscle_svg("front" if shapes[0].view == "back" else "back", shapes) is None
    assert "identify" in quiz.available_kinds(fake_shapes) and "identify" not in quiz.available_kinds(None)


def test_a_deep_muscle_is_drawn_as_an_outline():
    deep = muscle_svg("front", fake_shapes("lateral-pterygoid"))
    top = muscle_svg("front", fake_shapes("temporalis"))
    assert 'class="muscle deep"' in deep and "stroke-dasharray" in deep
    assert 'class="muscle superficial"' in top and "stroke-dasharray" not in top


def test_answers_show_the_muscle_when_it_is_drawn(engine):
    pattern = make_set(engine, 9, 40, areas=("head",), kinds=("pattern",), shapes=fake_shapes)
    drawn = [q for q in pattern.questions if q.muscle_id in FAKE_DRAWN]
    assert drawn
    for question in drawn:
        assert question.answer_drawn.muscle == question.muscle_id and question.answer_drawn.shapes
        assert not question.shown.shapes  # the question shows the pattern only


def test_tap_question_draws_the_x_and_scores_the_essential_zone(engine):
    question = make_question(engine, 2, kinds=("tap_pattern",))
    placed = engine.by_key[question.shown.trigger_point]
    assert question.options == () and question.answer_regions == placed.essential
    assert not question.shown.essential  # the pattern is the answer: drawn in the review only
    essential, spillover = list(placed.essential), list(placed.spillover)
    assert tap_score(question, essential) == 1.0 and is_right(question, essential)
    assert tap_score(question, []) == 0.0 and not is_right(question, [])
    elsewhere = [r for r in engine.body.regions if r not in placed.essential + placed.spillover]
    assert tap_score(question, elsewhere[:3]) == 0.0
    assert tap_score(question, essential + spillover) == 1.0  # spillover taps are not wrong
    assert tap_score(question, essential + elsewhere[: len(essential)]) == pytest.approx(0.5)
    if len(essential) >= 2:
        assert tap_score(question, essential[:1]) == pytest.approx(1 / len(essential))


def test_results_are_one_row_per_question(engine):
    chosen = make_set(engine, 8, 10)
    responses = [q.answer if not q.is_tap else list(q.answer_regions) for q in chosen.questions]
    responses[0] = None
    rows = result_rows(engine, chosen, responses)
    assert [r["number"] for r in rows] == list(range(1, 11))
    assert rows[0]["right"] == "" and all(r["right"] == "yes" for r in rows[1:])
    assert quiz.score(chosen.questions, responses) == (9, 9)


def test_every_area_can_be_quizzed(engine):
    for area in BODY_AREAS:
        assert make_set(engine, 1, 10, areas=(area,)).questions


def test_a_pattern_on_a_hand_or_foot_is_shown_close_up_too(engine):
    hand = engine.by_key["first-dorsal-interosseous-1@right"]  # palm side and back of the hand
    closeups = quiz.closeups_for(engine, quiz.Drawn(hand.essential, hand.spillover))
    assert {c.id for c in closeups} == {"hand-r", "hand-back-r"}
    for closeup in closeups:
        assert {r for r in hand.essential + hand.spillover if engine.body.regions[r].view == closeup.view} <= set(
            closeup.regions
        )
    shoulder = engine.by_key["infraspinatus-1@right"]
    assert quiz.closeups_for(engine, quiz.Drawn(shoulder.essential, shoulder.spillover)) == ()
    assert quiz.closeups_for(engine, quiz.Drawn()) == ()


def test_a_small_muscle_to_name_is_shown_in_its_close_up(engine):
    """ "Which muscle is this?" with a muscle of the hand, foot or face lit: the close-up that holds
    the muscle whole is shown beside the body; a muscle too large for any close-up gets none."""
    from trigger_map.muscle_shapes import shapes_of

    for muscle_id, side, expected in (
        ("abductor-pollicis-brevis", "right", {"hand-r"}),
        ("first-dorsal-interosseous", "left", {"hand-back-l"}),
        ("abductor-hallucis", "right", {"sole-r"}),
        ("orbicularis-oculi", "right", {"face"}),
    ):
        shapes = tuple(s for s in shapes_of(muscle_id) if s.side == side)
        closeups = quiz.closeups_for(engine, quiz.Drawn(muscle=muscle_id, shapes=shapes))
        assert {c.id for c in closeups} == expected, muscle_id
        for closeup in closeups:
            x, y, w, h = closeup.window
            for shape in shapes:
                if shape.view == closeup.view:
                    minx, miny, maxx, maxy = polygon(shape).bounds
                    assert x <= minx and y <= miny and maxx <= x + w and maxy <= y + h
    big = tuple(s for s in shapes_of("gluteus-maximus") if s.side == "right")
    assert quiz.closeups_for(engine, quiz.Drawn(muscle="gluteus-maximus", shapes=big)) == ()
