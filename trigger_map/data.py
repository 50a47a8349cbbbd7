"""Load and validate the dataset in data/: one schema per table, the single source of truth.

Every problem is reported as file, row (as a spreadsheet numbers it: the header is row 1), column
and what is wrong, so a therapist editing a CSV can find it. Loading never half-succeeds: either the
whole dataset is valid, or `DatasetError` lists every problem found.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from trigger_map.citations import reference_order, short_citations
from trigger_map.problems import CONTROL, DATA_DIR, DatasetError, Problem, numbered_rows
from trigger_map.search import SYNONYM_KINDS, SYNONYM_TYPES, synonym_problems

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REGION_NAME = r"^[a-z0-9]+(_[a-z0-9]+)*$"
BODY_AREAS = (
    "head",
    "neck",
    "shoulder",
    "upper back",
    "chest",
    "upper arm",
    "forearm and hand",
    "abdomen",
    "low back and pelvis",
    "hip and thigh",
    "lower leg",
    "foot",
)
EVIDENCE_LEVELS = ("supported", "mixed", "limited", "insufficient")
RED_FLAG_ACTIONS = ("emergency", "urgent", "soon")
BENEFIT_IDS = (
    "pain-relief",
    "range-of-motion",
    "posture",
    "athletic-performance",
    "circulation",
    "stress-anxiety",
    "recovery",
)


def split_list(cell: str) -> tuple[str, ...]:
    """A `;`-separated cell as a tuple of trimmed, non-empty entries."""
    return tuple(part.strip() for part in str(cell).split(";") if part.strip())


_filled = pa.Check(lambda s: s.str.strip() != "", error="is empty")
# A muscle's anatomy is a phrase, not a sentence: the pages add the full stop where it reads as one,
# and a stop of its own gave "The answer is: ...coracobrachialis.. " in the quiz (28 muscles had one)
_no_final_stop = pa.Check(lambda s: ~s.str.rstrip().str.endswith("."), error="ends with a full stop (leave it out)")


def capitalized(text: str) -> str:
    """The text with its first letter a capital, the rest as written ("SCM" and "iPad" stay)."""
    return text[:1].upper() + text[1:]


def muscle_label(name: str, anatomical_name: str) -> str:
    """A muscle's name with its anatomical name after it, unless they are the same word for word
    ("Upper trapezius (Trapezius, descending part)", but "Piriformis", not "Piriformis (Piriformis)")."""
    same = " ".join(str(name).lower().split()) == " ".join(str(anatomical_name).lower().split())
    return str(name) if same else f"{name} ({anatomical_name})"


def _text(required: bool = True, *checks: pa.Check) -> pa.Column:
    return pa.Column(str, [_filled, *checks] if required else list(checks), nullable=False)


def _slug(unique: bool = False) -> pa.Column:
    return pa.Column(
        str, [_filled, pa.Check.str_matches(SLUG, error="is not a slug (a-z, 0-9, -)")], unique=unique, nullable=False
    )


def _one_of(values: tuple[str, ...]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values, error=f"must be one of: {', '.join(values)}"))


def _coordinate(upper: float) -> pa.Column:
    return pa.Column(
        float, pa.Check.in_range(0, upper, error=f"must be a number from 0 to {upper:g}"), coerce=True, nullable=False
    )


# One schema per file: the columns, in order, and what each must hold. List columns hold
# `;`-separated ids whose references are checked across files by `check_references`.
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "kind": _one_of(("book", "article", "guideline", "web")),
            "citation": _text(),
            "doi": _text(False),
            "pmid": _text(False),
            "url": _text(False),
            "note": _text(False),
        },
        strict=True,
        ordered=False,
    ),
    "symptoms.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "label": _text(),
            "kind": _one_of(("pain", "other")),
            "description": _text(),
        },
        strict=True,
    ),
    "benefits.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "name": _text(),
            "description": _text(),
            "where": _text(),
            "conditions": _text(),
            "evidence": _text(),
            "evidence_level": _one_of(EVIDENCE_LEVELS),
            "sources": _text(),
        },
        strict=True,
    ),
    "conditions.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "name": _text(),
            "also_called": _text(False),
            "description": _text(),
            "muscles": _text(),
            "red_flags": _text(False),
            "evidence": _text(),
            "evidence_level": _one_of(EVIDENCE_LEVELS),
            "sources": _text(),
        },
        strict=True,
    ),
    "red_flags.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "title": _text(),
            "regions": _text(False),
            "symptoms": _text(False),
            "message": _text(),
            "action": _one_of(RED_FLAG_ACTIONS),
            "sources": _text(),
        },
        strict=True,
    ),
    "muscles.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "name": _text(),
            "anatomical_name": _text(),
            "body_area": _one_of(BODY_AREAS),
            "origin": _text(True, _no_final_stop),
            "insertion": _text(True, _no_final_stop),
            "action": _text(True, _no_final_stop),
            "innervation": _text(True, _no_final_stop),
            "description": _text(),
            "sources": _text(),
        },
        strict=True,
    ),
    "trigger_points.csv": pa.DataFrameSchema(
        {
            "id": _slug(unique=True),
            "muscle_id": _slug(),
            "name": _text(),
            "body_area": _one_of(BODY_AREAS),
            "location_region": pa.Column(str, pa.Check.str_matches(REGION_NAME, error="is not a region name")),
            "view": _one_of(("front", "back")),
            "x": _coordinate(1200),
            "y": _coordinate(900),
            "location": _text(),
            "essential_zones": _text(),
            "spillover_zones": _text(False),
            "referral": _text(),
            "symptoms": _text(),
            "activators": _text(),
            "self_care": _text(),
            "precautions": _text(),
            "conditions": _text(),
            "benefits": _text(),
            "sources": _text(),
            "source_detail": _text(False),
        },
        strict=True,
    ),
    # the words people use (abbreviations, gym and everyday names, groups) for searching
    "synonyms.csv": pa.DataFrameSchema(
        {
            "term": _text(),
            "kind": _one_of(SYNONYM_KINDS),
            "ids": _text(),
            "type": _one_of(SYNONYM_TYPES),
            "sources": _text(False),
        },
        strict=True,
    ),
}
# Tables the app works without: a missing one is read as empty.
OPTIONAL_FILES = ("synonyms.csv",)

# Which list columns refer to which table (checked after every file passed its own schema).
LIST_COLUMNS = {
    "trigger_points.csv": {
        "symptoms": "symptoms.csv",
        "conditions": "conditions.csv",
        "benefits": "benefits.csv",
        "sources": "sources.csv",
    },
    "muscles.csv": {"sources": "sources.csv"},
    "conditions.csv": {"muscles": "muscles.csv", "red_flags": "red_flags.csv", "sources": "sources.csv"},
    "benefits.csv": {"conditions": "conditions.csv", "sources": "sources.csv"},
    # red_flags.csv `symptoms` holds match rules (`fever+confusion`), checked by safety.flag_problems
    "red_flags.csv": {"sources": "sources.csv"},
    "synonyms.csv": {"sources": "sources.csv"},
}


# Every `;`-separated column: the references above, and lists of names.
LIST_CELLS = {
    file: set(LIST_COLUMNS.get(file, {})) | extra
    for file, extra in {
        "trigger_points.csv": {"essential_zones", "spillover_zones"},
        "muscles.csv": set(),
        "conditions.csv": {"also_called"},
        "benefits.csv": {"where"},
        "red_flags.csv": {"regions", "symptoms"},
        "synonyms.csv": {"ids"},
    }.items()
}


@dataclass(frozen=True)
class Dataset:
    """The validated tables, indexed by id. List cells are tuples."""

    trigger_points: pd.DataFrame
    muscles: pd.DataFrame
    conditions: pd.DataFrame
    benefits: pd.DataFrame
    symptoms: pd.DataFrame
    red_flags: pd.DataFrame
    sources: pd.DataFrame
    synonyms: pd.DataFrame

    def symptoms_sentence(self, symptom_ids) -> str:
        """Symptoms as a sentence of their own, after a heading: "Back pain; pain at night;
        limping." The labels are written to be read inside a sentence ("if you also have: back
        pain"), so the first is given its capital here."""
        said = "; ".join(self.symptoms.at[s, "label"] for s in symptom_ids)
        return f"{capitalized(said)}." if said else ""


