"""A client's progress over visits, as plain data: each visit's totals and standard counts, what
changed between two visits, and the rows of an export. Pure functions over saved visits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trigger_map.standards import STANDARDS, Standards, body_share, painful, standard_counts
from trigger_map.visit_store import VisitRecord

# what happened to an area between two visits, and how each is said and drawn
CHANGES = ("worse", "better", "same", "new", "gone")
CHANGE_TEXT = {
    "worse": "worse (severity up)",
    "better": "better (severity down)",
    "same": "the same",
    "new": "new (not marked before)",
    "gone": "gone (marked before, not now)",
}
METRICS = {
    "total_severity": "Total severity",
    "areas": "Painful areas",
    "share_of_body": "Share of the body (%)",
    **{s: f"{name} count" for s, (name, _) in STANDARDS.items()},
}


def visit_summary(areas: Mapping[str, int], standards: Standards, surfaces: Mapping[str, float]) -> dict:
    """One drawing's totals: the sum of severities, the painful areas, their share of the body (%)
    and each standard's count."""
    hurt = painful(areas)
    return {
        "total_severity": int(sum(areas[r] for r in hurt)),
        "areas": len(hurt),
        "share_of_body": round(100 * body_share(areas, surfaces), 2),
        **standard_counts(areas, standards),
    }


def progress(visits: Sequence[VisitRecord], standards: Standards, surfaces: Mapping[str, float]) -> list[dict]:
    """Per visit, oldest first: its date and totals."""
    return [{"visit": v.id, "date": v.date.isoformat(), **visit_summary(v.areas, standards, surfaces)} for v in visits]


def changes(before: Mapping[str, int], after: Mapping[str, int]) -> dict[str, str]:
    """Each area painful at either visit: worse, better, the same, new or gone (by severity; an
    area marked 0 is not painful)."""
    was, now = set(painful(before)), set(painful(after))
    found: dict[str, str] = {}
    for region in [*painful(before), *(r for r in painful(after) if r not in was)]:
        if region not in now:
            found[region] = "gone"
        elif region not in was:
            found[region] = "new"
        elif after[region] > before[region]:
            found[region] = "worse"
        elif after[region] < before[region]:
            found[region] = "better"
        else:
            found[region] = "same"
    return found


def export_rows(visits: Sequence[VisitRecord], labels: Mapping[str, str]) -> list[dict]:
    """One row per area of each visit (a visit without areas still gets a row): for a CSV file."""
    rows = []
    for v in visits:
        common = {
            "visit": v.id,
            "date": v.date.isoformat(),
            "symptoms": "; ".join(v.symptoms),
            "condition": v.condition or "",
            "trigger points treated": "; ".join(v.treated),
            "note": v.note,
        }
        for region, severity in v.areas.items() or [("", "")]:
            rows.append(
                {
                    "visit": common["visit"],
                    "date": common["date"],
                    "area": region,
                    "area label": labels.get(region, region),
                    "severity": severity,
                    **{k: common[k] for k in ("symptoms", "condition", "trigger points treated", "note")},
                }
            )
    return rows


def export_document(
    code: str, visits: Sequence[VisitRecord], standards: Standards, surfaces: Mapping[str, float]
) -> dict:
    """Everything about one client's visits, for a JSON file."""
    return {
        "client": code,
        "visits": [v.as_dict() for v in visits],
        "progress": progress(visits, standards, surfaces),
    }


DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")


def progress_figure(rows: Sequence[dict], height: int = 380) -> dict:
    """The progress chart as a Plotly spec: one line per measure over the visits, each with its own
    dash and marker as well as colour."""
    dates = [r["date"] for r in rows]
    traces = [
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": label,
            "x": dates,
            "y": [r[metric] for r in rows],
            "line": {"dash": DASHES[i % len(DASHES)], "width": 2},
            "marker": {"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 8},
            "hovertemplate": f"{label}: %{{y}}<extra>%{{x}}</extra>",
        }
        for i, (metric, label) in enumerate(METRICS.items())
    ]
    return {
        "data": traces,
        "layout": {
            "height": height,
            "margin": {"l": 40, "r": 10, "t": 10, "b": 40},
            # a time axis: visits months apart stand months apart, and Plotly picks as many dates
            # as the width holds (as categories, 14 dates were turned on end and cut on a phone)
            "xaxis": {"title": {"text": "visit date"}, "type": "date", "automargin": True},
            "yaxis": {"title": {"text": "value"}, "rangemode": "tozero", "automargin": True},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.3},
        },
    }
