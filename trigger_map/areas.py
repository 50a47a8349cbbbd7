"""Body areas (how the dataset groups muscles) as sets of body regions, for lighting them on the map."""

from __future__ import annotations

from trigger_map.body import Body

AREA_REGIONS: dict[str, tuple[str, ...]] = {
    "head": (
        "top_of_head",
        "forehead",
        "temple",
        "eye",
        "cheek",
        "jaw_joint",
        "jaw",
        "chin",
        "back_of_head",
        "behind_ear",
    ),
    "neck": ("throat", "side_of_neck", "back_of_neck"),
    "shoulder": ("front_of_shoulder", "outer_shoulder", "top_of_shoulder", "back_of_shoulder"),
    "upper back": ("shoulder_blade", "between_shoulder_blades", "mid_back"),
    "chest": ("upper_chest", "breastbone", "lower_chest", "side_of_chest"),
    "upper arm": (
        "front_of_upper_arm",
        "outer_upper_arm",
        "inner_upper_arm",
        "back_of_upper_arm",
        "front_of_elbow",
        "outer_elbow",
        "inner_elbow",
        "back_of_elbow",
    ),
    "forearm and hand": (
        "front_of_forearm",
        "back_of_forearm",
        "palm_side_wrist",
        "back_of_wrist",
        "palm",
        "back_of_hand",
        "thumb",
        "index_finger",
        "middle_finger",
        "ring_finger",
        "little_finger",
        "back_of_thumb",
        "back_of_fingers",
    ),
    "abdomen": ("upper_abdomen", "lower_abdomen", "pubic", "groin"),
    "low back and pelvis": ("low_back", "sacrum", "tailbone", "buttock"),
    "hip and thigh": (
        "outer_hip",
        "front_of_thigh",
        "inner_thigh",
        "outer_thigh",
        "back_of_thigh",
        "front_of_knee",
        "inner_knee",
        "outer_knee",
        "back_of_knee",
    ),
    "lower leg": ("shin", "outer_lower_leg", "calf", "achilles", "front_of_ankle", "inner_ankle", "outer_ankle"),
    "foot": ("top_of_foot", "big_toe", "toes", "back_of_heel", "heel", "sole", "ball_of_foot"),
}


def area_region_ids(body: Body, areas) -> tuple[str, ...]:
    """Every region id (both sides) of the given body areas that the drawing has."""
    ids: list[str] = []
    for area in areas:
        for name in AREA_REGIONS.get(area, ()):
            ids.extend(body.names.get(name, {}).values())
    return tuple(ids)
