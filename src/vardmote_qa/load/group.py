"""Group meetings under load: a clinician and (deltagare_per_gruppmote - 1) patients in one conference
through the SFU, a share of the load's meetings (andel_gruppmoten in the load model).

Each participant has its own session (its own login and cookie) and joins as the visit page does: the visit's
WebSocket, check-in (patients) or admission (the clinician), `join-call`, the video room the service hands
out, and the SFU's room itself (load/sfu.py, signalling without media). Then everyone chats, and every
message must reach every other participant: each participant keeps one inbox per other participant, and
settles each against that sender's outbox at the end, finished or broken off, so that
sent x (participants - 1) = delivered + lost.

Every wait is bounded and timed ("group:<step>", as behaviours.py does for two-party meetings); a step
that fails ends the meeting for all (`GroupMeeting.abandoned`). All participants of a meeting are
greenlets of one Locust user, in one process: one clock for the chat's latency.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field

import gevent
from gevent.event import Event

from ..target.interface import VisitStatus
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import API_TIMEOUT_S, CHAT_DELIVERY_TIMEOUT_S, eventually
from .behaviours import chat
from .chat import Inbox, Outbox
from .clients import ApiClient, LoadStepFailed, Reporter, VisitSocket
from .sfu import SfuParticipant

STEP_TIMEOUT_S = API_TIMEOUT_S
# Request names (the summary's `group` section and the gate read them)
# Every meeting begun (STARTED) ends in exactly one MEETING (judged: passed or broke off) or NOT_JUDGED (it
# could not be played here, with the reason); a STARTED with neither never ended (the run stopped first).
STARTED = "group:started"
NOT_JUDGED = "group:not_judged"
MEETING = "group:meeting"
BOOK = "group:book"
PATIENTS_WAITING = "group:patients_waiting"
JOIN = "group:join"  # per participant: check-in (or admission) until in the SFU room with everyone
SFU_JOIN = "group:sfu_join"  # per participant: the video room's answer and the SFU's own join
SFU_PRESENT = "group:sfu_present"  # per participant: until the SFU's room lists every participant
SEND = "group:send"
DELIVER = "group:deliver"
PEERS_DONE = "group:peers_done"
END = "group:end"
CLINICIAN_LABEL = "vårdpersonalen"


class GroupNotJudged(Exception):
    """The meeting could not be played here (the environment lacks what it needs): counted, never a pass."""


class GroupBroken(Exception):
    """A participant did not get through the meeting; the step that failed has its own failure row."""


class GroupInbox:
    """What one participant received, one Inbox per other participant (a sender is its chat kind and name)."""

    def __init__(self, reporter: Reporter, senders: list[tuple[str, str]]):
        self.by_sender = {sender: Inbox(reporter, sender[0], DELIVER) for sender in senders}

    def on_chat(self, message: dict, received_at: float) -> None:
        inbox = self.by_sender.get((message.get("sender_kind"), message.get("sender_name")))
        if inbox is not None:  # not our own message echoed back by the room
            inbox.on_chat(message, received_at)

    def settle(self, outboxes: dict[tuple[str, str], Outbox], timeout: float = CHAT_DELIVERY_TIMEOUT_S) -> int:
        """Settles every sender at once (each bounded by timeout); returns how many never came."""
        def one(sender):
            outboxes[sender].done.wait(STEP_TIMEOUT_S)  # the sender stops soon after an abandon
            return self.by_sender[sender].settle(outboxes[sender], timeout)
        settling = [gevent.spawn(one, sender) for sender in self.by_sender]
        gevent.joinall(settling)
        return sum(g.value or 0 for g in settling)


@dataclass(eq=False)
class Participant:
    label: str  # "vårdpersonalen", "patient 2": for failure texts, never an identity
    api: ApiClient
    sender: tuple[str, str]  # (sender_kind, sender_name) as the meeting's chat shows this participant
    outbox: Outbox = field(default_factory=Outbox)
    checked_in: Event = field(default_factory=Event)
    inbox: GroupInbox | None = None
    sfu: SfuParticipant | None = None
    socket: VisitSocket | None = None  # once opened: what it received is settled when it leaves


@dataclass(eq=False)
class GroupMeeting:
    visit_id: int
    clinician: Participant
    patients: list[Participant]
    messages_each: int  # each participant's share of the meeting's chat (load model)
    abandoned: Event = field(default_factory=Event)

    @property
    def everyone(self) -> list[Participant]:
        return [self.clinician, *self.patients]

    def outboxes_but(self, me: Participant) -> dict[tuple[str, str], Outbox]:
        return {p.sender: p.outbox for p in self.everyone if p is not me}


def distinct_patients(settings, size: int) -> list[str]:
    """The environment's first distinct test patients, as many as a group meeting has patients."""
    return list(dict.fromkeys(settings.environment.patients))[:size - 1]


