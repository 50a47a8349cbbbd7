"""Anatomy quiz for trainers, generated from the dataset (so it stays correct).

Kinds of question:
- text: where a muscle arises (origin), attaches (insertion), what it does (action), which nerve
  supplies it (innervation), and which muscle sends pain mainly to an area (referral);
- pictures, drawn on the body map: which muscle makes a referral pattern (pattern), where a marked
  trigger point sends pain, answered by tapping the map (tap_pattern), and which muscle is lit on
  the map (identify: offered only when the muscle drawings exist, `trigger_map.muscle_shapes`).

Wrong answers are plausible: they come from the same body area first, then from the areas that
touch it (`NEAR_AREAS`), never from the other end of the body; for a pattern, muscles whose own
patterns share regions with it come first. A quiz is a set (`make_set`): the same seed and settings
give the same questions, and no question is asked twice in a set.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from svgelements import Path as SvgPath

from trigger_map.body import VIEWS
from trigger_map.closeups import Closeup, closeups_of
from trigger_map.data import BODY_AREAS
from trigger_map.figures import Highlight, marker_for
from trigger_map.lookup import Engine
from trigger_map.muscle_shapes import shapes_of
from trigger_map.referral import side_key


class Shape(Protocol):
    """One drawn muscle shape (trigger_map.muscle_shapes.MuscleShape): an SVG path in drawing units."""

    @property
    def view(self) -> str: ...

    @property
    def side(self) -> str: ...

    @property
    def depth(self) -> str: ...

    @property
    def path(self) -> str: ...


ShapesOf = Callable[[str], Sequence[Shape]]
# The muscle drawings (assets/muscles.svg); a test may pass other shapes to the functions below.
SHAPES_OF: ShapesOf | None = shapes_of

FACT_KINDS = ("origin", "insertion", "action", "innervation")  # a muscle's anatomy, one column each
TEXT_KINDS = (*FACT_KINDS, "referral")
PICTURE_KINDS = ("pattern", "tap_pattern", "identify")
ALL_KINDS = TEXT_KINDS + PICTURE_KINDS
KIND_LABELS = {
    "origin": "Origin",
    "insertion": "Insertion",
    "action": "Action",
    "innervation": "Nerve supply",
    "referral": "Which muscle refers here",
    "pattern": "Name the pattern",
    "tap_pattern": "Tap the pattern",
    "identify": "Name the muscle",
}
# A prompt per kind, singular and plural: {muscle} is the muscle with its article ("the
# temporalis", "the lumbricals"), {region} an area's label, {point} the trigger point's name.
TEMPLATES: dict[str, tuple[str, str]] = {
    "origin": ("Where does {muscle} arise (its origin)?", "Where do {muscle} arise (their origin)?"),
    "insertion": ("Where does {muscle} attach (its insertion)?", "Where do {muscle} attach (their insertion)?"),
    "action": ("What does {muscle} do (its action)?", "What do {muscle} do (their action)?"),
    "innervation": ("Which nerve supplies {muscle}?", "Which nerves supply {muscle}?"),
    "referral": ("A trigger point in which muscle sends pain mainly {region}?",) * 2,
    "pattern": ("A trigger point in which muscle makes this pain pattern?",) * 2,
    "tap_pattern": ("The X marks a trigger point in {muscle}: {point}. Tap where it sends pain.",) * 2,
    "identify": ("Which muscle is lit on the map?",) * 2,
}
LENGTHS = (10, 20, 40)
OPTIONS = 4
TAP_PASS = 0.5  # a tap answer is right when its score (`tap_score`) reaches this

# The areas that touch each body area: wrong answers come from the area itself, then these.
NEAR_AREAS: dict[str, tuple[str, ...]] = {
    "head": ("neck",),
    "neck": ("head", "shoulder", "upper back", "chest"),
    "shoulder": ("neck", "upper back", "chest", "upper arm"),
    "upper back": ("neck", "shoulder", "chest", "low back and pelvis"),
    "chest": ("neck", "shoulder", "upper back", "upper arm", "abdomen"),
    "upper arm": ("shoulder", "chest", "forearm and hand"),
    "forearm and hand": ("upper arm",),
    "abdomen": ("chest", "low back and pelvis", "hip and thigh"),
    "low back and pelvis": ("upper back", "abdomen", "hip and thigh"),
    "hip and thigh": ("low back and pelvis", "abdomen", "lower leg"),
    "lower leg": ("hip and thigh", "foot"),
    "foot": ("lower leg",),
}
assert set(NEAR_AREAS) == set(BODY_AREAS)


def area_slug(area: str) -> str:
    """A body area as a link or command line writes it: "upper back" -> "upper-back"."""
    return area.replace(" ", "-")


def area_from(text: str) -> str | None:
    """A body area from its name or slug, any case; None when it is not one."""
    wanted = text.strip().lower().replace("-", " ").replace("_", " ")
    return wanted if wanted in BODY_AREAS else None


# --- muscle names in sentences -------------------------------------------------------------

_LATIN_PLURALS = {"multifidi", "interossei", "gemelli", "rotatores", "scaleni", "lumbricales"}
_LATIN_SINGULARS = {"teres", "pes", "quadriceps"}
_SINGULAR_S = ("is", "us", "ss", "ps", "as", "os", "ys")


def _head_words(name: str) -> list[str]:
    """The words that name the muscle itself: no aside in brackets, nothing after " of "."""
    core = _strip_asides(name).lower()
    core = core.split(" of ")[0]
    return [w.strip(".,;:") for w in core.split() if w.strip(".,;:")]


def _strip_asides(name: str) -> str:
    out, depth = [], 0
    for char in name:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(char)
    return "".join(out)


def is_plural(name: str) -> bool:
    """Whether a muscle's name is plural: "Lumbricals", "Rhomboids", "Suboccipital muscles",
    "Cervical multifidi", "Gemelli and quadratus femoris"; not "Biceps", "Psoas major", "Gracilis"."""
    words = _head_words(name)
    if "and" in words:
        return True
    return any(
        w in _LATIN_PLURALS or (w.endswith("s") and not w.endswith(_SINGULAR_S) and w not in _LATIN_SINGULARS)
        for w in words
    )


def the_muscle(name: str) -> str:
    """A muscle's name as it reads inside a sentence: "the temporalis", "the lumbricals",
    "the sternal division of the sternocleidomastoid" (from "Sternocleidomastoid, sternal division")."""
    name = " ".join(name.split())
    whole, comma, part = name.partition(", ")
    if comma and part and "(" not in whole:
        return f"the {_lower_first(part)} of {the_muscle(whole)}"
    if name.lower().startswith("the "):
        return _lower_first(name)
    return f"the {_lower_first(name)}"


def _lower_first(text: str) -> str:
    """The first letter lower case, unless the first word is an abbreviation (SCM, TFL)."""
    first = text.split(" ")[0] if text else ""
    if len(first) > 1 and first[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


_PLACE_WORDS = ("above ", "around ", "behind ", "below ", "beneath ", "between ", "under ", "over ")


def to_the_area(label: str) -> str:
    """Where pain goes, as it reads after "sends pain mainly": "to the temple", "to the back of the
    head" (from "back of head"), "behind the ear", "between the shoulder blades"."""
    label = " ".join(label.split())
    if label.lower().startswith(_PLACE_WORDS):
        return label
    head, of, rest = label.partition(" of ")
    if of and rest and not rest.lower().startswith(("the ", "a ", "an ")):
        label = f"{head} of the {rest}"
    return f"to the {label}"


