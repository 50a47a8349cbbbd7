"""Red flags: when pain may have a cause other than muscles, and how urgently to see a doctor.

A flag in data/red_flags.csv has areas (`regions`, region names) and match rules (`symptoms`): a
`;`-list of alternatives, each one or more terms joined by `+` that must all be met. A term is a
symptom id or a fact about the person (`FACTS`: pregnancy, age band). A pain symptom in a rule is
also met when one of the flag's own areas is marked: marking the breastbone is reporting chest pain.
Every rule needs a sign that is not pain, or a fact, so that marking an area alone never matches.

- **matched**: one of the flag's rules is met. Shown first, most urgent first, as a banner.
- **watch for**: raised only by a marked area, a reported pain of one of its rules, a reported
  sign of a flag no area raises (sepsis, stroke), or by name (a condition's flags). Shown as a calm line: see a
  doctor if you also have these signs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd

from trigger_map.data import Dataset, Problem, split_list
from trigger_map.problems import numbered_rows

ACTION_ORDER = {"emergency": 0, "urgent": 1, "soon": 2}
FACTS = {
    "pregnant": "pregnant, or could be pregnant",
    "age-50-plus": "aged 50 or over",
    "age-65-plus": "aged 65 or over",
}
# Age bands offered on a page: label -> the facts it gives.
AGE_BANDS = {
    "Not given": frozenset(),
    "Under 50": frozenset(),
    "50 to 64": frozenset({"age-50-plus"}),
    "65 or over": frozenset({"age-50-plus", "age-65-plus"}),
}


def facts_for(age: int | None = None, pregnant: bool = False) -> frozenset[str]:
    """The facts a person's age (years) and pregnancy give."""
    facts = set()
    if age is not None and age >= 50:
        facts.add("age-50-plus")
    if age is not None and age >= 65:
        facts.add("age-65-plus")
    if pregnant:
        facts.add("pregnant")
    return frozenset(facts)


def rules_of(cell) -> tuple[tuple[str, ...], ...]:
    """A `symptoms` cell (text or its `;`-split tuple) as rules: each a tuple of terms."""
    entries = split_list(cell) if isinstance(cell, str) else cell
    return tuple(tuple(t.strip() for t in entry.split("+") if t.strip()) for entry in entries)


@dataclass(frozen=True)
class RaisedFlag:
    id: str
    title: str
    action: str
    matched: bool
    message: str
    sources: tuple[str, ...]
    because: tuple[str, ...] = field(default=())  # the terms of the rule that matched

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "action": self.action,
            "matched": self.matched,
            "message": self.message,
            "sources": list(self.sources),
            "because": list(self.because),
        }


def assess(dataset: Dataset, region_names=(), symptoms=(), facts=(), flag_ids=()) -> list[RaisedFlag]:
    """Every flag the person's marked areas (region names), symptoms (ids), facts and named flag
    ids raise: matched ones first, then watch-for ones; each group most urgent first."""
    names, reported, known, named = set(region_names), set(symptoms), set(facts), set(flag_ids)
    pain = set(dataset.symptoms.index[dataset.symptoms["kind"] == "pain"])
    raised = []
    for flag in dataset.red_flags.itertuples():
        in_area = bool(names & set(flag.regions))
        rules = rules_of(flag.symptoms)

        def met(term: str, in_area: bool = in_area) -> bool:
            if term in FACTS:
                return term in known
            return term in reported or (term in pain and in_area)

        matching = next((rule for rule in rules if rule and all(met(t) for t in rule)), None)
        # a reported pain raises the flags of that pain like a marked area; a reported sign raises
        # only the flags that no area raises (sepsis, stroke): else a swollen calf would list a
        # swollen testicle
        terms = {t for rule in rules for t in rule}
        partly = bool(reported & terms & pain) or (not flag.regions and bool(reported & terms))
        if matching is None and not (in_area or partly or flag.Index in named):
            continue
        raised.append(
            RaisedFlag(
                flag.Index,
                flag.title,
                flag.action,
                matching is not None,
                flag.message,
                tuple(flag.sources),
                tuple(matching or ()),
            )
        )
    # the most urgent first; among equals, the most specific match: the rule with most terms met,
    # then with most terms said (symptoms and facts) rather than read from a marked area
    said = reported | known
    return sorted(
        raised,
        key=lambda f: (
            not f.matched,
            ACTION_ORDER[f.action],
            -len(f.because),
            -len(said.intersection(f.because)),
            f.id,
        ),
    )