def who(api: ApiClient) -> tuple[str, str]:
    """The participant as the chat names it: the service's own words for kind and name."""
    me = api.call("auth:me", "GET", protocol.ME)
    return me["kind"], me["name"]


def play_group_meeting(user) -> None:
    """One group meeting, the clinician being the user's logged-in session (user.api at user.unit).
    The whole meeting is one `group:meeting`, failed when any participant did not get through it."""
    settings, reporter = user.settings, user.reporter
    size = settings.planned.model.group_size
    numbers = distinct_patients(settings, size)
    patients = [ApiClient(user.host, reporter) for _ in numbers]
    started, start_time = time.perf_counter(), time.time()
    reporter.report("WS", STARTED, 0.0, start_time=start_time)
    try:
        _play(user, numbers, patients)
    except GroupNotJudged as reason:
        reporter.report("WS", NOT_JUDGED, 0.0, exception=reason, start_time=start_time)
    except Exception as error:  # a step's own failure is reported already; this is the meeting's
        reporter.report("WS", MEETING, (time.perf_counter() - started) * 1000, start_time=start_time,
                        exception=error)
    else:
        reporter.report("WS", MEETING, (time.perf_counter() - started) * 1000, start_time=start_time)
    finally:
        for api in patients:
            with contextlib.suppress(Exception):
                api.call("auth:logout", "DELETE", protocol.SESSION)


def _play(user, numbers: list[str], patients: list[ApiClient]) -> None:
    size, timing = user.settings.planned.model.group_size, user.settings.planned.timing
    if len(numbers) < size - 1:
        raise GroupNotJudged(f"miljön har {len(numbers)} olika testpatienter; ett gruppmöte med {size} deltagare "
                             f"behöver {size - 1}")
    meeting = _booked(user, numbers, patients)
    parts = [gevent.spawn(_take_part, meeting, meeting.clinician, _clinician_part, timing)]
    parts += [gevent.spawn(_take_part, meeting, patient, _patient_part, timing) for patient in meeting.patients]
    gevent.joinall(parts, timeout=timing.cycle_s + 12 * STEP_TIMEOUT_S)  # every wait inside is bounded anyway
    gevent.killall([part for part in parts if not part.ready()])
    for part in parts:
        if part.exception is not None:  # not a step's failure (those return False): the meeting's error
            raise part.exception
    broken = [p.label for p, part in zip(meeting.everyone, parts) if part.value is not True]
    if broken:
        raise GroupBroken(f"{len(broken)} av {size} deltagare kom inte genom mötet ({', '.join(broken)})")


def _booked(user, numbers: list[str], patients: list[ApiClient]) -> GroupMeeting:
    for api, number in zip(patients, numbers):
        api.call("auth:bankid", "POST", protocol.PATIENT_LOGIN, json=protocol.patient_login(number))
    clinician = Participant(CLINICIAN_LABEL, user.api, who(user.api))
    people = [Participant(f"patient {n}", api, who(api)) for n, api in enumerate(patients, start=1)]
    senders = [clinician.sender, *(p.sender for p in people)]
    if len(set(senders)) < len(senders):
        raise GroupNotJudged("två deltagare har samma namn i chatten, så leveranserna kan inte skiljas åt")
    visit = user.api.call(BOOK, "POST", protocol.CONFERENCES,
                          json=protocol.conference(user.unit, numbers, meeting_start()))
    meeting = GroupMeeting(visit["id"], clinician, people, user.settings.planned.model.group_messages_each)
    for person in meeting.everyone:
        person.inbox = GroupInbox(user.reporter, [s for s in senders if s != person.sender])
    return meeting


def _all_set(events: list[Event], abandoned: Event, timeout: float) -> bool:
    """True when every event is set within timeout; False at once when the meeting is abandoned."""
    waiting = [event for event in events if not event.is_set()]
    with gevent.Timeout(timeout, False):
        while waiting and not abandoned.is_set():
            gevent.wait([*waiting, abandoned], count=1)
            waiting = [event for event in waiting if not event.is_set()]
    return not waiting and not abandoned.is_set()


