"""The whole-dataset check: every table against its schema, every reference, and the drawing."""
from __future__ import annotations

from pathlib import Path

from trigger_map.body import BODY_SVG, BodyError, load_body
from trigger_map.data import DATA_DIR, Problem, check_references, read_tables
from trigger_map.referral import body_problems


def validate(data_dir: Path = DATA_DIR, svg_path: Path = BODY_SVG) -> list[Problem]:
    """All problems found, one per broken cell (empty when the data and the body agree)."""
    frames, problems = read_tables(data_dir)
    problems += check_references(frames)
    try:
        body = load_body(svg_path)
    except BodyError as error:
        return problems + [Problem(Path(svg_path).name, None, None, str(error))]
    if "trigger_points.csv" in frames:
        problems += body_problems(body, frames["trigger_points.csv"], frames.get("red_flags.csv"))
    return problems
