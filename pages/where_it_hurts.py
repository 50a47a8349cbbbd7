"""Where it hurts: mark every painful area (with how much), add symptoms or a condition, and get
the likely trigger points ranked together, each with its reason."""

import streamlit as st

from trigger_map.closeups import closeups_of
from trigger_map.frame import FACING
from trigger_map.links import PainView, read_pain
from trigger_map.lookup import DEFAULT_SEVERITY, Suggestion, answer_to_show, explained_by, question_asked
from trigger_map.map_click import MapClick
from trigger_map.safety import AGE_BANDS
from ui import body_map, red_flags, resources, share, text, trigger_point_panel
from ui import visits as visits_ui

engine = resources.engine()
data = engine.dataset
closeups = closeups_of(engine.body)
TOP = 12

st.title("Where it hurts", anchor=False)
st.markdown(
    "Mark every area that hurts: tap it on the body (tap again to unmark), draw around "
    "several with the lasso, or pick them from the list. Then say how much each one hurts."
)

if "pain_loaded" not in st.session_state:  # a new visit: the link decides the view
    linked = read_pain(st.query_params, engine)
    st.session_state.pain_loaded = True
    st.session_state.pain_areas = dict(linked.areas)
    st.session_state.pain_area_list = list(linked.areas)
    st.session_state.pain_symptoms = list(linked.symptoms)
    st.session_state.pain_condition = linked.condition
    st.session_state.pain_tp = linked.trigger_point
    st.session_state.pain_closeup = linked.closeup
    st.session_state.pain_notices = linked.notices

for notice in st.session_state.get("pain_notices", []):
    st.info(text.plain(notice), icon=":material/link_off:")


def _set_areas(regions: list[str]) -> None:
    areas = st.session_state.pain_areas
    st.session_state.pain_areas = {r: areas.get(r) for r in regions}
    st.session_state.pain_area_list = list(regions)


def pick(click: MapClick) -> None:
    """A tap toggles one area, a lasso or box adds every area inside it. A tap on a hand, a foot or
    the face (areas too small for a finger on the whole body) opens its close-up instead: the
    next tap, on the large drawing, marks the area meant."""
    if click.trigger_points:
        st.session_state.pain_tp = click.trigger_points[0]
        return
    current = list(st.session_state.pain_areas)
    if click.how in ("box", "lasso"):  # a pain drawing: add everything inside it
        current += [r for r in click.regions if r not in current]
    else:
        region = click.regions[0]
        if st.session_state.get("pain_closeup") is None:
            opened = closeups.opens_on(region, touch=click.how == "tap")
            if opened is not None and click.how == "tap":
                st.session_state.pain_closeup = opened.id
                return
        current = [r for r in current if r != region] if region in current else current + [region]
    _set_areas(current)


def zoom(closeup: str | None) -> None:
    st.session_state.pain_closeup = closeup


def severity_changed(region: str) -> None:
    """A slider's value kept apart from the slider (Streamlit forgets a widget's value while it is
    not shown, and the sliders are made only while their section is open)."""
    st.session_state.pain_areas[region] = st.session_state[f"severity_{region}"]


def list_changed() -> None:
    """An area added from the list, off the map: a map showing one view turns to that area's."""
    added = [r for r in st.session_state.pain_area_list if r not in st.session_state.pain_areas]
    if added:
        st.session_state.pain_follow = engine.body.regions[added[-1]].view
    _set_areas(st.session_state.pain_area_list)


def clear() -> None:
    _set_areas([])
    st.session_state.pain_closeup = None
    st.session_state.pain_symptoms = []
    st.session_state.pain_condition = None
    st.session_state.pain_tp = None


def ranks(positions: tuple[int, ...]) -> str:
    """List positions (0-based) as the numbers people see, runs shortened: 1-3, 7."""
    runs: list[list[int]] = []
    for p in positions:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ", ".join(f"{r[0] + 1}" if len(r) == 1 else f"{r[0] + 1}-{r[-1] + 1}" for r in runs)


def by_area(areas, suggestions: list[Suggestion], condition: str | None, why: str | None = None) -> None:
    """Which suggestions explain each marked area (under `why`, the chosen one's reason: one caption,
    one element fewer to draw on each tap); an area none explains is named plainly."""
    explainers = explained_by(suggestions, areas)
    label = engine.body.regions
    lines = [why] if why else []
    if suggestions:
        lines.append(
            "By area: "
            + " · ".join(f"{text.plain(label[r].display_label)}: {ranks(p)}" for r, p in explainers.items() if p)
        )
    if lines:
        st.caption("\n\n".join(lines))
    whose = (
        f"the trigger points linked to {data.conditions.at[condition, 'name']}" if condition else "our trigger points"
    )
    for region, positions in explainers.items():
        if not positions:
            st.info(
                text.plain(f"{label[region].display_label.capitalize()}: none of {whose} refers pain there."),
                icon=":material/info:",
            )


