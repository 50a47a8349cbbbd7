"""What a click on the map said: which regions or trigger points, and how it was made.

Streamlit hands a Plotly chart's selection event to the app; this reads it into one value, so pages
never look inside the chart's event or its session keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from trigger_map.figures import selected


@dataclass(frozen=True)
class MapClick:
    """`how`: "tap" (a finger, reported by the page script), "click" (a mouse), "box" or "lasso"
    (a drawn selection), or "again" (the point chosen last was clicked again, which deselects it)."""

    regions: tuple[str, ...] = ()
    trigger_points: tuple[str, ...] = ()
    how: str = "click"
    muscles: tuple[str, ...] = ()  # with the muscles layer on, the muscle clicked

    @property
    def single(self) -> bool:
        return self.how in ("tap", "click") and len(self.regions) + len(self.trigger_points) + len(self.muscles) == 1


def read_click(event: dict | None) -> MapClick | None:
    """The click in a selection event, or None for an event that chose nothing."""
    regions, trigger_points, muscles = selected(event)
    if not (regions or trigger_points or muscles):
        return None
    selection = (event or {}).get("selection") or {}
    if selection.get("lasso"):
        how = "lasso"
    elif selection.get("box"):
        how = "box"
    elif any(isinstance(p, dict) and "tap" in p for p in selection.get("points") or []):
        how = "tap"
    else:
        how = "click"
    return MapClick(tuple(regions), tuple(trigger_points), how, tuple(muscles))
