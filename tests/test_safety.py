"""Red flags: raised by region names, symptoms or ids, most urgent first."""
from trigger_map.safety import red_flags_for


def test_region_symptom_and_id_raise_flags(mini_engine):
    assert [f["id"] for f in red_flags_for(mini_engine, ["temple-l"])] == ["thunderclap"]
    assert [f["id"] for f in red_flags_for(mini_engine, [], ["headache"])] == ["thunderclap"]
    assert [f["id"] for f in red_flags_for(mini_engine, flag_ids=["thunderclap"])] == ["thunderclap"]
    assert red_flags_for(mini_engine, ["jaw-r"], ["dizziness"]) == []
    assert red_flags_for(mini_engine, ["no-such-region"]) == []


def test_real_red_flags_cover_the_serious_patterns(engine):
    def raised(regions=(), symptoms=()):
        return {f["id"]: f["action"] for f in red_flags_for(engine, regions, symptoms)}

    chest = raised(["breastbone", "inner_upper_arm-l"])
    assert "emergency" in chest.values()
    assert raised(["calf-r"]) and any(a in ("urgent", "emergency") for a in raised(["calf-r"]).values())
    assert raised([], ["bladder-symptoms"]) and "emergency" in raised([], ["bladder-symptoms"]).values()
    assert raised(["low_back-r"])
    order = [f["action"] for f in red_flags_for(engine, ["breastbone", "low_back-r", "calf-r"])]
    assert order == sorted(order, key=["emergency", "urgent", "soon"].index)