def reason(s: Suggestion) -> str:
    parts = []
    if s.essential_hits:
        parts.append("main pain area: " + trigger_point_panel.region_labels(engine, s.essential_hits))
    if s.spillover_hits:
        parts.append("may spread to: " + trigger_point_panel.region_labels(engine, s.spillover_hits))
    if s.symptom_hits:
        parts.append("symptoms: " + ", ".join(data.symptoms.at[x, "label"] for x in s.symptom_hits))
    if s.essential_hits or s.spillover_hits:
        parts.append(f"{s.share:.0%} of its pattern is marked")
    return "; ".join(parts)


REGION_OPTIONS = engine.body.listed
SYMPTOMS = sorted(
    data.symptoms.index, key=lambda s: (data.symptoms.at[s, "kind"] == "pain", data.symptoms.at[s, "label"])
)


# Questions a tap on the map does not change live outside the fragment: a fragment rerun sends only
# what is inside it, and every element sent costs the browser time (a change here reruns the page).
questions = st.expander(
    "Other symptoms, a condition, your age (optional)",
    icon=":material/tune:",
    expanded=bool(st.session_state.pain_symptoms or st.session_state.pain_condition),
)
filters = questions.columns(2)
filters[0].multiselect(
    "Other symptoms (optional)",
    SYMPTOMS,
    key="pain_symptoms",
    persist_state="session",
    format_func=lambda s: data.symptoms.at[s, "label"],
    placeholder="Choose symptoms",
)
filters[1].selectbox(
    "A condition you have been told you have (optional)",
    [None] + sorted(data.conditions.index, key=lambda c: data.conditions.at[c, "name"]),
    key="pain_condition",
    persist_state="session",
    format_func=lambda c: "No condition" if c is None else data.conditions.at[c, "name"],
    placeholder="No condition",  # what the box shows while None is chosen
)
about = questions.columns(2)  # facts some red flags need (never put in the link)
about[0].selectbox("Your age (optional)", list(AGE_BANDS), key="pain_age", persist_state="session")
about[1].checkbox("Pregnant, or could be", key="pain_pregnant", persist_state="session")


with st.container(horizontal=True, vertical_alignment="center"):  # one row, on a phone too
    views = body_map.view_choice("pain_map", holds=st.session_state.pop("pain_follow", None))
    drawing = st.toggle(
        "Draw around areas (lasso)",
        key="pain_lasso",
        persist_state="session",
        help="Drag a loop around several areas to mark them all at once.",
    )
    st.button("Start again", on_click=clear)
body_map.map_style("pain_map", body_map.map_height(views))


def _chosen_trigger_point(areas: dict, symptoms: tuple[str, ...], condition: str | None, keys: list[str]) -> str | None:
    """The trigger point shown: the one chosen stays while the question stays the same."""
    chosen = st.session_state.pain_tp
    asked = question_asked(areas, symptoms, condition)
    new_question = st.session_state.get("pain_asked", asked) != asked  # show its best answer first
    st.session_state.pain_asked = asked
    chosen = answer_to_show(keys, chosen, new_question)
    st.session_state.pain_tp = chosen
    return chosen


def _marked_map(areas: dict, suggestions: list[Suggestion], chosen: str | None) -> None:
    """The body with the marked areas and the chosen trigger point's pattern, or one close-up."""
    if suggestions:  # on a phone the list is below the map: say the answer up here too
        st.caption(
            f"Most likely: **{text.plain(trigger_point_panel.suggestion_label(engine, suggestions[0]))}**. "
            "The full list is beside the map (below it on a phone)."
        )
    # No tappable X marks here: a tap marks an area, and the map stays the same chart on every
    # tap (a new set of X marks re-sent and redrew both views: measured, most of a tap's time).
    closeup = closeups.by_id.get(st.session_state.get("pain_closeup") or "")
    if closeup:
        with st.container(horizontal=True, vertical_alignment="center", key="pain_closeup_bar"):
            st.button("Whole body", icon=":material/zoom_out_map:", on_click=zoom, args=(None,))
            st.markdown(f"**Close-up: {text.plain(closeup.label)}** ({closeup.view}, {FACING[closeup.view]})")
    body_map.body_maps(
        engine,
        trigger_point_panel.pattern_highlight(engine, chosen, marked=tuple(areas)),
        key="pain_map",
        on_pick=pick,
        views=views,
        lasso=drawing and closeup is None,
        styled=True,
        closeup=closeup,
    )


def _severity_sliders(areas: dict) -> None:
    """One slider per marked area, made only while their section is open."""
    with text.on_demand("How much does each area hurt? (0 = not at all, 10 = worst)", key="pain_severity") as severity:
        for region in areas if severity.open else ():
            level = areas[region]
            st.session_state[f"severity_{region}"] = DEFAULT_SEVERITY if level is None else level
            st.slider(
                text.plain(engine.body.regions[region].display_label),
                0,
                10,
                key=f"severity_{region}",
                on_change=severity_changed,
                args=(region,),
            )


