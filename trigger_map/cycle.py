"""The pain-spasm-pain cycle as a clickable Plotly diagram: steps round a loop, arrows between.

It has to read on a 390 px phone as well as on a desktop, and Plotly lays it out without knowing
the width: the loop is an upright oval (narrow, so the side labels have room beside it), every gap
is in screen pixels (label offsets, arrow ends), labels are wrapped to short lines, and the x range
is wide enough for the longest label beside the oval at phone width. Colours: blue steps, green
where treatment breaks the loop; the chosen step gets a dark ring and a larger circle, never red
(red is pain on the body map).
"""

from __future__ import annotations

import math
import textwrap

from trigger_map.frame import MARKED

STEP_PREFIX = "step:"
STEP = MARKED  # the blue of a chosen area on the body map (trigger_map/frame.py)
BREAK = "#2e7d32"
RING = "#1f2a33"
LABEL = "#3d4a55"
OVAL_WIDTH, OVAL_HEIGHT = 0.52, 1.25  # the loop's half-width and half-height, in plot units
X_RANGE = 1.8  # about 100 px a unit on a phone: room for a 14-character line beside the loop
RADIUS = 19  # px, a step's circle (the chosen one: RADIUS + 4)
LINE_CHARACTERS = 14


def wrapped(label: str) -> str:
    """A label in short lines (Plotly breaks lines only at <br>)."""
    return "<br>".join(textwrap.wrap(label, LINE_CHARACTERS)) or label


def positions(n: int) -> list[tuple[float, float]]:
    """Where each step sits: clockwise from the top of an upright oval."""
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    return [(round(OVAL_WIDTH * math.cos(a), 4), round(OVAL_HEIGHT * math.sin(a), 4)) for a in angles]


def cycle_figure(steps: list[dict], breaks_at: str | None, chosen: str | None = None, height: int = 460) -> dict:
    """Steps as clickable circles round a loop (each step's `title` beside it, as the
    page's list of steps names it)."""
    xy = positions(len(steps))
    layout = {
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "xaxis": {"visible": False, "range": [-X_RANGE, X_RANGE], "fixedrange": True},
        "yaxis": {
            "visible": False,
            "range": [-OVAL_HEIGHT - 0.6, OVAL_HEIGHT + 0.6],
            "scaleanchor": "x",
            "fixedrange": True,
        },
        "showlegend": False,
        "dragmode": False,
        "annotations": _arrows(xy) + [_label(s, x, y, chosen) for s, (x, y) in zip(steps, xy, strict=True)],
        "plot_bgcolor": "rgba(0,0,0,0)",
        "paper_bgcolor": "rgba(0,0,0,0)",
    }
    return {"data": [_steps_trace(steps, xy, breaks_at, chosen)], "layout": layout}


def _arrows(xy: list[tuple[float, float]]) -> list[dict]:
    """Arrows along the loop, from each circle's edge to the next one's."""
    arrows = []
    for i, (x, y) in enumerate(xy):
        to_x, to_y = xy[(i + 1) % len(xy)]
        arrows.append(
            {
                "x": to_x,
                "y": to_y,
                "ax": x,
                "ay": y,
                "xref": "x",
                "yref": "y",
                "axref": "x",
                "ayref": "y",
                "text": "",
                "showarrow": True,
                "arrowhead": 2,
                "arrowsize": 1.2,
                "arrowwidth": 2,
                "arrowcolor": "#9aa5b1",
                "standoff": RADIUS + 5,
                "startstandoff": RADIUS + 3,
            }
        )
    return arrows


def _label(step: dict, x: float, y: float, chosen: str | None) -> dict:
    """A step's label outside the loop, a few pixels clear of its circle."""
    gap = RADIUS + 8
    label = {
        "x": x,
        "y": y,
        "text": f"<b>{wrapped(step['title'])}</b>",
        "showarrow": False,
        "font": {"size": 13, "color": RING if step["id"] == chosen else LABEL},
    }
    if abs(x) < 0.05:  # top and bottom: above or below the circle, centred
        label.update(xanchor="center", yanchor="bottom" if y > 0 else "top", yshift=gap if y > 0 else -gap)
    else:  # the sides: beside the circle, away from the loop
        label.update(
            xanchor="left" if x > 0 else "right",
            xshift=gap if x > 0 else -gap,
            yanchor="middle",
            align="left" if x > 0 else "right",
        )
    return label


def _steps_trace(steps: list[dict], xy: list[tuple[float, float]], breaks_at: str | None, chosen: str | None) -> dict:
    """The steps as numbered circles: blue, green where treatment breaks the loop, the chosen one ringed."""
    return {
        "type": "scatter",
        "mode": "markers+text",
        "x": [x for x, _ in xy],
        "y": [y for _, y in xy],
        "customdata": [STEP_PREFIX + s["id"] for s in steps],
        "text": [str(i + 1) for i in range(len(steps))],
        "textfont": {"color": "white", "size": 15},
        "textposition": "middle center",
        "hovertext": [s["title"] for s in steps],
        "hovertemplate": "%{hovertext}: click to read<extra></extra>",
        "marker": {
            "opacity": 1,
            "size": [2 * (RADIUS + 4) if s["id"] == chosen else 2 * RADIUS for s in steps],
            "color": [BREAK if s["id"] == breaks_at else STEP for s in steps],
            "line": {
                "width": [4 if s["id"] == chosen else 2 for s in steps],
                "color": [RING if s["id"] == chosen else "white" for s in steps],
            },
        },
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 1}},
    }
