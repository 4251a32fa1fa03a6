"""The practical ceiling: a minimal asyncio client of the visit WebSocket's chat, as lean as it gets.

It does the Locust chat scenario's work (bench/chat_round.ChatWork): the same meetings, two sides each, the
same message with the sender's clock and sequence at the same pacing, received by the other side of the
meeting, and counted by the load test's own rules: each side's load.chat.Inbox, settled the same way
(wait for everything the other side sent, CHAT_DELIVERY_TIMEOUT_S at most), and load.summary.chat_accounting.
No Locust and no gevent loop (the Inbox's gevent event is set, never waited on).
Run as its own process: `python -m vardmote_qa.bench.asyncio_chat BASE_URL ENV MEETINGS MESSAGES INTERVAL_S OUT.json`.
Setup (logins, bookings, admissions) happens before the chat, with plain requests; the accounts are the
environment's. Everything is kept in memory and written to OUT.json once, after the round.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import sys
import time
from collections import Counter
from types import SimpleNamespace

import requests
import websockets

from ..config import load_environment
from ..load.chat import DELIVER, SEND, Inbox, Outbox
from ..load.summary import chat_accounting
from ..target.interface import VisitKind
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S, CHAT_DELIVERY_TIMEOUT_S
from . import chat_round
from .chat_round import ChatWork


def _session(base_url: str, path: str, body: dict) -> requests.Session:
    session = requests.Session()
    session.post(f"{base_url}{path}", json=body, timeout=API_TIMEOUT_S).raise_for_status()
    return session


def prepare(base_url: str, meetings: int, staff: tuple[str, str], personnummer: str, unit_slug: str):
    """Visits under way, with the two cookies that may join each."""
    clinician = _session(base_url, protocol.STAFF_LOGIN, protocol.staff_login(*staff))
    patient = _session(base_url, protocol.PATIENT_LOGIN, protocol.patient_login(personnummer))
    units = clinician.get(f"{base_url}{protocol.UNITS}", timeout=API_TIMEOUT_S).json()
    unit = protocol.unit_with(units, unit_slug)["id"]
    visits = []
    for _ in range(meetings):
        booking = protocol.booking(unit, personnummer, meeting_start(), VisitKind.CHAT)
        visit = clinician.post(f"{base_url}{protocol.VISITS}", json=booking, timeout=API_TIMEOUT_S).json()
        patient.post(f"{base_url}{protocol.visit_check_in(visit['id'])}", timeout=API_TIMEOUT_S).raise_for_status()
        clinician.post(f"{base_url}{protocol.visit_admit(visit['id'])}", timeout=API_TIMEOUT_S).raise_for_status()
        visits.append(visit["id"])
    cookie = lambda s: "; ".join(f"{k}={v}" for k, v in s.cookies.items())  # noqa: E731
    return visits, cookie(clinician), cookie(patient)


class CountingReporter:
    """Takes the Inbox's chat:deliver reports as Locust's statistics would: successes with their latency,
    failures by their exception's text (which names its class, as summary.chat_accounting reads it)."""

    def __init__(self):
        self.successes = 0
        self.failures: Counter[str] = Counter()
        self.latencies_ms: list[float] = []

    def report(self, request_type: str, name: str, response_time_ms: float, *, length: int = 0,
               exception: Exception | None = None, start_time: float | None = None) -> None:
        if name != DELIVER:
            return
        if exception is None:
            self.successes += 1
            self.latencies_ms.append(response_time_ms)
        else:
            self.failures[repr(exception)] += 1

    def accounting(self, sent: int) -> dict:
        """summary.chat_accounting over these counts: the load test's one definition of sent, delivered, lost."""
        failed = sum(self.failures.values())
        entries = {(DELIVER, "WS"): SimpleNamespace(num_requests=self.successes + failed, num_failures=failed),
                   (SEND, "WS"): SimpleNamespace(num_requests=sent, num_failures=0)}
        errors = {text: SimpleNamespace(name=DELIVER, error=text, occurrences=count)
                  for text, count in self.failures.items()}
        return chat_accounting(SimpleNamespace(entries=entries, errors=errors))


