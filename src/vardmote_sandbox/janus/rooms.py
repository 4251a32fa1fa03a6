"""Video rooms in Janus, one per SFU meeting, created by the sandbox through Janus's HTTP API with the
videoroom plugin's admin key: a browser cannot create, list or destroy rooms, and joins only with the
room's pin, which the sandbox gives to the meeting's own participants."""

from __future__ import annotations

import json
import secrets
import threading
import urllib.request

from .process import JanusProcess, JanusUnavailable

# Room ids are the visit id plus this, so that a room number never looks like a visit's.
ROOM_OFFSET = 100_000
MAX_PUBLISHERS = 12
ROOM_BITRATE = 1_000_000


class JanusRooms:
    def __init__(self, janus: JanusProcess | None, unavailable: str | None = None):
        self.janus = janus
        self.unavailable = unavailable  # why there is no routed engine, when there is none
        self._pins: dict[int, str] = {}
        self._lock = threading.Lock()

    def _call(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(f"{self.janus.http_url}{path}", json.dumps(
            {**body, "transaction": secrets.token_hex(6)}).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            return json.load(answer)

    def _plugin(self, message: dict) -> dict:
        session = self._call("", {"janus": "create"})["data"]["id"]
        try:
            handle = self._call(f"/{session}", {"janus": "attach", "plugin": "janus.plugin.videoroom"})["data"]["id"]
            answer = self._call(f"/{session}/{handle}", {"janus": "message", "body": message})
            return answer.get("plugindata", {}).get("data", {})
        finally:
            self._call(f"/{session}", {"janus": "destroy"})

    def room_for(self, visit_id: int) -> tuple[int, str]:
        """The visit's room and pin, created on first use; raises JanusUnavailable with the reason."""
        if self.janus is None:
            raise JanusUnavailable(self.unavailable or "Den routade videomotorn (Janus) finns inte i sandlådan.")
        self.janus.wait_ready()
        room = ROOM_OFFSET + visit_id
        with self._lock:
            if visit_id not in self._pins:
                pin = secrets.token_urlsafe(12)
                try:
                    data = self._plugin({"request": "create", "room": room, "pin": pin, "is_private": True,
                                         "publishers": MAX_PUBLISHERS, "bitrate": ROOM_BITRATE,
                                         "admin_key": self.janus.admin_key, "audiolevel_event": False})
                except OSError as error:
                    raise JanusUnavailable(f"Den routade videomotorn (Janus) svarar inte ({error}).") from None
                if data.get("videoroom") != "created":
                    raise JanusUnavailable(f"Janus skapade inte videorummet: {data.get('error', data)}.")
                self._pins[visit_id] = pin
            return room, self._pins[visit_id]

    def connect_source(self) -> str:
        """For the pages' Content-Security-Policy: the one extra place they may connect to."""
        return f" {self.janus.websocket_url}" if self.janus is not None else ""

    def stop(self) -> None:
        if self.janus is not None:
            self.janus.stop()
