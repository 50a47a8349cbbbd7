"""Run the command line in this process (the same `main` as `python -m trigger_map`), capturing
what it prints and its exit status: a test pays for no interpreter start or imports. One test per
command-line file still starts a real process (tests/test_cli.py, tests/test_flags_cli.py)."""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass

from trigger_map.__main__ import main


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def run_cli(*args: str, env: dict[str, str] | None = None) -> Result:
    out, err = _stream(), _stream()
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as done:  # argparse's own errors and --help
                status = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Result(status or 0, _text(out), _text(err))