def prompt_for(kind: str, muscle: str = "", region: str = "", point: str = "") -> str:
    """The question's words: the kind's template for a singular or plural muscle name; `region`:
    an area's label (trigger_map.body), placed by `to_the_area`."""
    singular, plural = TEMPLATES[kind]
    template = plural if muscle and is_plural(muscle) else singular
    return template.format(
        muscle=the_muscle(muscle) if muscle else "", region=to_the_area(region) if region else "", point=point
    )


# --- what a question draws on the map -------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    """What to draw on the body for a question or its answer: a pattern (region ids), the trigger
    point's X, an area outlined, or a muscle lit (its shapes)."""

    essential: tuple[str, ...] = ()
    spillover: tuple[str, ...] = ()
    trigger_point: str | None = None  # "<id>@<side>": its X
    marked: tuple[str, ...] = ()
    muscle: str | None = None
    shapes: tuple[Shape, ...] = ()
    others: tuple[str, ...] = ()  # more trigger points ("<id>@<side>"): a small X each

    def __bool__(self) -> bool:
        return bool(self.essential or self.spillover or self.trigger_point or self.marked or self.shapes or self.others)

    def views(self, engine: Engine) -> tuple[str, ...]:
        """The views with something drawn, front first (both when nothing is)."""
        regions = engine.body.regions
        ids = [r for r in (*self.essential, *self.spillover, *self.marked) if r in regions]
        drawn = {regions[r].view for r in ids} | {s.view for s in self.shapes}
        for key in (self.trigger_point, *self.others):
            if key in engine.by_key:
                drawn.add(engine.by_key[key].view)
        return tuple(v for v in VIEWS if v in drawn) or VIEWS

    def as_dict(self) -> dict:
        data: dict = {}
        if self.essential or self.spillover:
            data["regions"] = {"essential": list(self.essential), "spillover": list(self.spillover)}
        if self.trigger_point:
            data["trigger_point"] = self.trigger_point
        if self.marked:
            data["marked"] = list(self.marked)
        if self.others:
            data["trigger_points"] = list(self.others)
        if self.muscle:
            data["muscle"] = self.muscle
            data["shapes"] = [{"view": s.view, "side": s.side, "depth": s.depth, "path": s.path} for s in self.shapes]
        return data


