"""When a meeting booked by a test starts: always relative to now, so a booking never lies in the past.

The format is the one every target's booking takes (local time to the minute, as a datetime-local
field writes it: 2026-12-02T10:00). Actors, the load users and the benchmarks all book through here.
"""

from __future__ import annotations

import datetime as dt

MEETING_TIME_FORMAT = "%Y-%m-%dT%H:%M"


def meeting_start(ahead: dt.timedelta = dt.timedelta(hours=1), at: dt.time | None = None,
                  now: dt.datetime | None = None) -> str:
    """The start `ahead` from now; with `at`, that day at that clock time (tomorrow at 10:00 and the like)."""
    start = (now or dt.datetime.now()) + ahead
    if at is not None:
        start = dt.datetime.combine(start.date(), at)
    return start.strftime(MEETING_TIME_FORMAT)
