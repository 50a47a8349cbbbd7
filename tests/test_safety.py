"""Red flags: matched by what the person reports (symptoms, age band, pregnancy), most urgent first;
an area alone only ever gives calm watch-for lines."""

import pytest
from paths import MINI_BODY, MINI_DATA

from trigger_map.safety import (
    ACTION_ORDER,
    AGE_BANDS,
    closest_symptoms,
    facts_for,
    find_symptom,
    red_flags_for,
    rules_of,
)
from trigger_map.validate import validate


def test_mini_flag_matches_only_with_its_sign(mini_engine):
    area_only = red_flags_for(mini_engine, ["temple-l"])
    assert [(f["id"], f["matched"]) for f in area_only] == [("thunderclap", False)]
    with_sign = red_flags_for(mini_engine, ["temple-l"], ["dizziness"])
    assert [(f["id"], f["matched"], f["because"]) for f in with_sign] == [
        ("thunderclap", True, ["headache", "dizziness"])
    ]
    # the pain of a rule may be reported instead of marked
    assert red_flags_for(mini_engine, [], ["headache", "dizziness"])[0]["matched"] is True
    assert [f["id"] for f in red_flags_for(mini_engine, flag_ids=["thunderclap"])] == ["thunderclap"]
    assert red_flags_for(mini_engine, ["jaw-r"], ["dizziness"]) == []
    assert red_flags_for(mini_engine, ["no-such-region"]) == []


def top(engine, regions=(), symptoms=(), facts=()):
    flags = red_flags_for(engine, regions, symptoms, facts=facts)
    matched = [f for f in flags if f["matched"]]
    return (matched[0]["id"], matched[0]["action"]) if matched else None