def closeups_for(engine: Engine, drawn: Drawn) -> tuple[Closeup, ...]:
    """Close-ups of small parts (a hand, a foot, the face) that hold the whole drawn pattern, one
    per view it lies in: there it is large enough to read, on a phone too. In a view with no pattern,
    a muscle lit there (a small muscle of the hand, foot or face to name) is held instead. None
    (empty) when any of it lies elsewhere."""
    regions = engine.body.regions
    ids = [r for r in dict.fromkeys((*drawn.essential, *drawn.spillover, *drawn.marked)) if r in regions]
    small = [c for c in closeups_of(engine.body).by_id.values() if c.small]
    found: list[Closeup] = []
    for view in VIEWS:
        here = {r for r in ids if regions[r].view == view}
        if here:
            closeup = next((c for c in small if here <= set(c.regions)), None)
        else:
            shapes = [s for s in drawn.shapes if s.view == view]
            if not shapes:
                continue
            closeup = next((c for c in small if c.view == view and all(_holds(c.window, s) for s in shapes)), None)
        if closeup is None:
            return ()
        found.append(closeup)
    return tuple(found)


def _holds(window: tuple[float, float, float, float], shape: Shape) -> bool:
    """Whether a close-up's window (x, y, width, height) holds a drawn shape whole."""
    x, y, w, h = window
    box = SvgPath(shape.path).bbox()
    if box is None:
        return False
    minx, miny, maxx, maxy = box
    return x <= minx and y <= miny and maxx <= x + w and maxy <= y + h


def highlight(engine: Engine, drawn: Drawn, marked: Iterable[str] = ()) -> Highlight:
    """The map's highlight for what a question draws (the muscle's shapes are drawn apart:
    `trigger_map.muscle_overlay`); `marked`: areas the person tapped, outlined."""
    chosen = marker_for(engine, drawn.trigger_point) if drawn.trigger_point in engine.by_key else None
    return Highlight(
        marked=tuple(dict.fromkeys((*drawn.marked, *marked))),
        essential=drawn.essential,
        spillover=drawn.spillover,
        treat_here=tuple(marker_for(engine, k) for k in drawn.others if k in engine.by_key),
        chosen=chosen,
    )


