"""The command line: the same engine as the app, for scripts and checks.

    python -m trigger_map regions [--json]
    python -m trigger_map suggest [--json] REGION_ID [REGION_ID ...]   (REGION_ID or REGION_ID=SEVERITY)
    python -m trigger_map muscle [--json] NAME
    python -m trigger_map condition [--json] NAME
    python -m trigger_map search [--json] [--kind KIND] [--limit N] TEXT
    python -m trigger_map flags [--json] [REGION_ID ...] [--symptom TEXT]... [--age N] [--pregnant]
    python -m trigger_map place REGION U V [--side right|left]
    python -m trigger_map quiz [--json] [--seed N] [--count 10|20|40] [--area AREA]... [--kind KIND]...
    python -m trigger_map validate [DATA_DIR]
    python -m trigger_map visits add --client CODE --areas REGION:SEVERITY ... [--symptom S]... [--condition C]
                                     [--treated TP@SIDE]... [--note TEXT] [--date YYYY-MM-DD]
    python -m trigger_map visits clients|list|progress|export|delete-client ...   (see visits --help)
    python -m trigger_map db upgrade                     (the visits database: $TRIGGER_MAP_DB or the default file)
Global options --data DIR and --body SVG point at another dataset or drawing (tests use them).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Only what every command needs is imported here: the drawing and the problems. The dataset
# (pandas, pandera), the search, the quiz and the visits database are imported by the commands that
# use them, so `--help`, `regions`, `place` and `db` start without loading pandas.
from trigger_map.body import Body, body_svg, read_body
from trigger_map.muscle_shapes import MuscleDrawingError, shapes_of
from trigger_map.problems import DATA_DIR, DatasetError, data_dir

if TYPE_CHECKING:
    from trigger_map.lookup import Engine


class ArgumentError(Exception):
    """A bad argument found after parsing (a drawing that cannot be read, an unknown id):
    reported in one line naming the argument, exit status 2, like argparse's own errors."""

    def __init__(self, argument: str, message: str):
        super().__init__(f"argument {argument}: {message}")


class Parser(argparse.ArgumentParser):
    """argparse with its errors in one line (no usage block): what is wrong, and `--help`."""

    def error(self, message: str):
        message = re.sub(r"[\x00-\x1f\x7f]", lambda c: repr(c.group())[1:-1], message)  # one line
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _number(text: str, what: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{what} {text!r} is not a number".strip()) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} {text!r} must be a number from {low:g} to {high:g}".strip())
    return value


def _area(text: str) -> tuple[str, float | None]:
    """REGION_ID or REGION_ID=SEVERITY (0-10)."""
    region, equals, severity = text.partition("=")
    if not region.strip():
        raise argparse.ArgumentTypeError(f"{text!r} names no region")
    if not equals:
        return region, None
    return region, _number(severity, f"severity in {text!r}:", 0, 10)


def _fraction(text: str) -> float:
    return _number(text, "", 0, 1)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _body(args) -> Body:
    body, problems = read_body(args.body)
    if body is None:
        raise ArgumentError("--body", "; ".join(p.message for p in problems) + f" ({args.body})")
    return body


def _engine(args) -> Engine:
    from trigger_map.validate import load_engine

    _body(args)  # a drawing that cannot be read is a bad argument; a dataset with problems lists them
    return load_engine(args.data, args.body)


def _emit(data, as_json: bool, text_lines) -> None:
    if as_json:
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for line in text_lines(data):
            print(line)


def cmd_regions(args) -> int:
    body = _body(args)
    rows = [
        {
            "id": r.id,
            "label": r.label,
            "view": r.view,
            "side": r.side,
            "name": r.name,
            "term": r.term,
            "display_label": r.display_label,
        }
        for r in sorted(body.regions.values(), key=lambda r: (r.view, r.id))
    ]
    _emit(rows, args.json, lambda rs: [f"{r['id']:<30} {r['view']:<6} {r['display_label']}" for r in rs])
    return 0


