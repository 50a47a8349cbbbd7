"""Visits: a client's saved pain drawings in order, two compared on the map (side by side and a
change map), progress over time, the trigger points treated, exports, and deleting a client."""

import json

import plotly.graph_objects as go
import streamlit as st

from trigger_map.body import VIEWS
from trigger_map.export import progress_pdf
from trigger_map.progress import CHANGE_TEXT, METRICS, changes, export_document, export_rows, progress, progress_figure
from trigger_map.visit_maps import change_legend_svg, change_svg, severity_svg
from trigger_map.visit_store import StoreError
from ui import resources, text
from ui import visits as visits_ui

st.title("Visits", anchor=False)
st.markdown("A client's saved pain drawings over time. Save one from **Where it hurts** with *Save as a visit*.")

if st.session_state.get("visits_deleted") is not None:
    gone = st.session_state.pop("visits_deleted")
    st.success(f"Deleted the client and {gone} visit{'s' if gone != 1 else ''}.", icon=":material/check:")
if not visits_ui.signed_in("see your clients' visits", key="visits_login"):
    st.stop()
visits_ui.account()
visits_ui.where_stored()
store = visits_ui.store()
if store is None:
    st.stop()
engine = resources.engine()
body = engine.body
label = {r.id: r.display_label for r in body.regions.values()}

try:
    clients = store.clients()
except StoreError as error:
    st.error(f"The visits cannot be read: {error}.", icon=":material/error:")
    st.stop()
if not clients:
    st.info("No visits saved yet.", icon=":material/info:")
    st.stop()

# The client is chosen here only: never from the address bar (no client code in a link).
if st.session_state.get("visits_client") not in clients:
    st.session_state.visits_client = clients[0]
code = st.selectbox("Client", clients, key="visits_client", persist_state="session")
visits = store.visits(code)
if not visits:  # deleted in another session a moment ago
    st.info("This client has no visits.", icon=":material/info:")
    st.stop()
standards, surfaces = visits_ui.standards(engine)
rows = progress(visits, standards, surfaces)
by_id = {v.id: v for v in visits}


def visit_name(visit_id: int) -> str:
    v = by_id[visit_id]
    return f"{v.date:%d %b %Y} (visit {[x.id for x in visits].index(visit_id) + 1})"


def drawing(visit, key: str) -> None:
    """One visit's drawing, each painful area shaded by its severity, under its date."""
    st.markdown(f"**{visit_name(visit.id)}**: darker is worse; the number is the severity (0-10).")
    visits_ui.pictures(key, {view: severity_svg(body, view, visit.areas) for view in VIEWS}, height=380)


st.subheader(f"Visits in order ({len(visits)})", anchor=False)
st.dataframe(
    [
        {
            "visit": i + 1,
            "date": v.date.isoformat(),
            "areas": ", ".join(f"{label.get(r, r)} {s}" for r, s in v.areas.items()),
            "total severity": row["total_severity"],
            "trigger points treated": "; ".join(visits_ui.treated_label(engine, k) for k in v.treated),
            "note": v.note,
        }
        for i, (v, row) in enumerate(zip(visits, rows, strict=True))
    ],
    hide_index=True,
    width="stretch",
)