# --- questions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One question. `options` is empty for a tap question, whose answer is the essential zone
    (`answer_regions`, region ids; `answer` names them). `shown` is drawn with the question,
    `answer_drawn` in the review. `subject` tells questions apart within a set."""

    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    muscle_id: str
    shown: Drawn = field(default_factory=Drawn)
    answer_drawn: Drawn = field(default_factory=Drawn)
    answer_regions: tuple[str, ...] = ()
    subject: str = ""

    @property
    def is_tap(self) -> bool:
        return self.kind == "tap_pattern"

    def as_dict(self) -> dict:
        data = {
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
            "answer": self.answer,
            "muscle_id": self.muscle_id,
            "drawn": self.shown.as_dict(),
            "answer_drawn": self.answer_drawn.as_dict(),
            "explanation": self.explanation,
        }
        if self.is_tap:
            data["answer_regions"] = list(self.answer_regions)
        return data


def available_kinds(shapes: ShapesOf | None = SHAPES_OF) -> tuple[str, ...]:
    """Every kind that can be asked: "identify" only with muscle drawings."""
    return tuple(k for k in ALL_KINDS if k != "identify" or shapes is not None)


KINDS = available_kinds()
CHOICE_KINDS = tuple(k for k in KINDS if k != "tap_pattern")  # the multiple-choice kinds


class _Builder:
    """Builds one question of a kind about one subject; knows the dataset's areas and patterns."""

    def __init__(self, engine: Engine, shapes: ShapesOf | None):
        self.engine = engine
        self.shapes = shapes
        self.muscles = engine.dataset.muscles
        self.tps = engine.dataset.trigger_points
        self.area = self.muscles["body_area"].to_dict()
        self.names = self.muscles["name"].to_dict()
        # the columns questions read, as plain dicts: a question looks up hundreds of cells
        self.facts = {kind: self.muscles[kind].astype(str).to_dict() for kind in FACT_KINDS}
        self.muscle_of = self.tps["muscle_id"].to_dict()
        self.tp_ids = list(self.tps.index)
        self.by_muscle: dict[str, list[str]] = {}
        for tp, muscle in self.muscle_of.items():
            self.by_muscle.setdefault(muscle, []).append(tp)
        # a pattern as region names (side left out): essential, and the whole pattern
        self.essential = {tp: frozenset(_zone_names(self.tps.at[tp, "essential_zones"])) for tp in self.tp_ids}
        self.pattern = {
            tp: self.essential[tp] | frozenset(_zone_names(self.tps.at[tp, "spillover_zones"])) for tp in self.tp_ids
        }

    # subjects: what a question of each kind can be about, for muscles of the chosen areas
    def subjects(self, kind: str, areas: Sequence[str]) -> list[str]:
        muscles = [m for m in self.muscles.index if not areas or self.area[m] in areas]
        if kind in FACT_KINDS:
            return [m for m in muscles if self.facts[kind][m].strip()]
        if kind == "identify":
            return [m for m in muscles if self._shapes(m)]
        tps = [tp for m in muscles for tp in self.by_muscle.get(m, [])]
        if kind == "referral":
            return [f"{tp}/{name}" for tp in tps for name in sorted(self.essential[tp])]
        return tps  # pattern, tap_pattern

    def near(self, muscle_id: str) -> tuple[list[str], list[str]]:
        """Other muscles of the same body area, and of the areas that touch it."""
        area = self.area[muscle_id]
        same = [m for m in self.muscles.index if m != muscle_id and self.area[m] == area]
        touching = [m for m in self.muscles.index if self.area[m] in NEAR_AREAS.get(area, ())]
        return same, touching

    def build(self, kind: str, subject: str, rng: random.Random) -> Question | None:
        if kind in FACT_KINDS:
            return self._fact(kind, subject, rng)
        if kind == "referral":
            return self._referral(subject, rng)
        if kind == "pattern":
            return self._pattern(subject, rng)
        if kind == "tap_pattern":
            return self._tap(subject, rng)
        if kind == "identify":
            return self._identify(subject, rng)
        raise ValueError(f"unknown kind of question {kind!r}")

    def _shapes(self, muscle_id: str) -> tuple[Shape, ...]:
        return tuple(self.shapes(muscle_id)) if self.shapes is not None else ()

    def _muscle_drawn(self, muscle_id: str, side: str | None = None) -> Drawn:
        shapes = self._shapes(muscle_id)
        if side is not None:
            shapes = tuple(s for s in shapes if s.side not in ("left", "right") or s.side == side)
        return Drawn(muscle=muscle_id, shapes=shapes) if shapes else Drawn()

    def _with_muscle(self, drawn: Drawn, muscle_id: str, side: str | None) -> Drawn:
        lit = self._muscle_drawn(muscle_id, side)
        return replace(drawn, muscle=lit.muscle, shapes=lit.shapes)

    def _pick(self, tiers: Iterable[Iterable[str]], rng: random.Random, value: Callable[[str], str], taken: set[str]):
        """Up to OPTIONS - 1 muscles, tier by tier (each tier shuffled), with values not yet taken."""
        picked: list[str] = []
        seen: set[str] = set()
        for tier in tiers:
            members = [m for m in dict.fromkeys(tier) if m not in seen]
            seen.update(members)
            rng.shuffle(members)
            for m in members:
                v = value(m)
                if len(picked) < OPTIONS - 1 and v.strip() and v not in taken:
                    picked.append(m)
                    taken.add(v)
        return picked

    def _options(self, answer: str, wrong: list[str], rng: random.Random) -> tuple[str, ...]:
        options = [answer, *wrong]
        rng.shuffle(options)
        return tuple(options)

    def _side(self, tp: str, rng: random.Random) -> str:
        sides = [s for s in ("right", "left") if side_key(tp, s) in self.engine.by_key]
        return rng.choice(sides)

    def _fact(self, kind: str, muscle_id: str, rng: random.Random) -> Question | None:
        answer = self.facts[kind][muscle_id]
        same, touching = self.near(muscle_id)
        wrong = self._pick([same, touching], rng, self.facts[kind].__getitem__, {answer})
        if not wrong:
            return None
        name = self.names[muscle_id]
        texts = [self.facts[kind][m] for m in wrong]
        tps = self.by_muscle.get(muscle_id, [])
        # the muscle lit, with its trigger points: where it lies
        drawn = replace(self._muscle_drawn(muscle_id, "right"), others=tuple(f"{tp}@right" for tp in tps))
        return Question(
            kind,
            prompt_for(kind, name),
            self._options(answer, texts, rng),
            answer,
            f"{KIND_LABELS[kind]} of {the_muscle(name)}: {answer}",
            muscle_id,
            answer_drawn=drawn,
            subject=muscle_id,
        )

    def _referral(self, subject: str, rng: random.Random) -> Question | None:
        tp, _, region_name = subject.partition("/")
        muscle_id = self.muscle_of[tp]
        side = self._side(tp, rng)
        body = self.engine.body
        region_id = body.region_id(region_name, side if body.is_paired(region_name) else None)
        # wrong answers: muscles none of whose trigger points refer to this area at all
        referring = {self.muscle_of[t] for t in self.tp_ids if region_name in self.pattern[t]}
        same, touching = self.near(muscle_id)
        wrong = self._pick(
            [[m for m in same if m not in referring], [m for m in touching if m not in referring]],
            rng,
            self.names.__getitem__,
            {self.names[muscle_id]},
        )
        if not wrong:
            return None
        answer = self.names[muscle_id]
        placed = self.engine.by_key[side_key(tp, side)]
        return Question(
            "referral",
            prompt_for("referral", region=body.regions[region_id].label),
            self._options(answer, [self.names[m] for m in wrong], rng),
            answer,
            f"{answer} ({self.tps.at[tp, 'name']}): {self.tps.at[tp, 'referral']}",
            muscle_id,
            shown=Drawn(marked=(region_id,)),
            answer_drawn=self._with_muscle(
                Drawn(placed.essential, placed.spillover, placed.key, (region_id,)), muscle_id, side
            ),
            subject=subject,
        )

    def pattern_wrong(self, tp: str, rng: random.Random) -> list[str]:
        """Wrong answers for a pattern: near muscles whose own patterns share regions with it first
        (the most shared first), then the rest of the near muscles; never a muscle with a trigger
        point whose essential zone is the same (that answer would be right too)."""
        muscle_id = self.muscle_of[tp]
        shown = self.pattern[tp]

        def shared(m: str) -> int:
            return max((len(self.pattern[t] & shown) for t in self.by_muscle.get(m, [])), default=0)

        def ambiguous(m: str) -> bool:
            return any(self.essential[t] == self.essential[tp] for t in self.by_muscle.get(m, []))

        same, touching = self.near(muscle_id)
        near = [m for m in [*same, *touching] if not ambiguous(m)]
        overlapping = [m for m in near if shared(m)]
        rng.shuffle(overlapping)  # then a stable sort: chance decides only between equals
        overlapping.sort(key=lambda m: (self.area[m] != self.area[muscle_id], -shared(m)))
        rest_same = [m for m in near if m in same and not shared(m)]
        rest_touching = [m for m in near if m not in same and not shared(m)]
        rng.shuffle(rest_same)
        rng.shuffle(rest_touching)
        return [*overlapping, *rest_same, *rest_touching][: OPTIONS - 1]

    def _pattern(self, tp: str, rng: random.Random) -> Question | None:
        muscle_id = self.muscle_of[tp]
        wrong = self.pattern_wrong(tp, rng)
        if not wrong:
            return None
        side = self._side(tp, rng)
        placed = self.engine.by_key[side_key(tp, side)]
        answer = self.names[muscle_id]
        return Question(
            "pattern",
            prompt_for("pattern"),
            self._options(answer, [self.names[m] for m in wrong], rng),
            answer,
            f"{answer} ({self.tps.at[tp, 'name']}): {self.tps.at[tp, 'referral']}",
            muscle_id,
            shown=Drawn(placed.essential, placed.spillover),
            answer_drawn=self._with_muscle(Drawn(placed.essential, placed.spillover, placed.key), muscle_id, side),
            subject=tp,
        )

    def _tap(self, tp: str, rng: random.Random) -> Question | None:
        muscle_id = self.muscle_of[tp]
        side = self._side(tp, rng)
        placed = self.engine.by_key[side_key(tp, side)]
        if not placed.essential:
            return None
        labels = ", ".join(self.engine.body.regions[r].display_label for r in placed.essential)
        return Question(
            "tap_pattern",
            prompt_for("tap_pattern", self.names[muscle_id], point=str(self.tps.at[tp, "name"])),
            (),
            labels,
            f"{self.names[muscle_id]} ({self.tps.at[tp, 'name']}): {self.tps.at[tp, 'referral']}",
            muscle_id,
            shown=Drawn(trigger_point=placed.key),
            answer_drawn=self._with_muscle(Drawn(placed.essential, placed.spillover, placed.key), muscle_id, side),
            answer_regions=placed.essential,
            subject=tp,
        )

    def _identify(self, muscle_id: str, rng: random.Random) -> Question | None:
        sides = sorted({s.side for s in self._shapes(muscle_id)} & {"right", "left"})
        side = rng.choice(sides) if sides else None
        lit = self._muscle_drawn(muscle_id, side)
        if not lit:
            return None
        same, touching = self.near(muscle_id)
        answer = self.names[muscle_id]
        wrong = self._pick([same, touching], rng, self.names.__getitem__, {answer})
        if not wrong:
            return None
        return Question(
            "identify",
            prompt_for("identify"),
            self._options(answer, [self.names[m] for m in wrong], rng),
            answer,
            f"{answer}: {self.facts['origin'][muscle_id]} to {self.facts['insertion'][muscle_id]}",
            muscle_id,
            shown=lit,
            answer_drawn=lit,
            subject=muscle_id,
        )