# (areas, symptoms, facts) -> the most urgent matched flag (its topic) and its action; None: nothing
# may match. Benign look-alikes (muscle pain that resembles a serious pattern) must not match.
PRESENTATIONS = [
    # heart and chest
    (["breastbone"], ["cold-sweat"], (), ("heart-chest-pain", "emergency")),
    (["upper_abdomen-l"], ["cold-sweat"], (), ("heart-chest-pain", "emergency")),  # "indigestion"
    (["outer_upper_arm-l"], ["sudden-breathlessness"], (), ("heart-chest-pain", "emergency")),
    ([], ["crushing-chest-pain"], (), ("heart-chest-pain", "emergency")),
    (["jaw-l"], ["pain-on-effort"], (), ("jaw-arm-pain-on-exertion", "urgent")),
    (["breastbone", "upper_chest-l"], ["shortness-of-breath", "chest-pain"], (), None),  # chest wall
    (["side_of_chest-r"], ["coughing-blood"], (), ("sudden-breathlessness", "emergency")),
    (["between_shoulder_blades-l"], ["sudden-severe-pain"], (), ("aortic-dissection", "emergency")),
    # belly, pelvis, groin
    (["lower_abdomen-l"], [], ["pregnant"], ("ectopic-pregnancy", "emergency")),
    ([], ["vaginal-bleeding"], ["pregnant"], ("ectopic-pregnancy", "emergency")),
    (["pubic"], [], ["pregnant"], None),  # pelvic girdle pain in pregnancy
    (["low_back-r"], [], ["pregnant"], None),  # back pain in pregnancy
    (["upper_abdomen-r"], ["hard-belly"], (), ("abdominal-fever-rigid", "emergency")),
    ([], ["blood-in-vomit-stool"], (), ("abdominal-fever-rigid", "emergency")),
    (["lower_abdomen-r"], ["pain-moves-lower-right"], (), ("appendicitis", "urgent")),
    (["lower_abdomen-r"], ["bloating-heartburn", "nausea"], (), None),  # belly-wall trigger point
    (["groin-r"], ["testicle-pain", "sudden-severe-pain"], (), ("testicular-torsion", "emergency")),
    (["groin-r"], ["stiffness", "limping"], (), None),  # adductor strain
    (["low_back-l"], ["blood-in-urine"], (), ("kidney-stone", "urgent")),
    (["low_back-r"], ["fever", "bladder-symptoms"], (), ("kidney-infection", "urgent")),
    (["lower_abdomen-l"], ["sudden-severe-pain"], ["age-50-plus", "age-65-plus"], ("aortic-aneurysm", "emergency")),
    # back
    (["low_back-r"], [], (), None),  # the everyday low back: watch-for lines only
    (["low_back-r", "buttock-r"], ["leg-pain", "numbness-tingling"], (), None),  # sciatica-like
    (["sacrum-l"], ["saddle-numbness"], (), ("cauda-equina", "emergency")),
    ([], ["bladder-symptoms"], (), None),  # needing to pass urine often is not cauda equina
    (["mid_back-r"], ["recent-injury"], ["age-50-plus", "age-65-plus"], ("spine-fracture", "urgent")),
    (["mid_back-r"], ["recent-injury"], (), None),
    (["low_back-l"], ["past-cancer"], (), ("back-pain-serious", "urgent")),
    # head and neck
    (["temple-r"], ["sudden-severe-pain"], (), ("thunderclap-headache", "emergency")),
    (["back_of_neck-r"], ["dizziness"], (), None),  # sternocleidomastoid / suboccipital pattern
    (["back_of_neck-l"], ["vision-loss"], (), ("neck-artery-signs", "emergency")),
    (["back_of_head-l"], ["fever", "neck-stiff-bending"], (), ("headache-fever-stiff-neck", "emergency")),
    (["temple-l"], ["jaw-pain-chewing"], ["age-50-plus"], ("jaw-headache-over-50", "urgent")),
    (["temple-l", "jaw-l"], ["jaw-pain-chewing"], (), None),  # masseter / temporalis under 50
    (["side_of_neck-l"], ["recent-injury", "numbness-tingling"], (), ("neck-after-injury", "emergency")),
    ([], ["clumsy-hands"], (), ("neck-pain-nerve-signs", "urgent")),
    (["side_of_neck-r", "thumb-r"], ["numbness-tingling", "grip-weakness"], (), None),  # scalene pattern
    # limbs
    (["calf-r"], ["swelling"], (), ("calf-clot", "urgent")),
    (["calf-r"], ["cramps"], (), None),  # calf cramps
    (["front_of_forearm-l"], ["swelling"], (), ("arm-clot", "urgent")),
    (["palm-l"], ["coldness", "numbness-tingling"], (), None),  # scalene referral: cold hand alone
    (["toes-r"], ["pale-cold-limb"], (), ("limb-ischaemia", "emergency")),
    (["shin-r"], ["pain-out-of-proportion"], (), ("compartment-syndrome", "emergency")),
    (["shin-r"], ["swelling", "recent-injury"], (), ("injury-fracture", "urgent")),  # a knock, not compartment
    (["calf-l"], ["pain-walking-eases-rest"], (), ("claudication", "soon")),
    (["front_of_knee-r"], ["red-hot-skin", "swelling"], (), ("hot-swollen-joint", "urgent")),
    (["top_of_shoulder-l", "outer_hip-l"], ["girdle-stiffness"], ["age-50-plus"], ("polymyalgia", "soon")),
    (["top_of_shoulder-l", "outer_hip-l"], ["stiffness"], ["age-50-plus"], None),
    # whole body
    ([], ["fever", "confusion"], (), ("fever-very-unwell", "emergency")),
    ([], ["fever"], (), None),
    ([], ["face-droop"], (), ("stroke-signs", "emergency")),
]


@pytest.mark.parametrize("regions,symptoms,facts,expected", PRESENTATIONS)
def test_presentation_matches_the_most_urgent_flag(engine, regions, symptoms, facts, expected):
    assert all(r in engine.body.regions for r in regions), regions
    assert all(s in engine.dataset.symptoms.index for s in symptoms), symptoms
    assert top(engine, regions, symptoms, facts) == expected


def test_table_covers_enough_presentations_and_look_alikes():
    assert len(PRESENTATIONS) >= 25
    assert sum(expected is None for *_, expected in PRESENTATIONS) >= 8


