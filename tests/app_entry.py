"""AppTest's main script: runs app.py from a folder with no `pages/` beside it, so Streamlit starts
in its `st.navigation` mode on every test run (AppTest resets its multipage flag before each run;
the server is started the same way by ui/serve.py)."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