def _zone_names(entries: Iterable[str]) -> list[str]:
    return [e.partition(":")[0].strip() for e in entries]


def _builder(engine: Engine, shapes: ShapesOf | None) -> _Builder:
    cache = engine.__dict__.setdefault("_quiz_builders", {})
    if shapes not in cache:
        cache[shapes] = _Builder(engine, shapes)
    return cache[shapes]


def make_question(
    engine: Engine,
    seed: int,
    kinds: Sequence[str] = CHOICE_KINDS,
    areas: Sequence[str] = (),
    shapes: ShapesOf | None = SHAPES_OF,
) -> Question:
    """One question of one of `kinds` about a muscle of `areas` (all when empty), the same for
    the same seed."""
    (question,) = make_set(engine, seed, 1, areas=areas, kinds=kinds, shapes=shapes).questions
    return question


@dataclass(frozen=True)
class QuizSet:
    seed: int
    count: int
    areas: tuple[str, ...]
    kinds: tuple[str, ...]
    questions: tuple[Question, ...]

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "count": len(self.questions),
            "areas": list(self.areas),
            "kinds": list(self.kinds),
            "questions": [q.as_dict() for q in self.questions],
        }


class QuizError(ValueError):
    """Settings that make no quiz (an unknown kind or area, nothing to ask)."""


