"""Security probes for the sandbox: requests and visit-socket frames written by hand, with the session of one
actor's API client, and the answers read exactly as they come (status, the service's text, headers, close
codes). Nothing is retried or interpreted here: the steps decide what is a refusal.
"""

from __future__ import annotations

import html
import json
import re
import struct
import time

import requests
import websocket

from ...waiting import API_TIMEOUT_S
from ..interface import Answer, SocketReply, VisitKind
from . import protocol
from .api import SandboxApi

_TAGS = re.compile(r"<[^>]+>")
# A real offer (Chromium's, audio only, no candidates): the page must be able to answer it when it will.
_OFFER_SDP = ("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
              "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
              "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 "
              + ":".join(["AB"] * 32) + "\r\na=setup:actpass\r\na=mid:0\r\na=sendrecv\r\na=rtcp-mux\r\n"
              "a=rtpmap:111 opus/48000/2\r\n")
_SOCKET_REPLY_S = API_TIMEOUT_S  # a reply comes in milliseconds; the bound is for a machine under load
_OFFER_AGAIN_S = 1.0  # a page that answers takes its camera first: well under a second here, unloaded


def _answer(response: requests.Response) -> Answer:
    if "json" in response.headers.get("content-type", ""):
        body = response.json()
        detail = body.get("detail", "") if isinstance(body, dict) else ""
    else:  # a page: its visible text, where the service writes its refusal
        detail = " ".join(html.unescape(_TAGS.sub(" ", response.text)).split())
    return Answer(response.status_code, str(detail), {name.lower(): value for name, value in response.headers.items()})


class SandboxProbe:
    def __init__(self, api: SandboxApi):
        self._api = api
        self._base_url = api.base_url.rstrip("/")

    def _request(self, method: str, path: str, *, session: requests.Session | None = None, **kwargs) -> Answer:
        response = (session or self._api.session).request(method, f"{self._base_url}{path}", timeout=API_TIMEOUT_S,
                                                          allow_redirects=False, **kwargs)
        return _answer(response)

    def read_visit(self, visit_id: int) -> Answer:
        return self._request("GET", protocol.visit(visit_id))

    def read_visit_with_id(self, raw_id: str) -> Answer:
        return self._request("GET", f"{protocol.VISITS}/{raw_id}")

    def read_outbox(self) -> Answer:
        return self._request("GET", protocol.SMS_OUTBOX)

    def open_visit_page(self, visit_id: int) -> Answer:
        return self._request("GET", protocol.visit_page(visit_id))

    def open_link(self, link: str) -> Answer:
        """An address read from an SMS, opened as the phone's browser would (without following it)."""
        response = self._api.session.get(link, timeout=API_TIMEOUT_S, allow_redirects=False)
        return _answer(response)

    def log_out_by_link(self) -> Answer:
        return self._request("GET", protocol.LOGOUT_PAGE)

    def log_out(self) -> None:
        self._request("POST", protocol.LOGOUT_PAGE)

    def still_logged_in(self) -> bool:
        return self._request("GET", protocol.ME).status == 200

    def errand_from_other_site(self, unit: str, text: str) -> Answer:
        """A form on another site posting an errand with this session's cookie: the browser names that site."""
        body = protocol.errand(self._api.unit_id(unit), text, VisitKind.CHAT, None)
        return self._request("POST", protocol.ERRANDS, json=body, headers={"Origin": protocol.FOREIGN_ORIGIN})

    def staff_login(self, username: str, password: str) -> Answer:
        """A login attempt from a session of its own (the actor's session is not touched)."""
        return self._request("POST", protocol.STAFF_LOGIN, session=requests.Session(),
                             json=protocol.staff_login(username, password))

    def anonymous_logins(self, unit: str, count: int, client_address: str) -> list[Answer]:
        """`count` new anonymous sessions from one client address (as a proxy in front hands it on)."""
        body = protocol.anonymous_login(self._api.unit_id(unit))
        return [self._request("POST", protocol.ANONYMOUS_LOGIN, session=requests.Session(), json=body,
                              headers={protocol.PROXIED_CLIENT: client_address}) for _ in range(count)]

    def visit_socket_from_other_site(self, visit_id: int) -> "SandboxVisitSocket":
        """The socket as a page on another site would open it, riding on this session's cookie."""
        return self.visit_socket(visit_id, origin=protocol.FOREIGN_ORIGIN)

    def visit_socket(self, visit_id: int, *, origin: str | None = None) -> "SandboxVisitSocket":
        cookie = "; ".join(f"{name}={value}" for name, value in self._api.session.cookies.items())
        connection = websocket.create_connection(protocol.visit_socket(self._base_url, visit_id), cookie=cookie,
                                                 origin=origin or self._base_url, timeout=API_TIMEOUT_S)
        return SandboxVisitSocket(connection)


