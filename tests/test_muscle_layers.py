"""The muscles on the map, run headless through AppTest: the chosen trigger point's muscle under its
pattern, the muscle library's muscle with its origin and insertion, and the "Muscles" layer."""

from __future__ import annotations

import base64
import csv
import json

from app_run import app
from paths import ROOT
from shapely.geometry import Point
from streamlit.testing.v1 import AppTest

from trigger_map.drawing import ATTACHMENT_R
from trigger_map.figures import MUSCLE_PREFIX, muscle_layer
from trigger_map.map_click import read_click
from trigger_map.muscle_shapes import all_shapes, drawn, shapes_of

with open(ROOT / "data" / "trigger_points.csv", encoding="utf-8") as _f:
    MUSCLE_OF = {row["id"]: row["muscle_id"] for row in csv.DictReader(_f)}


def pictures(at: AppTest) -> list[str]:
    """Every picture on the page, as the SVG text its data URL holds."""
    found: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", None) in ("imgs", "image"):
                for img in child.proto.imgs:
                    if img.url.startswith("data:image/svg+xml;base64,"):
                        found.append(base64.b64decode(img.url.split(",", 1)[1]).decode("utf-8"))
            walk(child)

    walk(at._tree)
    return found


def chart_traces(at: AppTest) -> list[dict]:
    return [trace for chart in at.get("plotly_chart") for trace in json.loads(chart.proto.spec)["data"]]


def test_the_chosen_trigger_points_muscle_lies_under_its_pattern():
    at = app(region="calf-r")
    tp = at.session_state["tp"]
    muscle = MUSCLE_OF[tp.split("@")[0]]
    lit = [p for p in pictures(at) if 'class="chosen-muscle"' in p]
    assert lit, "the muscle is drawn"
    for shape in shapes_of(muscle):
        assert any(f'd="{shape.path}"' in p for p in lit), (shape.view, shape.side)
    # the calf is drawn in both views (from the front only its inner edge): in each view that draws the
    # pattern, the muscle lies under it
    with_pattern = [p for p in lit if 'class="essential"' in p]
    assert with_pattern, "the pattern is drawn with its muscle"
    for picture in with_pattern:
        assert picture.index("chosen-muscle") < picture.index('class="essential"'), "the muscle lies under the pattern"
    at.toggle(key="explorer_tp_muscle").set_value(False).run()
    assert not at.exception
    assert not any('class="chosen-muscle"' in p for p in pictures(at))


def test_the_muscles_layer_draws_every_muscle_and_names_them():
    at = app()
    assert not any("<title>Muscles" in p for p in pictures(at))
    assert all(not d.startswith(MUSCLE_PREFIX) for t in chart_traces(at) for d in t.get("customdata", []))
    at.toggle(key="explorer_muscles").set_value(True).run()
    assert not at.exception
    views = [p for p in pictures(at) if "<title>Muscles," in p]
    assert len(views) == 2
    assert views[0].count('class="muscle ') + views[1].count('class="muscle ') == len(all_shapes())
    traces = [t for t in chart_traces(at) if t["name"] == "muscles"]
    assert len(traces) == 2, "one trace of targets per view, not one per muscle"
    names = {d.removeprefix(MUSCLE_PREFIX) for t in traces for d in t["customdata"]}
    assert {"gluteus-maximus", "pectoralis-major", "temporalis", "tibialis-anterior"} <= names
    front = traces[0]
    i = front["customdata"].index(MUSCLE_PREFIX + "pectoralis-major")
    assert front["text"][i] == "Pectoralis major"
    assert not any(t["name"] == "regions" for t in chart_traces(at)), "the map's targets are the muscles"


def test_a_muscle_clicked_on_the_layer_opens_it_in_the_library():
    click = read_click({"selection": {"points": [{"customdata": MUSCLE_PREFIX + "gluteus-medius", "x": 1, "y": 2}]}})
    assert click is not None and click.muscles == ("gluteus-medius",) and click.single
    at = app()
    at.session_state["open_muscle"] = "gluteus-medius"  # what the map's callback sets for that click
    at.run()
    assert not at.exception
    assert at.session_state["muscle"] == "gluteus-medius"
    assert any("Gluteus medius" in s.value for s in at.subheader)


def test_the_muscle_library_draws_the_muscle_with_its_origin_and_insertion():
    at = app("muscles", muscle="infraspinatus")
    assert not at.exception
    lit = [p for p in pictures(at) if 'class="chosen-muscle"' in p]
    (back,) = [p for p in lit if 'viewBox="688' in p]
    for shape in shapes_of("infraspinatus"):
        assert f'd="{shape.path}"' in back
        info = drawn(shape)
        for x, y in info.origin:
            assert f'cx="{x:g}" cy="{y:g}"' in back
        assert back.count("<circle") >= 2 * len(info.origin)
    assert 'class="insertion"' in back
    assert any("origin" in c.value and "insertion" in c.value for c in at.caption)


