"""Referral zones: from a trigger point row (one side) to the regions it refers pain to, per side.

A zone entry is a region name (`temple`: same side as the trigger point), `name:both` or
`name:opposite`; unpaired regions are plain names. Rows describe the person's right side and are
mirrored, so every trigger point exists on both sides as a `TriggerPointOnSide`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from trigger_map.body import SIDES, Body
from trigger_map.data import Problem, split_list
from trigger_map.problems import numbered_rows

MODES = ("same", "both", "opposite")
OTHER_SIDE = {"left": "right", "right": "left"}


def side_key(trigger_point: str, side: str) -> str:
    """A trigger point on a side as links, maps and pages name it: "<id>@<side>". A trigger point
    on the midline ("either") is drawn on the person's right."""
    return f"{trigger_point}@{'right' if side == 'either' else side}"


def split_side_key(key: str) -> tuple[str, str]:
    """(trigger point id, side) of a `side_key`."""
    trigger_point, _, side = key.partition("@")
    return trigger_point, side


@dataclass(frozen=True)
class ZoneEntry:
    name: str
    mode: str = "same"


def parse_zone(entry: str) -> ZoneEntry:
    name, _, mode = entry.strip().partition(":")
    return ZoneEntry(name.strip(), mode.strip() or "same")


def resolve_zone(body: Body, entry: ZoneEntry, side: str) -> tuple[str, ...]:
    """The region ids a zone entry names for a trigger point on `side`."""
    if not body.is_paired(entry.name):
        return (body.region_id(entry.name, None),)
    if entry.mode == "both":
        return tuple(body.region_id(entry.name, s) for s in SIDES)
    target = OTHER_SIDE[side] if entry.mode == "opposite" else side
    return (body.region_id(entry.name, target),)


def resolve_zones(body: Body, entries: tuple[str, ...], side: str) -> tuple[str, ...]:
    ids: list[str] = []
    for entry in entries:
        for region_id in resolve_zone(body, parse_zone(entry), side):
            if region_id not in ids:
                ids.append(region_id)
    return tuple(ids)


@dataclass(frozen=True)
class TriggerPointOnSide:
    """A trigger point placed on one side of the body, with its zones as region ids."""

    trigger_point: str
    side: str
    view: str
    x: float
    y: float
    essential: tuple[str, ...]
    spillover: tuple[str, ...]

    @property
    def key(self) -> str:
        return side_key(self.trigger_point, self.side)


def on_both_sides(body: Body, trigger_points: pd.DataFrame) -> list[TriggerPointOnSide]:
    """Every trigger point on the person's right (as stored) and left (mirrored)."""
    placed: list[TriggerPointOnSide] = []
    for row in trigger_points.itertuples():
        for side in ("right", "left"):
            x = row.x if side == "right" else body.mirror(row.view, row.x)
            essential = resolve_zones(body, row.essential_zones, side)
            spillover = tuple(r for r in resolve_zones(body, row.spillover_zones, side) if r not in essential)
            if (
                side == "left"
                and set(essential) == set(placed[-1].essential)
                and set(spillover) == set(placed[-1].spillover)
            ):
                continue  # a midline point with a symmetric pattern: one is enough
            placed.append(TriggerPointOnSide(row.id, side, row.view, float(x), float(row.y), essential, spillover))
    return placed


def body_problems(
    body: Body, trigger_points: pd.DataFrame, red_flags: pd.DataFrame | None = None, file: str = "trigger_points.csv"
) -> list[Problem]:
    """Where the dataset and the drawing disagree: unknown regions, bad modifiers, misplaced points."""
    problems: list[Problem] = []
    for row, record in numbered_rows(trigger_points):
        for column in ("essential_zones", "spillover_zones"):
            for entry in split_list(record[column]):
                zone = parse_zone(entry)
                if zone.name not in body.names:
                    problems.append(Problem(file, row, column, f"unknown region {zone.name!r}"))
                elif zone.mode not in MODES:
                    problems.append(Problem(file, row, column, f"{entry!r}: after ':' write 'both' or 'opposite'"))
                elif zone.mode != "same" and not body.is_paired(zone.name):
                    problems.append(
                        Problem(file, row, column, f"{entry!r}: {zone.name} is unpaired; drop ':{zone.mode}'")
                    )
        name = record["location_region"]
        if name not in body.names:
            problems.append(Problem(file, row, "location_region", f"unknown region {name!r}"))
            continue
        region = body.regions[body.region_id(name, "right")]
        if record["view"] != region.view:
            problems.append(
                Problem(file, row, "view", f"{name} is drawn in the {region.view} view, not {record['view']}")
            )
            continue
        hit = body.region_at(region.view, float(record["x"]), float(record["y"]))
        if hit is None or hit.id != region.id:
            found = f"in {hit.id}" if hit else "outside the body"
            problems.append(
                Problem(
                    file,
                    row,
                    "x",
                    f"point ({record['x']}, {record['y']}) lies {found}, "
                    f"not in {region.id}; run `python -m trigger_map place`",
                )
            )
    if red_flags is not None:
        for row, record in numbered_rows(red_flags):
            for name in split_list(record["regions"]):
                if name not in body.names:
                    problems.append(Problem("red_flags.csv", row, "regions", f"unknown region {name!r}"))
    return problems
