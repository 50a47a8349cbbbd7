"""Standard pain-area counts of a pain drawing: the CHOIR body map's 74 segments, the Michigan Body
Map's 35 areas and the Widespread Pain Index's 19 areas, through two tables in data/:

- `standard_areas.csv`: each standard's areas (an area with `sides` `two` is one area on each side:
  `jaw` is `jaw-l` and `jaw-r`, as our own region ids are written), named as the source names it, with
  the instrument's own numbers where it has them (CHOIR's segments `101`..`136`, `201`..`238`);
- `region_standards.csv`: for each of our region *names*, the areas of each standard it lies in,
  written like a referral zone (`jaw` on the region's own side, `jaw:both` both sides; an unpaired
  region such as the chin names `:both` for a paired area).

docs/data.md says how each standard defines its areas and where our regions are coarser or finer.
The counts themselves (`standard_counts`) and the share of the body (`body_share`) are pure
functions of a drawing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandera.pandas as pa

from trigger_map.body import Body
from trigger_map.data import DATA_DIR, DatasetError, Problem, _filled, read_table, split_list
from trigger_map.problems import numbered_rows

# id -> (name, number of areas it defines)
STANDARDS: dict[str, tuple[str, int]] = {
    "choir": ("CHOIR body map", 74),
    "michigan": ("Michigan Body Map", 35),
    "wpi": ("Widespread Pain Index", 19),
}
AREAS_FILE, MAPPING_FILE = "standard_areas.csv", "region_standards.csv"
AREA_NAME = r"^[a-z0-9]+(_[a-z0-9]+)*$"
CODES = r"^([0-9]+|[rl]:[0-9]+;[rl]:[0-9]+)?$"  # the instrument's own numbers: one, or each side's

AREAS_SCHEMA = pa.DataFrameSchema(
    {
        "standard": pa.Column(str, pa.Check.isin(tuple(STANDARDS), error=f"must be one of: {', '.join(STANDARDS)}")),
        "area": pa.Column(str, [_filled, pa.Check.str_matches(AREA_NAME, error="is not an area name (a-z, 0-9, _)")]),
        "label": pa.Column(str, _filled),
        "sides": pa.Column(str, pa.Check.isin(("one", "two"), error="must be one of: one, two")),
        "view": pa.Column(str, pa.Check.isin(("front", "back", "both"), error="must be one of: front, back, both")),
        "codes": pa.Column(str, pa.Check.str_matches(CODES, error="is not a code list (`101`, or `r:101;l:102`)")),
        "sources": pa.Column(str, _filled),
    },
    strict=True,
)
MAPPING_SCHEMA = pa.DataFrameSchema(
    {
        "region": pa.Column(str, [_filled, pa.Check.str_matches(AREA_NAME, error="is not a region name")], unique=True),
        **{standard: pa.Column(str) for standard in STANDARDS},
    },
    strict=True,
)


@dataclass(frozen=True)
class Standards:
    """Each standard's areas (id -> label), for each of our region ids the area ids it lies in, and the
    instrument's own number of each area where it numbers them (CHOIR: `101`..`136`, `201`..`238`)."""

    areas: dict[str, dict[str, str]]
    of_region: dict[str, dict[str, tuple[str, ...]]]  # standard -> region id -> area ids
    codes: dict[str, dict[str, str]]  # standard -> area id -> code


def _codes(cell: str, name: str, sides: str) -> dict[str, str] | str:
    """The area ids of one row with their codes, or what is wrong with the cell."""
    if not cell:
        return {}
    if sides == "one":
        return {name: cell} if ":" not in cell else "an area with one side has one code"
    by_side = dict(part.split(":") for part in cell.split(";"))
    if sorted(by_side) != ["l", "r"]:
        return "an area with two sides needs one code for each: r:N;l:N"
    return {f"{name}-{side}": code for side, code in by_side.items()}


def _area_ids(name: str, sides: str) -> tuple[str, ...]:
    return (name,) if sides == "one" else (f"{name}-l", f"{name}-r")


def _read_areas(areas_frame, problems: list[Problem]) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Each standard's areas (id -> label) and sides (name -> "one" or "two"); problems appended."""
    areas: dict[str, dict[str, str]] = {s: {} for s in STANDARDS}
    sides: dict[str, dict[str, str]] = {s: {} for s in STANDARDS}
    for row, record in numbered_rows(areas_frame):
        standard, name = record["standard"], record["area"]
        if name in sides[standard]:
            problems.append(Problem(AREAS_FILE, row, "area", f"{name!r} is listed twice for {standard}"))
            continue
        sides[standard][name] = record["sides"]
        for area_id in _area_ids(name, record["sides"]):
            areas[standard][area_id] = record["label"] + ("" if record["sides"] == "one" else f" ({area_id[-1]})")
    for standard, (title, expected) in STANDARDS.items():
        if len(areas[standard]) != expected:
            problems.append(
                Problem(
                    AREAS_FILE, None, "area", f"{title} has {expected} areas; the table defines {len(areas[standard])}"
                )
            )
    return areas, sides


