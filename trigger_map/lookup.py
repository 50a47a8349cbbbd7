"""From where it hurts to the trigger points that may cause it: one ranking engine.

The explorer (one region), the where-it-hurts page (several regions with severities, symptoms, a
condition) and the command line's `suggest` all call `Engine.suggest`.

Scoring, for each trigger point on each side:
- each marked region has a weight from its severity (0-10, default 5): weight = (severity + 1) / 6;
- a region in the essential zone explains its full weight, one in the spillover zone half of it;
- `explained` = explained weight / total marked weight (how much of the person's pain it accounts for);
- `share` = how much of the pattern (essential counting double) was marked, so a huge pattern that
  happens to touch one marked region does not outrank a small one that matches it;
- area score = explained * (0.75 + 0.25 * share). Chosen symptoms add: score = 0.75 * area score +
  0.25 * (share of chosen symptoms it lists); with no areas, the symptom share alone.
A condition filters to its muscles' trigger points.

With a `limit`, the list is the top of the ranking with one guarantee: every marked area that any
trigger point refers to is explained by at least one listed suggestion. Ranking alone lets a severe
area crowd out a mild one (upper chest 8 and inner upper arm 6 fill a list of 12 with chest and neck
muscles; the low back at 3 gets none). So, for each marked area the top of the list leaves out, its
best explainer (the highest-ranked trigger point with the area in its essential zone, or else in its
spillover zone) joins the list, and the lowest-ranked suggestions that are not needed to cover an
area leave it. The list stays in score order, and is longer than `limit` only when more areas need
their own suggestion than the limit allows. `explained_by` says, per area, which suggestions explain
it; an area with none is one that no trigger point (of the chosen condition) refers to.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from trigger_map.body import Body
from trigger_map.data import Dataset
from trigger_map.referral import TriggerPointOnSide, on_both_sides, side_key
from trigger_map.search import Matcher

ESSENTIAL, SPILLOVER = 1.0, 0.5
DEFAULT_SEVERITY = 5


def severity_weight(severity: float | None) -> float:
    severity = DEFAULT_SEVERITY if severity is None else min(max(float(severity), 0.0), 10.0)
    return (severity + 1) / 6


@dataclass(frozen=True)
class Suggestion:
    """A ranked trigger point with the reasons it was suggested."""

    trigger_point: str
    muscle_id: str
    muscle: str
    name: str
    side: str
    score: float
    essential_hits: tuple[str, ...]
    spillover_hits: tuple[str, ...]
    share: float
    symptom_hits: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """The trigger point on a side, as used in links: "<id>@<side>" (either -> right)."""
        return side_key(self.trigger_point, self.side)

    def as_dict(self) -> dict:
        return {
            "trigger_point": self.trigger_point,
            "muscle_id": self.muscle_id,
            "muscle": self.muscle,
            "name": self.name,
            "side": self.side,
            "score": round(self.score, 4),
            "essential": list(self.essential_hits),
            "spillover": list(self.spillover_hits),
            "pattern_share": round(self.share, 4),
            "symptoms": list(self.symptom_hits),
        }


class Engine:
    """Precomputed trigger-point-by-region weights; answers a query with a few array operations."""

    def __init__(self, dataset: Dataset, body: Body):
        self.dataset = dataset
        self.body = body
        self.placed: list[TriggerPointOnSide] = on_both_sides(body, dataset.trigger_points)
        self.region_ids = sorted(body.regions)
        self.region_index = {r: i for i, r in enumerate(self.region_ids)}
        weights = np.zeros((len(self.placed), len(self.region_ids)), dtype=np.float32)
        for i, tp in enumerate(self.placed):
            weights[i, [self.region_index[r] for r in tp.spillover]] = SPILLOVER
            weights[i, [self.region_index[r] for r in tp.essential]] = ESSENTIAL
        self.weights = weights
        self.pattern_size = weights.sum(axis=1)
        self.symptom_ids = list(dataset.symptoms.index)
        symptom_index = {s: i for i, s in enumerate(self.symptom_ids)}
        self.symptoms = np.zeros((len(self.placed), len(self.symptom_ids)), dtype=bool)
        tps = dataset.trigger_points
        for i, tp in enumerate(self.placed):
            for s in tps.at[tp.trigger_point, "symptoms"]:
                self.symptoms[i, symptom_index[s]] = True
        self.tp_index = np.array([tps.index.get_loc(tp.trigger_point) for tp in self.placed])
        self.is_right = np.array([tp.side == "right" for tp in self.placed])
        self.by_key = {tp.key: tp for tp in self.placed}
        self._muscle_names = dataset.muscles["name"].to_dict()
        self._tp_muscles = tps["muscle_id"].to_numpy()
        self._tp_names = tps["name"].to_numpy()
        self._tp_symptoms = [frozenset(symptoms) for symptoms in tps["symptoms"]]

    def referring_to(self, region_id: str) -> list[Suggestion]:
        """Trigger points whose pattern reaches one region (the explorer's click)."""
        return self.suggest({region_id: None})

    def suggest(
        self,
        areas: dict[str, float | None] | None = None,
        symptoms: tuple[str, ...] = (),
        condition: str | None = None,
        limit: int | None = None,
    ) -> list[Suggestion]:
        """Ranked trigger points for marked regions (id -> severity or None), symptoms, condition."""
        areas = {r: s for r, s in (areas or {}).items() if r in self.region_index}
        symptoms = tuple(s for s in symptoms if s in self.symptom_ids)
        if not areas and not symptoms and not condition:
            return []
        n = len(self.placed)
        keep = np.ones(n, dtype=bool)
        if areas:
            columns = np.array([self.region_index[r] for r in areas])
            weights = np.array([severity_weight(s) for s in areas.values()], dtype=np.float32)
            marked = self.weights[:, columns]
            explained = marked @ weights / weights.sum()
            share = marked.sum(axis=1) / np.maximum(self.pattern_size, 1e-9)
            score = explained * (0.75 + 0.25 * share)
            keep &= explained > 0
        else:
            share = np.zeros(n, dtype=np.float32)
            score = np.zeros(n, dtype=np.float32)
            keep &= self.is_right  # with no area marked, side does not matter: list each once
        if symptoms:
            symptom_columns = [self.symptom_ids.index(s) for s in symptoms]
            symptom_share = self.symptoms[:, symptom_columns].mean(axis=1)
            if areas:
                score = 0.75 * score + 0.25 * symptom_share
            else:
                score = symptom_share.astype(np.float32)
                keep &= symptom_share > 0
        if condition:
            keep &= self._condition_mask(condition)
            if not areas and not symptoms:
                score = np.ones(n, dtype=np.float32)
        chosen = np.flatnonzero(keep)
        order = chosen[np.lexsort((self.tp_index[chosen], -score[chosen]))]
        if limit is not None:
            order = self._covering(order, columns, weights, limit) if areas else order[:limit]
        return [self._suggestion(i, float(score[i]), float(share[i]), areas, symptoms) for i in order]

    def _covering(self, order: np.ndarray, columns: np.ndarray, area_weights: np.ndarray, limit: int) -> np.ndarray:
        """The first `limit` of the ranked `order`, changed as little as possible so that every
        marked area (a column) that any ranked trigger point reaches is reached by a listed one."""
        hits = self.weights[np.ix_(order, columns)]  # rank x marked area: 1 essential, 0.5 spillover, 0
        listed = list(range(min(limit, len(order))))
        reached = hits[listed].any(axis=0) if listed else np.zeros(len(columns), dtype=bool)
        # the most severe uncovered area first: its explainer may also cover a milder one
        for area in sorted(range(len(columns)), key=lambda a: -area_weights[a]):
            if reached[area] or not hits[:, area].any():
                continue
            essential = np.flatnonzero(hits[:, area] == ESSENTIAL)
            best = int(essential[0] if essential.size else np.flatnonzero(hits[:, area] > 0)[0])
            listed.append(best)
            reached |= hits[best] > 0
        # drop the lowest-ranked suggestions that no area needs, until the list fits the limit
        for rank in sorted(listed, reverse=True):
            if len(listed) <= limit:
                break
            others = [r for r in listed if r != rank]
            if (hits[others] > 0).any(axis=0)[hits[rank] > 0].all():
                listed = others
        return order[sorted(listed)]

    def _condition_mask(self, condition: str) -> np.ndarray:
        conditions = self.dataset.conditions
        muscles = set(conditions.at[condition, "muscles"]) if condition in conditions.index else set()
        tps = self.dataset.trigger_points
        listed = tps["conditions"].map(lambda c: condition in c).to_numpy()
        of_muscle = tps["muscle_id"].isin(muscles).to_numpy()
        return (listed | of_muscle)[self.tp_index]

    def _suggestion(self, i: int, score: float, share: float, areas: dict, symptoms: tuple) -> Suggestion:
        tp = self.placed[i]
        muscle_id = self._tp_muscles[self.tp_index[i]]
        tp_symptoms = self._tp_symptoms[self.tp_index[i]]
        return Suggestion(
            trigger_point=tp.trigger_point,
            muscle_id=muscle_id,
            muscle=self._muscle_names[muscle_id],
            name=self._tp_names[self.tp_index[i]],
            side=tp.side if areas else "either",
            score=score,
            essential_hits=tuple(r for r in areas if r in tp.essential),
            spillover_hits=tuple(r for r in areas if r in tp.spillover),
            share=share,
            symptom_hits=tuple(s for s in symptoms if s in tp_symptoms),
        )

    def on_side(self, trigger_point: str, side: str) -> TriggerPointOnSide:
        return self.by_key[side_key(trigger_point, side)]

    @cached_property
    def matcher(self) -> Matcher:
        """The search over every name and synonym (trigger_map.search), made on first use."""
        return Matcher.from_data(self.dataset, self.body)

    def find_muscle(self, query: str) -> str | None:
        """A muscle id from an id or the words people use (name, anatomical name, synonym,
        abbreviation, a misspelling): the matcher's best muscle, or None."""
        return self._find("muscle", self.dataset.muscles, query)

    def find_condition(self, query: str) -> str | None:
        """A condition id from an id or the words people use, as `find_muscle`."""
        return self._find("condition", self.dataset.conditions, query)

    def find_symptom(self, query: str) -> str | None:
        """A symptom id from an id or the words people use, as `find_muscle`."""
        return self._find("symptom", self.dataset.symptoms, query)

    def _find(self, kind: str, table, query: str) -> str | None:
        wanted = str(query).strip()
        return wanted if wanted in table.index else self.matcher.best(wanted, kind)

    def muscle_trigger_points(self, muscle_id: str) -> list[str]:
        tps = self.dataset.trigger_points
        return list(tps.index[tps["muscle_id"] == muscle_id])

    def condition_trigger_points(self, condition_id: str) -> list[str]:
        """The trigger points that list the condition: those of the muscles the condition names as
        often involved first, in its order, then the rest in the dataset's order (head to foot)."""
        found = [
            self.placed[i].trigger_point
            for i in np.flatnonzero(self._condition_mask(condition_id))
            if self.placed[i].side == "right"
        ]
        named = list(self.dataset.conditions.at[condition_id, "muscles"])
        muscle_of = self.dataset.trigger_points["muscle_id"]
        order = {t: named.index(muscle_of[t]) if muscle_of[t] in named else len(named) for t in found}
        return sorted(found, key=order.__getitem__)  # stable: dataset order within a muscle and in the rest


def explained_by(suggestions: list[Suggestion], areas) -> dict[str, tuple[int, ...]]:
    """For each marked area, the positions (0-based) of the suggestions that explain it (essential
    or spillover zone); an empty tuple: no listed trigger point refers there."""
    return {
        area: tuple(i for i, s in enumerate(suggestions) if area in s.essential_hits or area in s.spillover_hits)
        for area in areas
    }


Question = tuple[tuple[tuple[str, float], ...], tuple[str, ...], str | None]


def question_asked(areas: dict[str, float | None], symptoms: tuple[str, ...], condition: str | None) -> Question:
    """The question a person's marks ask: a severity left at its default is the same question as one
    not yet given."""
    return (tuple((r, DEFAULT_SEVERITY if v is None else v) for r, v in areas.items()), symptoms, condition)


def answer_to_show(keys: list[str], chosen: str | None, new_question: bool) -> str | None:
    """Which of the suggestions (`keys`, best first) to show: the one chosen, while the question stays
    the same and it is still listed; else the best answer (None when there is none)."""
    if new_question:
        chosen = None
    if chosen not in keys:
        chosen = keys[0] if keys else None
    return chosen


def referrer_to_show(keys: list[str], chosen: str | None, known: Container[str]) -> str | None:
    """Which trigger point to show for one area (`keys`: those referring there, most likely first):
    the one chosen if it refers there, else the most likely; one not in `known`, none."""
    if keys and chosen not in keys:
        chosen = keys[0]
    if chosen not in known:
        chosen = None
    return chosen
