"""Anatomy quiz for trainers and students: origin, insertion, action, innervation, referral."""

import streamlit as st

from trigger_map.quiz import KINDS, make_question
from ui import resources
from ui.navigation import page
from ui.text import plain

engine = resources.engine()

st.title("Anatomy quiz", anchor=False)
st.markdown("Questions come from the muscle library, so they always match what the app teaches.")

kinds = st.pills("Ask about", list(KINDS), default=list(KINDS), selection_mode="multi", key="quiz_kinds")
st.session_state.setdefault("quiz_seed", 1)
st.session_state.setdefault("quiz_score", [0, 0])
question = make_question(engine, st.session_state.quiz_seed, tuple(kinds) or tuple(KINDS))


def next_question() -> None:
    st.session_state.quiz_seed += 1
    st.session_state.pop("quiz_answer", None)
    st.session_state.pop("quiz_checked", None)


st.subheader(plain(question.prompt), anchor=False)


def check() -> None:
    answer = st.session_state.get("quiz_answer")
    if answer is None or st.session_state.get("quiz_checked"):
        return
    right, wrong = st.session_state.quiz_score
    st.session_state.quiz_checked = True
    st.session_state.quiz_score = [right + (answer == question.answer), wrong + (answer != question.answer)]


answer = st.radio(
    "Your answer",
    question.options,
    index=None,
    key="quiz_answer",
    format_func=plain,
    disabled=st.session_state.get("quiz_checked", False),
)
st.button("Check", on_click=check, disabled=answer is None or st.session_state.get("quiz_checked", False))
if st.session_state.get("quiz_checked"):
    if answer == question.answer:
        st.success(f"Right. {plain(question.explanation)}", icon=":material/check_circle:")
    else:
        st.error(
            f"Not quite. The answer is: {plain(question.answer)}. {plain(question.explanation)}",
            icon=":material/cancel:",
        )
    st.page_link(page("muscles"), label="Read about this muscle", query_params={"muscle": question.muscle_id})
st.button("Next question", on_click=next_question)
right, wrong = st.session_state.quiz_score
st.caption(f"Score this session: {right} right, {wrong} to review.")
