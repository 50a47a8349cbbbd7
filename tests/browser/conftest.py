"""Browser tests: start the real app (its launcher, ui/serve.py), drive it in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from driver import DESKTOP, PHONE
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from trigger_map import local_app

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items) -> None:
    """Every test in this folder is a browser test: `pytest -m "not browser"` runs the fast rest."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    try:
        return local_app.chromium_path(shell=True)
    except local_app.LocalAppError as error:
        pytest.fail(f"{error}; browser tests must not be skipped.")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    # visits saved by a test go to a file of the test's own, never to the user's data folder
    visits = tmp_path_factory.mktemp("app") / "visits.sqlite3"
    app = local_app.start_app(env={"TRIGGER_MAP_DB": f"sqlite:///{visits}"})
    yield app.url
    app.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium_path()
        browser = local_app.launch_chromium(p, shell=True)
        yield browser
        browser.close()


class Tabs:
    """`tabs(**options)`: a new tab (a new Streamlit session) in a browser context with those
    options, made once and shared by the tests that ask for the same ones. Sharing keeps the
    context's cache: the app's scripts are downloaded and compiled once, not for every test."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.contexts: dict[str, BrowserContext] = {}

    def __call__(self, **options) -> Page:
        key = repr(sorted(options.items()))
        if key not in self.contexts:
            self.contexts[key] = self.browser.new_context(**options)
        return self.contexts[key].new_page()

    def tidy(self) -> None:
        """Close every tab (those a test opened from a tab too), clear the cookies and permissions."""
        for context in self.contexts.values():
            for tab in context.pages:
                tab.close()
            context.clear_cookies()
            context.clear_permissions()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser):
    opened = Tabs(browser)
    yield opened
    opened.close()


@pytest.fixture
def open_page(tabs):
    """A new tab in a shared context (see Tabs); the test's tabs are closed after it."""
    yield tabs
    tabs.tidy()


@pytest.fixture
def page(open_page) -> Page:
    return open_page(**DESKTOP)


@pytest.fixture
def phone(open_page) -> Page:
    return open_page(**PHONE)


@pytest.fixture(scope="session")
def body():
    from trigger_map.body import load_body

    return load_body()
