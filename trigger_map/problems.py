"""What is wrong with the data files, each problem located as precisely as we can (file, row as a
spreadsheet numbers it, column), and where the data folder is. Kept free of pandas and the drawing
libraries: the command line reports bad arguments and files without loading them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Characters no text may hold: control characters (a NUL byte, an escape, ...) other than tab and
# line breaks. In a cell they are invisible in a spreadsheet and mean the file is damaged.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def data_dir() -> Path:
    """The data folder: TRIGGER_MAP_DATA when set (tests point it at broken datasets), else data/."""
    return Path(os.environ.get("TRIGGER_MAP_DATA") or DATA_DIR)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset, located as precisely as we can."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f":{self.column}"
        # a control character in a name (a folder given on the command line, a header cell) is
        # shown as its code: printed raw, an escape sequence would drive the terminal
        return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", f"{where}: {self.message}")


class DatasetError(Exception):
    """The dataset could not be loaded; `problems` says why, one entry per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the dataset:\n{lines}{more}")


def numbered_rows(frame: pd.DataFrame) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row of a table as (its number as a spreadsheet numbers it, the header being row 1;
    column -> cell), for the checks that name a row. The same records as pandas'
    `frame.to_dict("records")`, read column by column: that call takes about 7 times as long on
    pandas 3's text columns, and the checks of `validate` spent most of their time in it."""
    columns = list(frame.columns)
    cells = zip(*(frame[column].tolist() for column in columns), strict=True)
    for row, values in enumerate(cells, start=2):
        yield row, dict(zip(columns, values, strict=True))
