"""Presentation slides: every trigger point or muscle once, head to foot, with what to draw."""

from __future__ import annotations

import pytest
import shapely
from test_quiz import FAKE_DRAWN, fake_shapes

from trigger_map.data import BODY_AREAS
from trigger_map.drawing import CHOSEN_X
from trigger_map.frame import BOTTOM, HALF_WIDTH, MIDLINE, TOP
from trigger_map.present import (
    CLOSEUP_ASPECT,
    SMALL_PATTERN,
    SMALL_SPREAD,
    SMALLEST_DETAIL,
    crowded_closeups,
    pattern_window,
    slides,
    spread_closeups,
    step,
    title_ems,
)
from trigger_map.referral import side_key


def test_a_slide_per_trigger_point_with_its_pattern_and_x(engine):
    shown = slides(engine, "trigger_point", shapes=None)
    assert [s.key for s in shown if s.key.endswith("@right")] == [s.key for s in shown]
    assert sorted(s.key.partition("@")[0] for s in shown) == sorted(engine.dataset.trigger_points.index)
    areas = [BODY_AREAS.index(engine.dataset.muscles.at[s.muscle_id, "body_area"]) for s in shown]
    assert areas == sorted(areas)  # head to foot
    for slide in shown:
        placed = engine.by_key[slide.key]
        assert slide.drawn.essential == placed.essential and slide.drawn.trigger_point == slide.key
        assert not slide.drawn.shapes


def test_a_slide_per_muscle_with_all_its_trigger_points_and_the_muscle_drawn(engine):
    shown = slides(engine, "muscle", shapes=fake_shapes)
    assert [s.key for s in shown] == sorted(
        engine.dataset.muscles.index, key=lambda m: BODY_AREAS.index(engine.dataset.muscles.at[m, "body_area"])
    )
    for slide in shown:
        keys = [f"{tp}@right" for tp in engine.muscle_trigger_points(slide.key)]
        assert slide.drawn.others == tuple(keys)
        assert set(slide.drawn.essential) == {r for k in keys for r in engine.by_key[k].essential}
        # the muscle's action, a phrase in the data, as a sentence: one full stop at its end
        assert slide.text == engine.dataset.muscles.at[slide.key, "action"] + "." and not slide.text.endswith("..")
        if slide.key in FAKE_DRAWN:
            assert slide.drawn.muscle == slide.key and {s.side for s in slide.drawn.shapes} == {"right"}
        else:
            assert slide.drawn.muscle is None


def test_a_titles_width_is_that_of_its_longest_word():
    assert title_ems("Sternocleidomastoid, sternal division") == 12.0  # 20 letters, the comma too
    assert title_ems("Upper trapezius") == title_ems("Trapezius") == 5.4
    assert title_ems("") > 0  # never a division by nothing in the page's style


def keys_of(engine, condition: str) -> tuple[str, ...]:
    return tuple(side_key(t, "right") for t in engine.condition_trigger_points(condition))


def test_a_headaches_trigger_points_and_patterns_are_held_by_a_close_up_of_each_view(engine):
    keys = keys_of(engine, "tension-type-headache")
    closeups = {c.view: c for c in spread_closeups(engine, keys)}
    assert list(closeups) == ["front", "back"]
    for view, closeup in closeups.items():
        x, y, w, h = closeup.window
        assert h <= SMALL_SPREAD * (BOTTOM - TOP) and x < MIDLINE[view] < x + w  # small, across the midline
        for key in keys:
            placed = engine.by_key[key]
            if placed.view == view:
                assert closeup.shows(view, placed.x, placed.y, reach=CHOSEN_X)
            for region in (*placed.essential, *placed.spillover):
                if engine.body.regions[region].view == view:
                    assert shapely.box(x, y, x + w, y + h).contains(engine.body.regions[region].polygon)
                    assert region in closeup.regions  # its targets are in the close-up's layer


