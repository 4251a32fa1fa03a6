"""One WebSocket per participant and visit: chat, WebRTC signaling and visit status, relayed in a room.

Message types, client -> server:
  {"type": "chat", "text": str, "seq": int?, "sent_at": float?}   stored, then sent to everyone in the room
  {"type": "join-call"} / {"type": "leave-call"}                   the participant's media is ready / gone
  {"type": "signal", "data": {...}}                                SDP or ICE, relayed to the others
server -> client:
  {"type": "hello", "you": role, "status": str, "in_call": [roles]}
  {"type": "status", "status": str}     the visit changed status (the waiting room learns it is let in)
  {"type": "peer-joined" | "peer-left", "role": str}
  {"type": "signal", "from": role, "data": {...}}
  {"type": "chat", "message": {...}}
  {"type": "visit-closed"}
The clinician is always the offerer, so the pair never glares.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

from fastapi import WebSocket, WebSocketDisconnect

from . import visits
from .auth import SESSION_COOKIE, User, user_for_token
from .faults import Faults

MAX_CHAT_LENGTH = 4000


@dataclass(eq=False)
class Participant:
    websocket: WebSocket
    user: User
    in_call: bool = False

    @property
    def role(self) -> str:
        return "clinician" if self.user.is_staff else "patient"

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
    def __init__(self) -> None:
        self._rooms: dict[int, Room] = {}

    def room(self, visit_id: int) -> Room:
        return self._rooms.setdefault(visit_id, Room(visit_id))

    async def announce_status(self, visit_id: int, status: str) -> None:
        room = self._rooms.get(visit_id)
        if room is None:
            return
        await room.broadcast({"type": "status", "status": status})
        if status == "avslutat":
            await room.broadcast({"type": "visit-closed"})

    def connection_count(self) -> int:
        return sum(len(room.participants) for room in self._rooms.values())


async def serve_visit_socket(websocket: WebSocket, visit_id: int) -> None:
    app = websocket.app
    database = app.state.database
    faults: Faults = app.state.faults
    user = user_for_token(database, websocket.cookies.get(SESSION_COOKIE))
    visit = visits.get_visit(database, visit_id)
    allowed = user is not None and visit is not None and visits.may_see(user, visit)
    if not allowed:
        await websocket.close(code=4403)
        return
    await websocket.accept()
    room = app.state.rooms.room(visit_id)
    me = Participant(websocket, user)
    room.participants.add(me)
    await me.send({"type": "hello", "you": me.role, "status": visit["status"],
                   "in_call": [p.role for p in room.participants if p.in_call and p is not me]})
    try:
        while True:
            message = json.loads(await websocket.receive_text())
            if faults.should_drop_websocket():
                await websocket.close(code=1012)
                break
            await handle_message(database, room, me, visit_id, message)
    except (WebSocketDisconnect, RuntimeError, json.JSONDecodeError):
        pass
    finally:
        room.participants.discard(me)
        if me.in_call:
            await room.broadcast({"type": "peer-left", "role": me.role})


async def handle_message(database, room: Room, me: Participant, visit_id: int, message: dict) -> None:
    kind = message.get("type")
    if kind == "chat":
        text = str(message.get("text", ""))[:MAX_CHAT_LENGTH]
        if not text.strip():
            return
        stored = visits.store_message(database, visit_id, me.user, text, _int_or_none(message.get("seq")),
                                      _float_or_none(message.get("sent_at")))
        await room.broadcast({"type": "chat", "message": stored})
    elif kind == "join-call":
        if visits.get_visit(database, visit_id)["status"] != "pagar":
            await me.send({"type": "error", "text": "Besöket har inte börjat."})
            return
        me.in_call = True
        await me.send({"type": "call-members", "in_call": [p.role for p in room.participants
                                                            if p.in_call and p is not me]})
        await room.broadcast({"type": "peer-joined", "role": me.role}, exclude=me)
    elif kind == "leave-call":
        me.in_call = False
        await room.broadcast({"type": "peer-left", "role": me.role}, exclude=me)
    elif kind == "signal":
        await room.broadcast({"type": "signal", "from": me.role, "data": message.get("data")}, exclude=me)


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float_or_none(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