def _describe(check: str, value) -> str:
    """A plain sentence for one pandera failure (custom checks already carry their sentence)."""
    if check == "field_uniqueness":
        return f"duplicate value {value!r}"
    if check.startswith(("coerce_dtype", "dtype")):
        return f"{value!r} is not a number"
    if check == "column_in_dataframe":
        return "column is missing"
    if check == "column_in_schema":
        return "unexpected column"
    if check == "not_nullable":
        return "is empty or not a number" if str(value) == "nan" else "is empty"
    return check


def _schema_checked(
    file: str, frame: pd.DataFrame, schema: pa.DataFrameSchema
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The frame as the schema makes it (types converted), or None and its problems."""
    try:
        return schema.validate(frame, lazy=True), []
    except SchemaErrors as errors:
        cases = errors.failure_cases
    problems: list[Problem] = []
    located: set[tuple[int | None, str]] = set()
    for case in cases.itertuples(index=False):
        check = str(case.check)
        if case.schema_context == "DataFrameSchema":
            row, column = None, str(case.failure_case)
        elif case.index is None or pd.isna(case.index):
            continue  # a follow-on failure of a column whose values could not be converted
        else:
            row, column = int(case.index) + 2, str(case.column)
        if (row, column) in located:
            continue  # one problem per cell: the first is the one to fix
        located.add((row, column))
        problems.append(Problem(file, row, column, _describe(check, case.failure_case)))
    return None, sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


# "utf-8-sig": a spreadsheet's "CSV UTF-8" export starts with a byte order mark; it is not part of
# the first column's name.
ENCODING = "utf-8-sig"


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, index_col=False)


def _ragged_rows(file: str, text: str) -> list[Problem]:
    """Rows with more or fewer cells than the header (usually an unquoted comma); an empty file."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or not any(cell.strip() for cell in rows[0]):
        return [Problem(file, None, None, "file is empty: it needs a header row and data rows (see docs/data.md)")]
    width = len(rows[0])
    return [
        Problem(
            file,
            number,
            None,
            f"has {len(cells)} cells but the header has {width} (a comma inside a text needs quotes)",
        )
        for number, cells in enumerate(rows[1:], start=2)
        if cells and len(cells) != width
    ]


def _control_characters(file: str, frame: pd.DataFrame) -> list[Problem]:
    problems = []
    for column in frame.columns:
        for row, value in enumerate(frame[column], start=2):
            found = CONTROL.search(str(value))
            if found:
                problems.append(
                    Problem(
                        file, row, str(column), f"contains a control character (U+{ord(found.group()):04X}); delete it"
                    )
                )
    return problems


def _empty_lists(file: str, frame: pd.DataFrame, schema: pa.DataFrameSchema) -> list[Problem]:
    """A required list cell that names nothing (only `;` and spaces)."""
    problems = []
    for column in sorted(LIST_CELLS.get(file, set())):
        if _filled not in schema.columns[column].checks:
            continue  # optional: may be empty
        for row, value in enumerate(frame[column], start=2):
            if str(value).strip() and not split_list(value):
                problems.append(Problem(file, row, column, f"{value!r} names nothing: list at least one entry"))
    return problems


def read_tables(data_dir: Path = DATA_DIR) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and schema-check every table; returns the frames that passed and all problems."""
    data_dir = Path(data_dir)
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    try:
        is_folder = data_dir.is_dir()
    except OSError as error:
        return frames, [Problem(str(data_dir), None, None, f"cannot be read: {error.strerror or error}")]
    if not is_folder:
        return frames, [Problem(str(data_dir), None, None, "is not a folder holding the data files")]
    for file, schema in SCHEMAS.items():
        if not (data_dir / file).exists() and file in OPTIONAL_FILES:
            frames[file] = pd.DataFrame({column: pd.Series(dtype=str) for column in schema.columns})
            continue
        frame, found = read_table(data_dir, file, schema)
        problems.extend(found)
        if frame is not None:
            frames[file] = frame
    return frames, problems


def read_table(data_dir: Path, file: str, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One table read and checked against its schema: the frame (None when it has problems) and
    the problems, each located by file, row and column."""
    path = Path(data_dir) / file
    try:
        if not path.exists():
            return None, [Problem(file, None, None, f"file is missing from {data_dir}")]
        content = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, None, None, f"cannot be read: {error.strerror or error}")]
    frame, problems = _checked_table(file, content, _SchemaKey(schema))
    return (None if frame is None else frame.copy()), list(problems)


