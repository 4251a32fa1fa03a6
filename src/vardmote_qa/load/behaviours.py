"""What load users do, in domain words: play a meeting as staff or as patient, chat, log in in a rush.

Every wait is bounded and timed: a wait that runs out is a failed request the gate reads, never a bare
task exception. A failed step has already fired its request event (see clients.Reporter) and ends the
meeting for both sides (`Meeting.abandoned`); both sides then settle their chat, so nothing sent is lost
unseen.
"""

from __future__ import annotations

import contextlib
import random
import time

import gevent

from ..media.tiers import Tier
from ..target.interface import VisitKind, VisitStatus
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S, MEDIA_START_TIMEOUT_S
from .chat import SEND, Inbox, Outbox
from . import video_visits as video
from .clients import ApiClient, LoadStepFailed, Reporter, VisitSocket
from .pairing import MATCHMAKER, Meeting
from .settings import LoadSettings

STEP_TIMEOUT_S = API_TIMEOUT_S
MEETING = "visit:meeting"  # one per meeting and side: a failure is a meeting that broke off
FAKE_SDP = "v=0\r\n" + "a=vmqa-lasttest\r\n" * 120  # about the size of a real offer (~2 KB)


def chat(socket: VisitSocket, outbox: Outbox, count: int, interval_s: float, meeting: Meeting,
         send_name: str = SEND) -> None:
    """One side's share of the meeting's chat, evenly spread, with the sender's clock and sequence.
    Stops when the meeting is abandoned: nobody would read the rest. (A group meeting's participants
    chat the same way, under their own request name.)"""
    try:
        gevent.sleep(random.uniform(0, interval_s))  # the two sides do not type in lockstep
        for _ in range(count):
            if meeting.abandoned.is_set():
                return
            seq = outbox.next_seq()
            with socket.reporter.timed("WS", send_name):
                socket.send(protocol.chat(f"Meddelande {seq}: hur mår du? åäö", seq, time.time()))
            outbox.sent = seq
            gevent.sleep(interval_s)
    finally:
        outbox.done.set()


def waited(reporter: Reporter, name: str, event, timeout: float, what: str) -> None:
    """A wait for the other side as a timed request, so that a side that never comes is a failure."""
    with reporter.timed("WS", name):
        if not event.wait(timeout):
            raise TimeoutError(f"{what} kom inte inom {timeout:.0f} s")


def settle_chat(inbox: Inbox | None, peer_outbox: Outbox, timeout_s: float) -> None:
    """Every side settles its chat at the end, finished or abandoned: what the other side sent and never
    reached us is counted lost, so that sent = delivered + lost."""
    if inbox is None:
        return
    peer_outbox.done.wait(timeout_s)  # the other side stops soon after an abandon (see chat())
    inbox.settle(peer_outbox)


class MeetingAbandoned(Exception):
    pass


@contextlib.contextmanager
def meeting_played(reporter: Reporter, meeting: Meeting):
    """The whole meeting as one timed `visit:meeting` of the side that reports it; a failed step ends the
    meeting for both sides. A step that failed has already fired its own event, so it is not raised to
    Locust again; anything else is, and reaches the gate as a task error."""
    try:
        with reporter.timed("WS", MEETING):
            yield
            if meeting.abandoned.is_set():
                raise MeetingAbandoned("den andra sidan bröt mötet")
    except LoadStepFailed:
        meeting.abandoned.set()
    except Exception:
        meeting.abandoned.set()
        raise


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
    meeting, timing, reporter = seat.meeting, settings.planned.timing, api.reporter
    socket = None
    try:
        with meeting_played(reporter, meeting):
            try:
                visit = api.call("visit:book", "POST", protocol.VISITS,
                                 json=protocol.booking(unit, meeting.personnummer, meeting_start(), kind))
            except Exception as error:
                meeting.visit.set_exception(error)
                raise
            meeting.visit.set(visit["id"])
            inbox = meeting.staff_inbox = Inbox(reporter, protocol.PATIENT_SENDER)
            socket = VisitSocket(api, visit["id"], inbox.on_chat, lifetime_s=timing.cycle_s + 6 * STEP_TIMEOUT_S)
            with reporter.timed("WS", "visit:patient_waiting"):
                socket.wait_for(protocol.has_status(VisitStatus.WAITING), timing.waiting_s + STEP_TIMEOUT_S,
                                "patienten i väntrummet")
            with reporter.timed("WS", "visit:start"):
                api.call("visit:admit", "POST", protocol.visit_admit(visit["id"]))
                socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), STEP_TIMEOUT_S, "status pågår")
                socket.send(protocol.JOIN_CALL)
                socket.wait_for(protocol.peer_in_call(protocol.PATIENT_IN_ROOM), STEP_TIMEOUT_S,
                                "patienten i samtalet")
            meeting.staff_in_call.set()
            with reporter.timed("WS", "signal:exchange"):
                socket.send(protocol.description("offer", FAKE_SDP))
                socket.wait_for(protocol.has_description("answer"), STEP_TIMEOUT_S, "svar på erbjudandet")
            chat(socket, meeting.staff_outbox, timing.messages_per_side, timing.chat_interval_s, meeting)
            waited(reporter, "chat:peer_done", meeting.patient_outbox.done, timing.meeting_s + STEP_TIMEOUT_S,
                   "patientens sista meddelande")
            api.call("visit:close", "POST", protocol.visit_close(visit["id"]))
            settle_chat(inbox, meeting.patient_outbox, STEP_TIMEOUT_S)
        if meeting.abandoned.is_set():
            settle_chat(meeting.staff_inbox, meeting.patient_outbox, timing.meeting_s + STEP_TIMEOUT_S)
        return True
    finally:
        meeting.staff_outbox.done.set()
        meeting.closed.set()
        if socket is not None:
            socket.close()


