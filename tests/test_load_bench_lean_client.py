"""The lean asyncio client of `make bench-load` plays exactly its ChatWork and counts as the load test does:
against a minimal chat room on a real loopback WebSocket (no sandbox, no load run), which relays each
chat line to both sockets of the visit as the service does, and can drop one line."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json

import websockets

from vardmote_qa.bench import asyncio_chat, chat_round
from vardmote_qa.bench.chat_round import ChatWork


async def _room(dropped: set[tuple[str, int]]):
    """A visit room per path: hello on connect, every chat line to every socket of the room."""
    rooms: dict[str, set] = {}

    async def handler(socket):
        kind = socket.request.headers["Cookie"].split("=", 1)[1]
        room = rooms.setdefault(socket.request.path, set())
        room.add(socket)
        await socket.send(json.dumps({"type": "hello"}))
        try:
            async for raw in socket:
                message = json.loads(raw)
                if (kind, message["seq"]) in dropped:
                    continue
                line = {"type": "chat", "message": {"sender_kind": kind, "sender_seq": message["seq"],
                                                    "sent_at": message["sent_at"], "text": message["text"]}}
                for member in list(room):
                    await member.send(json.dumps(line))
        finally:
            room.discard(socket)

    return await websockets.serve(handler, "127.0.0.1", 0)


def play(work: ChatWork, dropped: set[tuple[str, int]] = frozenset()):
    async def main():
        server = await _room(set(dropped))
        port = next(iter(server.sockets)).getsockname()[1]
        try:
            return await asyncio_chat.run(f"http://127.0.0.1:{port}", list(range(work.meetings)),
                                          "vem=staff", "vem=patient", work)
        finally:
            server.close()
            await server.wait_closed()
    # In a thread of its own: a sync Playwright test on the same xdist worker leaves its event loop running
    # in the main thread, and asyncio.run refuses to start inside it.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def test_the_lean_client_sends_and_receives_exactly_its_work():
    work = ChatWork(meetings=3, messages_per_side=5, interval_s=0.3)  # 1.5 s: a few samples
    tally = play(work)
    assert tally.reporter.accounting(tally.sent) == {"sent": 30, "delivered": 30, "lost": 0, "duplicated": 0,
                                                     "reordered": 0, "untimed": 0, "unnumbered": 0}
    period = chat_round.measured(tally.samples, work)
    assert period is not None and period["written_bytes"] == 0
    assert max(row[chat_round.SIDES_CHATTING] for row in tally.samples) == work.sides


def test_a_line_the_room_drops_is_counted_lost_after_the_settle(monkeypatch):
    monkeypatch.setattr(asyncio_chat, "CHAT_DELIVERY_TIMEOUT_S", 0.5)
    work = ChatWork(meetings=2, messages_per_side=4, interval_s=0.02)
    tally = play(work, {("staff", 3)})
    chat = tally.reporter.accounting(tally.sent)
    assert (chat["sent"], chat["delivered"], chat["lost"]) == (16, 14, 2)  # seq 3 of staff, in both meetings
