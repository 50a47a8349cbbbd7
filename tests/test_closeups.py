"""Close-ups: every region of the body is a finger-sized target (24 x 24 CSS px at 390 px wide) in
the whole view or in a close-up that one tap opens."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from trigger_map.body import body_svg
from trigger_map.closeups import PHONE_BOX, TARGET_PX, WHOLE_BODY_SCALE, Closeups, crop, target_px
from trigger_map.drawing import body_view_svg


@pytest.fixture(scope="module")
def closeups(body):
    return Closeups(body)


def test_every_region_is_a_finger_target_somewhere(body, closeups):
    too_small = []
    for region_id, region in body.regions.items():
        whole = target_px(region.polygon, WHOLE_BODY_SCALE)
        closeup = closeups.of_region.get(region_id)
        close = target_px(region.polygon, closeup.scale) if closeup else 0.0
        if max(whole, close) < TARGET_PX:
            too_small.append((region_id, round(whole, 1), round(close, 1)))
    assert not too_small


def test_a_tap_on_a_region_too_small_to_tap_opens_its_closeup(body, closeups):
    for region_id in body.regions:
        opened = closeups.opens_on(region_id, touch=True)
        if closeups.too_small_whole(region_id):
            assert opened is not None and region_id in opened.regions, region_id
            assert opened.view == body.regions[region_id].view
    # large areas stay on the whole body; a mouse opens only the hands, feet and face
    assert closeups.opens_on("buttock-r", touch=True) is None
    assert closeups.opens_on("little_finger-l", touch=False).id == "hand-l"
    assert closeups.opens_on("outer_shoulder-r", touch=False) is None
    assert closeups.opens_on("outer_shoulder-r", touch=True).id == "shoulder-r"


def test_closeups_hold_their_own_side_and_view(body, closeups):
    for closeup in closeups.by_id.values():
        x, y, w, h = closeup.window
        frame = box(x, y, x + w, y + h)
        for region_id in closeup.regions:
            region = body.regions[region_id]
            assert region.view == closeup.view
            assert frame.contains(region.polygon), (closeup.id, region_id)
            if closeup.id.endswith(("-r", "-l")) and region.side:
                assert region_id.endswith(closeup.id[-2:]), (closeup.id, region_id)
        assert w * closeup.scale <= PHONE_BOX[0] + 1e-6 and h * closeup.scale <= PHONE_BOX[1] + 1e-6


def test_target_size_is_the_square_in_the_largest_circle():
    assert target_px(box(0, 0, 10, 10), 2.0) == pytest.approx(5 * 2**0.5 * 2, rel=1e-3)


def test_crop_shows_only_the_window():
    svg = body_view_svg(body_svg(), "front")
    cropped = crop(svg, (90, 418, 68, 101))
    assert 'viewBox="90 418 68 101" width="68" height="101"' in cropped
    assert cropped.count("viewBox=") == svg.count("viewBox=")
    assert cropped.replace('viewBox="90 418 68 101" width="68" height="101"', "") != svg


def test_a_closeup_shows_a_point_only_with_room_for_its_mark(closeups):
    hand = closeups.by_id["hand-l"]
    x, y, w, h = hand.window
    assert hand.shows("front", x + w / 2, y + h / 2, reach=6.5)
    assert not hand.shows("back", x + w / 2, y + h / 2)  # the same place on the other view
    assert hand.shows("front", x + 2, y + h / 2) and not hand.shows("front", x + 2, y + h / 2, reach=6.5)
    assert not hand.shows("front", x + w / 2, y - 1) and not hand.shows("front", x + w + 1, y + h / 2)