if len(visits) > 1:
    st.subheader("Compare two visits", anchor=False)
    ids = [v.id for v in visits]
    pick = st.columns(2)
    if st.session_state.get("visits_before") not in ids:
        st.session_state.visits_before = ids[0]
    if st.session_state.get("visits_after") not in ids:
        st.session_state.visits_after = ids[-1]
    before_id = pick[0].selectbox(
        "Earlier visit", ids, key="visits_before", persist_state="session", format_func=visit_name
    )
    after_id = pick[1].selectbox(
        "Later visit", ids, key="visits_after", persist_state="session", format_func=visit_name
    )
    before, after = by_id[before_id], by_id[after_id]
    side = st.columns(2, gap="large")
    for column, visit, key in ((side[0], before, "visits_map_before"), (side[1], after, "visits_map_after")):
        with column:
            drawing(visit, key)

    st.markdown("**What changed**")
    found = changes(before.areas, after.areas)
    visits_ui.pictures("visits_change", {view: change_svg(body, view, found) for view in VIEWS})
    # under the maps at its own size (300 px): in a quarter of a tablet's width its words were 7 px
    st.image(change_legend_svg(), caption="Each change has its own pattern and letter.", width=300)
    st.dataframe(
        [
            {
                "area": label.get(r, r),
                "change": CHANGE_TEXT[c],
                "before": str(before.areas[r]) if r in before.areas else "not marked",
                "after": str(after.areas[r]) if r in after.areas else "not marked",
            }
            for r, c in found.items()
        ],
        hide_index=True,
        width="stretch",
        key="visits_changes",
    )
else:  # nothing to compare yet: the one drawing
    st.subheader("The visit", anchor=False)
    drawing(visits[0], "visits_map_only")
    st.caption("Two visits can be compared, and the progress chart drawn, from the second visit on.")

st.subheader("Progress", anchor=False)
figure = progress_figure(rows)
if len(visits) > 1:
    st.plotly_chart(
        go.Figure(figure),
        width="stretch",
        config={"displayModeBar": False},
        key="visits_progress",
    )
st.caption(
    text.cited(
        engine,
        "Total severity: the sum of the painful areas' severities. Share of the body: their part of the drawn "
        "body's surface. CHOIR body map (74 segments) [scherrer-2021], Michigan Body Map (35 areas) "
        "[brummett-2016], Widespread Pain Index (19 areas) [wolfe-2016]: how many of each standard's areas "
        "hold a painful area.",
    )
)
st.dataframe(
    [{"date": r["date"], **{name: r[metric] for metric, name in METRICS.items()}} for r in rows],
    hide_index=True,
    width="stretch",
    key="visits_progress_table",
)

st.subheader("Export", anchor=False)
export = st.columns(3)
with export[0]:
    text.csv_download(export_rows(visits, label), "trigger-map-visits.csv", key="visits_csv")
with export[1]:
    st.download_button(
        "Download as JSON",
        data=json.dumps(export_document(code, visits, standards, surfaces), indent=2, ensure_ascii=False),
        file_name="trigger-map-visits.json",
        mime="application/json",
        icon=":material/download:",
        key="visits_json",
        on_click="ignore",  # a download changes nothing on the page: no rerun for it
    )
with export[2]:
    with_notes = st.multiselect(
        "Notes to print on the handout",
        [v.id for v in visits if v.note],
        key="visits_notes",
        format_func=visit_name,
        placeholder="Choose the visits whose notes to print",
    )
    st.download_button(
        "Download the progress handout",
        data=lambda: progress_pdf(engine, visits, rows, figure, with_notes),
        file_name="trigger-map-progress.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="visits_pdf",
        on_click="ignore",
    )


def delete_client(client: str) -> None:
    assert store is not None  # the page stopped above otherwise
    try:
        gone = store.delete_client(client)
    except StoreError as error:
        st.session_state.visits_delete_failed = str(error)
        return
    st.session_state.pop("visits_client", None)
    st.session_state.pop("visits_delete_sure", None)
    st.session_state.visits_deleted = gone


st.subheader("Delete this client", anchor=False)
if st.session_state.get("visits_delete_failed"):
    st.error(f"Nothing was deleted: {st.session_state.pop('visits_delete_failed')}.", icon=":material/error:")
with st.expander("Delete the client and every visit of theirs", icon=":material/delete:"):
    sure = st.checkbox(
        f"Yes: delete this client and all {len(visits)} visits for good. This cannot be undone.",
        key="visits_delete_sure",
    )
    st.button(
        "Delete for good",
        disabled=not sure,
        type="primary",
        key="visits_delete",
        on_click=delete_client,  # once, before the page is drawn again
        args=(code,),
    )