class _SchemaKey:
    """A schema as part of a cache key (pandera's schemas cannot be hashed): the same object, the same key."""

    __slots__ = ("schema",)

    def __init__(self, schema: pa.DataFrameSchema):
        self.schema = schema

    def __hash__(self) -> int:
        return id(self.schema)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SchemaKey) and other.schema is self.schema


# Checked once per process for the same file name, contents and schema: a folder copied with one
# file changed (an editor's working copy, each broken copy the tests make) re-checks only that file.
# The cached frame is never handed out, only copies of it.
@lru_cache(maxsize=32)
def _checked_table(file: str, content: bytes, key: _SchemaKey) -> tuple[pd.DataFrame | None, tuple[Problem, ...]]:
    schema = key.schema
    try:
        text = content.decode(ENCODING)
        ragged = _ragged_rows(file, text)
        frame = None if ragged else _read(text)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, csv.Error) as error:
        return None, (Problem(file, None, None, f"cannot be read as CSV: {error}"),)
    if ragged or frame is None:
        return None, tuple(ragged)
    found = _control_characters(file, frame)
    if found:
        return None, tuple(found)
    checked, found = _schema_checked(file, frame, schema)
    if checked is None:
        return None, tuple(found)
    found = _empty_lists(file, frame, schema)
    if found:
        return None, tuple(found)
    return checked, ()


