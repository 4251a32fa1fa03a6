"""The one home of waiting: eventually() and every timeout the platform uses, named."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")

# Page actions and UI expectations (Playwright auto-waits up to this long).
UI_TIMEOUT_S = 15.0
# A started sandbox must answer /health within this.
SANDBOX_START_TIMEOUT_S = 30.0
# A chat message must reach the other participants within this.
CHAT_DELIVERY_TIMEOUT_S = 10.0
# ICE connected and the first remote frame decoded (Jitsi's torture tests allow 10 s for TTFF; we add
# margin for a loaded CI machine, the verdict's own tiers judge the measured time).
MEDIA_START_TIMEOUT_S = 20.0
# A service's automatic close of old visits runs every few seconds (the sandbox's sweep: 2 s).
AUTO_CLOSE_TIMEOUT_S = 15.0
# HTTP calls to the target's API.
API_TIMEOUT_S = 10.0
# The acceptance part of a nightly run, as a whole.
ACCEPTANCE_RUN_TIMEOUT_S = 20 * 60
# How often a run looks at what its child processes (pytest, Locust) have done, for the live progress.
PROGRESS_POLL_INTERVAL_S = 1.0
POLL_INTERVAL_S = 0.1


class NotYet(AssertionError):
    """Raised by eventually() when the condition never held; carries the last reason."""


def eventually(check: Callable[[], T], *, timeout: float, interval: float = POLL_INTERVAL_S,
               description: str = "villkoret") -> T:
    """Calls check() until it returns without raising AssertionError (and not None/False), or times out."""
    deadline = time.monotonic() + timeout
    last_problem: Exception | None = None
    while True:
        try:
            result = check()
            if result is not None and result is not False:
                return result
        except AssertionError as problem:
            last_problem = problem
        if time.monotonic() >= deadline:
            detail = f": {last_problem}" if last_problem else ""
            raise NotYet(f"{description} uppfylldes inte inom {timeout:.0f} s{detail}")
        time.sleep(interval)


def pause(seconds: float) -> None:
    """A deliberate wait of known length (observing media over time), not a poll."""
    time.sleep(seconds)
