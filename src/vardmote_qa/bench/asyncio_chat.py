"""The practical ceiling: a minimal asyncio client of the visit WebSocket's chat, as lean as it gets.

Same protocol and message as the Locust users (sender clock, per-sender sequence), no Locust, no gevent.
Run as its own process: `python -m vardmote_qa.bench.asyncio_chat BASE_URL PAIRS RATE SECONDS OUT.json`.
Setup (logins, bookings, admissions) happens before the timed part, with plain requests.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import requests
import websockets

from ..target.interface import VisitKind
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S


def _session(base_url: str, path: str, body: dict) -> requests.Session:
    session = requests.Session()
    session.post(f"{base_url}{path}", json=body, timeout=API_TIMEOUT_S).raise_for_status()
    return session


def prepare(base_url: str, pairs: int, staff: tuple[str, str], personnummer: str, unit_slug: str):
    """Visits under way, with the two cookies that may join each."""
    clinician = _session(base_url, protocol.STAFF_LOGIN, protocol.staff_login(*staff))
    patient = _session(base_url, protocol.PATIENT_LOGIN, protocol.patient_login(personnummer))
    units = clinician.get(f"{base_url}{protocol.UNITS}", timeout=API_TIMEOUT_S).json()
    unit = protocol.unit_with(units, unit_slug)["id"]
    visits = []
    for _ in range(pairs):
        booking = protocol.booking(unit, personnummer, meeting_start(), VisitKind.CHAT)
        visit = clinician.post(f"{base_url}{protocol.VISITS}", json=booking, timeout=API_TIMEOUT_S).json()
        patient.post(f"{base_url}{protocol.visit_check_in(visit['id'])}", timeout=API_TIMEOUT_S).raise_for_status()
        clinician.post(f"{base_url}{protocol.visit_admit(visit['id'])}", timeout=API_TIMEOUT_S).raise_for_status()
        visits.append(visit["id"])
    cookie = lambda s: "; ".join(f"{k}={v}" for k, v in s.cookies.items())  # noqa: E731
    return visits, cookie(clinician), cookie(patient)


class Tally:
    """Counted in memory; written once, after the timed part (the measured process writes nothing meanwhile)."""

    def __init__(self):
        self.sent = 0
        self.delivered = 0
        self.latencies_ms: list[float] = []
        self.samples: list[tuple[float, int, float]] = []  # (wall time, delivered, process CPU seconds)


async def side(url: str, cookie: str, me: str, peer: str, rate: float, until: float, tally: Tally) -> None:
    async with websockets.connect(url, additional_headers={"Cookie": cookie}, max_queue=None) as socket:
        await socket.recv()  # hello

        async def receive():
            async for raw in socket:
                message = json.loads(raw)
                if protocol.is_chat(message) and protocol.chat_of(message)["sender_kind"] == peer:
                    tally.delivered += 1
                    tally.latencies_ms.append((time.time() - protocol.chat_of(message)["sent_at"]) * 1000)

        receiver = asyncio.create_task(receive())
        seq = 0
        while time.time() < until:
            seq += 1
            await socket.send(json.dumps(protocol.chat(f"Meddelande {seq}: hur mår du? åäö", seq, time.time())))
            tally.sent += 1
            await asyncio.sleep(1 / rate)
        await asyncio.sleep(5)  # the last messages arrive (what has not by then is lost, as in the load test)
        receiver.cancel()


async def sampler(tally: Tally, until: float) -> None:
    while time.time() < until + 5:
        tally.samples.append((time.time(), tally.delivered, time.process_time()))
        await asyncio.sleep(1)


async def run(base_url: str, visits, staff_cookie: str, patient_cookie: str, rate: float, seconds: float) -> Tally:
    tally, until = Tally(), time.time() + seconds
    tasks = [sampler(tally, until)]
    staff, patient = protocol.STAFF_SENDER, protocol.PATIENT_SENDER
    for visit in visits:
        url = protocol.visit_socket(base_url, visit)
        tasks += [side(url, staff_cookie, staff, patient, rate, until, tally),
                  side(url, patient_cookie, patient, staff, rate, until, tally)]
    await asyncio.gather(*tasks)
    return tally


def main() -> None:
    base_url, pairs, rate, seconds, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
    staff, personnummer, unit = (sys.argv[6], sys.argv[7]), sys.argv[8], sys.argv[9]
    visits, staff_cookie, patient_cookie = prepare(base_url, pairs, staff, personnummer, unit)
    tally = asyncio.run(run(base_url, visits, staff_cookie, patient_cookie, rate, seconds))
    with open(out, "w", encoding="utf-8") as file:
        json.dump({"sent": tally.sent, "delivered": tally.delivered, "lost": max(0, tally.sent - tally.delivered),
                   "latencies_ms": tally.latencies_ms, "samples": tally.samples}, file)


if __name__ == "__main__":
    main()
