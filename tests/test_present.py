"""Presentation slides: every trigger point or muscle once, head to foot, with what to draw."""

from __future__ import annotations

import pytest
from test_quiz import FAKE_DRAWN, fake_shapes

from trigger_map.data import BODY_AREAS
from trigger_map.present import slides, step


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
        if slide.key in FAKE_DRAWN:
            assert slide.drawn.muscle == slide.key and {s.side for s in slide.drawn.shapes} == {"right"}
        else:
            assert slide.drawn.muscle is None


def test_steps_go_round():
    assert step(5, 4, 1) == 0 and step(5, 0, -1) == 4 and step(5, 2, 1) == 3 and step(0, 0, 1) == 0
    with pytest.raises(ValueError):
        slides(None, "conditions")