def red_flags_for(engine, region_ids=(), symptoms=(), flag_ids=(), facts=()) -> list[dict]:
    """`assess` for region ids (as the pages and the command line hold them), as dicts."""
    names = {engine.body.regions[r].name for r in region_ids if r in engine.body.regions}
    return [f.as_dict() for f in assess(engine.dataset, names, symptoms, facts, flag_ids)]


def watch_signs(dataset: Dataset, flag_id: str) -> list[str]:
    """The signs (not pain, not facts) whose report would match a flag, as plain labels."""
    labels = []
    for rule in rules_of(dataset.red_flags.at[flag_id, "symptoms"]):
        for term in rule:
            if term in dataset.symptoms.index and dataset.symptoms.at[term, "kind"] != "pain":
                label = dataset.symptoms.at[term, "label"]
                if label not in labels:
                    labels.append(label)
    return labels


# --- finding a symptom from plain words ------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", str(text).lower()))


def find_symptom(dataset: Dataset, text: str) -> str | None:
    """The symptom an id or plain words name ("fever", "pins and needles"), or None."""
    wanted = _words(text)
    if not wanted:
        return None
    table = dataset.symptoms
    for symptom in table.index:
        if wanted in (_words(symptom), _words(table.at[symptom, "label"])):
            return symptom
    for symptom in table.index:  # the words in a label or its description ("pins and needles")
        if re.search(rf"\b{re.escape(wanted)}\b", _words(table.at[symptom, "label"])):
            return symptom
    hits = [s for s in table.index if re.search(rf"\b{re.escape(wanted)}\b", _words(table.at[s, "description"]))]
    return hits[0] if len(hits) == 1 else None


def closest_symptoms(dataset: Dataset, text: str, limit: int = 3) -> list[str]:
    """Symptom ids whose id or label is closest to `text` (difflib), best first."""
    choices: dict[str, str] = {}
    for symptom in dataset.symptoms.index:
        choices.setdefault(_words(symptom), symptom)
        choices.setdefault(_words(dataset.symptoms.at[symptom, "label"]), symptom)
    found = []
    for key in difflib.get_close_matches(_words(text), list(choices), n=limit * 2, cutoff=0.4):
        if choices[key] not in found:
            found.append(choices[key])
    return found[:limit]


# --- checking the table ----------------------------------------------------------------------


def flag_problems(red_flags: pd.DataFrame, symptoms: pd.DataFrame | None) -> list[Problem]:
    """Every rule term is a known symptom or fact; every rule names a symptom and a sign (a symptom
    that is not pain, or a fact), so an area alone never matches a flag."""
    problems: list[Problem] = []
    kinds = dict(zip(symptoms["id"], symptoms["kind"], strict=False)) if symptoms is not None else None
    for row, record in numbered_rows(red_flags):
        for rule in rules_of(str(record["symptoms"])):
            text = "+".join(rule)
            unknown = [t for t in rule if t not in FACTS and kinds is not None and t not in kinds]
            if unknown:
                problems.extend(
                    Problem(
                        "red_flags.csv",
                        row,
                        "symptoms",
                        f"unknown symptom or fact {t!r} (not in symptoms.csv; facts: {', '.join(FACTS)})",
                    )
                    for t in unknown
                )
                continue
            if kinds is None:
                continue
            if not any(t in kinds for t in rule):
                problems.append(
                    Problem(
                        "red_flags.csv", row, "symptoms", f"{text!r} names no symptom: facts alone cannot match a flag"
                    )
                )
            elif not any(t in FACTS or kinds[t] != "pain" for t in rule):
                problems.append(
                    Problem(
                        "red_flags.csv",
                        row,
                        "symptoms",
                        f"{text!r} has only pain symptoms: add a sign that is not pain "
                        "(marking an area alone must never match a flag)",
                    )
                )
        if not split_list(str(record["regions"])) and not split_list(str(record["symptoms"])):
            problems.append(
                Problem("red_flags.csv", row, "symptoms", "the flag has no areas and no symptoms: nothing can raise it")
            )
    return problems