def cmd_suggest(args) -> int:
    engine = _engine(args)
    areas = dict(args.regions)
    unknown = [r for r in areas if r not in engine.body.regions]
    if unknown:
        raise ArgumentError(
            "regions", f"unknown region id(s): {', '.join(map(repr, unknown))} (see `python -m trigger_map regions`)"
        )
    symptoms = tuple(_find(engine, "symptom", s, "--symptom") for s in args.symptom or ())
    found = engine.suggest(areas, symptoms=symptoms, limit=args.limit)
    rows = [s.as_dict() for s in found]
    _emit(
        rows,
        args.json,
        lambda rs: [
            f"{r['score']:.3f}  {r['muscle']:<34} {r['name']:<30} {r['side']:<6} "
            f"essential: {', '.join(r['essential']) or '-'}; spillover: {', '.join(r['spillover']) or '-'}"
            for r in rs
        ],
    )
    return 0


def _trigger_point_dict(engine: Engine, tp_id: str) -> dict:
    row = engine.dataset.trigger_points.loc[tp_id]
    right = engine.on_side(tp_id, "right")
    return {
        "id": tp_id,
        "name": row["name"],
        "location": row["location"],
        "location_region": row["location_region"],
        "view": row["view"],
        "x": float(row["x"]),
        "y": float(row["y"]),
        "essential_zones": list(row["essential_zones"]),
        "spillover_zones": list(row["spillover_zones"]),
        "essential_regions_right": list(right.essential),
        "spillover_regions_right": list(right.spillover),
        "referral": row["referral"],
        "symptoms": list(row["symptoms"]),
        "conditions": list(row["conditions"]),
        "sources": list(row["sources"]),
    }


def _find(engine: Engine, kind: str, text: str, argument: str) -> str:
    """An id of `kind` from an id or the words people use (trigger_map.search); no match is a bad
    argument, named with the closest names."""
    found = {"muscle": engine.find_muscle, "condition": engine.find_condition, "symptom": engine.find_symptom}[kind](
        text
    )
    if found is None:
        raise ArgumentError(argument, f"no {kind} matches {text!r}{_closest(engine, text, (kind,))}")
    return found


def _closest(engine: Engine, text: str, kinds=None) -> str:
    close = engine.matcher.closest(text, kinds)
    return f" (closest: {'; '.join(f'{h.name} [{h.id}]' for h in close)})" if close else ""


def cmd_search(args) -> int:
    from trigger_map.search import KIND_LABELS

    engine = _engine(args)
    text = " ".join(args.text)
    kinds = tuple(args.kind) if args.kind else None
    hits = engine.matcher.search(text, kinds=kinds, limit=args.limit)
    _emit(
        [h.as_dict() for h in hits],
        args.json,
        lambda rs: [f"{r['score']:.3f}  {KIND_LABELS[r['kind']]:<14} {r['id']:<34} {r['name']}" for r in rs],
    )
    if not hits:
        print(f"nothing matches {text!r}{_closest(engine, text, kinds)}", file=sys.stderr)
        return 2
    return 0


def _shapes(muscle_id: str) -> list[dict]:
    """The muscle as drawn on the body (assets/muscles.svg): view, side, depth and SVG path."""
    shapes = shapes_of(muscle_id)
    return [{"view": s.view, "side": s.side, "depth": s.depth, "path": s.path} for s in shapes]


def cmd_muscle(args) -> int:
    from trigger_map.data import muscle_label

    engine = _engine(args)
    muscle_id = _find(engine, "muscle", args.name, "name")
    row = engine.dataset.muscles.loc[muscle_id]
    data = {
        "id": muscle_id,
        **{
            c: row[c]
            for c in (
                "name",
                "anatomical_name",
                "body_area",
                "origin",
                "insertion",
                "action",
                "innervation",
                "description",
            )
        },
        "sources": list(row["sources"]),
        "trigger_points": [_trigger_point_dict(engine, t) for t in engine.muscle_trigger_points(muscle_id)],
        "shapes": _shapes(muscle_id),
    }
    _emit(
        data,
        args.json,
        lambda d: [muscle_label(d["name"], d["anatomical_name"]), f"  innervation: {d['innervation']}"]
        + ["  drawn: " + ", ".join(sorted({f"{s['view']} ({s['depth']})" for s in d["shapes"]}))]
        + [f"  {t['id']}: {t['name']} -> essential {', '.join(t['essential_zones'])}" for t in d["trigger_points"]],
    )
    return 0


