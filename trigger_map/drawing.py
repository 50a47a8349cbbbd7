"""The body as pictures: each view cut from assets/body.svg, and the highlight drawn over it.

The map shows three layers per view, one over the other in the same frame: the plain body (this
module; the same picture on every run, so the browser keeps it), the highlight (this module: the
spillover zone lighter and stippled, the essential zone solid, the marked areas outlined, the chosen
trigger point's X large and the other listed ones small; a few kilobytes that change with each
choice), and the clickable Plotly hit layer
(`trigger_map.figures.hit_figure`). Pictures are SVG in drawing units; they fill their box the way
the Plotly chart does (uniform scale, centred), so the layers line up at any width.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from trigger_map.body import Body
from trigger_map.figures import Highlight
from trigger_map.frame import BOTTOM, ESSENTIAL, HALF_WIDTH, MARKED, MIDLINE, OTHER_X_COLOR, SPILLOVER, TOP, TRIGGER

SVG_NS = "http://www.w3.org/2000/svg"
# Labels inside the frame (the source file places its R/L outside the part of the page a view shows)
LABEL_STYLE = (
    "text{font-family:Helvetica,Arial,sans-serif;font-weight:600;fill:#555}"
    ".title{font-size:20px}.side{font-size:22px;fill:#666}"
)


# Muscles (assets/muscles.svg): superficial ones filled with their fibres hinted, deep ones as
# outlines seen through the ones above them.
MUSCLE_RED = "#c9786c"
DEEP_LINE = "#6d4f8f"
MUSCLE_STYLE = (
    f".muscle.superficial{{fill:{MUSCLE_RED};fill-opacity:0.8;stroke:#8a3a32;stroke-width:0.6;"
    "stroke-linejoin:round}"
    f".muscle.deep{{fill:none;stroke:{DEEP_LINE};stroke-width:0.55;stroke-opacity:0.75;stroke-dasharray:2.2 1.6;"
    "stroke-linejoin:round}"
    ".fibres{fill:none;stroke:#8a3a32;stroke-width:0.35;stroke-opacity:0.6;stroke-linecap:round}"
    ".muscle.superficial.chosen{fill-opacity:0.7;stroke-width:1}.muscle.deep.chosen{stroke-width:1.4;"
    "fill:#6d4f8f;fill-opacity:0.12}.fibres.chosen{stroke-width:0.5;stroke-opacity:0.7}"
)

# strokes keep their width in screen pixels whatever the drawing's scale
THIN = 'vector-effect="non-scaling-stroke"'


def frame(view: str) -> tuple[float, float, float, float]:
    """A view's frame as an SVG viewBox: x, y, width, height in drawing units."""
    return MIDLINE[view] - HALF_WIDTH, TOP, 2 * HALF_WIDTH, BOTTOM - TOP


def _open(view: str, extra: str = "") -> str:
    x, y, w, h = frame(view)
    return (
        f'<svg xmlns="{SVG_NS}" viewBox="{x:g} {y:g} {w:g} {h:g}" width="{w:g}" height="{h:g}" '
        f'preserveAspectRatio="xMidYMid meet"{extra}>'
    )


@lru_cache(maxsize=8)
def body_view_svg(svg_path: Path, view: str) -> str:
    """One view of the body drawing: its silhouette, regions and detail lines, with labels."""
    ET.register_namespace("", SVG_NS)
    root = ET.parse(svg_path).getroot()
    style = root.find(f"{{{SVG_NS}}}style")
    group = root.find(f".//{{{SVG_NS}}}g[@id='{view}']")
    if group is None:
        raise ValueError(f"{svg_path} has no <g id='{view}'>")
    for label_group in group.findall(f"{{{SVG_NS}}}g[@class='labels']"):
        group.remove(label_group)
    body_text = ET.tostring(group, encoding="unicode")
    mid = MIDLINE[view]
    right_x = mid - 150 if view == "front" else mid + 150  # the person's right, as seen
    left_x = 2 * mid - right_x
    x0 = mid - HALF_WIDTH
    labels = (
        f'<text class="title" x="{x0 + 4:g}" y="{TOP + 22:g}">{view.title()}</text>'
        f'<text class="side" x="{right_x:g}" y="101" text-anchor="middle">R</text>'
        f'<text class="side" x="{left_x:g}" y="101" text-anchor="middle">L</text>'
    )
    css = (style.text or "") if style is not None else ""
    return (
        _open(view)
        + f"<title>Body, {view} view</title><style>{css}{LABEL_STYLE}</style>"
        + body_text
        + labels
        + "</svg>"
    )


