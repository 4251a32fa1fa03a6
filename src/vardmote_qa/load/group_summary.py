"""The load summary's `group` section: the group meetings through the SFU, from Locust's statistics.

Meetings begun, judged (ended: passed or broke off) and not judged (could not be played here, with the
reason, or never ended before the run stopped), participants, join times per participant, and the chat's
accounting per receiver: each message is owed to every other participant of its meeting, so
expected = sent x (participants - 1) = delivered + lost.
"""

from __future__ import annotations

import re

from .group import DELIVER, JOIN, MEETING, NOT_JUDGED, SEND, SFU_JOIN, SFU_PRESENT, STARTED
from .summary import _error_text, _entry, chat_accounting

UNFINISHED = "mötet blev inte klart innan körningen slutade"
_REPR = re.compile(r"^\w+\((['\"])(.*)\1\)$", re.DOTALL)  # GroupNotJudged('the text')
MAX_REASONS = 5


def _count(stats, name: str) -> tuple[int, int]:
    entry = stats.entries.get((name, "WS"))
    return (entry.num_requests, entry.num_failures) if entry else (0, 0)


def _p95(stats, name: str) -> float | None:
    entry = stats.entries.get((name, "WS"))
    return _entry(entry)["p95_ms"] if entry and entry.num_requests else None


def _reasons(stats, name: str) -> dict[str, int]:
    """The failure texts of one request name, with how often each came (the class name stripped)."""
    found: dict[str, int] = {}
    for error in stats.errors.values():
        if error.name == name:
            shown = _REPR.match(_error_text(error.error))
            text = shown.group(2) if shown else _error_text(error.error)
            found[text] = found.get(text, 0) + error.occurrences
    return dict(sorted(found.items(), key=lambda item: -item[1])[:MAX_REASONS])


def group_summary(stats, participants_per_meeting: int) -> dict:
    started, _ = _count(stats, STARTED)
    judged, failed = _count(stats, MEETING)
    not_playable, _ = _count(stats, NOT_JUDGED)
    reasons = _reasons(stats, NOT_JUDGED)
    unfinished = max(0, started - judged - not_playable)
    if unfinished:
        reasons[UNFINISHED] = unfinished
    joins, join_failures = _count(stats, JOIN)
    sfu_joins, sfu_failures = _count(stats, SFU_JOIN)
    chat = chat_accounting(stats, deliver=DELIVER, send=SEND)
    receivers = max(0, participants_per_meeting - 1)
    return {"meetings": started, "judged": judged, "failed": failed, "not_judged": started - judged,
            "not_judged_reasons": reasons, "participants_per_meeting": participants_per_meeting,
            "participants": joins, "join_failures": join_failures, "join_p95_ms": _p95(stats, JOIN),
            "sfu_joins": sfu_joins, "sfu_join_failures": sfu_failures, "sfu_join_p95_ms": _p95(stats, SFU_JOIN),
            "sfu_present_p95_ms": _p95(stats, SFU_PRESENT), "delivery_p95_ms": _p95(stats, DELIVER),
            "meeting_failures": _reasons(stats, MEETING),
            "chat": {**chat, "receivers": receivers, "expected": chat["sent"] * receivers}}