def test_an_area_alone_never_matches_any_flag(engine):
    """Every region, alone: no matched flag at all, so never an emergency banner."""
    for region in engine.body.regions:
        assert not [f["id"] for f in red_flags_for(engine, [region]) if f["matched"]], region


def test_matched_first_then_most_urgent(engine):
    flags = red_flags_for(engine, ["low_back-r", "calf-r", "breastbone"], ["swelling"])
    keys = [(not f["matched"], ACTION_ORDER[f["action"]]) for f in flags]
    assert keys == sorted(keys)
    assert flags[0]["id"] == "calf-clot" and flags[0]["matched"]
    assert any(not f["matched"] and f["action"] == "emergency" for f in flags)


def test_the_chest_emergency_leads_on_where_it_hurts(engine):
    flags = red_flags_for(engine, ["low_back-r", "breastbone"], ["cold-sweat"])
    assert (flags[0]["id"], flags[0]["action"], flags[0]["matched"]) == ("heart-chest-pain", "emergency", True)


def test_facts_from_age_and_pregnancy():
    assert facts_for(None) == frozenset()
    assert facts_for(49) == frozenset()
    assert facts_for(50) == {"age-50-plus"}
    assert facts_for(70, pregnant=True) == {"age-50-plus", "age-65-plus", "pregnant"}
    assert AGE_BANDS["65 or over"] == facts_for(65) and AGE_BANDS["50 to 64"] == facts_for(64)


def test_rules_parse():
    assert rules_of("a+b; c") == (("a", "b"), ("c",))
    assert rules_of(("x + y",)) == (("x", "y"),)


def test_symptom_from_plain_words(dataset):
    assert find_symptom(dataset, "fever") == "fever"
    assert find_symptom(dataset, "Pins and needles") == "numbness-tingling"
    assert find_symptom(dataset, "numbness-tingling") == "numbness-tingling"
    assert find_symptom(dataset, "blood in the urine") == "blood-in-urine"
    assert find_symptom(dataset, "zzz") is None
    assert "fever" in closest_symptoms(dataset, "fevr")


def test_every_real_flag_is_sound(dataset):
    symptoms = dataset.symptoms
    for flag in dataset.red_flags.itertuples():
        assert flag.sources and flag.action in ACTION_ORDER
        assert flag.regions or flag.symptoms, flag.Index
        for rule in rules_of(flag.symptoms):
            kinds = [symptoms.at[t, "kind"] if t in symptoms.index else "fact" for t in rule]
            assert any(k != "pain" for k in kinds) and any(k != "fact" for k in kinds), (flag.Index, rule)


@pytest.mark.parametrize(
    "cell,message",
    [
        ("headache", "'headache' has only pain symptoms"),
        ("pregnant", "'pregnant' names no symptom"),
        ("headache+hiccups", "unknown symptom or fact 'hiccups'"),
    ],
)
def test_validate_reports_a_bad_rule(mini_copy, cell, message):
    path = mini_copy / "red_flags.csv"
    path.write_text(path.read_text().replace("headache+dizziness", cell))
    problems = [str(p) for p in validate(mini_copy, MINI_BODY)]
    assert any(p.startswith("red_flags.csv:2:symptoms:") and message in p for p in problems), problems


def test_flag_with_nothing_to_raise_it_is_reported(mini_copy):
    path = mini_copy / "red_flags.csv"
    path.write_text(path.read_text().replace(",temple,headache+dizziness,", ",,,"))
    assert any("nothing can raise it" in str(p) for p in validate(mini_copy, MINI_BODY))


def test_mini_validates_clean():
    assert validate(MINI_DATA, MINI_BODY) == []


def test_docs_list_every_flag_with_its_urgency_and_guideline(dataset):
    from paths import ROOT

    text = (ROOT / "docs" / "safety.md").read_text(encoding="utf-8")
    for flag in dataset.red_flags.itertuples():
        section = text.split(f"(`{flag.Index}`)", 1)
        assert len(section) == 2, flag.Index
        body = section[1].split("\n### ", 1)[0]
        assert f"Urgency: **{flag.action}**" in body, flag.Index
        for source in flag.sources:
            assert dataset.sources.at[source, "citation"] in body, (flag.Index, source)
