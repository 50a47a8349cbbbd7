"""Views as URLs: what a link holds, read back with a notice for anything unknown.

Explorer:       ?region=temple-l&tp=upper-trapezius-1@left
Where it hurts: ?areas=temple-l:7,jaw-l&symptoms=dizziness&condition=tension-type-headache&tp=...
Quiz:           ?seed=4821&n=20&areas=neck,upper-back&kinds=pattern,origin (a class gets the same set)
A bad value never breaks the page: it is dropped and named in a notice. Notices quote what the
link held: they are plain text, and a page shows them escaped (never as Markdown).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urlencode, urlsplit, urlunsplit

from trigger_map.closeups import closeups_of
from trigger_map.lookup import Engine
from trigger_map.quiz import LENGTHS, area_from, area_slug


@dataclass
class ExplorerView:
    region: str | None = None
    trigger_point: str | None = None  # key "<id>@<side>"
    closeup: str | None = None  # a close-up's id (trigger_map.closeups), shown instead of the body
    notices: list[str] = field(default_factory=list)
    NAMES: ClassVar[tuple[str, ...]] = ("region", "tp", "zoom")  # its parameters in a link

    def params(self) -> dict[str, str]:
        return {k: v for k, v in zip(self.NAMES, (self.region, self.trigger_point, self.closeup), strict=True) if v}


@dataclass
class PainView:
    areas: dict[str, int | None] = field(default_factory=dict)
    symptoms: tuple[str, ...] = ()
    condition: str | None = None
    trigger_point: str | None = None
    closeup: str | None = None  # a close-up's id (trigger_map.closeups), shown instead of the body
    notices: list[str] = field(default_factory=list)

    def params(self) -> dict[str, str]:
        params = {}
        if self.areas:
            params["areas"] = ",".join(r if s is None else f"{r}:{s}" for r, s in self.areas.items())
        if self.symptoms:
            params["symptoms"] = ",".join(self.symptoms)
        if self.condition:
            params["condition"] = self.condition
        if self.trigger_point:
            params["tp"] = self.trigger_point
        if self.closeup:
            params["zoom"] = self.closeup
        return params


def view_link(page_url: str | None, params: dict[str, str]) -> str:
    """The link that reopens a view: the page's address (any query or anchor dropped) with the
    view's parameters. Without a page address (no browser), a link relative to the page."""
    scheme, netloc, path, _, _ = urlsplit(page_url or "")
    base = urlunsplit((scheme, netloc, path or ("/" if netloc else ""), "", ""))
    query = urlencode(params, safe="@:,")
    return f"{base}?{query}" if query else base


MAX_AREAS = 200  # more than the body has regions: the rest of a longer list is not read


def severity(text: str) -> int | None:
    """A severity from a link: a number, rounded down and held to 0-10; None when it is not a
    finite number (`abc`, `nan`, `inf`, `1e400`)."""
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return min(10, max(0, int(value)))


def first_param(params, name: str) -> str:
    """One query parameter as a trimmed string ('' when absent)."""
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _trigger_point(params, engine: Engine, notices: list[str]) -> str | None:
    tp = first_param(params, "tp")
    if tp and tp not in engine.by_key:
        notices.append(f"The link names a trigger point we don't know ({tp[:60]!r}).")
        return None
    return tp or None


def read_explorer(params, engine: Engine) -> ExplorerView:
    view = ExplorerView()
    region = first_param(params, "region")
    if region:
        if region in engine.body.regions:
            view.region = region
        else:
            view.notices.append(
                f"The link names an area we don't know ({region[:40]!r}); showing the plain map instead."
            )
    view.trigger_point = _trigger_point(params, engine, view.notices)
    view.closeup = _closeup(params, engine, view.notices)
    return view


def _closeup(params, engine: Engine, notices: list[str]) -> str | None:
    closeup = first_param(params, "zoom")
    if closeup and closeup not in closeups_of(engine.body).by_id:
        notices.append(f"The link names a close-up we don't know ({closeup[:40]!r}); showing the whole body instead.")
        return None
    return closeup or None


def read_pain(params, engine: Engine) -> PainView:
    view = PainView()
    unknown: list[str] = []
    for item in list(filter(None, first_param(params, "areas").split(",")))[:MAX_AREAS]:
        region, _, level_text = item.strip().partition(":")
        if region not in engine.body.regions:
            unknown.append(region)
            continue
        level = severity(level_text) if level_text else None
        if level_text and level is None:
            view.notices.append(f"Ignored a severity that is not a number from 0 to 10 ({level_text[:10]!r}).")
        view.areas[region] = level
    if unknown:
        view.notices.append("The link names areas we don't know: " + ", ".join(repr(u[:30]) for u in unknown[:5]) + ".")
    symptoms = [s for s in first_param(params, "symptoms").split(",") if s]
    view.symptoms = tuple(s for s in symptoms if s in engine.dataset.symptoms.index)
    if len(view.symptoms) < len(symptoms):
        view.notices.append("Some symptoms in the link are unknown and were left out.")
    condition = first_param(params, "condition")
    if condition:
        if condition in engine.dataset.conditions.index:
            view.condition = condition
        else:
            view.notices.append(f"The link names a condition we don't know ({condition[:40]!r}).")
    view.trigger_point = _trigger_point(params, engine, view.notices)
    view.closeup = _closeup(params, engine, view.notices)
    return view


MAX_SEED = 10**12


@dataclass
class QuizView:
    """A quiz set as a link: its seed (None: a new one), length, areas and kinds (empty: all)."""

    seed: int | None = None
    count: int = LENGTHS[0]
    areas: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    notices: list[str] = field(default_factory=list)

    def params(self) -> dict[str, str]:
        params = {"seed": str(self.seed)} if self.seed is not None else {}
        params["n"] = str(self.count)
        if self.areas:
            params["areas"] = ",".join(area_slug(a) for a in self.areas)
        if self.kinds:
            params["kinds"] = ",".join(self.kinds)
        return params


def read_quiz(params, kinds: tuple[str, ...]) -> QuizView:
    """A quiz link read back; `kinds`: the kinds this app can ask."""
    view = QuizView()
    seed = first_param(params, "seed")
    if seed:
        if seed.isdigit() and int(seed) < MAX_SEED:
            view.seed = int(seed)
        else:
            view.notices.append(f"The link's quiz number is not a whole number ({seed[:40]!r}); here is a new quiz.")
    count = first_param(params, "n")
    if count:
        if count in {str(n) for n in LENGTHS}:
            view.count = int(count)
        else:
            view.notices.append(
                f"The link asks for {count[:40]!r} questions; a quiz has {', '.join(map(str, LENGTHS))}, "
                f"so here are {view.count}."
            )
    areas = [a.strip() for a in first_param(params, "areas").split(",") if a.strip()][:MAX_AREAS]
    view.areas = tuple(dict.fromkeys(a for a in map(area_from, areas) if a))
    if len(view.areas) < len(set(areas)):
        unknown = [a for a in areas if area_from(a) is None]
        if unknown:
            view.notices.append(
                "The link names body areas we don't know: " + ", ".join(repr(u[:30]) for u in unknown[:5]) + "."
            )
    named = [k.strip() for k in first_param(params, "kinds").split(",") if k.strip()][:MAX_AREAS]
    view.kinds = tuple(dict.fromkeys(k for k in named if k in kinds))
    unknown = [k for k in named if k not in kinds]
    if unknown:
        view.notices.append(
            "The link names kinds of question we can't ask: " + ", ".join(repr(u[:30]) for u in unknown[:5]) + "."
        )
    return view
