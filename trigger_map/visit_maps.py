"""Pictures of visits over the plain body (the same frame as trigger_map.drawing): one visit's
drawing shaded by severity, and the change map between two visits. A change is drawn with a
pattern and a letter as well as a colour, so it reads without colour vision too."""

from __future__ import annotations

from collections.abc import Mapping

from trigger_map.body import Body
from trigger_map.drawing import _open, _path
from trigger_map.frame import ESSENTIAL, INK

SEVERITY_COLOUR = ESSENTIAL  # the map's red of pain
# change -> (fill colour, pattern id, letter drawn on the area)
CHANGE_STYLE = {
    "worse": (ESSENTIAL, "cross", "+"),
    "better": ("#2e8b57", "lines", "−"),
    "same": ("#7f8c8d", "dots", "="),
    "new": ("#d35400", "solid", "N"),
    "gone": ("#2c7fb8", "none", "G"),
}
PATTERNS = (
    '<pattern id="cross" width="8" height="8" patternUnits="userSpaceOnUse">'
    f'<rect width="8" height="8" fill="{ESSENTIAL}" fill-opacity="0.55"/>'
    '<path d="M0 0L8 8M8 0L0 8" stroke="#5a1a13" stroke-width="1.4"/></pattern>'
    '<pattern id="lines" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<rect width="8" height="8" fill="#2e8b57" fill-opacity="0.45"/>'
    '<path d="M0 8L8 0" stroke="#14452a" stroke-width="1.4"/></pattern>'
    '<pattern id="dots" width="7" height="7" patternUnits="userSpaceOnUse">'
    '<rect width="7" height="7" fill="#7f8c8d" fill-opacity="0.35"/>'
    '<circle cx="3.5" cy="3.5" r="1.4" fill="#2d3436"/></pattern>'
)
THIN = 'vector-effect="non-scaling-stroke"'
# A severity or a change's letter, in drawing units: the Visits page draws a view (frame.BOTTOM tall) at
# 0.41-0.50 px a unit (a tablet to a desktop), so 32 units are 13-16 px on screen; at 11 and 12 they
# were 4.5-6 px. In a sans-serif face: a picture does not get the page's fonts, and the browser's
# default for one is a serif.
LABEL_SIZE = 32
LABEL_FONT = "Helvetica,Arial,sans-serif"


def _label(x: float, y: float, text: str) -> str:
    """Text on an area, centred on (x, y), with a white halo that keeps it legible over any fill."""
    return (
        f'<text x="{x:.1f}" y="{y + LABEL_SIZE * 0.35:.1f}" text-anchor="middle" font-size="{LABEL_SIZE}" '
        f'font-family="{LABEL_FONT}" font-weight="700" fill="{INK}" stroke="white" stroke-width="5" '
        f'paint-order="stroke">{text}</text>'
    )


def severity_svg(body: Body, view: str, areas: Mapping[str, int]) -> str | None:
    """A visit's painful areas in one view, darker the more they hurt, each with its severity
    written on it; None when none lies in this view."""
    shapes = []
    for region, severity in areas.items():
        info = body.regions.get(region)
        if info is None or info.view != view or severity <= 0:
            continue
        opacity = 0.15 + 0.075 * severity
        spot = info.polygon.representative_point()
        shapes.append(
            f'<path class="severity" data-region="{region}" data-severity="{severity}" d="{_path([info.polygon])}" '
            f'fill="{SEVERITY_COLOUR}" fill-opacity="{opacity:.2f}" stroke="#5a1a13" stroke-width="1" {THIN}/>'
            + _label(spot.x, spot.y, str(severity))
        )
    if not shapes:
        return None
    return _open(view) + "".join(shapes) + "</svg>"


def change_svg(body: Body, view: str, found: Mapping[str, str]) -> str | None:
    """The change map in one view: each changed area filled with its change's pattern and marked
    with its letter (+ worse, − better, = same, N new, G gone); None when nothing is in this view."""
    shapes = []
    for region, change in found.items():
        info = body.regions.get(region)
        if info is None or info.view != view:
            continue
        colour, pattern, letter = CHANGE_STYLE[change]
        fill = {"solid": f'fill="{colour}" fill-opacity="0.6"', "none": 'fill="none"'}.get(
            pattern, f'fill="url(#{pattern})"'
        )
        dash = ' stroke-dasharray="4 3"' if change == "gone" else ""
        spot = info.polygon.representative_point()
        shapes.append(
            f'<path class="change {change}" data-region="{region}" data-change="{change}" d="{_path([info.polygon])}" '
            f'{fill} stroke="{colour}" stroke-width="2"{dash} {THIN}/>' + _label(spot.x, spot.y, letter)
        )
    if not shapes:
        return None
    return _open(view) + f"<defs>{PATTERNS}</defs>" + "".join(shapes) + "</svg>"


def change_legend_svg() -> str:
    """The legend: each change's swatch (pattern and letter) with its words."""
    from trigger_map.progress import CHANGE_TEXT

    rows = []
    for i, (change, (colour, pattern, letter)) in enumerate(CHANGE_STYLE.items()):
        y = 6 + i * 30
        fill = {"solid": f'fill="{colour}" fill-opacity="0.6"', "none": 'fill="none"'}.get(
            pattern, f'fill="url(#{pattern})"'
        )
        dash = ' stroke-dasharray="4 3"' if change == "gone" else ""
        rows.append(
            f'<rect x="4" y="{y}" width="34" height="22" {fill} stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="21" y="{y + 16}" text-anchor="middle" font-size="13" font-weight="700">{letter}</text>'
            f'<text x="48" y="{y + 16}" font-size="14">{CHANGE_TEXT[change]}</text>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 156" width="300" height="156" role="img" '
        'aria-label="Legend of the change map">'
        f"<defs>{PATTERNS}</defs>"
        f"<style>text{{font-family:{LABEL_FONT};fill:{INK}}}</style>" + "".join(rows) + "</svg>"
    )
