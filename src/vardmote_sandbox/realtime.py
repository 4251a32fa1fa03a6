"""One WebSocket per participant and visit: chat, WebRTC signaling and visit status, relayed in a room.

Message types, client -> server:
  {"type": "chat", "text": str, "seq": int?, "sent_at": float?}   stored, then sent to everyone in the room
  {"type": "join-call"} / {"type": "leave-call"}                   the participant's media is ready / gone
  {"type": "signal", "data": {...}}                                SDP or ICE, relayed to the others
server -> client:
  {"type": "hello", "you": role, "status": str, "in_call": [roles], "admitted": staff id | null}
  {"type": "status", "status": str, "admitted": staff id | null}   the visit changed status
  {"type": "peer-joined" | "peer-left", "role": str}
  {"type": "signal", "from": role, "from_id": staff id | null, "data": {...}}
  {"type": "chat", "message": {...}}
  {"type": "error", "text": str}        a message refused (the socket stays open) or a socket ended
  {"type": "visit-closed"}
The clinician is always the offerer, so the pair never glares. The client's messages are in messages.py.

Every message is authorised, not only the socket: the session must still be live (else the socket ends
with code 4401), the room role must allow it (an observer, such as a secretary, only follows the visit),
and the visit's status must allow it (no chat after the visit ended, no call before it has begun).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

from fastapi import HTTPException, WebSocket

from . import consent, guests, messages, visits
from . import conference_faults
from .auth import SESSION_COOKIE, User, session_user, user_for_token
from .guards import comes_from_elsewhere
from .messages import MAX_CHAT_LENGTH

# Close codes: the 4000 range mirrors HTTP, so a client reads them as it reads a status.
SESSION_ENDED, FORBIDDEN, NOT_FOUND, SERVICE_RESTART = 4401, 4403, 4404, 1012
UNREADABLE = "Meddelandet kunde inte läsas."
OBSERVER_REFUSED = "Din roll får följa besöket men inte skriva eller ringa i det."
CLOSED_REFUSED = "Besöket är avslutat."
NOT_STARTED = "Besöket har inte börjat."
SESSION_REFUSED = "Sessionen har upphört; logga in igen."
PATIENT, CLINICIAN, OBSERVER = "patient", "clinician", "observer"
GUEST = "guest"  # a relative or an interpreter by a guest link (guests.py): chats and calls, in its own visit only


@dataclass(eq=False)
class Participant:
    websocket: WebSocket
    user: User
    token: str
    role: str  # PATIENT, CLINICIAN (staff who may meet patients at the unit) or OBSERVER
    in_call: bool = False

    async def send(self, message: dict) -> None:
        try:
            await self.websocket.send_text(json.dumps(message))
        except Exception:  # the peer went away between our check and the send; the room forgets it
            pass


@dataclass
class Room:
    visit_id: int
    participants: set[Participant] = field(default_factory=set)

    async def broadcast(self, message: dict, *, exclude: Participant | None = None) -> None:
        await asyncio.gather(*(p.send(message) for p in list(self.participants) if p is not exclude))


class Rooms:
    def __init__(self, database) -> None:
        self._rooms: dict[int, Room] = {}
        self.database = database

    def room(self, visit_id: int) -> Room:
        return self._rooms.setdefault(visit_id, Room(visit_id))

    async def announce_status(self, visit_id: int, status: str) -> None:
        room = self._rooms.get(visit_id)
        if room is None:
            return
        admitted = visits.get_visit(self.database, visit_id)["clinician_id"]
        await room.broadcast({"type": "status", "status": status, "admitted": admitted})
        if status == "avslutat":
            await room.broadcast({"type": "visit-closed"})

    def connection_count(self) -> int:
        return sum(len(room.participants) for room in self._rooms.values())


def room_role(user: User, visit: dict) -> str:
    if user.is_patient:
        return PATIENT
    if user.kind == guests.GUEST:
        return GUEST
    return CLINICIAN if user.may("mota", visit["unit_id"]) else OBSERVER


async def serve_visit_socket(websocket: WebSocket, visit_id: int) -> None:
    state = websocket.app.state
    refusal = _refusal_at_open(websocket, visit_id)
    if refusal:  # accepted first, so that the client reads the close code, not only a failed handshake
        await websocket.accept()
        await websocket.close(code=refusal)
        return
    user = session_user(websocket)
    visit = visits.get_visit(state.database, visit_id)
    await websocket.accept()
    room = state.rooms.room(visit_id)
    me = Participant(websocket, user, websocket.cookies.get(SESSION_COOKIE), room_role(user, visit))
    room.participants.add(me)
    await me.send({"type": "hello", "you": me.role, "status": visit["status"], "admitted": visit["clinician_id"],
                   "in_call": [p.role for p in room.participants if p.in_call and p is not me]})
    try:
        await _receive_until_gone(state, room, me, visit_id)
    except RuntimeError:  # the socket closed between receive and send
        pass
    finally:
        room.participants.discard(me)
        if me.in_call:
            await room.broadcast({"type": "peer-left", "role": me.role})


def _refusal_at_open(websocket: WebSocket, visit_id: int) -> int | None:
    state = websocket.app.state
    if comes_from_elsewhere(websocket) and not state.weaknesses.no_origin_check:
        return FORBIDDEN  # another site's page must not ride on the patient's cookie (WebSocket hijacking)
    user = session_user(websocket)
    if user is None:
        return SESSION_ENDED
    try:
        visit = visits.get_visit(state.database, visit_id)
    except OverflowError:
        if state.weaknesses.bad_input_crashes:
            raise
        return NOT_FOUND
    if visit is None or not visits.may_see(user, visit):
        return NOT_FOUND
    try:
        consent.require_on_visit(state, user, visit)
    except HTTPException:
        return FORBIDDEN
    return None


async def _receive_until_gone(state, room: Room, me: Participant, visit_id: int) -> None:
    while True:
        frame = await me.websocket.receive()
        if frame["type"] == "websocket.disconnect":
            return
        if state.faults.should_drop_websocket():
            await me.websocket.close(code=SERVICE_RESTART)
            return
        if state.weaknesses.bad_input_crashes:  # the old reading: a frame that is not a JSON object crashes
            message = json.loads(frame["text"])
            message.get("type")
        message = messages.read(frame.get("text") or "")
        if message is None:
            await me.send({"type": "error", "text": UNREADABLE})
            continue
        if not _session_live(state, me):
            await me.send({"type": "error", "text": SESSION_REFUSED})
            await me.websocket.close(code=SESSION_ENDED)
            return
        refusal = _refusal(state, me, visits.get_visit(state.database, visit_id), message)
        if refusal:
            await me.send({"type": "error", "text": refusal})
            continue
        await handle_message(state.database, room, me, visit_id, message)


def _session_live(state, me: Participant) -> bool:
    if state.weaknesses.ws_session_unchecked:
        return True
    return user_for_token(state.database, me.token, expire=not state.weaknesses.sessions_never_expire,
                          guests_end_with_visit=not state.weaknesses.guest_links_outlive_visit) is not None


def _refusal(state, me: Participant, visit: dict, message) -> str | None:
    """Why this participant may not send this message now, or None."""
    weak = state.weaknesses
    if not weak.ws_role_unchecked and me.role == OBSERVER:
        return OBSERVER_REFUSED
    if not weak.consent_pages_only:
        try:
            consent.require_on_visit(state, me.user, visit)
        except HTTPException as refused:
            return refused.detail
    if not weak.ws_status_unchecked and visit["status"] == "avslutat":
        return CLOSED_REFUSED
    if isinstance(message, (messages.JoinCall, messages.Signal)) and visit["status"] != "pagar" \
            and not weak.ws_status_unchecked:
        return NOT_STARTED
    return None


async def handle_message(database, room: Room, me: Participant, visit_id: int, message) -> None:
    if isinstance(message, messages.Chat):
        text = message.text[:MAX_CHAT_LENGTH]
        if not text.strip():
            return
        stored = visits.store_message(database, visit_id, me.user, text, message.seq, message.sent_at)
        skipped = conference_faults.chat_skipped(me.websocket.app.state, database, room, me, visit_id)
        await room.broadcast({"type": "chat", "message": stored}, exclude=skipped)
    elif isinstance(message, messages.JoinCall):
        me.in_call = True
        await me.send({"type": "call-members", "in_call": [p.role for p in room.participants
                                                            if p.in_call and p is not me]})
        await room.broadcast({"type": "peer-joined", "role": me.role}, exclude=me)
    elif isinstance(message, messages.LeaveCall):
        me.in_call = False
        await room.broadcast({"type": "peer-left", "role": me.role}, exclude=me)
    elif isinstance(message, messages.Signal):
        await room.broadcast({"type": "signal", "from": me.role, "from_id": me.user.id if me.user.is_staff else None,
                              "data": message.data.model_dump(exclude_none=True)}, exclude=me)
