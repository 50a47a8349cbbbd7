"""Red flags: marked areas or symptoms that can mean something serious and need a doctor."""
from __future__ import annotations

from trigger_map.lookup import Engine

ACTION_ORDER = {"emergency": 0, "urgent": 1, "soon": 2}


def red_flags_for(engine: Engine, region_ids=(), symptoms=()) -> list[dict]:
    """The red flags raised by any marked region (by name) or chosen symptom, most urgent first."""
    names = {engine.body.regions[r].name for r in region_ids if r in engine.body.regions}
    chosen = set(symptoms)
    raised = []
    for flag in engine.dataset.red_flags.itertuples():
        if names & set(flag.regions) or chosen & set(flag.symptoms):
            raised.append({"id": flag.Index, "title": flag.title, "message": flag.message,
                           "action": flag.action, "sources": list(flag.sources)})
    return sorted(raised, key=lambda f: (ACTION_ORDER[f["action"]], f["id"]))
