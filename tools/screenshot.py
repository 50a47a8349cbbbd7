"""Screenshots of the running app in headless Chromium (the README's picture comes from here).

.venv/bin/python tools/screenshot.py                      # docs/screenshot.png (map with a pattern)
.venv/bin/python tools/screenshot.py --url-path "/where_it_hurts?areas=temple-r" --out /tmp/x.png --width 390
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from trigger_map import local_app

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--url-path", action="append", default=None, help="page and query, e.g. /?region=temple-l (repeatable)"
    )
    parser.add_argument("--out", action="append", default=None, help="PNG path per --url-path")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--full-page", action="store_true")
    args = parser.parse_args()
    paths = args.url_path or ["/?region=temple-l&tp=upper-trapezius-1@left"]
    outs = args.out or [str(ROOT / "docs" / "screenshot.png")]
    app = local_app.start_app()
    url = app.url
    try:
        with sync_playwright() as p:
            browser = local_app.launch_chromium(p)
            page = browser.new_page(
                viewport={"width": args.width, "height": args.height}, device_scale_factor=1 if args.width > 600 else 2
            )
            for path, out in zip(paths, outs, strict=False):
                page.goto(url + path)
                page.wait_for_selector(local_app.IDLE, timeout=60_000)
                page.wait_for_timeout(1500)  # a page may run once more after loading, and Plotly draws late
                page.wait_for_function(
                    "[...document.querySelectorAll('[data-stale=true]')].length === 0", timeout=30_000
                )
                local_app.wait_drawn(page, timeout=60_000)
                Path(out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=out, full_page=args.full_page)
                print(out)
            browser.close()
    finally:
        app.stop()


if __name__ == "__main__":
    main()