def make_set(
    engine: Engine,
    seed: int,
    count: int = 10,
    areas: Sequence[str] = (),
    kinds: Sequence[str] = (),
    shapes: ShapesOf | None = SHAPES_OF,
) -> QuizSet:
    """`count` questions (fewer when the choices allow fewer different ones) about muscles of
    `areas` (all when empty), of `kinds` (every available kind when empty), the same for the same
    seed and settings. Kinds take turns in a shuffled order, so a set mixes them; no question is
    asked twice, and a muscle comes back only when every other one has been asked about."""
    offered = available_kinds(shapes)
    kinds = tuple(dict.fromkeys(kinds)) or offered
    unknown = [k for k in kinds if k not in offered]
    if unknown:
        raise QuizError(f"unknown kind of question {unknown[0]!r} (one of: {', '.join(offered)})")
    areas = tuple(dict.fromkeys(areas))
    for area in areas:
        if area not in BODY_AREAS:
            raise QuizError(f"unknown body area {area!r} (one of: {', '.join(BODY_AREAS)})")
    if count < 1:
        raise QuizError("a quiz has at least one question")
    builder = _builder(engine, shapes)
    rng = random.Random(seed)
    pools = {}
    for kind in kinds:
        subjects = builder.subjects(kind, areas)
        rng.shuffle(subjects)
        pools[kind] = subjects
    questions: list[Question] = []
    asked_muscles: set[str] = set()
    looks: set[tuple] = set()
    turn: list[str] = []
    while len(questions) < count and any(pools.values()):
        if not turn:
            turn = [k for k in kinds if pools[k]]
            rng.shuffle(turn)
        kind = turn.pop()
        pool = pools[kind]
        if not pool:
            continue
        # a muscle not yet asked about, when there is one
        index = next((i for i, s in enumerate(pool) if _muscle_of(builder, kind, s) not in asked_muscles), 0)
        subject = pool.pop(index)
        question = builder.build(kind, subject, random.Random(f"{seed}:{kind}:{subject}"))
        if question is None or _look(engine, question) in looks:
            continue
        looks.add(_look(engine, question))
        questions.append(question)
        asked_muscles.add(question.muscle_id)
    if not questions:
        raise QuizError("nothing to ask about with these choices: choose more areas or kinds")
    return QuizSet(seed, count, areas, kinds, tuple(questions))


