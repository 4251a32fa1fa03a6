"""What load users do, in domain words: play a meeting as staff or as patient, chat, log in in a rush.

Every wait is bounded; a failed step has already fired its request event (see clients.Reporter) and ends
the meeting for both sides (`Meeting.abandoned`).
"""

from __future__ import annotations

import contextlib
import random
import time

import gevent

from ..target.interface import VisitKind, VisitStatus
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S
from .chat import SEND, Inbox, Outbox
from .clients import ApiClient, VisitSocket
from .pairing import MATCHMAKER, Meeting
from .settings import LoadSettings

STEP_TIMEOUT_S = API_TIMEOUT_S
FAKE_SDP = "v=0\r\n" + "a=vmqa-lasttest\r\n" * 120  # about the size of a real offer (~2 KB)


def chat(socket: VisitSocket, outbox: Outbox, count: int, interval_s: float) -> None:
    """One side's share of the meeting's chat, evenly spread, with the sender's clock and sequence."""
    try:
        gevent.sleep(random.uniform(0, interval_s))  # the two sides do not type in lockstep
        for _ in range(count):
            seq = outbox.next_seq()
            with socket.reporter.timed("WS", SEND):
                socket.send(protocol.chat(f"Meddelande {seq}: hur mår du? åäö", seq, time.time()))
            outbox.sent = seq
            gevent.sleep(interval_s)
    finally:
        outbox.done.set()


def log_in_staff(api: ApiClient, settings: LoadSettings) -> None:
    api.call("auth:login", "POST", protocol.STAFF_LOGIN,
             json=protocol.staff_login(settings.staff.username, settings.staff.password))


def unit_id(api: ApiClient, settings: LoadSettings) -> int:
    return protocol.unit_with(api.call("visit:units", "GET", protocol.UNITS), settings.unit_slug)["id"]


def staff_plays_meeting(api: ApiClient, settings: LoadSettings, unit: int, kind: VisitKind = VisitKind.CHAT) -> bool:
    """Takes a waiting patient, books, admits, signals, chats and closes. False when no patient came."""
    seat = MATCHMAKER.take_patient()
    if seat is None:
        return False
    meeting, timing = seat.meeting, settings.planned.timing
    try:
        visit = api.call("visit:book", "POST", protocol.VISITS,
                         json=protocol.booking(unit, meeting.personnummer, meeting_start(), kind))
    except Exception as error:
        meeting.visit.set_exception(error)
        raise
    meeting.visit.set(visit["id"])
    inbox = meeting.staff_inbox = Inbox(api.reporter, protocol.PATIENT_SENDER)
    socket = VisitSocket(api, visit["id"], inbox.on_chat, lifetime_s=timing.cycle_s + 6 * STEP_TIMEOUT_S)
    try:
        socket.wait_for(protocol.has_status(VisitStatus.WAITING), timing.waiting_s + STEP_TIMEOUT_S,
                        "patienten i väntrummet")
        api.call("visit:admit", "POST", protocol.visit_admit(visit["id"]))
        socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), STEP_TIMEOUT_S, "status pågår")
        socket.send(protocol.JOIN_CALL)
        socket.wait_for(protocol.peer_in_call(protocol.PATIENT_IN_ROOM), STEP_TIMEOUT_S, "patienten i samtalet")
        meeting.staff_in_call.set()
        with api.reporter.timed("WS", "signal:exchange"):
            socket.send(protocol.description("offer", FAKE_SDP))
            socket.wait_for(protocol.has_description("answer"), STEP_TIMEOUT_S, "svar på erbjudandet")
        chat(socket, meeting.staff_outbox, timing.messages_per_side, timing.chat_interval_s)
        meeting.patient_outbox.done.wait(timing.meeting_s + STEP_TIMEOUT_S)
        api.call("visit:close", "POST", protocol.visit_close(visit["id"]))
        inbox.settle(meeting.patient_outbox)
        return True
    except Exception:
        meeting.abandoned.set()
        raise
    finally:
        meeting.closed.set()
        socket.close()