class SandboxVisitSocket:
    """One visit socket: each send returns what came back for it (relayed, refused, closed, or nothing)."""

    def __init__(self, connection: websocket.WebSocket):
        self._connection = connection
        self._closed_code: int | None = None
        self.greeting = self._next(time.monotonic() + _SOCKET_REPLY_S)

    def _next(self, deadline: float) -> dict | int | None:
        """The next message (a dict), the close code (an int), or None at the deadline."""
        if self._closed_code is not None:
            return self._closed_code
        self._connection.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            opcode, data = self._connection.recv_data(control_frame=True)
        except websocket.WebSocketTimeoutException:
            return None
        except (websocket.WebSocketConnectionClosedException, ConnectionError):
            self._closed_code = self._closed_code or 1006
            return self._closed_code
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            self._closed_code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 1005
            return self._closed_code
        if opcode != websocket.ABNF.OPCODE_TEXT:
            return self._next(deadline)
        return json.loads(data)

    def _reply(self, delivered) -> SocketReply:
        deadline = time.monotonic() + _SOCKET_REPLY_S
        while (message := self._next(deadline)) is not None:
            if isinstance(message, int):
                return SocketReply(closed_code=message)
            if protocol.is_error(message):
                return SocketReply(refusal=message.get("text", ""))
            if delivered(message):
                return SocketReply(delivered=True)
        return SocketReply()

    def _send(self, frame: str | bytes, delivered) -> SocketReply:
        if self._closed_code is not None:
            return SocketReply(closed_code=self._closed_code)
        try:
            if isinstance(frame, bytes):
                self._connection.send_binary(frame)
            else:
                self._connection.send(frame)
        except (websocket.WebSocketConnectionClosedException, ConnectionError, BrokenPipeError):
            return SocketReply(closed_code=self._closed_code or 1006)
        return self._reply(delivered)

    @property
    def refused_at_open(self) -> int | None:
        """The close code when the service ended the socket before any greeting."""
        return self.greeting if isinstance(self.greeting, int) else None

    def chat(self, text: str) -> SocketReply:
        frame = json.dumps(protocol.chat(text, 1, time.time()))
        return self._send(frame, lambda m: protocol.is_chat(m) and protocol.chat_of(m).get("text") == text)

    def join_call(self) -> SocketReply:
        return self._send(json.dumps(protocol.JOIN_CALL), lambda m: m.get("type") == "call-members")

    def offer_call(self) -> str:
        """Offers a call to whoever is in the room: 'answer', 'decline', or what else ended the wait.
        The offer is made again each second until one of those comes: the room relays a message to those
        present, so a page still joining the meeting would miss a single offer, and silence would then say
        who got into the room first, not what the page does (stop 20's CI: 'inget svar inom tidsgränsen')."""
        offer = json.dumps(protocol.description("offer", _OFFER_SDP))
        deadline = time.monotonic() + 3 * _SOCKET_REPLY_S  # the page first asks its camera
        while time.monotonic() < deadline:
            self._connection.send(offer)
            again = min(deadline, time.monotonic() + _OFFER_AGAIN_S)
            while (message := self._next(again)) is not None:
                if isinstance(message, int):
                    return f"förbindelsen stängdes med kod {message}"
                if protocol.has_description("answer")(message):
                    return "answer"
                if protocol.is_decline(message):
                    return "decline"
                if protocol.is_error(message):
                    return f"tjänsten svarade '{message.get('text')}'"
        return "inget svar inom tidsgränsen"

    def send_raw(self, frame: str | bytes) -> SocketReply:
        """A frame as it is: the service's error for it, or nothing (then the reply says so after a wait)."""
        return self._send(frame, lambda _m: False)

    def send_raw_and_mark(self, frame: str | bytes) -> SocketReply:
        """A frame, then a chat line as a marker: delivered when the marker comes back with no error before it
        (a frame that is taken may have no answer of its own; the marker spares waiting for one)."""
        if self._closed_code is not None:
            return SocketReply(closed_code=self._closed_code)
        marker = f"markör {time.monotonic_ns()}"
        try:
            self._connection.send_binary(frame) if isinstance(frame, bytes) else self._connection.send(frame)
        except (websocket.WebSocketConnectionClosedException, ConnectionError, BrokenPipeError):
            return SocketReply(closed_code=self._closed_code or 1006)
        return self.chat(marker)

    def close(self) -> None:
        self._connection.close()
