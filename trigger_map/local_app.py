"""Start the app on loopback and a headless Chromium: one helper for the tests, the benchmarks and
the tools (tests/browser/conftest.py, benchmarks/run.py, tools/screenshot.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

# Debian's Chromium, headless, as root, on a machine with no network but loopback: without the
# background-networking flags it keeps trying to reach outside hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
STREAMLIT_OPTIONS = [
    "--server.headless",
    "true",
    "--server.address",
    "127.0.0.1",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
]

# What the page says about its state, for whatever drives it (tests, benchmarks, tools): the script
# has finished its run; and the placeholder Streamlit shows in an element's place while that
# element's code (st.html, widgets, charts: a file each, fetched on first use) is still loading.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
PLACEHOLDER = "[data-testid=stSkeleton]"
# And no animation left to finish (a JavaScript test for `wait_for_function`): an expander that
# opens grows to its content's height in an animation of up to half a second, started again when
# the content's code arrives, and what it holds moves meanwhile. A click whose press and release
# fell on either side of such a move went to no button (a fresh-clone run's lost Save). Endless
# animations (a spinner) do not count.
STILL = (
    "() => document.getAnimations().every(a => a.playState !== 'running' || !a.effect"
    " || a.effect.getComputedTiming().endTime === Infinity)"
)
DRAWN = f"() => !!document.querySelector({IDLE!r}) && !document.querySelector({PLACEHOLDER!r}) && ({STILL})()"


def wait_drawn(page, timeout: float = 30_000) -> None:
    """Wait until the page (a Playwright page) is as a person sees it: the script idle, every
    element's code loaded and nothing moving, all three at the same moment. The tests' `wait_idle`
    and the screenshot tool. Checked one after the other, they could each hold in turn and not
    together: a click that opens an expander starts its animation and a rerun; the script looked
    idle before the rerun began, the animation then ended mid-run, and the form the rerun drew
    grew in a new animation after the wait had returned (a fresh-clone run: 3 animations running)."""
    page.wait_for_function(DRAWN, timeout=timeout)


class LocalAppError(RuntimeError):
    """The app or the browser could not be started."""


def chromium_path(shell: bool = False) -> str:
    """$CHROMIUM, else chromium on PATH, else /usr/bin/chromium; an error naming the fix if none.
    With `shell`, Chromium's headless shell (Debian's `chromium-headless-shell`) when it is
    installed: the same Blink and V8 without the full browser's user interface, the build
    Playwright itself uses for headless runs, and about a third less processor work per test here
    (tests/browser). The benchmarks and the screenshots keep the full browser, as people have it."""
    if shell and not os.environ.get("CHROMIUM"):
        found = shutil.which("chromium-headless-shell")
        if found:
            return found
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise LocalAppError(
            f"Chromium is not installed ({path} does not exist): `bash scripts/setup.sh --browser` installs "
            "Debian's package, or set CHROMIUM=/path/to/chromium"
        )
    return path


def launch_chromium(playwright, shell: bool = False):
    """A headless Chromium from a started `sync_playwright()` (the headless shell with `shell`)."""
    return playwright.chromium.launch(executable_path=chromium_path(shell), args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_base_port(count: int) -> int:
    """A port P with P .. P + count - 1 all free on loopback (a cluster's processes side by side)."""
    for _ in range(200):
        base = free_port()
        if base + count < 65000 and all(_free(base + i) for i in range(count)):
            return base
    raise LocalAppError("no run of free ports on 127.0.0.1")


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@dataclass
class LocalApp:
    process: subprocess.Popen
    url: str

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        """Stop the server by its pid: terminate, then kill after 15 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_app(
    script: Path = APP,
    port: int | None = None,
    env: dict | None = None,
    timeout: float = 90,
    quiet: bool = True,
    options: tuple[str, ...] = (),
    log: Path | None = None,
) -> LocalApp:
    """Start a Streamlit script on loopback and wait until it answers its health check. Trigger
    Map itself (`app.py`) starts through its launcher (ui/serve.py), as scripts/run.sh does; any
    other script (the benchmark's floor) with plain `streamlit run`. `options`: more Streamlit
    options (e.g. `--secrets.files PATH`). `log`: a file for the server's output (its warnings
    tell, for example, a rerun it dropped), instead of discarding it or sharing the caller's."""
    port = port or free_port()
    if Path(script).resolve() == APP:
        command = [sys.executable, "-m", "ui.serve", "--server.port", str(port), *STREAMLIT_OPTIONS]
    else:
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
        command += STREAMLIT_OPTIONS
    command += list(options)
    environment = {**os.environ, **(env or {})}
    if log is not None:
        with log.open("ab") as output:  # the server holds its own copy of the file
            process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
    else:
        quiet_output = subprocess.DEVNULL if quiet else None
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=quiet_output, stderr=quiet_output)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalAppError(f"{Path(script).name} exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return LocalApp(process, url)
        except OSError:
            time.sleep(0.2)
    LocalApp(process, url).stop()
    raise LocalAppError(f"{Path(script).name} did not answer on {url} within {timeout:.0f} s")
