"""Figures: the hit layer carries region ids; highlights land in the right view; payload is small."""
import json

import plotly.io as pio

from trigger_map.figures import TP_PREFIX, Highlight, Marker, selected_ids, view_figure


def traces_named(figure, name):
    return [t for t in figure["data"] if t.get("name") == name]


def test_hit_layer_points_carry_region_ids_of_their_view(mini_engine):
    figure = view_figure(mini_engine.body, "front")
    (hit,) = traces_named(figure, "regions")[-1:]
    assert hit["mode"] == "markers" and hit["marker"]["opacity"] == 0
    assert set(hit["customdata"]) == {r.id for r in mini_engine.body.in_view("front")}
    assert len(hit["customdata"]) == len(hit["x"]) == len(hit["text"])


def test_highlight_draws_zones_and_the_x_only_in_their_view(mini_engine):
    placed = mini_engine.by_key["upper-trapezius-1@right"]
    marker = Marker(placed.key, placed.view, placed.x, placed.y, "Upper trapezius")
    highlight = Highlight(marked=("temple-r",), essential=placed.essential, spillover=("jaw-l",), chosen=marker)
    front = view_figure(mini_engine.body, "front", highlight)
    back = view_figure(mini_engine.body, "back", highlight)
    assert traces_named(front, "essential zone") and traces_named(front, "spillover zone")
    assert traces_named(front, "spillover zone")[0]["fillpattern"]["shape"] == "."
    assert not traces_named(front, "trigger point")
    (x_trace,) = traces_named(back, "trigger point")
    assert x_trace["marker"]["symbol"] == "x-thin" and x_trace["customdata"] == [TP_PREFIX + placed.key]
    assert not traces_named(back, "essential zone")


def test_figure_serialises_and_both_views_stay_under_300_kb(engine):
    placed = engine.by_key["upper-trapezius-1@right"]
    highlight = Highlight(marked=("temple-r",), essential=placed.essential, spillover=placed.spillover,
                          chosen=Marker(placed.key, placed.view, placed.x, placed.y, "x"))
    size = sum(len(pio.to_json(view_figure(engine.body, v, highlight), validate=False))
               for v in ("front", "back"))
    assert size < 300_000, size


def test_selected_ids_separates_regions_and_trigger_points():
    event = {"selection": {"points": [{"customdata": "temple-r"}, {"customdata": ["jaw-r"]},
                                      {"customdata": TP_PREFIX + "masseter-1@right"},
                                      {"customdata": "temple-r"}, {"x": 1}]}}
    assert selected_ids(event) == (["temple-r", "jaw-r"], ["masseter-1@right"])
    assert selected_ids(None) == ([], [])
    assert selected_ids({"selection": {"points": []}}) == ([], [])
    json.dumps(event)
