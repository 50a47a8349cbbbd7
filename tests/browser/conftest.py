"""Browser tests: start the real app (its launcher, ui/serve.py), drive it in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from driver import DESKTOP, PHONE
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

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


# The shared app's log. A failed test's report shows what the server logged while it ran: a page's
# crash box says only that something went wrong (client.showErrorDetails is "none", as in
# production); the server logs the traceback.
SERVER_LOG = pytest.StashKey[Path]()
LOG_START = pytest.StashKey[int]()


@pytest.fixture(scope="session")
def app_url(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("app")
    log = request.config.stash[SERVER_LOG] = folder / "server.log"
    # visits saved by a test go to a file of the test's own, never to the user's data folder
    app = local_app.start_app(env={"TRIGGER_MAP_DB": f"sqlite:///{folder / 'visits.sqlite3'}"}, log=log)
    yield app.url
    app.stop()


def pytest_runtest_setup(item) -> None:
    log = item.config.stash.get(SERVER_LOG, None)
    item.stash[LOG_START] = log.stat().st_size if log and log.exists() else 0


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    log = item.config.stash.get(SERVER_LOG, None)
    if report.failed and log and log.exists():
        with log.open("rb") as output:
            output.seek(item.stash.get(LOG_START, 0))
            logged = output.read().decode("utf-8", errors="replace")
        report.sections.append(("app server log during the test", logged[-6000:] or "(nothing)"))
    tabs = item.funcargs.get("open_page") if report.failed else None
    if isinstance(tabs, Tabs):
        # an error in the page's own code (a chunk that failed to load, a script error) shows here
        report.sections.append(("browser console during the test", "\n".join(tabs.console)[-6000:] or "(nothing)"))
    return report


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium_path()
        browser = local_app.launch_chromium(p, shell=True)
        yield browser
        browser.close()


# What leaves something on a tab that outlives the test (a handler, a route, a script run at every
# load, another viewport or media): a tab a test called one of these on is closed after it.
HOOKS = (
    "on",
    "once",
    "add_init_script",
    "route",
    "route_web_socket",
    "route_from_har",
    "expose_function",
    "expose_binding",
    "set_viewport_size",
    "set_extra_http_headers",
    "emulate_media",
)


class Tabs:
    """`tabs(**options)`: a tab in a browser context with those options, made once and shared by
    the tests that ask for the same ones, so the app's scripts are downloaded once per context.

    Each context keeps one tab for the next test: the test's first call gets it, emptied (its
    storage cleared, then about:blank), and its first page load is a new Streamlit session as in a
    new tab. Loading the map page again in a kept tab took 1.7 processor-seconds against 3.0 in a
    new tab (5 loads each, Chromium's headless shell here): a new tab is a new renderer process.
    A tab a test changed (HOOKS, or a DevTools session on it) is closed after that test instead,
    and so is every other tab the test opened, by hand or from the app."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.contexts: dict[str, BrowserContext] = {}
        self.kept: dict[str, Page] = {}
        self.lent: set[str] = set()  # contexts whose kept tab the running test has
        self.changed: set[Page] = set()
        self.console: list[str] = []  # the errors and warnings the test's pages logged

    def __call__(self, **options) -> Page:
        key = repr(sorted(options.items()))
        if key not in self.contexts:
            self.contexts[key] = self._context(options)
        kept = self.kept.get(key)
        if kept is not None and key not in self.lent:
            self.lent.add(key)
            return kept
        tab = self._watched(self.contexts[key].new_page())
        if kept is None:
            self.kept[key] = tab
            self.lent.add(key)
        return tab

    def _context(self, options: dict) -> BrowserContext:
        context = self.browser.new_context(**options)
        context.on("console", self._logged)
        context.on("weberror", lambda error: self.console.append(f"uncaught error: {error.error}"))
        open_session = context.new_cdp_session

        def new_cdp_session(page, *args, **kwargs):
            self.changed.add(page)
            return open_session(page, *args, **kwargs)

        context.new_cdp_session = new_cdp_session  # type: ignore[method-assign]
        return context

    def _logged(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text} ({message.location.get('url', '')})")

    def _watched(self, tab: Page) -> Page:
        for name in HOOKS:
            method = getattr(tab, name)

            def hooked(*args, _method=method, **kwargs):
                self.changed.add(tab)
                return _method(*args, **kwargs)

            setattr(tab, name, hooked)
        return tab

    def tidy(self) -> None:
        """Empty the kept tabs the test left unchanged; close every other tab; clear the cookies
        and permissions."""
        for key, context in self.contexts.items():
            kept = self.kept.get(key)
            if kept is not None and kept.is_closed():  # the test closed it itself
                del self.kept[key]
                kept = None
            for tab in context.pages:
                if tab is kept and tab not in self.changed and self._emptied(tab):
                    continue
                if tab is kept:
                    del self.kept[key]
                tab.close()
            context.clear_cookies()
            context.clear_permissions()
        self.lent.clear()
        self.changed.clear()
        self.console.clear()

    @staticmethod
    def _emptied(tab: Page) -> bool:
        """The tab's storage cleared and about:blank loaded; False when that failed (it is closed)."""
        try:
            if tab.url.startswith("http"):
                tab.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
            tab.mouse.move(0, 0)
            tab.goto("about:blank")
        except Exception:
            return False
        return tab.url == "about:blank"

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
    """A tab in a shared context (see Tabs); the test's tabs are emptied or closed after it."""
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