def _muscle_paths(shapes, chosen: bool = False) -> str:
    """SVG paths for muscle shapes: superficial ones filled with their fibre lines, deep ones as
    dashed outlines (MUSCLE_STYLE); `chosen` draws them a little stronger."""
    from trigger_map.muscle_shapes import drawn

    extra = " chosen" if chosen else ""
    out = []
    for shape in shapes:
        out.append(f'<path class="muscle {shape.depth}{extra}" d="{shape.path}"/>')
        fibres = drawn(shape).fibres
        if fibres:
            out.append(f'<path class="fibres{extra}" d="{fibres}"/>')
    return "".join(out)


@lru_cache(maxsize=4)
def muscles_view_svg(view: str) -> str:
    """Every muscle drawn in a view, as a picture over the body (the "Muscles" layer)."""
    from trigger_map.muscle_shapes import all_shapes

    shapes = [s for s in all_shapes() if s.view == view]
    return (
        _open(view)
        + f"<title>Muscles, {view} view</title><style>{MUSCLE_STYLE}</style>"
        + _muscle_paths(shapes)
        + "</svg>"
    )


@lru_cache(maxsize=4)
def muscles_view_url(view: str) -> str:
    """`muscles_view_svg` as a data URL, made once."""
    return data_url(muscles_view_svg(view))


ORIGIN_COLOR = "#1f5f8b"
INSERTION_COLOR = "#c77700"
ATTACHMENT_R = 4.5  # drawing units
ATTACHMENT_LEGEND = "**Blue dot**: where the muscle starts (origin). **Amber diamond**: where it ends (insertion)."


def _attachment_marks(shapes, size: float = 1.0) -> str:
    """Origin (a blue dot) and insertion (an amber diamond) of each shape, white-edged, `size`
    times their usual size; an end its view hides (the serratus anterior's on the scapula, seen
    from the front) is not marked there."""
    from trigger_map.muscle_shapes import drawn

    dots, diamonds = [], []
    for shape in shapes:
        info = drawn(shape)
        origin = () if "origin" in info.hidden else info.origin
        insertion = () if "insertion" in info.hidden else info.insertion
        dots += [f'<circle cx="{x:g}" cy="{y:g}" r="{ATTACHMENT_R * size:g}"/>' for x, y in origin]
        r = ATTACHMENT_R * 1.25 * size
        diamonds += [
            f'<path d="M{x:g} {y - r:.1f} L{x + r:.1f} {y:g} L{x:g} {y + r:.1f} L{x - r:.1f} {y:g} Z"/>'
            for x, y in insertion
        ]
    edge = f'stroke="white" stroke-width="1.5" {THIN}'
    return (
        f'<g class="origin" fill="{ORIGIN_COLOR}" {edge}>{"".join(dots)}</g>'
        f'<g class="insertion" fill="{INSERTION_COLOR}" {edge}>{"".join(diamonds)}</g>'
    )


