"""Pairs a staff user with a patient user for one meeting, inside one Locust process.

Pairs never span processes: a meeting's two clocks are then one clock, and no message between workers is
needed. A user without a partner waits a bounded time and tries again on its next task.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import gevent
from gevent.event import AsyncResult, Event
from gevent.queue import Empty, Queue

from .chat import Inbox, Outbox

MATCH_TIMEOUT_S = 5.0


@dataclass(eq=False)
class Meeting:
    """What the two sides of one meeting share: the visit, who is in the call, the chat books."""

    personnummer: str
    visit: AsyncResult = field(default_factory=AsyncResult)  # the booked visit's id, set by the staff side
    staff_in_call: Event = field(default_factory=Event)
    patient_in_call: Event = field(default_factory=Event)
    staff_outbox: Outbox = field(default_factory=Outbox)
    patient_outbox: Outbox = field(default_factory=Outbox)
    closed: Event = field(default_factory=Event)
    abandoned: Event = field(default_factory=Event)  # a side failed: the other stops waiting for it
    staff_inbox: Inbox | None = None
    patient_inbox: Inbox | None = None


@dataclass(eq=False)
class Seat:
    """A patient waiting to be given a meeting."""

    meeting: Meeting
    booked: AsyncResult = field(default_factory=AsyncResult)
    cancelled: bool = False


class Matchmaker:
    def __init__(self):
        self._waiting: Queue = Queue()

    def offer_patient(self, personnummer: str, timeout: float = MATCH_TIMEOUT_S) -> Meeting | None:
        """The patient's side: wait for a staff user to book a meeting for us."""
        seat = Seat(Meeting(personnummer))
        self._waiting.put(seat)
        try:
            return seat.booked.get(timeout=timeout)
        except gevent.Timeout:  # nobody took us; the staff side skips cancelled seats
            seat.cancelled = True
            return None

    def take_patient(self, timeout: float = MATCH_TIMEOUT_S) -> Seat | None:
        """The staff side: the next patient still waiting, or None after timeout."""
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                seat = self._waiting.get(timeout=remaining)
            except Empty:
                return None
            if not seat.cancelled:
                seat.booked.set(seat.meeting)  # claimed before any yield, so the patient cannot cancel now
                return seat
        return None


MATCHMAKER = Matchmaker()  # one per process: every user of the process meets here
