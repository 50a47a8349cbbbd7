"""The whole-dataset check, and the one way the app, the command line and the tests load the data.

`validate` lists every problem: every table against its schema, every reference, the data against
the drawing, every citation. `load_engine` runs the same checks and refuses the data with the same
list of problems (`DatasetError`), so what `validate` rejects never reaches a page.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from trigger_map.body import BODY_SVG, Body, read_body
from trigger_map.citations import cited_ids, short_citations
from trigger_map.data import DATA_DIR, DatasetError, Problem, check_references, dataset_from, read_tables, split_list
from trigger_map.lookup import Engine
from trigger_map.problems import numbered_rows
from trigger_map.referral import body_problems
from trigger_map.safety import flag_problems
from trigger_map.search import synonym_area_problems

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False  # not readable: read_tables says so


def check(
    data_dir: Path = DATA_DIR, svg_path: Path = BODY_SVG, content_dir: Path | None = None
) -> tuple[dict[str, pd.DataFrame], Body | None, list[Problem]]:
    """The tables that passed their own checks, the body, and every problem found."""
    if content_dir is None and _same_folder(Path(data_dir), DATA_DIR):
        content_dir = CONTENT_DIR
    frames, problems = read_tables(Path(data_dir))
    problems += check_references(frames)
    body, body_errors = read_body(svg_path)
    if body is None:
        return frames, None, problems + body_errors
    if "trigger_points.csv" in frames:
        problems += body_problems(body, frames["trigger_points.csv"], frames.get("red_flags.csv"))
    if "synonyms.csv" in frames:
        problems += [
            Problem("synonyms.csv", *found) for found in synonym_area_problems(frames["synonyms.csv"], body.names)
        ]
    if "red_flags.csv" in frames:
        problems += flag_problems(frames["red_flags.csv"], frames.get("symptoms.csv"))
    if "sources.csv" in frames:
        problems += citation_problems(frames, set(frames["sources.csv"]["id"]), content_dir)
        problems += source_detail_problems(frames)
    problems += _standard_problems(Path(data_dir), body, frames)
    return frames, body, problems


def _standard_problems(data_dir: Path, body: Body, frames) -> list[Problem]:
    """The standard pain-area tables (trigger_map.standards): required in the project's data; a
    dataset of its own (tests, a clinic's copy) may leave both out."""
    from trigger_map.standards import AREAS_FILE, MAPPING_FILE, read_standards

    def present(file: str) -> bool:
        try:
            return (data_dir / file).exists()
        except OSError:
            return False  # an unreadable folder: read_tables has said so

    if not _same_folder(data_dir, DATA_DIR) and not any(present(f) for f in (AREAS_FILE, MAPPING_FILE)):
        return []
    standards, problems = read_standards(data_dir, body)
    if standards is not None and "sources.csv" in frames:
        known = set(frames["sources.csv"]["id"])
        table = pd.read_csv(data_dir / AREAS_FILE, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for row, cell in enumerate(table["sources"], start=2):
            for source in split_list(cell):
                if source not in known:
                    problems.append(Problem(AREAS_FILE, row, "sources", f"unknown id {source!r} (not in sources.csv)"))
    return problems


def validate(data_dir: Path = DATA_DIR, svg_path: Path = BODY_SVG, content_dir: Path | None = None) -> list[Problem]:
    """All problems found, one per broken cell (empty when the data and the body agree).

    The learning pages in `content_dir` cite sources of the project's own dataset; they are checked
    when validating that dataset (content_dir defaults to content/ for data/, else none)."""
    return check(data_dir, svg_path, content_dir)[2]


def load_engine(data_dir: Path = DATA_DIR, svg_path: Path = BODY_SVG) -> Engine:
    """The engine over data that passed every check of `validate`; else `DatasetError` with the
    same problems `validate` lists. Loaded once per process for the same files with the same
    contents (a changed file is read and checked again; problems are never kept)."""
    data_dir, svg_path = Path(data_dir), Path(svg_path)
    return _checked_engine(data_dir.resolve(), svg_path.resolve(), _fingerprint(data_dir, svg_path))


def _fingerprint(data_dir: Path, svg_path: Path) -> str:
    """A digest of every file the check reads (the data folder, the body, the content pages)."""
    digest = hashlib.blake2b(digest_size=16)
    files = sorted(data_dir.glob("*")) + [svg_path]
    if _same_folder(data_dir, DATA_DIR):
        files += sorted(CONTENT_DIR.glob("*.md"))
    for file in files:
        digest.update(str(file).encode())
        try:
            digest.update(file.read_bytes() if file.is_file() else b"")
        except OSError:
            digest.update(b"unreadable")  # the check itself says what is wrong
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _checked_engine(data_dir: Path, svg_path: Path, fingerprint: str) -> Engine:
    frames, body, problems = check(data_dir, svg_path)
    if problems or body is None:
        raise DatasetError(problems)
    return Engine(dataset_from(frames), body)


def citation_problems(frames, source_ids: set[str], content_dir: Path | None) -> list[Problem]:
    """Every [source-id] marker in a data text or a content page names a known source."""
    problems = []
    for file, frame in frames.items():
        for row, record in numbered_rows(frame):
            for column, value in record.items():
                for cited in cited_ids(str(value)):
                    if cited not in source_ids:
                        problems.append(Problem(file, row, column, f"cites unknown source [{cited}]"))
    for page in sorted(Path(content_dir).glob("*.md")) if content_dir else ():
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for cited in cited_ids(line):
                if cited not in source_ids:
                    problems.append(Problem(f"content/{page.name}", number, None, f"cites unknown source [{cited}]"))
    return problems


def source_detail_problems(frames) -> list[Problem]:
    """Each "where to look" entry of a trigger point starts as the texts cite one of the row's own
    sources ("Travell & Simons 1992 ch. 8"), so a reader finds it in the list of sources under that
    name. A remark, in lower case ("its pattern is not charted in ..."), is free."""
    if "trigger_points.csv" not in frames:
        return []
    sources = frames["sources.csv"].drop_duplicates("id").set_index("id")["citation"]
    short = short_citations(sources).to_dict()
    problems = []
    for row, record in numbered_rows(frames["trigger_points.csv"]):
        own = [short[source] for source in split_list(record["sources"]) if source in short]
        for part in split_list(record["source_detail"] or ""):
            if part[:1].isupper() and not any(
                part == label or part.startswith((f"{label} ", f"{label},")) for label in own
            ):
                problems.append(
                    Problem(
                        "trigger_points.csv",
                        row,
                        "source_detail",
                        f"{part[:40]!r} does not start as one of the row's sources is cited ({'; '.join(own)})",
                    )
                )
    return problems
