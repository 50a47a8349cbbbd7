"""Red flags: marked areas or symptoms that can mean something serious and need a doctor."""
from __future__ import annotations

from trigger_map.lookup import Engine

ACTION_ORDER = {"emergency": 0, "urgent": 1, "soon": 2}


def red_flags_for(engine: Engine, region_ids=(), symptoms=(), flag_ids=()) -> list[dict]:
    """The red flags raised by any marked region (by name), chosen symptom or named flag id,
    most urgent first."""
    names = {engine.body.regions[r].name for r in region_ids if r in engine.body.regions}
    chosen = set(symptoms)
    named = set(flag_ids)
    raised = []
    for flag in engine.dataset.red_flags.itertuples():
        if names & set(flag.regions) or chosen & set(flag.symptoms) or flag.Index in named:
            raised.append({"id": flag.Index, "title": flag.title, "message": flag.message,
                           "action": flag.action, "sources": list(flag.sources)})
    return sorted(raised, key=lambda f: (ACTION_ORDER[f["action"]], f["id"]))