def patient_plays_meeting(api: ApiClient, settings: LoadSettings, personnummer: str) -> bool:
    """Logs in with BankID, waits for a meeting, arrives early, checks in, joins, answers, chats, leaves."""
    timing = settings.planned.timing
    api.call("auth:bankid", "POST", protocol.PATIENT_LOGIN, json=protocol.patient_login(personnummer))
    try:
        meeting = MATCHMAKER.offer_patient(personnummer)
        if meeting is None:
            return False
        visit_id = meeting.visit.get(timeout=2 * STEP_TIMEOUT_S)
        _patient_in_visit(api, meeting, visit_id, timing)
        return True
    finally:
        with contextlib.suppress(Exception):
            api.call("auth:logout", "DELETE", protocol.SESSION)


def _patient_in_visit(api: ApiClient, meeting: Meeting, visit_id: int, timing) -> None:
    inbox = meeting.patient_inbox = Inbox(api.reporter, protocol.STAFF_SENDER)
    socket = VisitSocket(api, visit_id, inbox.on_chat, lifetime_s=timing.cycle_s + 6 * STEP_TIMEOUT_S)
    try:
        gevent.sleep(timing.waiting_s)  # the patient opens the visit early, as patients do
        # The meeting's join: the patient's check-in until both sides know the other is in the call
        with api.reporter.timed("WS", "visit:join"):
            api.call("visit:check_in", "POST", protocol.visit_check_in(visit_id))
            socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), timing.waiting_s + STEP_TIMEOUT_S,
                            "insläppt")
            socket.send(protocol.JOIN_CALL)
            socket.wait_for(protocol.peer_in_call(protocol.CLINICIAN_IN_ROOM), STEP_TIMEOUT_S,
                            "vårdpersonalen i samtalet")
            meeting.patient_in_call.set()
            if not meeting.staff_in_call.wait(STEP_TIMEOUT_S):
                raise TimeoutError("vårdpersonalen kom aldrig in i samtalet")
        socket.wait_for(protocol.has_description("offer"), STEP_TIMEOUT_S, "erbjudande")
        socket.send(protocol.description("answer", FAKE_SDP))
        for index in range(2):  # a couple of ICE candidates, as a browser sends
            socket.send(protocol.candidate(f"candidate:{index} 1 udp 1 127.0.0.1 9 typ host"))
        chat(socket, meeting.patient_outbox, timing.messages_per_side, timing.chat_interval_s)
        socket.wait_for(protocol.is_visit_closed, timing.meeting_s + 3 * STEP_TIMEOUT_S, "besöket avslutat")
        inbox.settle(meeting.staff_outbox)
    except Exception:
        meeting.abandoned.set()
        raise
    finally:
        socket.close()


def morning_login(api: ApiClient, settings: LoadSettings) -> None:
    """A member of staff starting the day: log in, look at the waiting room, log out."""
    log_in_staff(api, settings)
    api.call("visit:list", "GET", protocol.VISITS, params=protocol.waiting_filter())
    api.call("auth:logout", "DELETE", protocol.SESSION)


class VideoDegraded(Exception):
    pass


def hold_video_visit(user, observe_s: float) -> None:
    """A real video visit during the load: first frame, connection, freezes and the media verdict."""
    result = user.video_visit(observe_s)
    user.reporter.report("BROWSER", "video:first_frame", result.first_frame_ms)
    user.reporter.report("BROWSER", "video:connect", result.connected_ms)
    user.reporter.report("BROWSER", "video:freezes", result.freezes_ms)
    problem = VideoDegraded("; ".join(result.problems)) if result.problems else None
    user.reporter.report("BROWSER", "video:verdict", observe_s * 1000, exception=problem)


def login_pacing(planned, clock):
    """A wait_time that spreads the shape's current login rate over the login users."""
    def wait_time(user) -> float:
        rate = planned.logins_at(clock.elapsed()) / max(1, planned.login_users)
        if rate <= 0:
            return 1.0
        spent = getattr(user, "last_task_s", 0.0)
        return max(0.0, 1 / rate - spent)
    return wait_time


def login_rush_active(planned, clock) -> bool:
    return planned.logins_at(clock.elapsed()) > 0