def _look(engine: Engine, question: Question) -> tuple:
    """What a person sees of a question: two trigger points with the same pattern (or its mirror
    image) would be the same question twice."""
    shown = question.shown
    names = [
        frozenset(engine.body.regions[r].name for r in ids) for ids in (shown.essential, shown.spillover, shown.marked)
    ]
    where = question.subject if question.is_tap else None
    return (question.kind, question.prompt, *names, where, shown.muscle)


def _muscle_of(builder: _Builder, kind: str, subject: str) -> str:
    if kind in ("referral", "pattern", "tap_pattern"):
        return str(builder.muscle_of[subject.partition("/")[0]])
    return subject


# --- answers and score ----------------------------------------------------------------------


def tap_score(question: Question, tapped: Iterable[str]) -> float:
    """How well tapped areas match a tap question's pattern, 0 to 1: the share of the essential
    zone tapped, times the share of taps that fall anywhere in the pattern (essential or spillover:
    a tap on the spillover zone is not wrong, but it does not count towards the essential zone)."""
    tapped = set(tapped)
    essential = set(question.answer_regions)
    if not tapped or not essential:
        return 0.0
    pattern = essential | set(question.answer_drawn.spillover)
    return len(tapped & essential) / len(essential) * len(tapped & pattern) / len(tapped)


def is_right(question: Question, response) -> bool:
    """A chosen option (choice kinds) or the tapped region ids (a tap question)."""
    if question.is_tap:
        return tap_score(question, response or ()) >= TAP_PASS
    return response == question.answer


def score(questions: Sequence[Question], responses: Sequence) -> tuple[int, int]:
    """Right answers out of answered questions."""
    answered = [(q, r) for q, r in zip(questions, responses, strict=False) if r is not None]
    return sum(is_right(q, r) for q, r in answered), len(answered)


def response_text(engine: Engine, question: Question, response) -> str:
    if response is None:
        return ""
    if question.is_tap:
        return ", ".join(engine.body.regions[r].display_label for r in response if r in engine.body.regions)
    return str(response)


def result_rows(engine: Engine, quiz: QuizSet, responses: Sequence) -> list[dict]:
    """One row per question for the trainer's spreadsheet."""
    rows = []
    for number, question in enumerate(quiz.questions, start=1):
        response = responses[number - 1] if number - 1 < len(responses) else None
        row = {
            "number": number,
            "kind": question.kind,
            "question": question.prompt,
            "muscle": engine.dataset.muscles.at[question.muscle_id, "name"],
            "answer": question.answer,
            "given": response_text(engine, question, response),
            "right": "" if response is None else ("yes" if is_right(question, response) else "no"),
        }
        if question.is_tap and response is not None:
            row["given"] += f" (match {math.floor(tap_score(question, response) * 100)}%)"
        rows.append(row)
    return rows
