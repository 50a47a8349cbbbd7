"""A muscle lit on the body: its shapes (trigger_map.muscle_shapes) as a picture over one view.

Same frame and drawing units as the body and highlight pictures (trigger_map.drawing), so it lies
between them in the map's stack: superficial shapes filled, deep ones outlined and dashed (seen
through the muscles above them).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from trigger_map.drawing import SVG_NS, frame

MUSCLE = "#7b4fa0"  # violet: apart from the pattern's reds and the marked areas' blue


def muscle_svg(view: str, shapes: Iterable, title: str = "") -> str | None:
    """The shapes of one view as an SVG picture; None when none lies in this view."""
    mine = [s for s in shapes if s.view == view]
    if not mine:
        return None
    x, y, w, h = frame(view)
    thin = 'vector-effect="non-scaling-stroke"'
    parts = [
        f'<svg xmlns="{SVG_NS}" viewBox="{x:g} {y:g} {w:g} {h:g}" width="{w:g}" height="{h:g}" '
        'preserveAspectRatio="xMidYMid meet">'
    ]
    if title:
        parts.append(f"<title>{html.escape(title, quote=False)}</title>")
    for shape in sorted(mine, key=lambda s: s.depth != "deep"):  # deep first: superficial over it
        d = html.escape(shape.path, quote=True)
        if shape.depth == "deep":
            parts.append(
                f'<path class="muscle deep" d="{d}" fill="{MUSCLE}" fill-opacity="0.12" stroke="{MUSCLE}" '
                f'stroke-width="2" stroke-dasharray="5 3" {thin}/>'
            )
        else:
            parts.append(
                f'<path class="muscle superficial" d="{d}" fill="{MUSCLE}" fill-opacity="0.45" '
                f'stroke="{MUSCLE}" stroke-width="2" {thin}/>'
            )
    return "".join(parts) + "</svg>"


def muscle_pictures(shapes: Iterable, title: str = "") -> dict[str, str] | None:
    """A picture per view that has shapes (for the map's `muscles` layer); None without shapes."""
    shapes = list(shapes)
    if not shapes:
        return None
    views = dict.fromkeys(s.view for s in shapes)
    return {view: svg for view in views if (svg := muscle_svg(view, shapes, title))}