def _read_codes(areas_frame, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Each standard's own numbers of its areas (standard -> area id -> code); problems appended."""
    codes: dict[str, dict[str, str]] = {s: {} for s in STANDARDS}
    for row, record in numbered_rows(areas_frame):
        standard = record["standard"]
        found = _codes(record["codes"], record["area"], record["sides"])
        if isinstance(found, str):
            problems.append(Problem(AREAS_FILE, row, "codes", found))
            continue
        for area_id, code in found.items():
            if code in codes[standard].values():
                problems.append(Problem(AREAS_FILE, row, "codes", f"{standard} code {code} is given twice"))
            codes[standard][area_id] = code
    return codes


def _read_mapping(
    mapping_frame, body: Body, sides: dict[str, dict[str, str]], problems: list[Problem]
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Each standard's areas of each body region (standard -> region id -> area ids); problems appended."""
    of_region: dict[str, dict[str, tuple[str, ...]]] = {s: {} for s in STANDARDS}
    listed: set[str] = set()
    for row, record in numbered_rows(mapping_frame):
        name = record["region"]
        if name not in body.names:
            problems.append(Problem(MAPPING_FILE, row, "region", f"unknown region {name!r} (not in the body drawing)"))
            continue
        listed.add(name)
        region_ids = [r.id for r in body.regions.values() if r.name == name]
        for standard in STANDARDS:
            for region_id in region_ids:
                of_region[standard][region_id] = ()
            for entry in split_list(record[standard]):
                area, _, how = entry.partition(":")
                if area not in sides[standard]:
                    problems.append(Problem(MAPPING_FILE, row, standard, f"unknown {standard} area {area!r}"))
                    continue
                if how not in ("", "both"):
                    problems.append(Problem(MAPPING_FILE, row, standard, f"{entry!r}: only ':both' may follow a name"))
                    continue
                paired_area = sides[standard][area] == "two"
                for region_id in region_ids:
                    side = body.regions[region_id].side
                    if not paired_area:
                        hit: tuple[str, ...] = (area,)
                    elif how == "both":
                        hit = _area_ids(area, "two")
                    elif side in ("left", "right"):
                        hit = (f"{area}-{side[0]}",)
                    else:
                        problems.append(
                            Problem(MAPPING_FILE, row, standard, f"{area!r} has two sides: write {area}:both")
                        )
                        break
                    of_region[standard][region_id] += hit
    for name in sorted(set(body.names) - listed):
        problems.append(Problem(MAPPING_FILE, None, "region", f"region {name!r} is missing: every region needs a row"))
    return of_region


def read_standards(data_dir: Path, body: Body) -> tuple[Standards | None, list[Problem]]:
    """The two tables checked against their schemas, each other and the body; every problem found."""
    areas_frame, problems = read_table(data_dir, AREAS_FILE, AREAS_SCHEMA)
    mapping_frame, found = read_table(data_dir, MAPPING_FILE, MAPPING_SCHEMA)
    problems += found
    if areas_frame is None or mapping_frame is None:
        return None, problems
    areas, sides = _read_areas(areas_frame, problems)
    codes = _read_codes(areas_frame, problems)
    of_region = _read_mapping(mapping_frame, body, sides, problems)
    for standard, (title, _) in STANDARDS.items():
        reached = {a for hits in of_region[standard].values() for a in hits}
        for area_id in sorted(set(areas[standard]) - reached):
            problems.append(Problem(MAPPING_FILE, None, standard, f"no region lies in {title} area {area_id!r}"))
    if problems:
        return None, problems
    mapped = {s: {r: tuple(dict.fromkeys(h)) for r, h in m.items()} for s, m in of_region.items()}
    return Standards(areas, mapped, codes), []


def load_standards(body: Body, data_dir: Path = DATA_DIR) -> Standards:
    """The standards' tables, or DatasetError listing every problem."""
    standards, problems = read_standards(data_dir, body)
    if standards is None:
        raise DatasetError(problems)
    return standards


def painful(areas: Mapping[str, int | float | None]) -> list[str]:
    """The marked regions that hurt: severity above 0 (a severity not given counts as pain)."""
    return [r for r, s in areas.items() if s is None or s > 0]


def standard_counts(areas: Mapping[str, int | float | None], standards: Standards) -> dict[str, int]:
    """For each standard, how many of its areas hold at least one painful region of the drawing."""
    hurt = painful(areas)
    return {
        standard: len({a for r in hurt for a in standards.of_region[standard].get(r, ())}) for standard in STANDARDS
    }


def body_share(areas: Mapping[str, int | float | None], region_areas: Mapping[str, float]) -> float:
    """The painful regions' share of the whole drawn body surface (front and back), 0 to 1."""
    total = sum(region_areas.values())
    return sum(region_areas.get(r, 0.0) for r in set(painful(areas))) / total if total else 0.0


def region_areas(body: Body) -> dict[str, float]:
    """Each region's surface in the drawing (square drawing units)."""
    return {r.id: float(r.polygon.area) for r in body.regions.values()}


__all__ = ["STANDARDS", "Standards", "body_share", "load_standards", "read_standards", "standard_counts"]
