"""A participant in the SFU's video room, the way the visit page's sfu_room.js joins it, without media.

Janus's WebSocket API (subprotocol `janus-protocol`): create a session, attach the videoroom plugin, join the
meeting's room as a publisher with the room's pin and the participant's opaque key as display name, keep the
session alive as janus.js does, destroy it on leave. The page would then publish its camera; a load user
publishes nothing, so what this measures is the SFU's signalling under load: sessions, handles, joins and
the room's participant list (`listparticipants` names publishers that send nothing too).

The room, pin and server come from the service (`GET /api/visits/<id>/videorum`); nothing here is the
sandbox's own: a real environment's SFU would need its own client beside this one.
"""

from __future__ import annotations

import contextlib
import json
import secrets

import gevent
import websocket
from gevent.event import AsyncResult

from ..waiting import API_TIMEOUT_S

PLUGIN = "janus.plugin.videoroom"
SUBPROTOCOL = "janus-protocol"
KEEPALIVE_S = 25.0  # janus.js's keepAlivePeriod; Janus ends a session silent for its session_timeout (60 s)


class SfuRefused(Exception):
    """The SFU answered with an error: its own text, for the failure row."""


class SfuParticipant:
    """One participant's session with the SFU; every call is bounded by API_TIMEOUT_S."""

    def __init__(self, server: str):
        self._ws = websocket.create_connection(server, subprotocols=[SUBPROTOCOL], timeout=API_TIMEOUT_S,
                                               enable_multithread=True)
        self._waiting: dict[str, AsyncResult] = {}
        self._answered_by_ack: set[str] = set()  # keepalives: Janus's ack is the whole answer
        self._closing = False
        self._receiver = gevent.spawn(self._receive)
        self.session: int | None = None
        self.handle: int | None = None
        self._keepalive = gevent.spawn(self._keep_alive)
        try:
            self.session = self._request({"janus": "create"})["data"]["id"]
        except Exception:
            self.leave()
            raise

    def _receive(self) -> None:
        while not self._closing:
            try:
                raw = self._ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketException, OSError):
                break
            if not raw:
                break
            message = json.loads(raw)
            transaction = message.get("transaction")
            if message.get("janus") == "ack" and transaction not in self._answered_by_ack:
                continue  # an asynchronous request: its event follows
            self._answered_by_ack.discard(transaction)
            waiting = self._waiting.pop(message.get("transaction"), None)
            if waiting is not None:
                waiting.set(message)
        for waiting in list(self._waiting.values()):
            waiting.set({"janus": "error", "error": {"reason": "förbindelsen med SFU:n bröts"}})

    def _request(self, body: dict) -> dict:
        transaction = secrets.token_hex(6)
        answer = self._waiting[transaction] = AsyncResult()
        if body["janus"] == "keepalive":
            self._answered_by_ack.add(transaction)
        if self.session is not None:
            body = {**body, "session_id": self.session}
        self._ws.send(json.dumps({**body, "transaction": transaction}))
        if not answer.wait(API_TIMEOUT_S):
            self._waiting.pop(transaction, None)
            raise TimeoutError(f"SFU:n svarade inte på {body['janus']} inom {API_TIMEOUT_S:.0f} s")
        message = answer.get()
        if message.get("janus") == "error":
            raise SfuRefused(f"SFU:n vägrade {body['janus']}: {message.get('error', {}).get('reason')}")
        return message

    def _plugin(self, request: dict) -> dict:
        data = self._request({"janus": "message", "handle_id": self.handle, "body": request}) \
            .get("plugindata", {}).get("data", {})
        if data.get("error"):
            raise SfuRefused(f"videorummet vägrade {request['request']}: {data['error']}")
        return data

    def _keep_alive(self) -> None:
        while not self._closing:
            gevent.sleep(KEEPALIVE_S)
            if self.session is not None:
                with contextlib.suppress(Exception):
                    self._request({"janus": "keepalive"})

    def join(self, room: int, pin: str, display: str) -> None:
        """As sfu_room.js's attachPublisher: attach, then join as a publisher; returns on "joined"."""
        self.handle = self._request({"janus": "attach", "plugin": PLUGIN})["data"]["id"]
        data = self._plugin({"request": "join", "ptype": "publisher", "room": room, "pin": pin, "display": display})
        if data.get("videoroom") != "joined":
            raise SfuRefused(f"videorummet svarade {data.get('videoroom')} i stället för joined")

    def participants(self, room: int) -> set[str]:
        """The display names (participant keys) the room has now, publishing or not."""
        data = self._plugin({"request": "listparticipants", "room": room})
        return {entry.get("display") for entry in data.get("participants", []) if entry.get("display")}

    def leave(self) -> None:
        """As the page leaves (janus.destroy): the session goes, and the room forgets the participant."""
        with contextlib.suppress(Exception):
            if self.session is not None:
                self._request({"janus": "destroy"})
        self._closing = True
        with contextlib.suppress(Exception):
            self._ws.close()
        gevent.killall([self._keepalive, self._receiver], block=False)
