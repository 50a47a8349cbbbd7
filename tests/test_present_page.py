"""The presentation page run headless (AppTest): next and previous, its link, a bad link."""

from __future__ import annotations

from urllib.parse import parse_qsl

from app_run import app, shared_query

from trigger_map.present import slides
from ui.text import plain


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_next_and_previous_move_through_the_trigger_points_and_go_round(engine):
    shown = slides(engine, "trigger_point")
    at = app("present")
    assert not at.exception
    assert (at.title[0].value, at.subheader[0].value) == (plain(shown[0].title), plain(shown[0].subtitle))
    button(at, "Next").click().run()
    assert at.subheader[0].value == plain(shown[1].subtitle) and at.session_state["present_index"] == 1
    assert dict(parse_qsl(shared_query(at))) == {"by": "trigger_point", "at": shown[1].key}
    button(at, "Previous").click().run()
    button(at, "Previous").click().run()
    assert at.session_state["present_index"] == len(shown) - 1
    assert at.title[0].value == plain(shown[-1].title)
    assert any(c.value.startswith(f"{len(shown)} of {len(shown)}.") for c in at.caption)


def test_a_link_opens_a_muscle_and_a_bad_link_says_so(engine):
    at = app("present", by="muscle", at="infraspinatus")
    assert not at.exception and at.title[0].value == "Infraspinatus"
    count = len(engine.muscle_trigger_points("infraspinatus"))
    assert at.subheader[0].value == f"{count} trigger points"
    bad = app("present", by="mood", at="nowhere")
    assert not bad.exception and bad.session_state["present_index"] == 0
    notices = " ".join(i.value for i in bad.info)
    assert plain("'mood'") in notices and plain("'nowhere'") in notices


def test_the_map_is_drawn_with_the_pattern():
    import base64

    at = app("present", at="infraspinatus-1@right")
    svgs = [
        base64.b64decode(i.proto.imgs[0].url.split(",", 1)[1]).decode()
        for i in at.get("image")
        if i.proto.imgs and i.proto.imgs[0].url.startswith("data:image/svg+xml;base64,")
    ]
    drawn = "".join(svgs)
    assert 'class="essential"' in drawn and 'class="trigger-point"' in drawn


def svg_pictures(at) -> str:
    import base64

    return "".join(
        base64.b64decode(i.proto.imgs[0].url.split(",", 1)[1]).decode()
        for i in at.get("image")
        if i.proto.imgs and i.proto.imgs[0].url.startswith("data:image/svg+xml;base64,")
    )


def test_a_small_pattern_is_drawn_large_beside_its_view_unless_turned_off(engine):
    from trigger_map.present import pattern_window

    slide = next(s for s in slides(engine) if s.key == "temporalis-1@right")
    _, (x, y, w, h) = pattern_window(engine, slide.drawn)
    window = f'viewBox="{x:g} {y:g} {w:g} {h:g}"'
    at = app("present", at="temporalis-1@right")
    assert not at.exception
    assert window in svg_pictures(at)  # the highlight, cut to the close-up's window
    at.toggle(key="present_closeup").set_value(False).run()
    assert not at.exception and window not in svg_pictures(at)
    assert 'class="essential"' in svg_pictures(at)  # the whole body still shows the pattern


def view_boxes(at) -> list[str]:
    """The viewBox of every picture on the page: a whole view's frame is 424 x 848 units."""
    import re

    return re.findall(r'viewBox="([^"]*)"', svg_pictures(at))


def test_a_small_pattern_on_both_views_is_drawn_large_beside_both(engine):
    """The lumbricals send pain along the fingers (front) and the back of the fingers (back): the
    pattern lies on both views, so it had no close-up, and the hand was a few centimetres across."""
    from trigger_map.present import BOTH_VIEWS_SMALL_PATTERN, pattern_window, x_view_window

    drawn = next(s for s in slides(engine) if s.key == "hand-lumbricals-1@right").drawn
    assert pattern_window(engine, drawn) is None  # on both views
    found = x_view_window(engine, drawn.trigger_point, BOTH_VIEWS_SMALL_PATTERN)
    view, (x, y, w, h) = found
    at = app("present", at="hand-lumbricals-1@right")
    boxes = view_boxes(at)
    assert not at.exception and view == "front"
    assert f"{x:g} {y:g} {w:g} {h:g}" in boxes  # the close-up
    assert "88 0 424 848" in boxes and "688 0 424 848" in boxes  # both whole views beside it
    at.toggle(key="present_closeup").set_value(False).run()
    assert f"{x:g} {y:g} {w:g} {h:g}" not in view_boxes(at)
    # the infraspinatus's main pain is on the front, its X on the back: no close-up of the X alone
    assert {b for b in view_boxes(app("present", at="infraspinatus-1@right")) if not b.endswith("424 848")} <= {
        "0 0 1 1"  # the empty picture of a view with nothing lit
    }
