"""Where the test inputs are."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MINI_BODY = MINI / "body.svg"
MINI_DATA = MINI / "data"
