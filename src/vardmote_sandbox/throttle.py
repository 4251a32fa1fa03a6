"""Throttling: failed staff logins per account, and new anonymous sessions per client address.

A sliding window of event times per key, in memory (one sandbox process). Limits can be changed through
the environment (SANDBOX_LOGIN_FAILURES, SANDBOX_ANONYMOUS_PER_MINUTE) for a load test that needs more.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict, deque

from fastapi import HTTPException

WINDOW_S = 60.0
LOGIN_FAILURES = int(os.environ.get("SANDBOX_LOGIN_FAILURES", 5))
ANONYMOUS_PER_MINUTE = int(os.environ.get("SANDBOX_ANONYMOUS_PER_MINUTE", 30))
TOO_MANY_LOGINS = "För många misslyckade inloggningar; försök igen om en minut."
TOO_MANY_ANONYMOUS = "För många anonyma inloggningar härifrån; försök igen om en minut."


class Throttle:
    def __init__(self, limit: int, refusal: str):
        self.limit = limit
        self.refusal = refusal
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        events = self._events[key]
        while events and time.monotonic() - events[0] > WINDOW_S:
            events.popleft()
        return events

    def check(self, key: str) -> None:
        """Refuses with 429 when `key` has used up its window."""
        with self._lock:
            if len(self._recent(key)) >= self.limit:
                raise HTTPException(status_code=429, detail=self.refusal)

    def count(self, key: str) -> None:
        with self._lock:
            self._recent(key).append(time.monotonic())


class Throttles:
    def __init__(self) -> None:
        self.login_failures = Throttle(LOGIN_FAILURES, TOO_MANY_LOGINS)
        self.anonymous_sessions = Throttle(ANONYMOUS_PER_MINUTE, TOO_MANY_ANONYMOUS)


_LOOPBACK = {"127.0.0.1", "::1"}


def client_address(request) -> str:
    """The client's address; behind a proxy on this machine, the one the proxy hands on (X-Forwarded-For)."""
    direct = request.client.host if request.client else "okänd"
    forwarded = request.headers.get("x-forwarded-for")
    return forwarded.split(",")[0].strip() if forwarded and direct in _LOOPBACK else direct


def admit_anonymous_session(request) -> None:
    """Counts a new anonymous session from this client address; 429 once the minute's share is used."""
    state = request.app.state
    if state.weaknesses.no_anonymous_throttle:
        return
    address = client_address(request)
    state.throttles.anonymous_sessions.check(address)
    state.throttles.anonymous_sessions.count(address)
