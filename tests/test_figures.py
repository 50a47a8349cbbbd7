"""The clickable layer: the hit points carry region ids, the "treat here" X marks their trigger
points, and what a render sends (both views' charts and pictures) stays small."""

import base64
import json

import numpy as np
import plotly.io as pio

from trigger_map.body import body_svg
from trigger_map.drawing import body_view_svg, highlight_svg
from trigger_map.figures import TP_PREFIX, Highlight, Marker, hit_figure, selected_ids


def traces_named(figure, name):
    return [t for t in figure["data"] if t.get("name") == name]


def test_hit_layer_points_carry_region_ids_of_their_view(mini_engine):
    figure = hit_figure(mini_engine.body, "front")
    (hit,) = traces_named(figure, "regions")
    assert hit["mode"] == "markers" and hit["marker"]["opacity"] == 0
    assert set(hit["customdata"]) == {r.id for r in mini_engine.body.in_view("front")}
    assert len(hit["customdata"]) == len(hit["x"]) == len(hit["text"])


def test_treat_here_marks_are_clickable_x_marks_in_their_view_only(mini_engine):
    placed = mini_engine.by_key["upper-trapezius-1@right"]
    marker = Marker(placed.key, placed.view, placed.x, placed.y, "Upper trapezius")
    back = hit_figure(mini_engine.body, "back", Highlight(treat_here=(marker,)))
    front = hit_figure(mini_engine.body, "front", Highlight(treat_here=(marker,)))
    (x_trace,) = traces_named(back, "treat here")
    assert x_trace["customdata"] == [TP_PREFIX + placed.key]
    # an invisible target a finger can hit (the picture draws the X itself)
    assert x_trace["marker"]["opacity"] == 0 and x_trace["marker"]["size"] >= 18
    assert not traces_named(front, "treat here")
    # the chosen trigger point's X is drawn in the picture, not repeated as a clickable mark
    chosen = hit_figure(mini_engine.body, "back", Highlight(treat_here=(marker,), chosen=marker))
    assert not traces_named(chosen, "treat here")


def test_what_a_render_sends_stays_under_300_kb(engine):
    """Both views: the hit charts as Streamlit serialises them, the highlight pictures, and the
    body pictures (sent on the first render; later runs send a reference to them)."""
    placed = engine.by_key["upper-trapezius-1@right"]
    highlight = Highlight(
        marked=("temple-r",),
        essential=placed.essential,
        spillover=placed.spillover,
        chosen=Marker(placed.key, placed.view, placed.x, placed.y, "x"),
    )
    size = 0
    for view in ("front", "back"):
        size += len(pio.to_json(hit_figure(engine.body, view, highlight), validate=False))
        for svg in (highlight_svg(engine.body, view, highlight) or "", body_view_svg(body_svg(), view)):
            size += len(base64.b64encode(svg.encode()))  # Streamlit sends SVG as a base64 data URL
    assert size < 300_000, size


def test_selected_ids_separates_regions_and_trigger_points():
    event = {
        "selection": {
            "points": [
                {"customdata": "temple-r"},
                {"customdata": ["jaw-r"]},
                {"customdata": TP_PREFIX + "masseter-1@right"},
                {"customdata": "temple-r"},
                {"x": 1},
            ]
        }
    }
    assert selected_ids(event) == (["temple-r", "jaw-r"], ["masseter-1@right"])
    assert selected_ids(None) == ([], [])
    assert selected_ids({"selection": {"points": []}}) == ([], [])
    json.dumps(event)


def test_region_targets_leave_room_round_each_x(engine):
    """Plotly's hover prefers a small hit point within 3 px of the pointer over any larger marker,
    so region targets stay clear of each X (a region keeps its own targets if all were near)."""
    from trigger_map.figures import X_CLEARANCE

    placed = engine.by_key["tensor-fasciae-latae-1@right"]
    marker = Marker(placed.key, placed.view, placed.x, placed.y, "TFL")
    plain, marked = (
        traces_named(hit_figure(engine.body, placed.view, h), "regions")[0]
        for h in (Highlight(), Highlight(treat_here=(marker,)))
    )

    def distance(t):
        return np.hypot(np.asarray(t["x"]) - placed.x, np.asarray(t["y"]) - placed.y)

    assert (distance(plain) < X_CLEARANCE).any()
    assert not (distance(marked) < X_CLEARANCE).any()
    assert set(marked["customdata"]) == set(plain["customdata"])  # every region still has targets
    assert len(marked["customdata"]) == len(marked["x"]) == len(marked["text"])


def test_hover_labels_show_data_as_text():
    from trigger_map.figures import _marker_trace, hover_text

    assert hover_text('<a href="https://x.example">call</a> & <b>') == (
        '&lt;a href="https://x.example"&gt;call&lt;/a&gt; &amp; &lt;b&gt;'
    )
    trace = _marker_trace([Marker("k@left", "front", 1.0, 2.0, "<b>bold</b>")], size=18, name="treat here")
    assert trace["text"] == ["&lt;b&gt;bold&lt;/b&gt;"]
