"""Quiz questions: generated from the data, one right answer, wrong answers really wrong."""

import pytest

from trigger_map.quiz import KINDS, make_question


@pytest.mark.parametrize("seed", range(40))
def test_question_has_one_right_answer_among_four(engine, seed):
    question = make_question(engine, seed)
    assert len(question.options) == 4 and len(set(question.options)) == 4
    assert question.options.count(question.answer) == 1
    assert make_question(engine, seed) == question  # the same seed asks the same question


@pytest.mark.parametrize("seed", range(30))
def test_referral_question_distractors_do_not_refer_there(engine, seed):
    question = make_question(engine, seed, kinds=("referral",))
    region_label = question.prompt.split("mainly to the ")[1].rstrip("?")
    names = {engine.body.regions[r].label: engine.body.regions[r].name for r in engine.body.regions}
    region_name = names[region_label]
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
    assert asked == set(KINDS)
