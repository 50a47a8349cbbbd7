"""Start Trigger Map: `python -m ui.serve [streamlit run options]` (scripts/run.sh, the tests, the
benchmarks and the deployment all start the app this way). It serves asgi.py: app.py with
our own message when a page fails (ui/crash.py).

Two jobs before Streamlit's server starts, in its own process:

1. **Every page runs through app.py's navigation.** Streamlit treats an app with a `pages/` folder
   as an old-style multipage app until `st.navigation` has run once in the process, so the first
   visit to a fresh server straight at `/muscles?...` would run pages/muscles.py on its own, without
   app.py. Streamlit offers no setting for this (1.67: `PagesManager.uses_pages_directory` is set
   from the folder's existence when the first session starts, and only `st.navigation` clears it);
   we clear it here, once, before any session. `navigation_guard_applies()` is tested, so a
   Streamlit release that renames or drops the flag fails the tests loudly.
2. **Load once, at start.** The engine (dataset and body, validated), the map's pictures and its hit
   layers are built before the server answers, so the first visitor does not wait for them.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
SERVER_APP = ROOT / "asgi.py"  # app.py, served with our own message when a page fails


def navigation_guard_applies() -> bool:
    """Streamlit still decides old-style multipage mode by this flag (None until the first session)."""
    return hasattr(PagesManager, "uses_pages_directory")


def route_through_navigation() -> None:
    if not navigation_guard_applies():
        raise RuntimeError(
            "streamlit.runtime.pages_manager.PagesManager.uses_pages_directory is gone: check how this "
            "Streamlit release runs a deep link on a fresh server before upgrading (ui/serve.py)"
        )
    PagesManager.uses_pages_directory = False


OWN_PACKAGES = ("ui", "trigger_map")


def page_modules() -> list[str]:
    """Our modules that app.py and the pages import (read from their source, not run): a first
    visit to any page should not wait for an import (the visits page's database library took
    about 2 s on this machine's first visit to Where it hurts)."""
    names: set[str] = set()
    for script in [APP, *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)

    def is_module(name: str) -> bool:
        path = ROOT.joinpath(*name.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()

    return sorted(n for n in names if n.split(".")[0] in OWN_PACKAGES and is_module(n))


def warm() -> None:
    """Import what the pages import, and build what every first page needs (the same cached
    objects the pages then use)."""
    # Outside a script run Streamlit warns that there is no run context; the caches work the same.
    logging.disable(logging.WARNING)
    try:
        for name in page_modules():
            importlib.import_module(name)
        from trigger_map.body import body_svg
        from trigger_map.problems import DatasetError, data_dir
        from ui import body_map, resources

        try:
            engine = resources._engine(str(data_dir()), str(body_svg()))
        except DatasetError:
            return  # the page shows the problems, from the same loader
        body_map.warm(engine)
    finally:
        logging.disable(logging.NOTSET)


def main(argv: list[str] | None = None) -> None:
    route_through_navigation()
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(SERVER_APP), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
