"""Test-only conference chat fault (faults.py `conference_drops_chat`), so that the load's group-meeting
chat accounting is shown to catch one lost message to one participant: the conference's second patient
does not receive the clinician's first chat message of the meeting, while every other message reaches
everyone. Off by default; a two-party meeting is never touched."""

from __future__ import annotations

from . import video_engines


def chat_skipped(state, database, room, sender, visit_id: int):
    """The room participant who must not get this chat message, or None (the fault off, or not this one)."""
    if not getattr(state.faults, "conference_drops_chat", False) or not sender.user.is_staff:
        return None
    others = video_engines.co_patients(database, visit_id)
    if not others:
        return None
    staff_messages = database.query_one("SELECT COUNT(*) AS n FROM messages WHERE visit_id = ? AND sender_kind = ?",
                                        (visit_id, sender.user.kind))["n"]
    if staff_messages != 1:  # stored already: 1 means this is the clinician's first
        return None
    return next((p for p in room.participants if p.user.is_patient and p.user.id == others[0]["id"]), None)
