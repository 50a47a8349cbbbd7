"""The map's hit chart as Streamlit receives it: its dict is made once, and is exactly Plotly's."""

import plotly.graph_objects as go
import plotly.io as pio

from trigger_map.figures import Highlight, Marker, hit_figure
from ui.body_map import BuiltFigure, _hit_chart


def test_built_figure_sends_what_plotly_would(mini_engine):
    placed = mini_engine.by_key["upper-trapezius-1@right"]
    marks = (Marker(placed.key, placed.view, placed.x, placed.y, "Upper trapezius"),)
    spec = hit_figure(mini_engine.body, "back", Highlight(treat_here=marks))
    built = BuiltFigure(spec)
    plain = go.Figure(spec, _validate=False).to_dict()
    assert pio.to_json(built.to_dict(), validate=False) == pio.to_json(plain, validate=False)
    assert "treat here" in pio.to_json(built.to_dict(), validate=False)


def test_hit_chart_is_built_once_per_set_of_marks(mini_engine):
    first = _hit_chart(mini_engine.body, "front", (), 600, False)
    again = _hit_chart(mini_engine.body, "front", (), 600, False)
    assert again is first and again.to_dict() is first.to_dict()  # no copy per run
    other = _hit_chart(mini_engine.body, "back", (), 600, False)
    assert other is not first and other.to_dict()["data"][0]["customdata"] != first.to_dict()["data"][0]["customdata"]
