"""Where each page's script is, as an absolute path: app.py's navigation, page links and page
switches all name pages through `page()`, so they resolve the same whichever script Streamlit runs
as the main one (app.py, or the tests' entry, tests/app_entry.py)."""

from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


def page(name: str) -> str:
    """The script of page `name` (a file in pages/, without .py)."""
    return str(PAGES_DIR / f"{name}.py")
