"""The run's summary for the gate: per request name count, failures, percentiles, rate; chat accounting;
the task exceptions Locust caught (a failure no request event named)."""

from __future__ import annotations

from .chat import DELIVER, SEND

# Failures of chat:deliver by kind, found by their exception's class name in Locust's error rows
_CHAT_FAILURES = {"lost": "ChatLost", "duplicated": "ChatDuplicated", "reordered": "ChatReordered",
                  "untimed": "ChatUntimed", "unnumbered": "ChatUnnumbered"}
# Failures that are first arrivals of a message all the same: they count as delivered
_DELIVERED_ALL_THE_SAME = ("reordered", "untimed")


def _entry(entry) -> dict:
    return {"count": entry.num_requests, "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5) or 0.0,
            "p95_ms": entry.get_response_time_percentile(0.95) or 0.0,
            "p99_ms": entry.get_response_time_percentile(0.99) or 0.0,
            "rps": round(entry.total_rps, 3)}


def _error_text(error) -> str:
    """An error row's text with its class name: a worker's rows arrive as repr() strings, a local runner's
    as the exception itself, whose str() has no class name (so a local run once counted nothing lost)."""
    return error if isinstance(error, str) else repr(error)


def chat_accounting(stats, deliver: str = DELIVER, send: str = SEND) -> dict:
    """Sent by the senders; delivered = arrived at least once (in order or not); the rest by kind.
    Every settled meeting gives sent = delivered + lost; a difference is a meeting that never settled.
    (A group meeting's chat has its own request names: load/group_summary.py.)"""
    counts = dict.fromkeys(_CHAT_FAILURES, 0)
    for error in stats.errors.values():
        if error.name == deliver:
            for key, marker in _CHAT_FAILURES.items():
                if marker in _error_text(error.error):
                    counts[key] += error.occurrences
    deliveries = stats.entries.get((deliver, "WS"))
    successes = deliveries.num_requests - deliveries.num_failures if deliveries else 0
    sends = stats.entries.get((send, "WS"))
    sent = sends.num_requests - sends.num_failures if sends else 0
    delivered = successes + sum(counts[key] for key in _DELIVERED_ALL_THE_SAME)
    return {"sent": sent, "delivered": delivered, **counts}


def task_errors(exceptions: dict) -> dict:
    """Locust's runner.exceptions: exceptions that escaped a task, which no request event counted."""
    count = sum(int(entry.get("count", 0)) for entry in exceptions.values())
    messages = sorted({str(entry.get("msg", ""))[:200].rstrip(". ") for entry in exceptions.values()})[:5]
    return {"count": count, "examples": messages}


def summary_from_stats(stats, shape: str, duration_s: float, complete: bool, exceptions: dict | None = None,
                       group_size: int = 0) -> dict:
    """group_size: participants per group meeting when the run played group meetings (then a `group`
    section, load/group_summary.py), else 0."""
    from .group_summary import group_summary  # it builds on chat_accounting above
    requests = {name: _entry(entry) for (name, _method), entry in sorted(stats.entries.items())}
    summary = {"shape": shape, "duration_s": round(duration_s, 1), "complete": complete, "requests": requests,
               "chat": chat_accounting(stats), "task_errors": task_errors(exceptions or {})}
    if group_size:
        summary["group"] = group_summary(stats, group_size)
    return summary
