"""Anatomy quiz for trainers and classes: a set of questions, pictures drawn on the body map."""

import random

import streamlit as st

from trigger_map import quiz
from trigger_map.body import VIEWS
from trigger_map.data import BODY_AREAS
from trigger_map.frame import FACING
from trigger_map.links import QuizView, read_quiz
from trigger_map.map_click import MapClick
from trigger_map.muscle_overlay import muscle_pictures
from trigger_map.present import shapes_window
from ui import body_map, resources, share, text
from ui.navigation import page

engine = resources.engine()

st.title("Anatomy quiz", anchor=False)
st.markdown(
    "Questions come from the muscle library, so they always match what the app teaches. Picture "
    "questions are drawn on the body map: name the muscle that makes a pain pattern, or tap where "
    "a trigger point sends pain."
)


def start(view: QuizView) -> None:
    """A quiz from its first question: the settings widgets show what it was made with."""
    st.session_state.quiz_view = view
    st.session_state.quiz_index = 0
    st.session_state.quiz_responses = {}
    st.session_state.quiz_score = [0, 0]
    st.session_state.quiz_areas = list(view.areas)
    st.session_state.quiz_kinds = list(view.kinds)
    st.session_state.quiz_length = view.count
    clear_answer()


def clear_answer() -> None:
    for key in ("quiz_answer", "quiz_checked"):
        st.session_state.pop(key, None)
    st.session_state.quiz_taps = []


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 1_000_000)


def new_quiz() -> None:
    """A new set of questions with the settings chosen above."""
    start(
        QuizView(
            seed=new_seed(),
            count=st.session_state.get("quiz_length") or quiz.LENGTHS[0],
            areas=tuple(st.session_state.get("quiz_areas") or ()),
            kinds=tuple(st.session_state.get("quiz_kinds") or ()),
        )
    )


if "quiz_view" not in st.session_state:  # a new visit: the link's set, or a new one
    linked = read_quiz(st.query_params, quiz.KINDS)
    st.session_state.quiz_notices = linked.notices
    if linked.seed is None:
        linked.seed = new_seed()
    start(linked)

for notice in st.session_state.get("quiz_notices", []):
    st.info(text.plain(notice), icon=":material/link_off:")

view: QuizView = st.session_state.quiz_view
with st.expander("Choose the quiz: body areas, kinds of question, length", icon=":material/tune:"):
    st.pills(
        "Body areas (none chosen: the whole body)",
        BODY_AREAS,
        selection_mode="multi",
        key="quiz_areas",
        persist_state="session",
        format_func=str.capitalize,
    )
    st.pills(
        "Kinds of question (none chosen: all of them)",
        quiz.KINDS,
        selection_mode="multi",
        key="quiz_kinds",
        persist_state="session",
        format_func=lambda kind: quiz.KIND_LABELS[kind],
    )
    st.segmented_control(
        "Length", quiz.LENGTHS, key="quiz_length", persist_state="session", format_func=lambda n: f"{n} questions"
    )
    st.button("Start a new quiz", on_click=new_quiz, icon=":material/restart_alt:")


@st.cache_data(max_entries=64, show_spinner=False)
def quiz_set(seed: int, count: int, areas: tuple[str, ...], kinds: tuple[str, ...], data_key: str) -> quiz.QuizSet:
    return quiz.make_set(engine, seed, count, areas=areas, kinds=kinds)


try:
    chosen = quiz_set(view.seed or 0, view.count, view.areas, view.kinds, str(id(engine)))
except quiz.QuizError as error:
    st.warning(text.plain(str(error)), icon=":material/info:")
    st.stop()
questions = chosen.questions
responses: dict[int, object] = st.session_state.quiz_responses

with st.container(horizontal=True, vertical_alignment="center"):
    st.caption(
        f"Quiz number {view.seed}: {len(questions)} questions"
        + (f" on the {', '.join(view.areas)}" if view.areas else " on the whole body")
        + (". Share the link: everyone who opens it gets the same questions." if questions else ".")
    )
    share.share_button(view.params(), "Trigger Map: anatomy quiz")
if len(questions) < view.count:
    st.caption(f"These choices give {len(questions)} different questions, so the quiz is shorter.")


def draw(drawn: quiz.Drawn, key: str, taps=(), on_pick=None) -> None:
    """What a question or its answer draws: the pattern, the X, an area, a muscle lit."""
    muscles = muscle_pictures(drawn.shapes, engine.dataset.muscles.at[drawn.muscle, "name"] if drawn.muscle else "")
    highlight = quiz.highlight(engine, drawn, marked=taps)
    if on_pick is not None:
        body_map.body_maps(engine, highlight, key=key, on_pick=on_pick, views=VIEWS, muscles=muscles)
        return
    views = drawn.views(engine)
    closeups = quiz.closeups_for(engine, drawn)
    phone = body_map.on_phone()
    if closeups:  # a hand, a foot, the face: large beside the whole body (on a phone, alone)
        if phone:
            close = st.container()
        else:
            whole, close = st.columns([1, len(closeups)], gap="small")
            with whole:
                body_map.pictures(engine, highlight, key, body_map.map_height(views), views=views, muscles=muscles)
        for column, closeup in zip(close.columns(len(closeups)), closeups, strict=True):
            with column:
                st.caption(f"Close-up: {text.plain(closeup.label)} ({closeup.view}, {FACING[closeup.view]})")
                body_map.body_maps(
                    engine,
                    highlight,
                    key=f"{key}_{closeup.id}",
                    on_pick=lambda click: None,
                    closeup=closeup,
                    muscles=muscles,
                    whole_inset=phone,  # beside it on a bigger screen already
                )
        return
    zoom = shapes_window(drawn.shapes) if drawn.shapes and not drawn.essential else None
    if zoom is not None:  # a small muscle to name outside the hand, foot and face (the neck's, the pelvis's)
        whole, close = (st.container(), st.container()) if phone else st.columns([1, 1], gap="small")
        with whole:
            body_map.pictures(engine, highlight, key, body_map.map_height(views), views=views, muscles=muscles)
        with close:
            st.caption(f"Close-up ({zoom[0]}, {FACING[zoom[0]]})")
            body_map.pictures(
                engine,
                highlight,
                f"{key}_zoom",
                body_map.CLOSEUP_HEIGHT,
                views=(zoom[0],),
                muscles=muscles,
                window=zoom[1],
            )
        return
    body_map.pictures(engine, highlight, key, body_map.map_height(views), views=views, muscles=muscles)


