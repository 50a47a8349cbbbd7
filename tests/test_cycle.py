"""The pain-spasm-pain cycle diagram: every step clickable, the break point stands out, the chosen
step is ringed (not red: red is pain), and the labels are short lines placed clear of the circles."""

import json

import pytest
from paths import ROOT

from trigger_map.cycle import BREAK, LINE_CHARACTERS, RADIUS, STEP_PREFIX, cycle_figure, positions, wrapped

PAIN_RED = {"#c0392b", "#ec9a8f"}  # the body map's essential and spillover colours


@pytest.fixture(scope="module")
def cycle():
    return json.loads((ROOT / "content" / "cycle.json").read_text())


def test_cycle_figure_from_the_content_file(cycle):
    steps = cycle["steps"]
    figure = cycle_figure(steps, cycle["break"]["breaks_at"], chosen=steps[0]["id"])
    (trace,) = figure["data"]
    assert trace["customdata"] == [STEP_PREFIX + s["id"] for s in steps]
    colors = dict(zip([s["id"] for s in steps], trace["marker"]["color"], strict=False))
    assert colors[cycle["break"]["breaks_at"]] == BREAK
    arrows = [a for a in figure["layout"]["annotations"] if a.get("showarrow")]
    assert len(arrows) == len(steps)  # a closed loop: one arrow out of every step
    assert all(a["standoff"] > RADIUS and a["startstandoff"] > RADIUS for a in arrows)  # circle to circle
    assert cycle["break"]["breaks_at"] in {s["id"] for s in steps}


@pytest.mark.parametrize("index", [0, 1, 3])
def test_the_chosen_step_is_ringed_and_larger_never_red(cycle, index):
    steps = cycle["steps"]
    chosen = steps[index]["id"]
    marker = cycle_figure(steps, cycle["break"]["breaks_at"], chosen=chosen)["data"][0]["marker"]
    used = set(marker["color"]) | set(marker["line"]["color"])
    assert not used & PAIN_RED
    assert marker["size"][index] == max(marker["size"]) > min(marker["size"])
    assert marker["line"]["width"][index] == max(marker["line"]["width"]) > min(marker["line"]["width"])
    # the break step keeps its green, chosen or not
    assert marker["color"][[s["id"] for s in steps].index(cycle["break"]["breaks_at"])] == BREAK


def test_labels_are_short_lines_beside_or_above_their_circle(cycle):
    steps = cycle["steps"]
    figure = cycle_figure(steps, cycle["break"]["breaks_at"])
    labels = [a for a in figure["layout"]["annotations"] if not a.get("showarrow")]
    assert len(labels) == len(steps)
    for label, (x, y) in zip(labels, positions(len(steps)), strict=False):
        lines = label["text"].removeprefix("<b>").removesuffix("</b>").split("<br>")
        assert all(len(line) <= LINE_CHARACTERS for line in lines), lines
        assert (label["x"], label["y"]) == (x, y)
        shift = abs(label.get("xshift", 0)) + abs(label.get("yshift", 0))
        assert shift > RADIUS + 4  # clear of the chosen (largest) circle, in pixels
        if label["xanchor"] != "center":  # a side label points away from the loop
            assert (label["xanchor"] == "left") == (x > 0)


def test_the_diagram_names_each_step_as_the_list_of_steps_does(cycle):
    """Beside its circle, a step has the words it has in the page's list (the sixth read "More
    strain, moving less" in the diagram and "More strain, weaker movement" in the list)."""
    steps = cycle["steps"]
    figure = cycle_figure(steps, cycle["break"]["breaks_at"])
    labels = [a["text"] for a in figure["layout"]["annotations"] if not a.get("showarrow")]
    shown = [label.removeprefix("<b>").removesuffix("</b>").replace("<br>", " ") for label in labels]
    assert shown == [s["title"] for s in steps]


def test_wrapped_keeps_every_word():
    assert wrapped("More strain, weaker movement") == "More strain,<br>weaker<br>movement"
    assert wrapped("Guarding") == "Guarding"