def _ranked_list(suggestions: list[Suggestion], keys: list[str]) -> None:
    """The most likely trigger points to choose from."""
    st.markdown(f"### Most likely trigger points ({len(suggestions)})", anchors=False)
    # a list to open rather than 12 radio buttons, as on the Body map: each option of a
    # radio is drawn (its label parsed as Markdown) on every tap; "By area" shows the ranks
    st.selectbox(
        "Choose one to see its pattern and what to do",
        keys,
        key="pain_tp",
        persist_state="session",
        format_func=lambda k: f"{keys.index(k) + 1}. "
        + trigger_point_panel.suggestion_label(engine, suggestions[keys.index(k)]),
    )


def _why_each_one(suggestions: list[Suggestion]) -> None:
    """The table of every suggestion's reasons and score, made only while its section is open."""
    with text.on_demand("Why each one is suggested", key="pain_why") as explained:
        why = (
            []
            if not explained.open
            else [
                {
                    "rank": i + 1,
                    "trigger point": trigger_point_panel.suggestion_label(engine, sg),
                    "explains (main area)": trigger_point_panel.region_labels(engine, sg.essential_hits),
                    "explains (may spread)": trigger_point_panel.region_labels(engine, sg.spillover_hits),
                    "share of its pattern marked": f"{sg.share:.0%}",
                    "symptoms": ", ".join(data.symptoms.at[x, "label"] for x in sg.symptom_hits),
                    "score": round(sg.score, 3),
                }
                for i, sg in enumerate(suggestions)
            ]
        )
        if why:
            st.dataframe(why, hide_index=True, width="stretch")
            text.csv_download(why, "trigger-map-suggestions.csv", key="pain_why_csv")


def _answers(
    areas: dict, symptoms: tuple[str, ...], condition: str | None, suggestions: list[Suggestion], chosen: str | None
) -> None:
    """Beside the map: red flags, severities, the ranked trigger points and the chosen one's details."""
    keys = [s.key for s in suggestions]
    current = next((s for s in suggestions if s.key == chosen), None)  # one is chosen whenever there are any
    facts = AGE_BANDS[st.session_state.pain_age] | ({"pregnant"} if st.session_state.pain_pregnant else set())
    st.caption(red_flags.NOT_A_DIAGNOSIS)
    red_flags.red_flags(engine, list(areas), symptoms, facts=facts, parts=("matched",))
    if areas:
        _severity_sliders(areas)
    if not suggestions and not areas:
        st.markdown("Mark an area, a symptom or a condition to see the trigger points that may be involved.")
    elif current is not None:
        _ranked_list(suggestions, keys)
    why = f"Why: {text.plain(reason(current))}." if current is not None else None
    if areas:
        by_area(areas, suggestions, condition, why)
    elif why:
        st.caption(why)
    if suggestions:
        _why_each_one(suggestions)
    red_flags.red_flags(engine, list(areas), symptoms, facts=facts, parts=("watch",))
    with text.on_demand("Save as a visit", key="visit_save", icon=":material/save:") as saving:
        if saving.open:  # made only while open: a tap on the map stays cheap
            visits_ui.save_form(engine, areas, symptoms, condition, keys)
    if current is not None:
        trigger_point_panel.trigger_point_details(engine, current.key, "pain_panel", rule=True)


@st.fragment
def where_it_hurts() -> None:
    areas = dict(st.session_state.pain_areas)
    symptoms = tuple(st.session_state.pain_symptoms)
    condition = st.session_state.pain_condition
    suggestions = engine.suggest(areas, symptoms, condition, limit=TOP)
    chosen = _chosen_trigger_point(areas, symptoms, condition, [s.key for s in suggestions])

    st.multiselect(
        "Painful areas",
        REGION_OPTIONS,
        key="pain_area_list",
        persist_state="session",
        on_change=list_changed,
        format_func=lambda r: engine.body.regions[r].display_label,
        placeholder="Choose the areas that hurt",
    )
    map_side, results = st.columns([3, 2], gap="large")
    with map_side:
        _marked_map(areas, suggestions, chosen)
        body_map.legend(marked="the areas you marked")  # under the map: above, it pushed the body down
    with results:
        share_box = st.container()
        _answers(areas, symptoms, condition, suggestions, chosen)
    view = PainView(
        areas={r: areas[r] for r in areas},
        symptoms=symptoms,
        condition=condition,
        trigger_point=chosen,
        closeup=st.session_state.get("pain_closeup"),
    )
    with share_box:  # the address bar follows it too (static/map.js), without a rerun of the page
        share.share_button(view.params(), "Trigger Map: where it hurts")


where_it_hurts()
