"""Anatomy quiz questions for trainers, generated from the dataset (so they stay correct)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from trigger_map.lookup import Engine

KINDS = {
    "innervation": "Which nerve supplies {muscle}?",
    "origin": "Where does {muscle} arise (its origin)?",
    "insertion": "Where does {muscle} attach (its insertion)?",
    "action": "What does {muscle} do (its action)?",
    "referral": "A trigger point in which muscle sends pain mainly to the {region}?",
}


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    muscle_id: str


def make_question(engine: Engine, seed: int, kinds=tuple(KINDS)) -> Question:
    """One multiple-choice question (4 options, exactly one right), the same for the same seed."""
    rng = random.Random(seed)
    muscles = engine.dataset.muscles
    kind = rng.choice(list(kinds))
    if kind == "referral":
        return _referral_question(engine, rng)
    muscle_id = rng.choice(list(muscles.index))
    answer = muscles.at[muscle_id, kind]
    others = sorted({v for v in muscles[kind] if v != answer})
    options = [answer] + rng.sample(others, min(3, len(others)))
    rng.shuffle(options)
    name = muscles.at[muscle_id, "name"]
    return Question(
        kind, KINDS[kind].format(muscle=name), tuple(options), answer, f"{name}: {kind} is {answer}", muscle_id
    )


def _referral_question(engine: Engine, rng: random.Random) -> Question:
    tps = engine.dataset.trigger_points
    muscles = engine.dataset.muscles
    tp_id = rng.choice(list(tps.index))
    region_name = rng.choice(list(tps.at[tp_id, "essential_zones"])).partition(":")[0]
    label = engine.body.regions[engine.body.region_id(region_name, "right")].label
    answer_muscle = tps.at[tp_id, "muscle_id"]
    # Wrong options: muscles none of whose trigger points refer to this region at all.
    referring = {
        tps.at[t, "muscle_id"]
        for t in tps.index
        if any(z.partition(":")[0] == region_name for z in tps.at[t, "essential_zones"] + tps.at[t, "spillover_zones"])
    }
    others = sorted(set(muscles.index) - referring)
    option_ids = [answer_muscle] + rng.sample(others, min(3, len(others)))
    rng.shuffle(option_ids)
    answer = muscles.at[answer_muscle, "name"]
    return Question(
        "referral",
        KINDS["referral"].format(region=label),
        tuple(muscles.at[m, "name"] for m in option_ids),
        answer,
        f"{answer} ({tps.at[tp_id, 'name']}): {tps.at[tp_id, 'referral']}",
        answer_muscle,
    )
