"""The launcher (ui/serve.py): the one guard that keeps a first deep link on a fresh server inside
app.py's navigation, and the map built before the first visit."""

import subprocess
import sys

from paths import ROOT
from streamlit.runtime.pages_manager import PagesManager

from ui import body_map, serve


def test_streamlit_still_decides_its_old_multipage_mode_by_the_flag_the_launcher_clears():
    # A Streamlit release that drops or renames the flag fails here, loudly: check how it runs a
    # first deep link on a fresh server (tests/browser/test_map.py) before upgrading.
    assert serve.navigation_guard_applies()
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = True  # as a fresh server with a pages/ folder sets it
        serve.route_through_navigation()
        assert PagesManager.uses_pages_directory is False
    finally:
        PagesManager.uses_pages_directory = saved


def test_warming_builds_the_hit_layers_the_first_page_run_uses():
    body_map._hit_chart.cache_clear()
    serve.warm()
    built = body_map._hit_chart.cache_info()
    assert built.currsize == 8  # 2 views x 2 heights x with and without the lasso
    assert built.misses == 8 and built.hits == 0


def test_warming_imports_what_every_page_imports():
    names = serve.page_modules()
    # read from the pages' own source: Where it hurts saves visits, the handout prints a PDF
    assert {"ui.visits", "trigger_map.visit_store", "trigger_map.export", "ui.body_map"} <= set(names)
    assert all(name.split(".")[0] in ("ui", "trigger_map") for name in names)
    code = "import sys; from ui import serve; serve.warm(); print('sqlalchemy' in sys.modules, 'fpdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "True"]


def test_streamlit_run_serves_the_launchers_app_with_our_crash_message():
    # `streamlit run asgi.py` finds the app by reading the file; a file it does not
    # recognise would be run as a page of its own, and a page that fails would show Streamlit's box.
    # (Not imported here: building an st.App pins Streamlit's process-wide script path.) The browser
    # tests load every page through it; tests/browser/test_crash.py serves a copy of it.
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(serve.SERVER_APP)
    assert found.is_asgi_app and found.import_string == "asgi:app"