def cmd_condition(args) -> int:
    engine = _engine(args)
    condition_id = _find(engine, "condition", args.name, "name")
    row = engine.dataset.conditions.loc[condition_id]
    tps = engine.condition_trigger_points(condition_id)
    data = {
        "id": condition_id,
        "name": row["name"],
        "description": row["description"],
        "evidence_level": row["evidence_level"],
        "muscles": list(row["muscles"]),
        "red_flags": list(row["red_flags"]),
        "trigger_points": [
            {
                "id": t,
                "muscle_id": engine.dataset.trigger_points.at[t, "muscle_id"],
                "name": engine.dataset.trigger_points.at[t, "name"],
            }
            for t in tps
        ],
    }
    _emit(
        data,
        args.json,
        lambda d: [f"{d['name']} (evidence: {d['evidence_level']})", f"  muscles: {', '.join(d['muscles'])}"]
        + [f"  {t['id']}" for t in d["trigger_points"]],
    )
    return 0


def _age(text: str) -> int:
    try:
        age = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"age {text!r} is not a whole number of years") from None
    if not 0 <= age <= 130:
        raise argparse.ArgumentTypeError(f"age {text!r} must be from 0 to 130")
    return age


def cmd_flags(args) -> int:
    """Red flags for marked regions, reported symptoms and facts: matched first, most urgent first."""
    from trigger_map.safety import facts_for, find_symptom, red_flags_for

    engine = _engine(args)
    unknown = [r for r in args.regions if r not in engine.body.regions]
    if unknown:
        # repr: a name with a line break or a control character stays on the one line of the message
        print(
            f"unknown region id(s): {', '.join(map(repr, unknown))} (see `python -m trigger_map regions`)",
            file=sys.stderr,
        )
        return 2
    symptoms = []
    for text in args.symptom or ():
        # an id or a label's own words first, then the search's matcher (lay words, typos)
        found = find_symptom(engine.dataset, text) or engine.find_symptom(text)
        if found is None:
            close = [hit.id for hit in engine.matcher.closest(text, ("symptom",))]
            print(
                f"unknown symptom {text!r}"
                + (f"; closest known: {', '.join(close)}" if close else "")
                + " (symptom ids and labels: data/symptoms.csv)",
                file=sys.stderr,
            )
            return 2
        symptoms.append(found)
    flags = red_flags_for(engine, args.regions, symptoms, facts=facts_for(args.age, args.pregnant))
    rows = [{k: f[k] for k in ("id", "title", "action", "matched", "message", "sources")} for f in flags]
    _emit(
        rows,
        args.json,
        lambda rs: [
            f"{'MATCHED' if r['matched'] else 'watch':<8} {r['action']:<9} {r['id']:<26} {r['title']}" for r in rs
        ],
    )
    return 0


def cmd_place(args) -> int:
    body = _body(args)
    if args.region not in body.names:
        raise ArgumentError(
            "region", f"unknown region name {args.region!r} (a name, e.g. temple: see `python -m trigger_map regions`)"
        )
    x, y = body.place(args.region, args.u, args.v, args.side)
    print(json.dumps({"view": body.view_of(args.region), "x": x, "y": y}))
    return 0


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _quiz_area(text: str) -> str:
    from trigger_map.data import BODY_AREAS
    from trigger_map.quiz import area_from, area_slug

    area = area_from(text)
    if area is None:
        raise argparse.ArgumentTypeError(
            f"unknown body area {text!r} (one of: {', '.join(area_slug(a) for a in BODY_AREAS)})"
        )
    return area


def cmd_quiz(args) -> int:
    """A quiz set: the same seed and settings print the same questions."""
    from trigger_map.quiz import QuizError, make_set

    engine = _engine(args)
    try:
        chosen = make_set(engine, args.seed, args.count, areas=args.area or (), kinds=args.kind or ())
    except QuizError as error:
        raise ArgumentError("--kind" if "kind" in str(error) else "--area", str(error)) from None
    _emit(
        chosen.as_dict(),
        args.json,
        lambda d: [f"seed {d['seed']}: {d['count']} questions"]
        + [f"{n:>2}. [{q['kind']}] {q['prompt']} -> {q['answer']}" for n, q in enumerate(d["questions"], start=1)],
    )
    return 0


def cmd_validate(args) -> int:
    from trigger_map.data import load_dataset
    from trigger_map.validate import validate

    data_dir = Path(args.data_dir) if args.data_dir else args.data
    problems = validate(data_dir, args.body)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    dataset = load_dataset(data_dir)
    print(
        f"OK: {len(dataset.muscles)} muscles, {len(dataset.trigger_points)} trigger points, "
        f"{len(dataset.conditions)} conditions, {len(dataset.sources)} sources"
    )
    return 0


