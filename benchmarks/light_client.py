"""A light browser session for load tests: speaks Streamlit's websocket protocol, draws nothing.

A browser session of the Body map, as the server sees it: a GET of the page (which also picks up the
load balancer's route cookie), one websocket to /_stcore/stream carrying the cookies, a rerun with
the address bar's query string, and for each click on the map the chart's selection event as the
browser's Plotly chart sends it (the same JSON, in a fragment rerun). It reads every message the
server sends back, and checks what a person would look at: the panel's heading names the clicked
area, no error box came. A whole run of 100 sessions and 1000 clicks used about 5 s of client CPU,
so a hundred of them fit on a machine that also runs the servers, where headless Chromium pages
(which lay out, draw and run Plotly) would measure themselves.

After a lost connection it does what the browser does: it reconnects (through the same load
balancer, with the same cookies), opens a new session with the view's link, and the view comes back
from the link.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import time
import urllib.parse
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from trigger_map.links import ExplorerView, PainView

HEADING = re.compile(r"<h3>(.*?)</h3>")  # the chosen area's heading in the panel's HTML block

FINISHED_MAIN = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
FINISHED_FRAGMENT = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
FINISHED_EARLY = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


class SessionError(Exception):
    """The session saw something a person would see as broken (an error box, no answer)."""


@dataclass
class Run:
    """What the server sent for one script run."""

    headings: list[str] = field(default_factory=list)  # the text of each area heading (<h3> in an HTML block)
    errors: list[str] = field(default_factory=list)  # exception elements and error alerts
    charts: dict[str, tuple[str, str]] = field(default_factory=dict)  # chart key -> (widget id, fragment id)
    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)  # widget key -> (widget id, fragment id)
    alerts: list[str] = field(default_factory=list)  # every alert's text (success, info, warning, error)
    messages: int = 0
    bytes: int = 0
    status: int | None = None


async def http_get(url: str, cookies: dict[str, str], timeout: float = 10.0) -> tuple[int, dict[str, str]]:
    """GET over a new connection (as a browser loading the page); returns the status and the
    cookies the response set."""
    parts = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.wait_for(asyncio.open_connection(parts.hostname, parts.port or 80), timeout)
    try:
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        request = (
            f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1\r\n"
            f"Host: {parts.netloc}\r\nUser-Agent: trigger-map-light-client\r\nAccept: text/html\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "")
            + "Connection: close\r\n\r\n"
        )
        writer.write(request.encode())
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1]) if head and len(head[0].split()) > 1 else 0
    set_cookies = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            pair = value.strip().split(";", 1)[0]
            key, _, val = pair.partition("=")
            set_cookies[key.strip()] = val.strip()
    return status, set_cookies


class LightSession:
    """One person's tab on the Body map, through `base_url` (nginx or one app process)."""

    def __init__(self, base_url: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.ws: websockets.ClientConnection | None = None
        self.page_hash = ""
        self.charts: dict[str, tuple[str, str]] = {}
        self.widgets: dict[str, str] = {}  # widget id -> the JSON value last sent
        self.selected: dict[str, str] = {}  # view -> the region its chart keeps selected
        self.view = ExplorerView()
        self.pain: PainView | None = None  # on Where it hurts: its drawing
        self.form: dict[str, tuple[str, str]] = {}  # Where it hurts: widget key -> (id, fragment id)

    @property
    def page_name(self) -> str:
        return "where_it_hurts" if self.pain is not None else ""

    @property
    def query(self) -> str:
        return urllib.parse.urlencode((self.pain or self.view).params())

    async def open(self, view: ExplorerView | PainView | None = None) -> Run:
        """Load the page and run it with the view's link (a new tab, or a reconnect): the Body map,
        or Where it hurts for a PainView."""
        if isinstance(view, PainView):
            self.pain = view
        elif view is not None:
            self.view, self.pain = view, None
        path = f"/{self.page_name}?{self.query}"
        status, set_cookies = await http_get(f"{self.base_url}{path}", self.cookies, self.timeout)
        if status != 200:
            raise SessionError(f"GET / answered {status}")
        self.cookies.update(set_cookies)
        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.ws = await asyncio.wait_for(
            websockets.connect(
                ws_url,
                subprotocols=[websockets.Subprotocol("streamlit")],
                additional_headers={
                    "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                    "Origin": self.base_url,
                },
                max_size=None,
                compression=None,
                open_timeout=self.timeout,
            ),
            self.timeout,
        )
        self.widgets = {}
        self.selected = {}
        self.page_hash = ""
        run = await self._rerun(fragment_id="")
        self.charts = run.charts
        self.form = dict(run.widgets)
        return run

    async def save_visit(self, code: str, note: str) -> Run:
        """On Where it hurts (opened with `open(PainView(...))`): open "Save as a visit", type the
        client code and the note, press the button. The page's answer is in the run's alerts."""
        section, fragment = self.form["visit_save"]
        opened = WidgetState(id=section, bool_value=True)
        run = await self._rerun(fragment_id=fragment, extra=[opened])
        self.form.update(run.widgets)
        if "visit_submit" not in run.widgets:
            raise SessionError("the save form did not open")
        typed = [
            opened,
            WidgetState(id=run.widgets["visit_code"][0], string_value=code),
            WidgetState(id=run.widgets["visit_note"][0], string_value=note),
            WidgetState(id=run.widgets["visit_submit"][0], trigger_value=True),
        ]
        return await self._rerun(fragment_id=fragment, extra=typed)

    async def click(self, region: str, view_name: str, x: float, y: float, index: int) -> Run:
        """A click on a region's hit point in the front or back view, as the chart reports it.
        A chart keeps its last point selected, and a click on it deselects it (another event):
        choose a region that is not in `selected`."""
        widget_id, fragment_id = self.charts[f"explorer_map_{view_name}"]
        point = {"curve_number": 0, "point_number": index, "point_index": index, "x": x, "y": y, "customdata": region}
        self.widgets[widget_id] = json.dumps(
            {"selection": {"points": [point], "point_indices": [index], "box": [], "lasso": []}}
        )
        self.selected[view_name] = region
        run = await self._rerun(fragment_id=fragment_id)
        self.view = ExplorerView(region)  # the page script keeps the view's link in the address bar
        return run

    async def close(self) -> None:
        ws, self.ws = self.ws, None
        if ws is not None:
            with contextlib.suppress(websockets.ConnectionClosed, OSError):
                await ws.close()

    async def _rerun(self, fragment_id: str, extra: list[WidgetState] | None = None) -> Run:
        assert self.ws is not None
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.page_name = "" if self.page_hash else self.page_name
        state.fragment_id = fragment_id
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-GB"
        state.context_info.url = f"{self.base_url}/{self.page_name}?{self.query}"
        for widget_id, value in self.widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.string_value = value
        for widget in extra or ():
            state.widget_states.widgets.add().CopyFrom(widget)
        await self.ws.send(message.SerializeToString())
        return await asyncio.wait_for(self._read_run(), self.timeout)

    async def _read_run(self) -> Run:
        assert self.ws is not None
        run = Run()
        while True:
            data = await self.ws.recv()
            assert isinstance(data, bytes)
            run.messages += 1
            run.bytes += len(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "navigation":
                self.page_hash = msg.navigation.page_script_hash or self.page_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._read_element(msg.delta, run)
            elif kind == "delta" and msg.delta.WhichOneof("type") == "add_block":
                block = msg.delta.add_block
                if block.WhichOneof("type") == "expandable" and block.id:
                    run.widgets[block.id.rsplit("-", 1)[-1]] = (block.id, msg.delta.fragment_id)
            elif kind == "script_finished":
                if msg.script_finished == FINISHED_EARLY:
                    continue  # a newer run replaces this one; its own end follows
                run.status = msg.script_finished
                return run

    @staticmethod
    def _read_element(delta, run: Run) -> None:
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "html":
            run.headings += [html.unescape(text) for text in HEADING.findall(element.html.body)]
        elif kind == "exception":
            run.errors.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "alert":
            run.alerts.append(element.alert.body)
            if element.alert.format == 1:  # ERROR
                run.errors.append(element.alert.body)
        if kind == "plotly_chart":
            key = element.plotly_chart.id.rsplit("-", 1)[-1]
            run.charts[key] = (element.plotly_chart.id, delta.fragment_id)
        widget_id = getattr(getattr(element, kind), "id", "") if kind else ""
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            run.widgets[widget_id.rsplit("-", 1)[-1]] = (widget_id, delta.fragment_id)


async def _demo(base_url: str) -> None:
    session = LightSession(base_url)
    started = time.perf_counter()
    run = await session.open()
    print(f"open {1000 * (time.perf_counter() - started):.0f} ms {run.messages} msgs {run.bytes} B charts {run.charts}")
    print("cookies", session.cookies, "errors", run.errors, "headings", run.headings)
    for region, view, x, y in (("temple-l", "front", 0, 0), ("low_back-r", "back", 0, 0)):
        started = time.perf_counter()
        run = await session.click(region, view, x, y, 0)
        print(
            f"click {region} {1000 * (time.perf_counter() - started):.0f} ms status {run.status}",
            run.headings,
            run.errors,
            run.messages,
            run.bytes,
        )
    await session.close()


if __name__ == "__main__":
    import sys

    asyncio.run(_demo(sys.argv[1]))