def _into_the_room(meeting: GroupMeeting, me: Participant, socket: VisitSocket) -> None:
    """In the call, then in the SFU's room as the page joins it, until the room lists every participant."""
    socket.send(protocol.JOIN_CALL)
    reporter = me.api.reporter
    with reporter.timed("WS", SFU_JOIN):
        room = me.api.call("group:video_room", "GET", protocol.visit_video_room(meeting.visit_id))
        if not protocol.is_sfu_room(room):
            raise RuntimeError(f"gruppmötet fick videomotorn {room.get('videomotor')}, inte SFU:n")
        me.sfu = SfuParticipant(room["server"])
        me.sfu.join(room["room"], room["pin"], room["self"])
    size = len(meeting.everyone)

    def everyone_in_room():
        present = me.sfu.participants(room["room"])
        assert room["self"] in present and len(present) >= size, f"{len(present)} av {size} i videorummet"
        return True
    with reporter.timed("WS", SFU_PRESENT):
        eventually(everyone_in_room, timeout=STEP_TIMEOUT_S, description="alla deltagare i videorummet")


def _settle_and_leave(meeting: GroupMeeting, me: Participant) -> None:
    me.outbox.done.set()
    if me.socket is not None:  # without a socket nothing was received, and nobody sent before we were in
        me.inbox.settle(meeting.outboxes_but(me))
    if me.sfu is not None:
        me.sfu.leave()
    if me.socket is not None:
        me.socket.close()


def _take_part(meeting: GroupMeeting, me: Participant, part, timing) -> bool:
    """One participant's part of the meeting: True when it got through, False when a timed step failed (the
    step is in Locust's stats); either way, or on any other error (raised), the others stop waiting for it,
    and it settles its inboxes and leaves."""
    try:
        part(meeting, me, timing)
        return True
    except LoadStepFailed:
        meeting.abandoned.set()
        return False
    except Exception:
        meeting.abandoned.set()
        raise
    finally:
        _settle_and_leave(meeting, me)


def _open_socket(meeting: GroupMeeting, me: Participant, timing) -> VisitSocket:
    me.socket = VisitSocket(me.api, meeting.visit_id, me.inbox.on_chat, lifetime_s=timing.cycle_s + 6 * STEP_TIMEOUT_S)
    return me.socket


def _clinician_part(meeting: GroupMeeting, me: Participant, timing) -> None:
    """Waits for every patient in the waiting room, admits, joins, chats, closes when all have written."""
    reporter = me.api.reporter
    socket = _open_socket(meeting, me, timing)
    with reporter.timed("WS", PATIENTS_WAITING):
        if not _all_set([p.checked_in for p in meeting.patients], meeting.abandoned,
                        timing.waiting_s + STEP_TIMEOUT_S):
            raise TimeoutError("alla patienter kom inte till väntrummet")
    with reporter.timed("WS", JOIN):
        me.api.call("group:admit", "POST", protocol.visit_admit(meeting.visit_id))
        socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), STEP_TIMEOUT_S, "status pågår")
        _into_the_room(meeting, me, socket)
    _chat(meeting, me, socket, timing)
    with reporter.timed("WS", PEERS_DONE):
        if not _all_set([p.outbox.done for p in meeting.patients], meeting.abandoned,
                        timing.meeting_s + STEP_TIMEOUT_S):
            raise TimeoutError("patienternas sista meddelanden kom inte")
    me.api.call("group:close", "POST", protocol.visit_close(meeting.visit_id))


def _patient_part(meeting: GroupMeeting, me: Participant, timing) -> None:
    """Opens the visit early, checks in, joins the call and the SFU room, chats, leaves when it is closed."""
    reporter = me.api.reporter
    socket = _open_socket(meeting, me, timing)
    gevent.sleep(timing.waiting_s)  # the patient opens the visit early, as patients do
    with reporter.timed("WS", JOIN):
        me.api.call("group:check_in", "POST", protocol.visit_check_in(meeting.visit_id))
        me.checked_in.set()
        socket.wait_for(protocol.has_status(VisitStatus.IN_PROGRESS), timing.waiting_s + STEP_TIMEOUT_S,
                        "insläppt")
        _into_the_room(meeting, me, socket)
    _chat(meeting, me, socket, timing)
    with reporter.timed("WS", END):
        socket.wait_for(protocol.is_visit_closed, timing.meeting_s + 3 * STEP_TIMEOUT_S, "besöket avslutat")


def _chat(meeting: GroupMeeting, me: Participant, socket: VisitSocket, timing) -> None:
    """This participant's share of the chat, spread evenly over the meeting (as a two-party side's)."""
    chat(socket, me.outbox, meeting.messages_each, timing.meeting_s / meeting.messages_each, meeting, send_name=SEND)
