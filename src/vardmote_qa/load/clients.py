"""Protocol clients for load users: the JSON API and the visit WebSocket, each firing Locust request events.

Every event goes through `Reporter`, the one timing helper. Names are "<area>:<operation>", without ids.
The WebSocket client is websocket-client with one receive greenlet (gevent; no asyncio in Locust users).
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Any, Callable

import gevent
import requests
import websocket
from gevent.event import Event

from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S


class LoadStepFailed(Exception):
    """A step of a meeting failed; its request event has already been fired."""


class Reporter:
    """The one place where request events are fired: timed blocks and measured latencies alike."""

    def __init__(self, request_event):
        self._event = request_event

    def report(self, request_type: str, name: str, response_time_ms: float, *, length: int = 0,
               exception: Exception | None = None, start_time: float | None = None) -> None:
        self._event.fire(request_type=request_type, name=name, response_time=response_time_ms,
                         response_length=length, exception=exception, context={},
                         start_time=start_time if start_time is not None else time.time())

    @contextlib.contextmanager
    def timed(self, request_type: str, name: str):
        """Times the block; an exception inside becomes a failure of `name` and is raised again."""
        started, start_time = time.perf_counter(), time.time()
        try:
            yield
        except Exception as error:
            self.report(request_type, name, (time.perf_counter() - started) * 1000, exception=error,
                        start_time=start_time)
            raise LoadStepFailed(f"{name}: {error}") from error
        self.report(request_type, name, (time.perf_counter() - started) * 1000, start_time=start_time)


class ApiClient:
    """One person's HTTP session with the service's JSON API."""

    def __init__(self, base_url: str, reporter: Reporter):
        self.base_url = base_url.rstrip("/")
        self.reporter = reporter
        self.session = requests.Session()

    def call(self, name: str, method: str, path: str, expect: tuple[int, ...] = (200, 201), **kwargs) -> Any:
        with self.reporter.timed(method, name):
            response = self.session.request(method, f"{self.base_url}{path}", timeout=API_TIMEOUT_S, **kwargs)
            if response.status_code not in expect:
                raise RuntimeError(f"HTTP {response.status_code}")
            return response.json() if response.content else None

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.session.cookies.items())


class VisitSocket:
    """The visit's WebSocket: chat to `on_chat` as it arrives, everything else kept for `wait_for`.

    A socket the service closes (a dropped connection) is opened again, as a browser's page does, at most
    RECONNECTS times, each a timed `ws:reconnect`; what the other side sent meanwhile is not recovered, so
    the chat accounting counts it lost instead of hiding it."""

    RECONNECTS = 3

    def __init__(self, api: ApiClient, visit_id: int, on_chat: Callable[[dict, float], None],
                 lifetime_s: float):
        self.reporter = api.reporter
        self._on_chat = on_chat
        self._control: list[dict] = []
        self._arrived = Event()
        self._connected = Event()
        self.closed = Event()
        self._closing = False
        self._joined = False
        self._reconnects_left = self.RECONNECTS
        self._url, self._cookie = protocol.visit_socket(api.base_url, visit_id), api.cookie_header()
        self._ws = self._connect("ws:connect")
        self._deadline = time.monotonic() + lifetime_s
        self._receiver = gevent.spawn(self._receive)

    def _connect(self, name: str):
        with self.reporter.timed("WS", name):
            ws = websocket.create_connection(self._url, cookie=self._cookie, timeout=API_TIMEOUT_S,
                                             enable_multithread=True)
            hello = json.loads(ws.recv())
            if not protocol.is_hello(hello):
                raise RuntimeError(f"väntade hello, fick {hello.get('type')}")
            if self._joined:  # back in the call we were in before the drop
                ws.send(json.dumps(protocol.JOIN_CALL))
        self._control.append(hello)
        self._connected.set()
        return ws

    def _receive(self) -> None:
        # Bounded by the socket's lifetime: a meeting never outlives it
        while time.monotonic() < self._deadline:
            try:
                raw = self._ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketException, OSError):
                raw = None
            received_at = time.time()
            if not raw:
                if not self._reconnected():
                    break
                continue
            message = json.loads(raw)
            if protocol.is_chat(message):
                self._on_chat(protocol.chat_of(message), received_at)
            else:
                self._control.append(message)
                self._arrived.set()
        self._connected.set()  # nothing to wait for any more: a sender waiting for it fails at once
        self.closed.set()
        self._arrived.set()

    def _reconnected(self) -> bool:
        """After the service closed the socket: True when a new one is open."""
        self._connected.clear()
        if self._closing or self._reconnects_left <= 0 or any(map(protocol.is_visit_closed, self._control)):
            return False
        self._reconnects_left -= 1
        try:
            self._ws = self._connect("ws:reconnect")
        except LoadStepFailed:
            return False
        return True

    def send(self, message: dict) -> None:
        """Sends, and once more on a new socket if the old one was dropped under it."""
        try:
            self._ws.send(json.dumps(message))
        except (websocket.WebSocketException, OSError):
            self._connected.wait(API_TIMEOUT_S)
            if self.closed.is_set():
                raise
            self._ws.send(json.dumps(message))
        if message == protocol.JOIN_CALL:
            self._joined = True

    def wait_for(self, predicate: Callable[[dict], bool], timeout: float, what: str) -> dict:
        """The first unclaimed control message that matches, within timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            for message in self._control:
                if predicate(message):
                    self._control.remove(message)
                    return message
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closed.is_set():
                raise TimeoutError(f"{what} kom inte inom {timeout:.0f} s")
            self._arrived.clear()
            self._arrived.wait(remaining)

    def close(self) -> None:
        self._closing = True
        with contextlib.suppress(Exception):
            self._ws.close()
        self._receiver.join(timeout=2)
        self._receiver.kill(block=False)
