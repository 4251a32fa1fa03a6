"""Chat delivery accounting: each side's messages carry the sender's clock and a per-sender sequence.

The receiver reports `chat:deliver` with latency = receive time − the sender's timestamp (both users of a
meeting run in the same process, so one clock, on one machine or several). Duplicated, reordered and
untimed messages are failures of `chat:deliver` when they arrive; lost ones when the inbox settles, which
every side does at the end of its meeting, finished or abandoned, so that `sent = delivered + lost`.
"""

from __future__ import annotations

import time

from gevent.event import Event

from ..waiting import CHAT_DELIVERY_TIMEOUT_S
from .clients import Reporter

DELIVER = "chat:deliver"
SEND = "chat:send"


# Failure texts are fixed (no ids), so Locust groups them: one row per kind of failure
class ChatLost(Exception):
    pass


class ChatDuplicated(Exception):
    pass


class ChatReordered(Exception):
    pass


class ChatUntimed(Exception):
    """Delivered, but without the sender's timestamp: its latency is unknown, never 0 ms."""


class ChatUnnumbered(Exception):
    """Arrived without the sender's sequence: it cannot be matched, so its message counts as lost."""


class Outbox:
    """What one side sent: the count the other side's inbox is settled against."""

    def __init__(self):
        self.sent = 0
        self.done = Event()

    def next_seq(self) -> int:
        return self.sent + 1


class Inbox:
    """What one side received from the other."""

    def __init__(self, reporter: Reporter, peer_kind: str, name: str = DELIVER):
        self.reporter = reporter
        self.peer_kind = peer_kind  # the sender_kind of the other side ("staff" or "patient")
        self.name = name  # the request name its deliveries are reported under (group meetings: their own)
        self.seen: set[int] = set()
        self.highest = 0
        self.settled = False
        self._changed = Event()

    def on_chat(self, message: dict, received_at: float) -> None:
        if message.get("sender_kind") != self.peer_kind or self.settled:
            return  # our own message echoed back by the room, or one already counted lost
        seq, sent_at = message.get("sender_seq"), message.get("sent_at")
        if not isinstance(seq, int):
            self.reporter.report("WS", self.name, 0.0, exception=ChatUnnumbered("meddelandet saknade löpnummer"))
            return
        problem = None
        if seq in self.seen:
            problem = ChatDuplicated("meddelandet kom två gånger")
        elif seq < self.highest:
            problem = ChatReordered("meddelandet kom i fel ordning")
        elif sent_at is None:
            problem = ChatUntimed("meddelandet saknade avsändarens tidsstämpel")
        latency_ms = max(0.0, (received_at - float(sent_at)) * 1000) if sent_at is not None else 0.0
        self.seen.add(seq)
        self.highest = max(self.highest, seq)
        self.reporter.report("WS", self.name, latency_ms, exception=problem, start_time=sent_at)
        self._changed.set()

    def settle(self, outbox: Outbox, timeout: float = CHAT_DELIVERY_TIMEOUT_S) -> int:
        """Waits for everything the other side sent, then reports what never came; returns that count.
        Later arrivals are ignored: they were waited for as long as a patient would, and counted lost.
        Settling twice counts nothing twice."""
        if self.settled:
            return 0
        deadline = time.monotonic() + timeout
        while len(self.seen & set(range(1, outbox.sent + 1))) < outbox.sent and time.monotonic() < deadline:
            self._changed.clear()
            self._changed.wait(max(0.0, deadline - time.monotonic()))
        self.settled = True
        missing = sorted(set(range(1, outbox.sent + 1)) - self.seen)
        for _ in missing:  # a lost message counts as at least as late as the time we waited for it
            self.reporter.report("WS", self.name, timeout * 1000, exception=ChatLost("meddelandet kom aldrig"))
        return len(missing)