def check_references(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every id a list column names must exist in the table it refers to."""
    problems: list[Problem] = []
    ids = {file: set(frame["id"]) for file, frame in frames.items() if "id" in frame}
    for file, columns in LIST_COLUMNS.items():
        if file not in frames:
            continue
        for row, record in numbered_rows(frames[file]):
            for column, target in columns.items():
                if target not in ids:
                    continue
                for ref in split_list(record[column]):
                    if ref not in ids[target]:
                        problems.append(Problem(file, row, column, f"unknown id {ref!r} (not in {target})"))
    if "trigger_points.csv" in frames and "muscles.csv" in frames:
        muscles = ids["muscles.csv"]
        for row, record in numbered_rows(frames["trigger_points.csv"]):
            if record["muscle_id"] not in muscles:
                problems.append(
                    Problem(
                        "trigger_points.csv",
                        row,
                        "muscle_id",
                        f"unknown muscle {record['muscle_id']!r} (not in muscles.csv)",
                    )
                )
        used = set(frames["trigger_points.csv"]["muscle_id"])
        for row, record in numbered_rows(frames["muscles.csv"]):
            if record["id"] not in used:
                problems.append(Problem("muscles.csv", row, "id", "muscle has no trigger point"))
    if "synonyms.csv" in frames:  # area ids are region names: checked against the body in validate
        known = {
            kind: ids[file]
            for kind, file in (("muscle", "muscles.csv"), ("condition", "conditions.csv"), ("symptom", "symptoms.csv"))
            if file in ids
        }
        problems += [
            Problem("synonyms.csv", row, column, message)
            for row, column, message in synonym_problems(frames["synonyms.csv"], known)
        ]
    if "sources.csv" in frames:
        first_row: dict[str, int] = {}
        for row, record in numbered_rows(frames["sources.csv"]):
            doi = record["doi"].strip().lower()
            if doi and doi in first_row:
                problems.append(
                    Problem("sources.csv", row, "doi", f"same DOI as row {first_row[doi]}: cite that source instead")
                )
            first_row.setdefault(doi, row)
    if "benefits.csv" in frames:
        missing = set(BENEFIT_IDS) - ids["benefits.csv"]
        for benefit in sorted(missing):
            problems.append(Problem("benefits.csv", None, "id", f"the NMT benefit {benefit!r} is missing"))
        for row, record in numbered_rows(frames["benefits.csv"]):
            for area in split_list(record["where"]):
                if area not in BODY_AREAS:
                    problems.append(Problem("benefits.csv", row, "where", f"unknown body area {area!r}"))
    return problems


def _as_lists(frame: pd.DataFrame, file: str) -> pd.DataFrame:
    frame = frame.copy()
    for column in LIST_CELLS.get(file, set()):
        frame[column] = frame[column].map(split_list)
    if "id" in frame:  # synonyms.csv has no id: a term may be listed for several kinds
        frame.index = pd.Index(frame["id"], name="id")
    return frame


def load_dataset(data_dir: Path = DATA_DIR) -> Dataset:
    """The tables alone, schema- and reference-checked; raises `DatasetError` listing every problem.
    The app and the command line load through `trigger_map.validate.load_engine`, which also checks
    the data against the body drawing and the citations, exactly as `validate` does."""
    frames, problems = read_tables(data_dir)
    problems += check_references(frames)
    if problems:
        raise DatasetError(problems)
    return dataset_from(frames)


def dataset_from(frames: dict[str, pd.DataFrame]) -> Dataset:
    """The dataset from tables that passed every check."""
    tables = {file.removesuffix(".csv"): _as_lists(frame, file) for file, frame in frames.items()}
    # each source's short citation, and the sources in a reference list's order
    tables["sources"] = reference_order(tables["sources"].assign(short=short_citations(tables["sources"]["citation"])))
    return Dataset(**tables)