def toggle_tap(click: MapClick) -> None:
    """A tap on an area marks it; a tap on a marked one unmarks it."""
    taps = list(st.session_state.get("quiz_taps") or [])
    for region in click.regions:
        if click.how == "again" or region in taps:
            taps = [r for r in taps if r != region]
        else:
            taps.append(region)
    st.session_state.quiz_taps = taps


def check(index: int, question: quiz.Question) -> None:
    response = list(st.session_state.get("quiz_taps") or []) if question.is_tap else st.session_state.get("quiz_answer")
    if not response or st.session_state.get("quiz_checked"):
        return
    responses[index] = response
    right = quiz.is_right(question, response)
    st.session_state.quiz_score[0 if right else 1] += 1
    st.session_state.quiz_checked = True


def next_question() -> None:
    st.session_state.quiz_index += 1
    clear_answer()


def region_label(region_id: str) -> str:
    info = engine.body.regions[region_id]
    return f"{info.display_label} ({info.view})"


def feedback(question: quiz.Question, given) -> None:
    """Right or not, the answer and why, and where to read more."""
    how = ""
    if question.is_tap:
        how = f"Your taps match {int(quiz.tap_score(question, given) * 100)}% of the main pain area. "
    if quiz.is_right(question, given):
        st.success(f"Right. {text.plain(how + question.explanation)}", icon=":material/check_circle:")
    else:
        st.error(
            f"Not quite. {text.plain(how)}The answer is: {text.plain(question.answer)}. "
            f"{text.plain(question.explanation)}",
            icon=":material/cancel:",
        )
    if question.is_tap or question.answer_drawn:
        drawn = question.answer_drawn
        marked = "the area the question asks about" if drawn.marked else ""
        if question.is_tap:
            marked = "the areas you tapped"
        zones, points = bool(drawn.essential or drawn.spillover), bool(drawn.trigger_point or drawn.others)
        body_map.legend(marked=marked, muscles=bool(drawn.shapes), zones=zones, points=points)
    st.page_link(page("muscles"), label="Read about this muscle", query_params={"muscle": question.muscle_id})


index = st.session_state.quiz_index
right, wrong = st.session_state.quiz_score
if index < len(questions):
    question = questions[index]
    checked = bool(st.session_state.get("quiz_checked"))
    st.caption(f"Question {index + 1} of {len(questions)} · {right} right so far")
    st.subheader(text.plain(question.prompt), anchor=False)
    shown = question.answer_drawn if checked else question.shown
    if question.is_tap or shown:  # the picture beside the answers (above them on a phone)
        map_side, answer_side = st.columns([3, 2], gap="large")
    else:
        map_side = answer_side = st.container()
    with map_side:
        if question.is_tap:
            st.multiselect(
                "Or choose the areas from the list",
                engine.body.listed,
                key="quiz_taps",
                persist_state="session",
                format_func=region_label,
                disabled=checked,
                placeholder="Choose the areas",
            )
            draw(shown, "quiz_map", taps=st.session_state.quiz_taps, on_pick=None if checked else toggle_tap)
        elif shown:
            draw(shown, "quiz_map")
    with answer_side:
        if question.is_tap:
            response = st.session_state.quiz_taps
            st.caption("Tap an area again to take it back.")
        else:
            response = st.radio(
                "Your answer",
                question.options,
                index=None,
                key="quiz_answer",
                persist_state="session",
                format_func=text.plain,
                disabled=checked,
            )
        st.button("Check", on_click=check, args=(index, question), disabled=not response or checked, type="primary")
        if checked:
            feedback(question, responses.get(index))
        last = index + 1 == len(questions)
        st.button("See your score" if last else "Next question", on_click=next_question, disabled=not checked)
else:
    st.subheader(f"Your score: {right} of {len(questions)}", anchor=False)
    answers = [responses.get(i) for i in range(len(questions))]
    with st.container(horizontal=True):
        text.csv_download(quiz.result_rows(engine, chosen, answers), f"quiz-{view.seed}-results.csv", "quiz_csv")
        st.button("Start a new quiz", on_click=new_quiz, icon=":material/restart_alt:", key="quiz_again")
    st.markdown("**Review**: open a question to see its answer drawn on the body.")
    for number, (question, given) in enumerate(zip(questions, answers, strict=True), start=1):
        mark = ":material/check_circle:" if quiz.is_right(question, given) else ":material/cancel:"
        with text.on_demand(f"{number}. {text.plain(question.prompt)}", key=f"quiz_review_{number}", icon=mark) as item:
            if item.open:
                st.markdown(
                    f"Your answer: {text.plain(quiz.response_text(engine, question, given) or 'none')}  \n"
                    f"Answer: {text.plain(question.answer)}  \n{text.plain(question.explanation)}"
                )
                if question.answer_drawn:
                    draw(question.answer_drawn, f"quiz_review_map_{number}")