def data_url(svg: str) -> str:
    """An SVG as the data URL an image element shows (what Streamlit would make of the SVG text)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@lru_cache(maxsize=8)
def body_view_url(svg_path: Path, view: str) -> str:
    """`body_view_svg` as a data URL, made once: the same picture on every run."""
    return data_url(body_view_svg(svg_path, view))


def _path(polygons) -> str:
    """SVG path data for shapely polygons (holes included), rounded to 0.1 unit."""
    parts = []
    for shape in polygons:
        for polygon in getattr(shape, "geoms", [shape]):
            for ring in [polygon.exterior, *polygon.interiors]:
                coords = [f"{x:.1f} {y:.1f}" for x, y in ring.coords[:-1]]
                parts.append("M" + coords[0] + " L" + " ".join(coords[1:]) + " Z")
    return " ".join(parts)


CHOSEN_X = 6.5  # drawing units, half the X's width: about 9 px across on a laptop
OTHER_X = 3.4  # the other trigger points' X: small, so the chosen pattern stays readable


def _x_path(marker, r: float) -> str:
    return (
        f"M{marker.x - r:.1f} {marker.y - r:.1f} L{marker.x + r:.1f} {marker.y + r:.1f} "
        f"M{marker.x - r:.1f} {marker.y + r:.1f} L{marker.x + r:.1f} {marker.y - r:.1f}"
    )


STIPPLE_DEFS = (
    '<defs><pattern id="stipple" width="6" height="6" patternUnits="userSpaceOnUse">'
    f'<rect width="6" height="6" fill="{SPILLOVER}"/>'
    f'<circle cx="3" cy="3" r="1.1" fill="{ESSENTIAL}" fill-opacity="0.55"/></pattern></defs>'
)


def _area_layers(spill: list, essential: list, marked_alone: list, marked: list) -> list[str]:
    """The pattern's zones (spillover stippled, essential red) and the marked areas: a light fill
    where no zone shows them, and an outline over everything."""
    layers = []
    if spill:
        layers.append(
            f'<path class="spillover" d="{_path(spill)}" fill="url(#stipple)" fill-opacity="0.8" '
            f'fill-rule="evenodd" stroke="{SPILLOVER}" stroke-width="0.8" {THIN}/>'
        )
    if essential:
        layers.append(
            f'<path class="essential" d="{_path(essential)}" fill="{ESSENTIAL}" fill-opacity="0.8" '
            f'fill-rule="evenodd" stroke="{ESSENTIAL}" stroke-width="0.8" {THIN}/>'
        )
    if marked_alone:
        layers.append(
            f'<path class="marked-fill" d="{_path(marked_alone)}" fill="{MARKED}" '
            f'fill-opacity="0.22" fill-rule="evenodd" stroke="none"/>'
        )
    if marked:  # a white line under the blue one: the outline reads on red, pink and skin alike
        d = _path(marked)
        layers.append(
            f'<g class="marked" fill="none" stroke-linejoin="round">'
            f'<path d="{d}" stroke="white" stroke-width="4.5" {THIN}/>'
            f'<path d="{d}" stroke="{MARKED}" stroke-width="2.5" {THIN}/></g>'
        )
    return layers


def _other_x_marks(others: list) -> str:
    """A small X on each of the other "treat here" trigger points."""
    d = " ".join(_x_path(m, OTHER_X) for m in others)
    return (
        f'<g class="other-trigger-points" stroke-linecap="round">'
        f'<path d="{d}" stroke="white" stroke-width="4" {THIN}/>'
        f'<path d="{d}" stroke="{OTHER_X_COLOR}" stroke-width="2" {THIN}/></g>'
    )


def _chosen_x_mark(chosen) -> str:
    """The chosen trigger point's large X."""
    d = _x_path(chosen, CHOSEN_X)
    return (
        f'<g class="trigger-point"><path d="{d}" stroke="white" stroke-width="7" '
        f'stroke-linecap="round" {THIN}/><path d="{d}" stroke="{TRIGGER}" stroke-width="4" '
        f'stroke-linecap="round" {THIN}/></g>'
    )


def _muscles_in(muscle_ids: tuple[str, ...], view: str) -> list:
    from trigger_map.muscle_shapes import shapes_of

    return [s for m in dict.fromkeys(muscle_ids) for s in shapes_of(m) if s.view == view]


def highlight_svg(body: Body, view: str, highlight: Highlight, mark_size: float = 1.0) -> str | None:
    """What to light up in a view, over the plain body; None when there is nothing to draw.

    Marked areas are outlined, never filled over a zone: a blue fill over the essential zone's red
    mixed into a muddy maroon that was neither. A marked area outside both zones gets a light fill
    too, so it still shows. The chosen trigger point's X is large; the other "treat here" trigger
    points get a small X each (their click targets are the hit layer's, `figures.hit_figure`), so
    twenty X marks on a head do not bury the pattern. `mark_size` scales the muscle's origin and
    insertion marks (a close-up, drawn several times larger, would make them cover the muscle)."""

    def in_view(ids) -> list:
        return [
            body.regions[r].polygon for r in dict.fromkeys(ids) if r in body.regions and body.regions[r].view == view
        ]

    essential_ids = set(highlight.essential)
    zone_ids = essential_ids | set(highlight.spillover)
    spill = in_view(r for r in highlight.spillover if r not in essential_ids)
    essential = in_view(highlight.essential)
    marked = in_view(highlight.marked)
    marked_alone = in_view(r for r in highlight.marked if r not in zone_ids)
    chosen = highlight.chosen if highlight.chosen is not None and highlight.chosen.view == view else None
    others = [m for m in highlight.treat_here if m.view == view and m != highlight.chosen]
    muscles = _muscles_in(highlight.muscles, view)
    if not (spill or essential or marked or chosen or others or muscles):
        return None
    layers = [STIPPLE_DEFS]
    if muscles:  # the muscle under the pattern
        layers.append(
            f'<g class="chosen-muscle"><style>{MUSCLE_STYLE}</style>{_muscle_paths(muscles, chosen=True)}</g>'
        )
    layers += _area_layers(spill, essential, marked_alone, marked)
    if others:
        layers.append(_other_x_marks(others))
    if muscles and highlight.attachments:
        layers.append(_attachment_marks(muscles, mark_size))
    if chosen is not None:
        layers.append(_chosen_x_mark(chosen))
    return _open(view) + "".join(layers) + "</svg>"