def test_trigger_points_spread_over_the_body_get_no_close_up(engine):
    assert spread_closeups(engine, keys_of(engine, "chronic-low-back-pain")) == ()
    assert spread_closeups(engine, keys_of(engine, "plantar-heel-pain")) == ()  # the calf's patterns reach the knee


def test_whiplashs_crowded_x_marks_get_close_ups_of_their_own(engine):
    """Whiplash's patterns spread too far for a close-up, but its 23 X marks crowd the neck: a
    median 3.7 units from their nearest, 3 px on a phone's whole body (0.84 px a unit)."""
    keys = keys_of(engine, "whiplash")
    assert spread_closeups(engine, keys) == ()
    closeups = {c.view: c for c in crowded_closeups(engine, keys)}
    assert list(closeups) == ["front", "back"]
    for view, closeup in closeups.items():
        assert SMALLEST_DETAIL * (BOTTOM - TOP) - 0.01 <= closeup.window[3] <= SMALL_SPREAD * (BOTTOM - TOP)
        marks = [engine.by_key[k] for k in keys if engine.by_key[k].view == view]
        assert all(closeup.shows(view, m.x, m.y, reach=CHOSEN_X) for m in marks)
        nearest = sorted(min(((m.x - o.x) ** 2 + (m.y - o.y) ** 2) ** 0.5 for o in marks if o is not m) for m in marks)
        assert nearest[len(nearest) // 2] * closeup.scale >= 8  # px on a phone
    assert crowded_closeups(engine, keys_of(engine, "chronic-low-back-pain")) == ()  # spread out: not crowded


def test_steps_go_round():
    assert step(5, 4, 1) == 0 and step(5, 0, -1) == 4 and step(5, 2, 1) == 3 and step(0, 0, 1) == 0
    with pytest.raises(ValueError):
        slides(None, "conditions")


def pattern_shapes(engine, drawn):
    regions = [engine.body.regions[r] for r in (*drawn.essential, *drawn.spillover)]
    marks = [engine.by_key[k] for k in (drawn.trigger_point, *drawn.others) if k in engine.by_key]
    return regions, marks


@pytest.mark.parametrize("by", ["trigger_point", "muscle"])
def test_a_small_pattern_on_one_view_gets_a_close_up_that_holds_all_of_it(engine, by):
    """Every slide: a close-up exactly when the pattern lies on one view and is small; the window
    holds every zone and X, keeps the close-up's shape and stays inside its view's frame."""
    shown = slides(engine, by, shapes=None)
    with_closeup = 0
    for slide in shown:
        regions, marks = pattern_shapes(engine, slide.drawn)
        views = {r.view for r in regions} | {m.view for m in marks}
        shapes = [r.polygon for r in regions] + [shapely.Point(m.x, m.y) for m in marks]
        minx, miny, maxx, maxy = shapely.unary_union(shapes).bounds
        small = maxy - miny <= SMALL_PATTERN * (BOTTOM - TOP)
        found = pattern_window(engine, slide.drawn)
        assert (found is not None) == (len(views) == 1 and small), slide.key
        if found is None:
            continue
        with_closeup += 1
        view, (x, y, w, h) = found
        assert view == views.pop()
        assert x <= minx and y <= miny and maxx <= x + w and maxy <= y + h, slide.key
        assert MIDLINE[view] - HALF_WIDTH <= x and x + w <= MIDLINE[view] + HALF_WIDTH + 0.1, slide.key
        assert y >= TOP and y + h <= BOTTOM + 0.1, slide.key
        assert w / h == pytest.approx(CLOSEUP_ASPECT, abs=0.01), slide.key
    assert 0 < with_closeup < len(shown)


def test_the_temporalis_pattern_is_drawn_in_a_window_a_fraction_of_the_body(engine):
    view, window = pattern_window(engine, next(s for s in slides(engine) if s.key == "temporalis-1@right").drawn)
    assert view == "front" and window[3] < (BOTTOM - TOP) / 5  # the head and a little more
