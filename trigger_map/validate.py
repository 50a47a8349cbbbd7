"""The whole-dataset check: every table against its schema, every reference, and the drawing."""
from __future__ import annotations

from pathlib import Path

from trigger_map.citations import cited_ids
from trigger_map.body import BODY_SVG, BodyError, load_body
from trigger_map.data import DATA_DIR, Problem, check_references, read_tables
from trigger_map.referral import body_problems
from trigger_map.safety import flag_problems


CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def validate(data_dir: Path = DATA_DIR, svg_path: Path = BODY_SVG,
             content_dir: Path | None = None) -> list[Problem]:
    """All problems found, one per broken cell (empty when the data and the body agree).

    The learning pages in `content_dir` cite sources of the project's own dataset; they are checked
    when validating that dataset (content_dir defaults to content/ for data/, else none)."""
    if content_dir is None and Path(data_dir).resolve() == DATA_DIR.resolve():
        content_dir = CONTENT_DIR
    frames, problems = read_tables(data_dir)
    problems += check_references(frames)
    try:
        body = load_body(svg_path)
    except BodyError as error:
        return problems + [Problem(Path(svg_path).name, None, None, str(error))]
    if "trigger_points.csv" in frames:
        problems += body_problems(body, frames["trigger_points.csv"], frames.get("red_flags.csv"))
    if "red_flags.csv" in frames:
        problems += flag_problems(frames["red_flags.csv"], frames.get("symptoms.csv"))
    if "sources.csv" in frames:
        problems += citation_problems(frames, set(frames["sources.csv"]["id"]), content_dir)
    return problems


def citation_problems(frames, source_ids: set[str], content_dir: Path | None) -> list[Problem]:
    """Every [source-id] marker in a data text or a content page names a known source."""
    problems = []
    for file, frame in frames.items():
        for row, record in enumerate(frame.to_dict("records"), start=2):
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
