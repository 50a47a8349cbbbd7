"""The pain-spasm-pain cycle diagram: every step clickable, the break point stands out."""
import json

from trigger_map.cycle import STEP_PREFIX, cycle_figure

from paths import ROOT


def test_cycle_figure_from_the_content_file():
    cycle = json.loads((ROOT / "content" / "cycle.json").read_text())
    steps = cycle["steps"]
    figure = cycle_figure(steps, cycle["break"]["breaks_at"], chosen=steps[0]["id"])
    (trace,) = figure["data"]
    assert trace["customdata"] == [STEP_PREFIX + s["id"] for s in steps]
    colors = dict(zip([s["id"] for s in steps], trace["marker"]["color"]))
    assert colors[cycle["break"]["breaks_at"]] == "#2e7d32"
    arrows = [a for a in figure["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == len(steps)  # a closed loop: one arrow out of every step
    assert cycle["break"]["breaks_at"] in {s["id"] for s in steps}
