"""What a person sees when a page fails: a plain message of our own.

Streamlit's own crash box, with `client.showErrorDetails = "none"`, says the error was redacted
and points to "Manage app" on Streamlit Cloud, which this app does not run on. Streamlit logs the
exception, traceback included, before it calls this handler (st.App's `on_script_error`, wired in
asgi.py), for the whole page's run and for a fragment's or a widget callback's."""

from __future__ import annotations

import streamlit as st

CRASH_TITLE = "Sorry, this page stopped because of an error on our side."
CRASH_ADVICE = (
    "Reload the page to try again, or choose another page from the menu. The error has been "
    "recorded for the people who run Trigger Map. If your pain is severe or sudden, do not wait "
    "for the app: call a doctor or your emergency number."
)
# The settings that show a developer Streamlit's own box, with the error's type, message or trace.
DETAILED = ("full", "stacktrace", "type", True)


def show_crash(error: Exception) -> bool:
    """st.App's `on_script_error`: our message instead of Streamlit's box (True), unless the server
    was started to show error details, as a developer may (False: Streamlit's box)."""
    if st.get_option("client.showErrorDetails") in DETAILED:
        return False
    # amber, not red: red is kept for pain patterns and for the red flags that say "see a doctor now"
    st.warning(f"**{CRASH_TITLE}**\n\n{CRASH_ADVICE}", icon=":material/error:")
    return True