class Side:
    """One participant's books: what it sent, and when it stopped sending."""

    def __init__(self):
        self.outbox = Outbox()
        self.finished = asyncio.Event()


class Tally:
    """Counted in memory; handed over once, after the round (the measured process writes nothing meanwhile)."""

    def __init__(self):
        self.reporter = CountingReporter()
        self.inboxes: list[Inbox] = []
        self.sides_chatting = 0
        self.sent = 0
        self.samples: list[list] = []

    def delivered(self) -> int:
        return sum(len(inbox.seen) for inbox in self.inboxes)  # first arrivals, as chat_accounting counts them


async def _settle(inbox: Inbox, arrived: asyncio.Event, other: Side, work: ChatWork) -> None:
    """As the load test's sides do: wait for the other side to finish, then for everything it sent (at most
    CHAT_DELIVERY_TIMEOUT_S); what never came is counted lost by the Inbox itself."""
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(other.finished.wait(), work.messages_per_side * work.interval_s + API_TIMEOUT_S)
    deadline = time.monotonic() + CHAT_DELIVERY_TIMEOUT_S
    while len(inbox.seen) < other.outbox.sent and (left := deadline - time.monotonic()) > 0:
        arrived.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(arrived.wait(), left)
    inbox.settle(other.outbox, timeout=0)


async def side(url: str, cookie: str, peer_kind: str, own: Side, other: Side, work: ChatWork, tally: Tally) -> None:
    inbox, arrived = Inbox(tally.reporter, peer_kind), asyncio.Event()
    tally.inboxes.append(inbox)
    async with websockets.connect(url, additional_headers={"Cookie": cookie}, max_queue=None) as socket:
        await socket.recv()  # hello

        async def receive():
            async for raw in socket:
                message = json.loads(raw)
                if protocol.is_chat(message):
                    inbox.on_chat(protocol.chat_of(message), time.time())
                    arrived.set()

        receiver = asyncio.create_task(receive())
        tally.sides_chatting += 1
        try:
            await asyncio.sleep(random.uniform(0, work.interval_s))  # the two sides do not type in lockstep
            for _ in range(work.messages_per_side):
                seq = own.outbox.next_seq()
                await socket.send(json.dumps(protocol.chat(f"Meddelande {seq}: hur mår du? åäö", seq, time.time())))
                own.outbox.sent = seq
                tally.sent += 1
                await asyncio.sleep(work.interval_s)
        finally:
            own.finished.set()
        await _settle(inbox, arrived, other, work)
        receiver.cancel()


async def sampler(tally: Tally, stop: asyncio.Event) -> None:
    while not stop.is_set():
        tally.samples.append(chat_round.sample(tally.sides_chatting, tally.sent, tally.delivered()))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), chat_round.SAMPLE_PERIOD_S)
    tally.samples.append(chat_round.sample(tally.sides_chatting, tally.sent, tally.delivered()))


async def run(base_url: str, visits, staff_cookie: str, patient_cookie: str, work: ChatWork) -> Tally:
    tally, stop = Tally(), asyncio.Event()
    sampling = asyncio.create_task(sampler(tally, stop))
    tasks = []
    for visit in visits:
        url, staff, patient = protocol.visit_socket(base_url, visit), Side(), Side()
        tasks += [side(url, staff_cookie, protocol.PATIENT_SENDER, staff, patient, work, tally),
                  side(url, patient_cookie, protocol.STAFF_SENDER, patient, staff, work, tally)]
    try:
        await asyncio.gather(*tasks)
    finally:
        stop.set()
        await sampling
    return tally


def main() -> None:
    base_url, environment_name, out = sys.argv[1], sys.argv[2], sys.argv[6]
    work = ChatWork(int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    environment = load_environment(environment_name)
    visits, staff_cookie, patient_cookie = prepare(
        base_url, work.meetings, (environment.clinician.username, environment.clinician.password),
        environment.patients[-1], environment.default_unit)
    tally = asyncio.run(run(base_url, visits, staff_cookie, patient_cookie, work))
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"samples": tally.samples, "chat": tally.reporter.accounting(tally.sent),
                   "latencies_ms": tally.reporter.latencies_ms}, file)


if __name__ == "__main__":
    main()
