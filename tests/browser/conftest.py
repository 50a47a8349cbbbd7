"""Browser tests: start the real app (its launcher, ui/serve.py), drive it in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from trigger_map import local_app

ROOT = Path(__file__).resolve().parents[2]


# What a phone's browser says it is (Chrome on Android): the app starts the Body map with one view.
PHONE_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


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


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser) -> Page:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_USER_AGENT,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def body():
    from trigger_map.body import load_body

    return load_body()