def patient_plays_meeting(api: ApiClient, settings: LoadSettings, personnummer: str) -> bool:
    """Logs in with BankID, waits for a meeting, arrives early, checks in, joins, answers, chats, leaves."""
    timing = settings.planned.timing
    try:
        api.call("auth:bankid", "POST", protocol.PATIENT_LOGIN, json=protocol.patient_login(personnummer))
    except LoadStepFailed:
        return False
    try:
        meeting = MATCHMAKER.offer_patient(personnummer)
        if meeting is None:
            return False
        _patient_in_meeting(api, meeting, timing)
        return True
    finally:
        with contextlib.suppress(Exception):
            api.call("auth:logout", "DELETE", protocol.SESSION)


def _patient_in_meeting(api: ApiClient, meeting: Meeting, timing) -> None:
    reporter, socket = api.reporter, None
    try:
        with meeting_played(reporter, meeting):
            with reporter.timed("WS", "visit:booked"):
                meeting.visit.wait(2 * STEP_TIMEOUT_S)  # AsyncResult.get's timeout is no Exception
                if not meeting.visit.ready():
                    raise TimeoutError(f"bokningen kom inte inom {2 * STEP_TIMEOUT_S:.0f} s")
                visit_id = meeting.visit.get(block=False)  # the staff side's booking error, if any
            inbox = meeting.patient_inbox = Inbox(reporter, protocol.STAFF_SENDER)
            socket = VisitSocket(api, visit_id, inbox.on_chat, lifetime_s=timing.cycle_s + 6 * STEP_TIMEOUT_S)
            gevent.sleep(timing.waiting_s)  # the patient opens the visit early, as patients do
            # The meeting's join: the patient's check-in until both sides know the other is in the call
            with reporter.timed("WS", "visit:join"):
                api.call("visit:check_in", "POST", protocol.visit_check_in(visit_id))
                socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), timing.waiting_s + STEP_TIMEOUT_S,
                                "insläppt")
                socket.send(protocol.JOIN_CALL)
                socket.wait_for(protocol.peer_in_call(protocol.CLINICIAN_IN_ROOM), STEP_TIMEOUT_S,
                                "vårdpersonalen i samtalet")
                meeting.patient_in_call.set()
                if not meeting.staff_in_call.wait(STEP_TIMEOUT_S):
                    raise TimeoutError("vårdpersonalen kom aldrig in i samtalet")
            with reporter.timed("WS", "signal:answer"):
                socket.wait_for(protocol.has_description("offer"), STEP_TIMEOUT_S, "erbjudande")
                socket.send(protocol.description("answer", FAKE_SDP))
                for index in range(2):  # a couple of ICE candidates, as a browser sends
                    socket.send(protocol.candidate(f"candidate:{index} 1 udp 1 127.0.0.1 9 typ host"))
            chat(socket, meeting.patient_outbox, timing.messages_per_side, timing.chat_interval_s, meeting)
            with reporter.timed("WS", "visit:end"):
                socket.wait_for(protocol.is_visit_closed, timing.meeting_s + 3 * STEP_TIMEOUT_S, "besöket avslutat")
            settle_chat(inbox, meeting.staff_outbox, STEP_TIMEOUT_S)
        if meeting.abandoned.is_set():
            settle_chat(meeting.patient_inbox, meeting.staff_outbox, timing.meeting_s + STEP_TIMEOUT_S)
    finally:
        meeting.patient_outbox.done.set()
        if socket is not None:
            socket.close()


def morning_login(api: ApiClient, settings: LoadSettings) -> None:
    """A member of staff starting the day: log in, look at the waiting room, log out. A failed step has
    fired its own failure and ends this login, not the user."""
    with contextlib.suppress(LoadStepFailed):
        log_in_staff(api, settings)
        api.call("visit:list", "GET", protocol.VISITS, params=protocol.waiting_filter())
        api.call("auth:logout", "DELETE", protocol.SESSION)


class VideoDegraded(Exception):
    pass


class VideoMissing(Exception):
    """A first frame or a connection that never came: a failure, never a measured 0 ms."""


def hold_video_visit(user, observe_s: float) -> None:
    """A real video visit during the load, judged like the video part's (media/campaign.run_visit): first
    frame, connection, freezes, and the verdict (`video:verdict` fails on "underkänd", naming the symptom;
    a visit the machine could not judge is `video:not_judged`, counted and never a pass or a failure).
    A visit that broke off has already fired its `video:visit` failure, so it is not a task error too."""
    try:
        result = user.video_visit(observe_s)
    except LoadStepFailed:
        return
    waited_ms = MEDIA_START_TIMEOUT_S * 1000  # what never came counts as at least as late as we waited
    for name, measure_id, what in (("video:first_frame", "ttff_s", "ingen första bildruta"),
                                   ("video:connect", "ice_connected_s", "ingen anslutning")):
        value = video.ms(result, measure_id)
        user.reporter.report("BROWSER", name, waited_ms if value is None else value,
                             exception=VideoMissing(what) if value is None else None)
    user.reporter.report("BROWSER", "video:freezes", video.frozen_ms(result))
    if result.cannot_judge:
        user.reporter.report("BROWSER", "video:not_judged", observe_s * 1000)
        return
    problem = VideoDegraded(f"{result.verdict.symptom()}: {result.verdict.reason}") \
        if result.tier is Tier.FAIL else None
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
