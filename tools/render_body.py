"""Render assets/body.svg to PNGs with headless Chromium, so the drawing can be looked at.

Writes /tmp/body_full.png (1200x900), /tmp/body_phone.png (390 px wide), and 4x crops of the
hands and feet of both views (found from the region bounding boxes):
/tmp/body_{front,back}_hand_{r,l}.png, /tmp/body_{front,back}_feet.png, /tmp/body_back_sole_r.png,
and the close-ups as a phone shows them (tools/check_body.py CLOSE_UPS, the person's right side:
the bounding box of the group's regions plus a margin, fitted to 358 x 520 CSS px):
/tmp/body_closeup_*.png.
Pass --regions to tint every region a different colour (shows the cut), and --svg PATH to render
another file than assets/body.svg, e.g.
    .venv/bin/python tools/render_body.py --regions --svg /tmp/body.svg
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from trigger_map import local_app
from trigger_map.frame import SIZE_TEXT, VIEWBOX, VIEWBOX_TEXT

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "body.svg"
FULL_WIDTH, FULL_HEIGHT = VIEWBOX[2], VIEWBOX[3]  # the drawing's own size in pixels

# crops: (name, region ids whose bounding box is shown, margin in px)
HAND_F = ["palm", "thumb", "index_finger", "middle_finger", "ring_finger", "little_finger", "palm_side_wrist"]
HAND_B = ["back_of_hand", "back_of_thumb", "back_of_fingers", "back_of_wrist"]
FOOT_F = ["top_of_foot", "big_toe", "toes", "front_of_ankle"]
FOOT_B = ["back_of_heel", "achilles"]
CROPS = [
    ("front_hand_r", [f"{n}-r" for n in HAND_F], 8),
    ("front_hand_l", [f"{n}-l" for n in HAND_F], 8),
    ("back_hand_r", [f"{n}-r" for n in HAND_B], 8),
    ("back_hand_l", [f"{n}-l" for n in HAND_B], 8),
    ("front_feet", [f"{n}-{s}" for n in FOOT_F for s in "rl"], 8),
    ("back_feet", [f"{n}-{s}" for n in FOOT_B for s in "rl"], 8),
    ("back_sole_r", ["heel-r", "sole-r", "ball_of_foot-r"], 40),
    ("front_head", ["top_of_head", "jaw-r", "jaw-l", "chin", "side_of_neck-r", "side_of_neck-l"], 10),
    ("back_head", ["back_of_head-r", "back_of_head-l", "behind_ear-r", "behind_ear-l", "back_of_neck-r"], 10),
]


def crop_boxes(svg=SVG):
    """Bounding boxes (x, y, w, h) of the crop groups, read from the SVG with svgelements."""
    from svgelements import SVG as SVGDoc
    from svgelements import Path as SvgPath

    bb = {}
    for el in SVGDoc.parse(str(svg)).elements():
        if isinstance(el, SvgPath) and el.values.get("id"):
            bb[el.values["id"]] = el.bbox()
    out = []
    for name, ids, m in CROPS:
        boxes = [bb[i] for i in ids]
        x0 = min(b[0] for b in boxes) - m
        y0 = min(b[1] for b in boxes) - m
        x1 = max(b[2] for b in boxes) + m
        y1 = max(b[3] for b in boxes) + m
        out.append((name, round(x0), round(y0), round(x1 - x0), round(y1 - y0)))
    return out


def close_up_boxes(svg=SVG):
    """(name, x, y, w, h, scale) of each close-up: the bounding box of its regions (right side; the
    face whole), and the scale that fits it into the close-up box."""
    import xml.etree.ElementTree as ET

    from check_body import CLOSE_UP_MARGIN, CLOSE_UP_PX, CLOSE_UPS, path_polygons

    polys = {}
    for el in ET.fromstring(svg.read_text()).iter("{http://www.w3.org/2000/svg}path"):
        if el.get("class") == "region":
            polys[el.get("id")] = path_polygons(el.get("d"))[0]
    out = []
    for name, (_, names) in CLOSE_UPS.items():
        ids = [
            i for n in names for i in (n, n + "-r", n + "-l") if i in polys and (name == "face" or not i.endswith("-l"))
        ]
        x0 = min(polys[i].bounds[0] for i in ids) - CLOSE_UP_MARGIN
        y0 = min(polys[i].bounds[1] for i in ids) - CLOSE_UP_MARGIN
        x1 = max(polys[i].bounds[2] for i in ids) + CLOSE_UP_MARGIN
        y1 = max(polys[i].bounds[3] for i in ids) + CLOSE_UP_MARGIN
        scale = min(CLOSE_UP_PX[0] / (x1 - x0), CLOSE_UP_PX[1] / (y1 - y0))
        out.append((name.replace(" ", "_"), x0, y0, x1 - x0, y1 - y0, scale))
    return out


TINT_JS = """
() => {
  const regs = Array.from(document.querySelectorAll('path.region'));
  regs.forEach((p, i) => {
    const h = (i * 137.508) % 360;
    p.style.fill = `hsl(${h}, 55%, 78%)`;
  });
}
"""


def page_html(svg_text, width, vb=None, size=None):
    svg = svg_text
    if vb is not None:
        x, y, w, h = vb
        pw, ph = size if size is not None else (w * 4, h * 4)
        svg = svg.replace(f'viewBox="{VIEWBOX_TEXT}"', f'viewBox="{x:.1f} {y:.1f} {w:.1f} {h:.1f}"', 1)
        svg = svg.replace(SIZE_TEXT, f'width="{pw}" height="{ph}"', 1)
    elif width != FULL_WIDTH:
        svg = svg.replace(SIZE_TEXT, f'width="{width}" height="{width * FULL_HEIGHT / FULL_WIDTH:.0f}"', 1)
    return f"<html><body style='margin:0;background:white'>{svg}</body></html>"


def main(argv):
    tint = "--regions" in argv
    svg = Path(argv[argv.index("--svg") + 1]) if "--svg" in argv else SVG
    svg_text = svg.read_text()
    out = []
    with sync_playwright() as p:
        browser = local_app.launch_chromium(p)
        page = browser.new_page(viewport={"width": FULL_WIDTH, "height": FULL_HEIGHT})
        jobs: list[tuple] = [("full", FULL_WIDTH, None, (FULL_WIDTH, FULL_HEIGHT)), ("phone", 390, None, (390, 293))]
        jobs += [(n, None, (x, y, w, h), (w * 4, h * 4)) for n, x, y, w, h in crop_boxes(svg)]
        jobs += [
            (f"closeup_{n}", None, (x, y, w, h), (round(w * k), round(h * k)))
            for n, x, y, w, h, k in close_up_boxes(svg)
        ]
        for name, width, vb, size in jobs:
            page.set_viewport_size({"width": size[0], "height": size[1]})
            page.set_content(page_html(svg_text, width, vb, size))
            if tint:
                page.evaluate(TINT_JS)
            path = f"/tmp/body_{name}{'_tint' if tint else ''}.png"
            page.screenshot(path=path, clip={"x": 0, "y": 0, "width": size[0], "height": size[1]})
            out.append(path)
        browser.close()
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