def cmd_db(args) -> int:
    """Create or bring up to date the visits database's tables (Alembic migrations)."""
    from alembic.runtime.migration import MigrationContext

    from trigger_map.visit_store import database_url, engine_for, where

    url = database_url()
    engine = engine_for(url)  # opening it runs the migrations
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    print(json.dumps({"database": where(url), "revision": revision}))
    return 0


def _visit_area(text: str) -> tuple[str, int]:
    """REGION:SEVERITY (a whole number 0-10), or REGION alone (severity 5, as on the map)."""
    region, sep, severity = text.replace("=", ":").partition(":")
    if not region.strip():
        raise argparse.ArgumentTypeError(f"{text!r} names no region")
    if not sep:
        from trigger_map.lookup import DEFAULT_SEVERITY

        return region.strip(), DEFAULT_SEVERITY
    try:
        value = int(severity)
    except ValueError:
        raise argparse.ArgumentTypeError(f"severity in {text!r} must be a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"severity in {text!r} must be a whole number from 0 to 10")
    return region.strip(), value


def _visit_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _store():
    from trigger_map.visit_store import VisitStore

    return VisitStore()  # the command line is single-user: the laptop's own clients


def _client_visits(store, code: str) -> list:
    visits = store.visits(code)
    if not visits:
        raise ArgumentError("--client", "no client with that code has visits (see `visits clients`)")
    return visits


def _standards(args):
    from trigger_map.standards import AREAS_FILE, load_standards, region_areas

    body = _body(args)
    folder = args.data if (Path(args.data) / AREAS_FILE).exists() else DATA_DIR
    return load_standards(body, folder), region_areas(body)


def cmd_visits_add(args) -> int:
    from trigger_map.visit_store import NewVisit, check_code

    check_code(args.client)  # a bad code is said before anything is loaded
    body = _body(args)
    areas = dict(args.areas)
    unknown = [r for r in areas if r not in body.regions]
    if unknown:
        raise ArgumentError(
            "--areas", f"unknown region id(s): {', '.join(map(repr, unknown))} (see `python -m trigger_map regions`)"
        )
    symptoms: tuple[str, ...] = ()
    condition = None
    if args.symptom or args.condition or args.treated:
        engine = _engine(args)
        symptoms = tuple(dict.fromkeys(_find(engine, "symptom", s, "--symptom") for s in args.symptom or ()))
        if args.condition:
            condition = _find(engine, "condition", args.condition, "--condition")
        bad = [k for k in args.treated or () if k not in engine.by_key]
        if bad:
            raise ArgumentError(
                "--treated", f"unknown trigger point(s) {', '.join(map(repr, bad))} (ID@left or ID@right)"
            )
    visit = NewVisit(
        visit_date=args.date or date.today(),
        areas=areas,
        symptoms=symptoms,
        condition=condition,
        note=args.note or "",
        treated=tuple(args.treated or ()),
    )
    visit_id = _store().add_visit(args.client, visit)
    _emit({"visit": visit_id, "date": visit.visit_date.isoformat()}, args.json, lambda d: [f"saved visit {d['visit']}"])
    return 0


def cmd_visits_clients(args) -> int:
    _emit(_store().clients(), args.json, lambda codes: codes)
    return 0


def cmd_visits_list(args) -> int:
    visits = _client_visits(_store(), args.client)
    _emit(
        [v.as_dict() for v in visits],
        args.json,
        lambda rows: [
            f"{r['date']}  visit {r['id']}: " + ", ".join(f"{a} {s}" for a, s in r["areas"].items()) for r in rows
        ],
    )
    return 0


def cmd_visits_progress(args) -> int:
    from trigger_map.progress import progress

    visits = _client_visits(_store(), args.client)
    standards, surfaces = _standards(args)
    _emit(
        progress(visits, standards, surfaces),
        args.json,
        lambda rows: [
            f"{r['date']}  severity {r['total_severity']:>3}  areas {r['areas']:>3}  body {r['share_of_body']:5.1f}%  "
            f"CHOIR {r['choir']:>2}  Michigan {r['michigan']:>2}  WPI {r['wpi']:>2}"
            for r in rows
        ],
    )
    return 0


def cmd_visits_export(args) -> int:
    from trigger_map.export import csv_bytes
    from trigger_map.progress import export_document, export_rows

    visits = _client_visits(_store(), args.client)
    if args.format == "json":
        standards, surfaces = _standards(args)
        _emit(export_document(args.client.strip(), visits, standards, surfaces), True, lambda d: [])
    else:
        labels = {r.id: r.display_label for r in _body(args).regions.values()}
        sys.stdout.flush()
        sys.stdout.buffer.write(csv_bytes(export_rows(visits, labels)))
    return 0


def cmd_visits_delete(args) -> int:
    gone = _store().delete_client(args.code)
    if gone is None:
        raise ArgumentError("CODE", "no client with that code (see `visits clients`)")
    _emit({"deleted_visits": gone}, args.json, lambda d: [f"deleted the client and {d['deleted_visits']} visit(s)"])
    return 0


def _visits_arguments(visits: argparse.ArgumentParser) -> None:
    cmds = visits.add_subparsers(dest="visits_command", required=True)
    add = cmds.add_parser("add", help="save a visit's pain drawing under a client code")
    add.add_argument("--client", required=True, help="the client's code (letters, digits, - _ .; never a name)")
    add.add_argument("--areas", required=True, nargs="+", type=_visit_area, help="REGION:SEVERITY (0-10) ...")
    add.add_argument("--symptom", action="append", help="a symptom: id or everyday words (repeatable)")
    add.add_argument("--condition", help="a condition: id or name")
    add.add_argument("--treated", action="append", help="a trigger point treated, ID@left or ID@right (repeatable)")
    add.add_argument("--note", help="a short note")
    add.add_argument("--date", type=_visit_date, help="the visit's date, YYYY-MM-DD (default today)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=cmd_visits_add)
    clients = cmds.add_parser("clients", help="the client codes")
    clients.add_argument("--json", action="store_true")
    clients.set_defaults(func=cmd_visits_clients)
    for name, func, what in (
        ("list", cmd_visits_list, "a client's visits, oldest first"),
        ("progress", cmd_visits_progress, "per visit: total severity, areas, share of the body, standard counts"),
    ):
        one = cmds.add_parser(name, help=what)
        one.add_argument("--client", required=True)
        one.add_argument("--json", action="store_true")
        one.set_defaults(func=func)
    export = cmds.add_parser("export", help="a client's visits as CSV (one row per area) or JSON")
    export.add_argument("--client", required=True)
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.set_defaults(func=cmd_visits_export)
    delete = cmds.add_parser("delete-client", help="delete a client and every visit of theirs")
    delete.add_argument("code")
    delete.add_argument("--json", action="store_true")
    delete.set_defaults(func=cmd_visits_delete)


def _regions_arguments(regions: argparse.ArgumentParser) -> None:
    regions.add_argument("--json", action="store_true")
    regions.set_defaults(func=cmd_regions)


def _suggest_arguments(suggest: argparse.ArgumentParser) -> None:
    suggest.add_argument("--json", action="store_true")
    suggest.add_argument(
        "--symptom", action="append", help="a symptom: id or everyday words, e.g. 'pins and needles' (repeatable)"
    )
    suggest.add_argument("--limit", type=_limit, default=None, help="at most this many (1 or more)")
    suggest.add_argument("regions", nargs="+", type=_area, help="region ids, optionally REGION=SEVERITY (0-10)")
    suggest.set_defaults(func=cmd_suggest)


def _one_arguments(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.ArgumentParser], None]:
    def add(one: argparse.ArgumentParser) -> None:
        one.add_argument("--json", action="store_true")
        one.add_argument("name", help="id, name or the words people use (abbreviation, lay name, misspelling)")
        one.set_defaults(func=func)

    return add


def _search_arguments(search: argparse.ArgumentParser) -> None:
    from trigger_map.search import KINDS

    search.add_argument("--json", action="store_true")
    search.add_argument("--kind", action="append", choices=KINDS, help="only this kind (repeatable)")
    search.add_argument("--limit", type=_limit, default=10, help="at most this many (default 10)")
    search.add_argument("text", nargs="+", help="what to look for, e.g. SCM, lower back, pins and needles")
    search.set_defaults(func=cmd_search)


def _flags_arguments(flags: argparse.ArgumentParser) -> None:
    flags.add_argument("--json", action="store_true")
    flags.add_argument(
        "--symptom", action="append", help="a symptom: id or plain words, e.g. fever, 'pins and needles' (repeatable)"
    )
    flags.add_argument("--age", type=_age, default=None, help="age in years (some flags depend on it)")
    flags.add_argument("--pregnant", action="store_true", help="pregnant, or could be")
    flags.add_argument("regions", nargs="*", help="region ids (see `regions`)")
    flags.set_defaults(func=cmd_flags)


def _place_arguments(place: argparse.ArgumentParser) -> None:
    place.add_argument("region")
    place.add_argument("u", type=_fraction, help="0 (inner edge) to 1 (outer edge)")
    place.add_argument("v", type=_fraction, help="0 (top) to 1 (bottom)")
    place.add_argument("--side", choices=("right", "left"), default="right")
    place.set_defaults(func=cmd_place)


def _quiz_arguments(quiz: argparse.ArgumentParser) -> None:
    from trigger_map.quiz import KINDS, LENGTHS

    quiz.add_argument("--json", action="store_true")
    quiz.add_argument("--seed", type=_seed, default=1, help="which set (a whole number, default 1)")
    quiz.add_argument("--count", type=int, choices=LENGTHS, default=LENGTHS[0], help="how many questions")
    quiz.add_argument(
        "--area", action="append", type=_quiz_area, help="a body area, e.g. neck, upper-back (repeatable)"
    )
    quiz.add_argument("--kind", action="append", choices=KINDS, help="a kind of question (repeatable)")
    quiz.set_defaults(func=cmd_quiz)


def _validate_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("data_dir", nargs="?")
    check.set_defaults(func=cmd_validate)


def _db_arguments(db: argparse.ArgumentParser) -> None:
    db.add_argument("action", choices=("upgrade",), help="upgrade: create or update its tables")
    db.set_defaults(func=cmd_db)


# Each command: its name, its line in --help, and what adds its own arguments.
COMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser], None]], ...] = (
    ("regions", "list the body regions", _regions_arguments),
    ("suggest", "rank trigger points for painful regions", _suggest_arguments),
    ("muscle", "one muscle with its trigger points", _one_arguments(cmd_muscle)),
    ("condition", "one condition with its trigger points", _one_arguments(cmd_condition)),
    (
        "search",
        "find areas, muscles, trigger points, conditions and symptoms by the words people use, ranked",
        _search_arguments,
    ),
    ("flags", "red flags for areas, symptoms and facts: matched first, most urgent first", _flags_arguments),
    ("place", "x, y of a spot inside a region (for adding a trigger point)", _place_arguments),
    ("quiz", "a quiz set: the same seed and settings give the same questions", _quiz_arguments),
    ("validate", "check the dataset against its schema and the body", _validate_arguments),
    ("visits", "clients' visits over time (the visits database: $TRIGGER_MAP_DB)", _visits_arguments),
    ("db", "the visits database ($TRIGGER_MAP_DB, or a file in your data folder)", _db_arguments),
)


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser. Given the arguments, it adds the own arguments of the commands they name only
    (a command's name is always one whole argument): the search's and the quiz's choices come from
    modules that load the dataset's libraries. Without, it adds every command's."""
    named = None if argv is None else set(argv)
    p = Parser(prog="python -m trigger_map", description="Trigger Map's engine.")
    p.add_argument(
        "--data", type=Path, default=data_dir(), help="the data folder (default: $TRIGGER_MAP_DATA or data/)"
    )
    p.add_argument(
        "--body", type=Path, default=body_svg(), help="the body drawing (default: $TRIGGER_MAP_BODY or assets/body.svg)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    for name, what, add_arguments in COMMANDS:
        command = sub.add_parser(name, help=what)
        if named is None or name in named:
            add_arguments(command)
    return p


def _store_error(error: Exception) -> bool:
    """A visits database error: only a command that opened the database (and so imported its
    module) can raise one."""
    store = sys.modules.get("trigger_map.visit_store")
    return store is not None and isinstance(error, store.StoreError)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Bad arguments: one line and status 2; a dataset with problems: the list
    and status 1; never a traceback."""
    argv = sys.argv[1:] if argv is None else list(argv)
    program = parser(argv)
    args = program.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except ArgumentError as error:
        print(f"{program.prog}: {error}", file=sys.stderr)
        return 2
    except (DatasetError, MuscleDrawingError) as error:
        print(error, file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped early (`... | head`): nothing more to say. Python's own advice: point
        # stdout at devnull so the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if not _store_error(error):
            raise
        print(f"{program.prog}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