def test_an_end_its_view_hides_is_not_marked_there():
    """The serratus anterior seen from the front: its slips on the ribs are marked, its insertion on
    the scapula (behind the chest from the front) only in the back view."""
    at = app("muscles", muscle="serratus-anterior")
    assert not at.exception
    lit = [p for p in pictures(at) if 'class="chosen-muscle"' in p]
    (front,) = [p for p in lit if 'viewBox="88' in p]
    (back,) = [p for p in lit if 'viewBox="688' in p]
    for shape in shapes_of("serratus-anterior"):
        info = drawn(shape)
        picture = front if shape.view == "front" else back
        assert ("insertion" in info.hidden) == (shape.view == "front")
        for x, y in info.origin:
            assert f'cx="{x:g}" cy="{y:g}"' in picture
        r = ATTACHMENT_R * 1.25
        for x, y in info.insertion:
            assert (f'd="M{x:g} {y - r:.1f} ' in picture) == (shape.view == "back")


def test_the_muscle_library_layer_lets_a_muscle_be_chosen_on_the_map():
    at = app("muscles", muscle="soleus")
    at.toggle(key="muscle_all").set_value(True).run()
    assert not at.exception
    assert [t["name"] for t in chart_traces(at)].count("muscles") == 2
    assert any("<title>Muscles, back view" in p for p in pictures(at))


def test_close_ups_carry_the_small_muscles_targets():
    at = app(region="palm-r", zoom="hand-r")
    at.toggle(key="explorer_muscles").set_value(True).run()
    assert not at.exception and at.session_state["closeup"] == "hand-r"
    (trace,) = [t for t in chart_traces(at) if t["name"] == "muscles"]
    names = {d.removeprefix(MUSCLE_PREFIX) for d in trace["customdata"]}
    assert {"abductor-pollicis-brevis", "abductor-digiti-minimi-hand", "flexor-carpi-radialis"} <= names
    whole = muscle_layer("front", (("abductor-pollicis-brevis", "x"),))
    dense = [d for d in trace["customdata"] if d.endswith("abductor-pollicis-brevis")]
    assert len(dense) > len(whole["customdata"]), "a close-up's targets are denser than the whole view's"


def test_every_muscle_answers_on_the_layer_deep_ones_along_their_outline():
    with open(ROOT / "data" / "muscles.csv", encoding="utf-8") as f:
        names = tuple((row["id"], row["name"]) for row in csv.DictReader(f))
    layers = {view: muscle_layer(view, names) for view in ("front", "back")}
    answering = {d.removeprefix(MUSCLE_PREFIX) for layer in layers.values() for d in layer["customdata"]}
    assert answering == {m for m, _ in names}
    # the rhomboids lie under the trapezius: their targets run along their drawn outline
    from trigger_map.muscle_shapes import polygon

    back = layers["back"]
    (right,) = [s for s in shapes_of("rhomboid-major") if s.side == "right"]
    outline = polygon(right).exterior
    mine = [
        (x, y)
        for x, y, d in zip(back["x"], back["y"], back["customdata"], strict=True)
        if d.endswith("rhomboid-major") and x > 900
    ]
    assert mine and all(outline.distance(Point(x, y)) < 2.5 or polygon(right).contains(Point(x, y)) for x, y in mine)
    assert sum(outline.distance(Point(x, y)) < 0.5 for x, y in mine) >= 10


def test_a_small_muscle_is_drawn_again_in_a_close_up_with_its_ends():
    """A hand's or the face's muscle was a few millimetres on the whole body, its origin and
    insertion marks on top of each other; the library now draws it large below the map."""
    from trigger_map.frame import BOTTOM, TOP
    from trigger_map.present import muscle_window

    at = app("muscles", muscle="lateral-pterygoid")
    assert not at.exception and at.session_state["muscle_tp"].endswith("@right")
    view, (x, y, w, h) = muscle_window("lateral-pterygoid", "left")  # away from the pattern, on the right
    assert view == "front"
    assert any("Close-up of the muscle (front, their right on your left)" in c.value for c in at.caption)
    (close,) = [p for p in pictures(at) if f'viewBox="{x:g} {y:g} {w:g} {h:g}"' in p and "chosen-muscle" in p]
    for shape in shapes_of("lateral-pterygoid"):
        if shape.side == "left":
            for ox, oy in drawn(shape).origin:
                assert x <= ox <= x + w and y <= oy <= y + h
                # the marks grow with the square root of the zoom, not the whole of it
                assert f'cx="{ox:g}" cy="{oy:g}" r="{ATTACHMENT_R * ((BOTTOM - TOP) / h) ** -0.5:g}"' in close
    assert muscle_window("gluteus-maximus") is None  # large enough on the whole body
    big = app("muscles", muscle="gluteus-maximus")
    assert not any("Close-up of the muscle" in c.value for c in big.caption)
    at.toggle(key="muscle_all").set_value(True).run()  # every muscle drawn: the map is for choosing
    assert not any("Close-up of the muscle" in c.value for c in at.caption)
