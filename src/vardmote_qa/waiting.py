"""The one home of waiting: eventually() and every timeout the platform uses, named."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Generic, TypeVar

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
# Every receiver of a meeting of several gets every other sender's video and audio within this (Jitsi's own
# torture tests allow 15 s for a conference; doubled: four browsers share the cores with parallel runs).
CONFERENCE_MEDIA_TIMEOUT_S = 30.0
# A meeting's quality verdict waits up to this for every pair's media and the seconds its verdict rests on
# (media/meeting_quality.MIN_MEASURED_S, 8 s): the bound above holds both, since it is Jitsi's 15 s doubled.
# It judges then whatever came, so a pair that never got going is named by the verdict, not by a timeout.
MEETING_QUALITY_TIMEOUT_S = CONFERENCE_MEDIA_TIMEOUT_S
# The page's tracker samples once a second: looking more often at a whole meeting's series only costs CPU.
MEETING_SAMPLES_POLL_S = 1.0
# A service's automatic close of old visits runs every few seconds (the sandbox's sweep: 2 s).
AUTO_CLOSE_TIMEOUT_S = 15.0
# HTTP calls to the target's API.
API_TIMEOUT_S = 10.0
# The acceptance part of a nightly run, as a whole.
ACCEPTANCE_RUN_TIMEOUT_S = 20 * 60
# How often a run looks at what its child processes (pytest, Locust) have done, for the live progress.
PROGRESS_POLL_INTERVAL_S = 1.0
POLL_INTERVAL_S = 0.1
# An SMS (invitation, reminder) must be in the outbox within this after the act that sends it.
SMS_DELIVERY_TIMEOUT_S = 10.0
# A unit's live queue (refreshed every 2 s by the page) must show a change within this.
QUEUE_UPDATE_TIMEOUT_S = 10.0
# How long a patient in the waiting room is watched for a picture from the staff that must not come.
WAITING_ROOM_WATCH_S = 3.0
# Video back to the tier asked for after a network drop (the measure itself is recovery_s, bounded by its
# thresholds; this is how long the step is willing to wait for it, a few frames' worth past the worst limit).
VIDEO_RECOVERY_TIMEOUT_S = 20.0


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


@dataclass(frozen=True)
class Sighting(Generic[T]):
    """One value seen during a wait, and when (seconds after the wait began)."""
    at_s: float
    value: T


def _sightings_sv(sightings: list[Sighting], describe: Callable[[object], str]) -> str:
    """'0,0 s: 2 ärenden; 4,1 s: 1 ärende': each change once, so a long wait stays one readable line."""
    return "; ".join(f"{sighting.at_s:.1f}".replace(".", ",") + f" s: {describe(sighting.value)}"
                     for sighting in sightings) or "ingenting"


def _watch(look: Callable[[], T], sightings: list[Sighting], started: float) -> T:
    value = look()
    if not sightings or sightings[-1].value != value:
        sightings.append(Sighting(time.monotonic() - started, value))
    return value


def expect_within(look: Callable[[], T], holds: Callable[[T], bool], *, bound_s: float, what: str,
                  describe: Callable[[object], str] = str, interval: float = POLL_INTERVAL_S) -> T:
    """Like Playwright's expect: looks until what it sees holds, up to bound_s, and returns what it saw.

    When the bound passes it raises NotYet with what it was waiting for, the bound, and every distinct
    value it saw during the wait with its time, so a failure says "never" only when it watched the whole
    bound. look() may raise AssertionError for "nothing to see yet"; that is a sighting too."""
    started, sightings = time.monotonic(), []
    while True:
        try:
            value = _watch(look, sightings, started)
        except AssertionError as nothing:
            value = None
            if not sightings or sightings[-1].value != f"({nothing})":
                sightings.append(Sighting(time.monotonic() - started, f"({nothing})"))
        else:
            if holds(value):
                return value
        if time.monotonic() - started >= bound_s:
            raise NotYet(f"{what} inom {bound_s:.0f} s: såg {_sightings_sv(sightings, describe)}")
        time.sleep(interval)


def expect_throughout(look: Callable[[], T], holds: Callable[[T], bool], *, duration_s: float, what: str,
                      describe: Callable[[object], str] = str, interval: float = POLL_INTERVAL_S) -> list[Sighting]:
    """The opposite wait: what is seen must hold the whole duration (nothing that must not come, comes).
    Fails at the first sighting that does not hold, naming it and what came before; returns the sightings."""
    started, sightings = time.monotonic(), []
    while True:
        value = _watch(look, sightings, started)
        if not holds(value):
            raise NotYet(f"{what} under {duration_s:.0f} s: såg {_sightings_sv(sightings, describe)}")
        if time.monotonic() - started >= duration_s:
            return sightings
        time.sleep(interval)


def pause(seconds: float) -> None:
    """A deliberate wait of known length (observing media over time), not a poll."""
    time.sleep(seconds)
