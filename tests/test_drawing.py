"""The pictures: each view cut from assets/body.svg, and the highlight drawn in the right view."""

import xml.etree.ElementTree as ET

from trigger_map.body import body_svg
from trigger_map.drawing import SVG_NS, _path, body_view_svg, frame, highlight_svg
from trigger_map.figures import Highlight, Marker
from trigger_map.frame import BOTTOM, HALF_WIDTH, MARKED, MIDLINE

NS = {"svg": SVG_NS}


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_each_view_shows_its_own_regions_in_the_charts_frame(engine):
    for view in ("front", "back"):
        root = parsed(body_view_svg(body_svg(), view))
        x, y, w, h = map(float, root.get("viewBox").split())
        assert (x, y, w, h) == frame(view) == (MIDLINE[view] - HALF_WIDTH, 0, 2 * HALF_WIDTH, BOTTOM)
        ids = {p.get("id") for p in root.iterfind(".//svg:path[@class='region']", NS)}
        assert ids == {r.id for r in engine.body.in_view(view)}
        texts = [t.text for t in root.iterfind(".//svg:text", NS)]
        # the back view's sole insets are named in the drawing itself (kept by the picture)
        insets = ["Sole of", "right foot", "Sole of", "left foot"] if view == "back" else []
        assert texts == insets + [view.title(), "R", "L"]
        # the labels sit inside the frame (the source file puts its own outside it)
        for t in root.iterfind(".//svg:text", NS):
            assert x <= float(t.get("x")) <= x + w


def test_highlight_draws_zones_and_the_x_only_in_their_view(mini_engine):
    placed = mini_engine.by_key["upper-trapezius-1@right"]
    marker = Marker(placed.key, placed.view, placed.x, placed.y, "Upper trapezius")
    highlight = Highlight(marked=("temple-r",), essential=placed.essential, spillover=("jaw-l",), chosen=marker)
    front, back = (parsed(highlight_svg(mini_engine.body, v, highlight)) for v in ("front", "back"))

    def classes(root):
        return {e.get("class") for e in root.iter() if e.get("class")}

    assert {"essential", "spillover", "marked"} <= classes(front)
    assert "trigger-point" not in classes(front)
    assert placed.view == "back" and "trigger-point" in classes(back)
    assert "essential" not in classes(back)
    # the spillover zone is stippled, the essential zone solid
    assert front.find(".//svg:path[@class='spillover']", NS).get("fill") == "url(#stipple)"
    assert front.find(".//svg:path[@class='essential']", NS).get("fill").startswith("#")


def test_the_x_is_drawn_where_the_trigger_point_is(mini_engine):
    placed = mini_engine.by_key["upper-trapezius-1@right"]
    marker = Marker(placed.key, placed.view, placed.x, placed.y, "x")
    root = parsed(highlight_svg(mini_engine.body, placed.view, Highlight(chosen=marker)))
    d = root.find(".//svg:g[@class='trigger-point']/svg:path", NS).get("d")
    numbers = [float(v) for v in d.replace("M", " ").replace("L", " ").split()]
    xs, ys = numbers[0::2], numbers[1::2]
    assert abs(sum(xs) / len(xs) - placed.x) < 0.2 and abs(sum(ys) / len(ys) - placed.y) < 0.2


def test_nothing_to_light_gives_no_picture(mini_engine):
    assert highlight_svg(mini_engine.body, "front", Highlight()) is None
    assert highlight_svg(mini_engine.body, "front", Highlight(essential=("no-such-region",))) is None


def test_a_zone_with_a_hole_keeps_it():
    """Path data covers every ring, so a zone around a hole is drawn with its hole (evenodd)."""
    from shapely.geometry import Polygon

    from trigger_map.drawing import _path

    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(3, 3), (6, 3), (6, 6), (3, 6)]])
    assert _path([ring]).count("M") == 2


def _x_sizes(root, group_class):
    """Half-widths of the X marks drawn in a group (each X: two strokes, four numbers each)."""
    d = root.find(f".//svg:g[@class='{group_class}']/svg:path", NS).get("d")
    numbers = [float(v) for v in d.replace("M", " ").replace("L", " ").split()]
    return sorted({round(abs(numbers[i + 2] - numbers[i]) / 2, 1) for i in range(0, len(numbers), 4)})


def test_the_chosen_x_is_large_and_the_others_small(mini_engine):
    markers = [Marker(k, p.view, p.x, p.y, k) for k, p in mini_engine.by_key.items() if p.view == "front"]
    chosen, others = markers[0], markers[1:]
    assert others
    root = parsed(highlight_svg(mini_engine.body, "front", Highlight(treat_here=tuple(markers), chosen=chosen)))
    (large,) = _x_sizes(root, "trigger-point")
    (small,) = _x_sizes(root, "other-trigger-points")
    assert small < large / 1.5
    d = root.find(".//svg:g[@class='other-trigger-points']/svg:path", NS).get("d")
    assert d.count("M") == 2 * len(others)  # every other X, and the chosen one not twice
    # nothing chosen yet: the small X marks alone are a picture
    assert highlight_svg(mini_engine.body, "front", Highlight(treat_here=tuple(others))) is not None


def test_a_marked_area_is_an_outline_never_a_fill_over_a_zone(mini_engine):
    highlight = Highlight(marked=("temple-r", "jaw-r"), essential=("temple-r",))
    root = parsed(highlight_svg(mini_engine.body, "front", highlight))
    outline = root.find(".//svg:g[@class='marked']", NS)
    assert outline.get("fill") == "none"
    assert {p.get("stroke") for p in outline} == {"white", MARKED}
    # a light fill only where the marked area is in no zone (the jaw), so red never turns maroon
    fill = root.find(".//svg:path[@class='marked-fill']", NS)
    assert fill.get("d") == _path([mini_engine.body.regions["jaw-r"].polygon])
