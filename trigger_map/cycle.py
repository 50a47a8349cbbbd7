"""The pain-spasm-pain cycle as a clickable Plotly diagram: steps on a circle, arrows between."""
from __future__ import annotations

import math

STEP_PREFIX = "step:"


def cycle_figure(steps: list[dict], breaks_at: str | None, chosen: str | None = None,
                 height: int = 520) -> dict:
    """Steps as large clickable markers round a loop; the step where treatment breaks it stands out."""
    n = len(steps)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    xs = [round(math.cos(a), 4) for a in angles]
    ys = [round(math.sin(a), 4) for a in angles]
    colors = ["#2e7d32" if s["id"] == breaks_at else ("#c0392b" if s["id"] == chosen else "#4f7cac")
              for s in steps]
    annotations = []
    for i in range(n):  # arrows along the loop, from each step towards the next
        j = (i + 1) % n
        annotations.append({
            "x": xs[i] + (xs[j] - xs[i]) * 0.78, "y": ys[i] + (ys[j] - ys[i]) * 0.78,
            "ax": xs[i] + (xs[j] - xs[i]) * 0.22, "ay": ys[i] + (ys[j] - ys[i]) * 0.22,
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
            "showarrow": True, "arrowhead": 3, "arrowsize": 1.4, "arrowwidth": 2, "arrowcolor": "#9aa5b1",
        })
    for s, x, y in zip(steps, xs, ys):  # labels outside the loop, anchored away from the marker
        side = "center" if abs(x) < 0.2 else ("left" if x > 0 else "right")
        annotations.append({"x": x * 1.2 + (0.12 if side == "left" else -0.12 if side == "right" else 0),
                            "y": y * 1.22, "text": f"<b>{s['title']}</b>", "xanchor": side,
                            "showarrow": False, "font": {"size": 14}})
    if breaks_at:
        annotations.append({"x": 0, "y": 0, "text": "Treatment<br>breaks the loop<br>(green)",
                            "showarrow": False, "font": {"size": 13, "color": "#2e7d32"}})
    trace = {"type": "scatter", "mode": "markers", "x": xs, "y": ys,
             "customdata": [STEP_PREFIX + s["id"] for s in steps], "text": [s["title"] for s in steps],
             "hovertemplate": "%{text}: click to read<extra></extra>",
             "marker": {"size": 46, "color": colors, "line": {"width": 3, "color": "white"}},
             "selected": {"marker": {"opacity": 1}}, "unselected": {"marker": {"opacity": 1}}}
    layout = {"height": height, "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
              "xaxis": {"visible": False, "range": [-2.6, 2.6], "fixedrange": True},
              "yaxis": {"visible": False, "range": [-1.5, 1.5], "scaleanchor": "x", "fixedrange": True},
              "showlegend": False, "dragmode": False, "annotations": annotations,
              "plot_bgcolor": "rgba(0,0,0,0)", "paper_bgcolor": "rgba(0,0,0,0)"}
    return {"data": [trace], "layout": layout}
