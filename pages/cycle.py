"""The pain-spasm-pain cycle as an interactive diagram: click a step to read about it."""

import plotly.graph_objects as go
import streamlit as st

from trigger_map.cycle import STEP_PREFIX, cycle_figure
from ui import resources

cycle = resources.json_content("cycle.json")
steps = {s["id"]: s for s in cycle["steps"]}
loop_break = cycle["break"]  # {"breaks_at": step id, "text": how treatment breaks the loop}
breaks_at = loop_break["breaks_at"]

st.title("The pain-spasm-pain cycle", anchor=False)
st.markdown(
    f"Also called the {', '.join(cycle.get('also_called', [])).lower() or 'cumulative injury cycle'}. "
    f"{cycle['intro']} Click a step to read about it."
)

if st.session_state.get("cycle_step") not in steps:
    st.session_state.cycle_step = next(iter(steps))


def picked() -> None:
    points = ((st.session_state.get("cycle_chart") or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, str) and data.startswith(STEP_PREFIX):
            st.session_state.cycle_step = data.removeprefix(STEP_PREFIX)


diagram, words = st.columns([3, 2], gap="large")
with diagram:
    figure = cycle_figure(cycle["steps"], breaks_at, st.session_state.cycle_step)
    st.plotly_chart(
        go.Figure(figure, _validate=False),
        key="cycle_chart",
        on_select=picked,
        selection_mode="points",
        config={"displayModeBar": False},
        alt="A loop of steps: pain leads to muscle tension, which leads to more pain.",
    )
    st.caption(
        "Follow the arrows round the loop. **Green**: where treatment breaks the loop. "
        "**Dark ring**: the step you are reading about."
    )
with words:
    order = list(steps)
    st.radio(
        "Steps",
        order,
        key="cycle_step",
        persist_state="session",
        format_func=lambda s: f"{order.index(s) + 1}. {steps[s]['title']}",
    )
    step = steps[st.session_state.cycle_step]
    st.subheader(step["title"], anchor=False)
    st.write(step["text"])
    if step["id"] == breaks_at:
        st.success(loop_break["text"], icon=":material/healing:")
st.divider()
st.subheader("Where treatment breaks the loop", anchor=False)
st.write(loop_break["text"])
