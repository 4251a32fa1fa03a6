"""Janus's own demo pages (Debian's janus-demos) as a foreign service the sampler must fit: the echo test (one
participant gets its own media back) and the video room (each participant publishes on one send-only
connection and subscribes to every other on a receive-only one each). Nothing of these pages is ours: they
are served as Debian ships them, from this machine (DemoPages), with only their settings.js written here to
point at a given Janus; their scripts, jQuery, bootstrap and adapter.js are Debian's libjs-* copies the
package links in. The selectors below are these pages' (their page objects); the sampler itself is the
platform's, unchanged (peer_tracker.js), with page_labels.js naming each sender the way the page shows it.
"""

from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..media import PEER_TRACKER_SCRIPT
from ..media.browser_cpu import BrowserCpu
from ..media.campaign import LOW_RES_CAMERA_SCRIPT
from ..media.meeting_quality import MeetingResult, assess_meeting, pairs_not_ready, sample_meeting
from ..media.page_labels import PageLabels
from ..media.series import SERIES_SCRIPT, split_page
from ..media.thresholds import load_thresholds
from ..media.visit import MediaReport
from ..waiting import UI_TIMEOUT_S

DEMOS = Path("/usr/share/janus/demos")

# The echo test: the own preview left, what Janus sends back right; it shows no name, so both are "själv".
ECHO_LABELS = PageLabels(self_media="#videoleft video", sender_box="#videoright")
# The video room: the own preview in #videolocal, the own name only in the join field; each remote feed in a
# panel of its own (#videoremoteN for its media, #remoteN in the heading for the name the feed joined with).
ROOM_LABELS = PageLabels(self_media="#videolocal video", self_name="#username",
                         sender_box="div.panel:has(> div[id^=videoremote])", sender_name="span[id^=remote]")


class DemoPages:
    """Debian's demo folder on a loopback port, its settings.js replaced by one that names `janus_url`
    (the package's own asks for Janus on the page's host at port 8088, and leaves token/apisecret undefined,
    which the demos read)."""

    def __init__(self, janus_url: str):
        self._settings = (f"var server = {json.dumps(janus_url)};\nvar iceServers = null;\n"
                          "var token = null;\nvar apisecret = null;\n").encode()
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> "DemoPages":
        settings = self._settings

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path.split("?")[0] == "/settings.js":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/javascript")
                    self.send_header("Content-Length", str(len(settings)))
                    self.end_headers()
                    self.wfile.write(settings)
                    return
                super().do_GET()

            def log_message(self, *args):  # the pages' requests are not the test's output
                pass

        if not (DEMOS / "videoroomtest.html").exists():
            raise FileNotFoundError("Janus demosidor saknas: kör scripts/ensure-janus (Debians paket janus-demos).")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(DEMOS)))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"


class DemoParticipant:
    """One person on a demo page, in a browser context of its own with the peer tracker and the page's labels,
    and the campaign's low-resolution camera (the page's own request kept, its size and rate capped): what
    this shared two-core machine holds three participants of, each encoding one stream and decoding two."""

    def __init__(self, browser, role: str, labels: PageLabels):
        self.role = role
        self.context = browser.new_context()
        self.context.add_init_script(PEER_TRACKER_SCRIPT)
        self.context.add_init_script(LOW_RES_CAMERA_SCRIPT)
        self.context.add_init_script(labels.init_script())
        self.page = self.context.new_page()
        self.page.set_default_timeout(UI_TIMEOUT_S * 1000)

    def start_echo(self, pages: DemoPages) -> None:
        self.page.goto(f"{pages.base_url}/echotest.html")
        self.page.click("#start")

    def join_room(self, pages: DemoPages, room: int, name: str) -> None:
        self.page.goto(f"{pages.base_url}/videoroomtest.html?room={room}")
        self.page.click("#start")
        self.page.fill("#username", name)
        self.page.click("#register")

    def skip_video_from(self, name: str) -> None:
        """A fault of the receiver's own: its page subscribes to that participant's audio only, through the
        demo's own subscribe function (newRemoteFeed, called with each feed's streams). Before join_room."""
        self.page.add_init_script(f"""addEventListener("load", () => {{
  const subscribe = window.newRemoteFeed;
  window.newRemoteFeed = (id, display, streams) => subscribe(id, display,
    display === {json.dumps(name)} ? streams.filter((s) => s.type !== "video") : streams);
}});""")

    def report(self) -> MediaReport:
        return MediaReport(self.role, self.page.evaluate(SERIES_SCRIPT))

    def close(self) -> None:
        self.context.close()


def judge(participants: list[DemoParticipant], label: str, browsers_from: BrowserCpu | None,
          not_awaited: tuple[str, ...] = ()) -> tuple[list[MediaReport], MeetingResult]:
    """The meeting's verdict per receiver and sender (media/meeting_quality.py, as the DVM-05 step judges),
    once every pair but those not_awaited (a fault's, which never gets going) has its measured seconds, or
    the bound has passed; browsers_from: the browsers' CPU at the start, for the busy-machine check."""
    def not_ready(reports):
        # A page alone has no pair until its echo comes: every page must receive something first.
        silent = [report.role for report in reports if not split_page(report.raw).received]
        return [f"{role} har inte tagit emot något" for role in silent] + \
            [pair for pair in pairs_not_ready(reports) if pair not in not_awaited]

    reports = sample_meeting(lambda: [person.report() for person in participants], not_ready)
    now = BrowserCpu.now()
    waiting = now.wait_per_turn_ms_since(browsers_from) if now else None
    return reports, assess_meeting(label, reports, load_thresholds(), waiting)
