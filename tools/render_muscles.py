"""Render the body with assets/muscles.svg over it to PNGs with headless Chromium, to look at.

The muscles are styled as the map shows them (trigger_map.drawing.MUSCLE_STYLE): superficial ones
filled with their fibres, deep ones outlined. Writes /tmp/muscles_full.png (1200 x 900),
/tmp/muscles_phone.png (390 px wide) and 4x crops: /tmp/muscles_<crop>.png for the crops in CROPS.
    .venv/bin/python tools/render_muscles.py [--skeleton] [--only front|back|deep|superficial]
      [--muscle ID] [--out-prefix /tmp/muscles]
--skeleton draws the skeleton frame and landmarks over it; --muscle draws that muscle alone.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from trigger_map import local_app
from trigger_map.drawing import MUSCLE_STYLE
from trigger_map.frame import SIZE_TEXT, VIEWBOX, VIEWBOX_TEXT

ROOT = Path(__file__).resolve().parent.parent

# (name, x, y, w, h) in drawing units
CROPS = [
    ("front_head", 220, 30, 160, 130),
    ("back_head", 820, 30, 160, 130),
    ("front_shoulder", 150, 100, 160, 160),
    ("back_shoulder", 890, 100, 160, 170),
    ("front_trunk", 200, 110, 200, 340),
    ("back_trunk", 800, 110, 200, 340),
    ("front_arm_r", 100, 120, 150, 300),
    ("back_arm_r", 950, 120, 150, 300),
    ("front_hand_r", 75, 420, 100, 110),
    ("back_hand_r", 1025, 420, 100, 110),
    ("front_leg_r", 200, 400, 110, 420),
    ("back_leg_r", 890, 400, 110, 420),
    ("front_feet", 235, 790, 130, 50),
    ("back_sole_r", 955, 700, 110, 150),
    ("back_pelvis", 830, 340, 140, 110),
]


def compose(skeleton: bool, only: str | None, muscle: str | None) -> str:
    body = (ROOT / "assets" / "body.svg").read_text(encoding="utf-8")
    if skeleton:
        import draw_muscles

        body = draw_muscles.skeleton_svg()
    muscles = (ROOT / "assets" / "muscles.svg").read_text(encoding="utf-8")
    inner = muscles.split("\n", 2)[2].rsplit("</svg>", 1)[0]
    lines = []
    for line in inner.splitlines():
        if only in ("front", "back") and 'id="muscles-' in line and only not in line:
            lines.append('<g style="display:none">')
            continue
        if only in ("deep", "superficial") and "muscle " in line and f"muscle {only}" not in line:
            continue
        if muscle and ("data-muscle=" in line or "data-for=" in line) and f"muscle-{muscle}-" not in line:
            continue
        lines.append(line)
    style = f"<style>{MUSCLE_STYLE}</style>"
    return re.sub(r"</svg>\s*$", style + "\n".join(lines) + "</svg>", body)


def main(argv: list[str]) -> None:
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    muscle = argv[argv.index("--muscle") + 1] if "--muscle" in argv else None
    prefix = argv[argv.index("--out-prefix") + 1] if "--out-prefix" in argv else "/tmp/muscles"
    svg = compose("--skeleton" in argv, only, muscle)
    out = []
    with sync_playwright() as p:
        browser = local_app.launch_chromium(p)
        full = VIEWBOX[2], VIEWBOX[3]
        page = browser.new_page(viewport={"width": full[0], "height": full[1]})
        jobs = [("full", VIEWBOX, full), ("phone", VIEWBOX, (390, 293))]
        jobs += [(n, (x, y, w, h), (w * 4, h * 4)) for n, x, y, w, h in CROPS]
        for name, (x, y, w, h), (pw, ph) in jobs:
            text = svg.replace(f'viewBox="{VIEWBOX_TEXT}"', f'viewBox="{x} {y} {w} {h}"', 1)
            text = text.replace(SIZE_TEXT, f'width="{pw}" height="{ph}"', 1)
            page.set_viewport_size({"width": pw, "height": ph})
            page.set_content(f"<html><body style='margin:0;background:white'>{text}</body></html>")
            path = f"{prefix}_{name}.png"
            page.screenshot(path=path, clip={"x": 0, "y": 0, "width": pw, "height": ph})
            out.append(path)
        browser.close()
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
