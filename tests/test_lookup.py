"""The ranking engine: clear cases on a tiny dataset, then textbook facts on the real one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trigger_map.lookup import answer_to_show, explained_by, question_asked, referrer_to_show, severity_weight


def ranked(engine, areas, **kwargs):
    return [(s.trigger_point, s.side) for s in engine.suggest(areas, **kwargs)]


def test_one_area_lists_every_pattern_that_reaches_it(mini_engine):
    found = ranked(mini_engine, {"jaw-r": None})
    # masseter: jaw is its whole (essential) pattern; upper trapezius: essential; temporalis:
    # spillover; sternalis: spillover on both sides.
    assert set(found) == {
        ("masseter-1", "right"),
        ("upper-trapezius-1", "right"),
        ("temporalis-1", "right"),
        ("sternalis-1", "right"),
    }
    assert found[0] == ("masseter-1", "right")


def test_small_matching_pattern_beats_a_large_one_for_one_area(mini_engine):
    # Both refer to the temple as essential; upper trapezius also covers the jaw, so marking only
    # the temple fits temporalis (temple + jaw spillover) better than the larger pattern.
    found = ranked(mini_engine, {"temple-r": None})
    assert found.index(("temporalis-1", "right")) < found.index(("upper-trapezius-1", "right"))


def test_two_areas_one_muscle_explains_together_ranks_first(mini_engine):
    found = mini_engine.suggest({"temple-r": None, "jaw-r": None})
    assert (found[0].trigger_point, found[0].side) == ("upper-trapezius-1", "right")
    assert set(found[0].essential_hits) == {"temple-r", "jaw-r"}
    assert found[0].share == pytest.approx(1.0)


def test_side_is_respected(mini_engine):
    found = ranked(mini_engine, {"temple-l": None})
    assert found and all(side == "left" for _, side in found)
    assert ("temporalis-1", "right") not in found


def test_both_sides_marked_rank_each_side(mini_engine):
    found = ranked(mini_engine, {"temple-l": None, "temple-r": None})
    assert ("temporalis-1", "left") in found and ("temporalis-1", "right") in found


def test_severity_weighs_in(mini_engine):
    jaw_worse = ranked(mini_engine, {"temple-r": 1, "jaw-r": 10})
    temple_worse = ranked(mini_engine, {"temple-r": 10, "jaw-r": 1})
    assert jaw_worse.index(("masseter-1", "right")) < jaw_worse.index(("temporalis-1", "right"))
    assert temple_worse.index(("temporalis-1", "right")) < temple_worse.index(("masseter-1", "right"))


def test_severity_weight_is_bounded_and_increasing():
    assert severity_weight(None) == severity_weight(5)
    assert severity_weight(-3) == severity_weight(0) < severity_weight(5) < severity_weight(10) == severity_weight(99)


def test_spillover_counts_less_than_essential(mini_engine):
    found = {s.trigger_point: s for s in mini_engine.suggest({"jaw-r": None})}
    assert found["masseter-1"].score > found["temporalis-1"].score
    assert found["temporalis-1"].spillover_hits == ("jaw-r",)
    assert found["temporalis-1"].essential_hits == ()


def test_symptoms_add_to_the_ranking(mini_engine):
    plain = ranked(mini_engine, {"temple-r": None})
    with_dizziness = ranked(mini_engine, {"temple-r": None}, symptoms=("dizziness",))
    assert plain[0] == ("temporalis-1", "right")
    assert with_dizziness[0] == ("upper-trapezius-1", "right")  # the only one listing dizziness


def test_symptom_alone_lists_each_trigger_point_once(mini_engine):
    found = mini_engine.suggest({}, symptoms=("dizziness",))
    assert [(s.trigger_point, s.side) for s in found] == [("upper-trapezius-1", "either")]


def test_condition_filters(mini_engine):
    found = ranked(mini_engine, {"jaw-r": None}, condition="tension-headache")
    assert found and all(tp in {"upper-trapezius-1", "temporalis-1", "masseter-1", "sternalis-1"} for tp, _ in found)
    alone = mini_engine.suggest({}, condition="tension-headache")
    assert {s.trigger_point for s in alone} == {"upper-trapezius-1", "temporalis-1", "masseter-1", "sternalis-1"}


def test_nothing_marked_gives_nothing_and_unknown_regions_are_ignored(mini_engine):
    assert mini_engine.suggest({}) == []
    assert mini_engine.suggest({"elbow-r": None}) == []


def test_midline_point_with_symmetric_pattern_is_listed_once(mini_engine):
    assert "sternalis-1@left" not in mini_engine.by_key
    assert "temporalis-1@left" in mini_engine.by_key


def test_mirrored_point_is_on_the_other_side(mini_engine):
    right, left = mini_engine.by_key["temporalis-1@right"], mini_engine.by_key["temporalis-1@left"]
    assert left.x == 600 - right.x and left.y == right.y
    assert left.essential == ("temple-l",)


def test_find_muscle_and_condition(mini_engine):
    assert mini_engine.find_muscle("Upper Trapezius") == "upper-trapezius"
    assert mini_engine.find_muscle("trapezius, descending part") == "upper-trapezius"
    assert mini_engine.find_muscle("tempor") == "temporalis"
    assert mini_engine.find_muscle("nothing like it") is None
    assert mini_engine.find_condition("tension headache") == "tension-headache"


# Well-established referral facts (Travell & Simons; Davies; Niel-Asher), checked through the
# engine on the real data: (region id, muscles at least one of whose trigger points must be listed).
TEXTBOOK_FACTS = [
    ("temple-l", {"upper-trapezius", "temporalis", "sternocleidomastoid-sternal"}),
    ("forehead-r", {"sternocleidomastoid-clavicular", "frontalis"}),
    ("jaw_joint-r", {"lateral-pterygoid", "masseter"}),
    ("back_of_head-r", {"suboccipitals", "semispinalis-capitis"}),
    ("top_of_head", {"splenius-capitis"}),
    ("front_of_shoulder-r", {"infraspinatus", "anterior-deltoid", "biceps-brachii"}),
    ("outer_shoulder-l", {"supraspinatus"}),
    ("back_of_shoulder-r", {"teres-minor", "subscapularis"}),
    ("outer_elbow-r", {"supinator", "brachioradialis", "extensor-carpi-radialis-longus"}),
    ("inner_elbow-l", {"triceps-brachii"}),
    ("little_finger-r", {"latissimus-dorsi", "serratus-posterior-superior"}),
    ("sacrum-r", {"gluteus-medius", "quadratus-lumborum"}),
    ("outer_hip-r", {"quadratus-lumborum", "gluteus-minimus", "tensor-fasciae-latae"}),
    ("outer_thigh-r", {"gluteus-minimus", "vastus-lateralis"}),
    ("front_of_knee-l", {"rectus-femoris"}),
    ("inner_knee-r", {"vastus-medialis"}),
    ("heel-r", {"soleus", "quadratus-plantae"}),
    ("sole-r", {"gastrocnemius"}),
    ("front_of_ankle-r", {"tibialis-anterior"}),
    ("outer_ankle-l", {"peroneus-longus", "peroneus-brevis"}),
    ("big_toe-r", {"tibialis-anterior", "extensor-hallucis-longus"}),
    ("low_back-r", {"iliocostalis-lumborum", "rectus-abdominis"}),
    ("side_of_chest-r", {"serratus-anterior"}),
]


@pytest.mark.parametrize("region, muscles", TEXTBOOK_FACTS, ids=[f[0] for f in TEXTBOOK_FACTS])
def test_textbook_referral_facts(engine, region, muscles):
    found = {s.muscle_id for s in engine.referring_to(region)}
    assert muscles <= found, f"missing {sorted(muscles - found)} for {region}"


def test_left_temple_first_suggestions_are_on_the_left(engine):
    found = engine.referring_to("temple-l")
    assert found and all(s.side == "left" for s in found)


# With a limit, every marked area keeps at least one suggestion that explains it.


def test_a_mild_area_is_not_crowded_out_by_a_severe_one(mini_engine):
    areas = {"temple-r": 10, "breastbone": 0}
    full = ranked(mini_engine, areas)
    assert full[:2] == [("temporalis-1", "right"), ("upper-trapezius-1", "right")]  # both: temple only
    top_two = ranked(mini_engine, areas, limit=2)
    # the breastbone's only explainer takes the place of the lower temple suggestion
    assert top_two == [("temporalis-1", "right"), ("sternalis-1", "right")]


def test_the_limit_grows_only_when_areas_need_their_own_suggestion(mini_engine):
    areas = {"temple-r": 10, "breastbone": 0}
    assert len(mini_engine.suggest(areas, limit=1)) == 2  # two areas, no trigger point reaches both
    assert len(mini_engine.suggest(areas, limit=3)) == 3
    assert len(mini_engine.suggest({"temple-r": 10, "jaw-r": 0}, limit=1)) == 1  # one reaches both


def test_explained_by_names_the_suggestions_per_area(mini_engine):
    areas = {"temple-r": 10, "breastbone": 0, "top_of_shoulder-r": 3}
    found = mini_engine.suggest(areas, limit=2)
    assert explained_by(found, areas) == {"temple-r": (0,), "breastbone": (1,), "top_of_shoulder-r": ()}


def test_the_issue_case_gives_the_low_back_a_suggestion(engine):
    areas = {"upper_chest-l": 8, "inner_upper_arm-l": 6, "low_back-l": 3}
    plain = engine.suggest(areas)[:12]
    assert not any("low_back-l" in s.essential_hits + s.spillover_hits for s in plain)  # the old list
    found = engine.suggest(areas, limit=12)
    assert len(found) == 12
    assert all(explained_by(found, areas).values())
    assert found[:11] == plain[:11]  # only the last place changes hands
    assert "low_back-l" in found[-1].essential_hits


def _reachable(engine, area: str) -> bool:
    return bool(engine.referring_to(area))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_limited_list_explains_every_area_and_keeps_the_ranking(engine, data):
    regions = data.draw(st.lists(st.sampled_from(engine.region_ids), min_size=1, max_size=6, unique=True))
    areas = {r: data.draw(st.integers(0, 10)) for r in regions}
    limit = data.draw(st.integers(1, 15))
    full = engine.suggest(areas)
    found = engine.suggest(areas, limit=limit)
    keys = [s.key for s in full]
    positions = [keys.index(s.key) for s in found]
    assert positions == sorted(positions)  # a subset of the ranking, in its order
    assert len(found) <= max(limit, len(areas))
    assert len(found) == min(limit, len(full)) or len(found) > limit
    for area, explainers in explained_by(found, areas).items():
        assert bool(explainers) == _reachable(engine, area)
    # what the guarantee added displaced only the bottom of the list
    kept = limit - len(areas)
    if kept > 0:
        assert [s.key for s in found[:kept]] == keys[:kept]


def test_a_default_severity_asks_the_same_question_as_none():
    assert question_asked({"jaw-r": None}, (), None) == question_asked({"jaw-r": 5}, (), None)
    assert question_asked({"jaw-r": None}, (), None) != question_asked({"jaw-r": 6}, (), None)
    assert question_asked({"jaw-r": 5}, ("dizziness",), None) != question_asked({"jaw-r": 5}, (), None)


def test_the_chosen_answer_stays_until_the_question_changes():
    keys = ["a@right", "b@right", "c@left"]
    assert answer_to_show(keys, "b@right", new_question=False) == "b@right"
    assert answer_to_show(keys, "b@right", new_question=True) == "a@right"
    assert answer_to_show(keys, "gone@right", new_question=False) == "a@right"
    assert answer_to_show(keys, None, new_question=False) == "a@right"
    assert answer_to_show([], "b@right", new_question=False) is None


def test_the_explorer_shows_a_referrer_of_the_area_or_a_known_one():
    known = {"a@right": 1, "b@right": 2, "z@left": 3}
    assert referrer_to_show(["a@right", "b@right"], "b@right", known) == "b@right"
    assert referrer_to_show(["a@right", "b@right"], "z@left", known) == "a@right"  # a new area
    assert referrer_to_show([], "z@left", known) == "z@left"  # no area: a linked trigger point stays
    assert referrer_to_show([], "nowhere@left", known) is None
    assert referrer_to_show(["nowhere@right"], None, known) is None


def test_a_conditions_trigger_points_start_with_the_muscles_it_names(engine):
    """The Conditions page shows the first one drawn: for tennis elbow a forearm extensor, not the
    supraspinatus that came first head to foot (8 of 33 conditions opened on a muscle they do not
    name: whiplash and neck and shoulder pain on the digastric)."""
    for condition, row in engine.dataset.conditions.iterrows():
        tps = engine.condition_trigger_points(condition)
        muscles = [engine.dataset.trigger_points.at[t, "muscle_id"] for t in tps]
        named = [m for m in row["muscles"] if m in muscles]
        ranks = [named.index(m) if m in named else len(named) for m in muscles]
        assert ranks == sorted(ranks), condition
        assert not named or muscles[0] == named[0], condition
        # the rest keep the dataset's order, and nothing is lost or added
        order = list(engine.dataset.trigger_points.index)
        rest = [t for t, r in zip(tps, ranks, strict=True) if r == len(named)]
        assert rest == sorted(rest, key=order.index), condition
        tp_rows = engine.dataset.trigger_points
        expected = [
            t for t in order if condition in tp_rows.at[t, "conditions"] or tp_rows.at[t, "muscle_id"] in row["muscles"]
        ]
        assert sorted(tps) == sorted(expected), condition
