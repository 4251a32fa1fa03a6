"""The run's summary for the gate: per request name count, failures, percentiles, rate; chat accounting."""

from __future__ import annotations

from .chat import DELIVER, SEND


def _entry(entry) -> dict:
    return {"count": entry.num_requests, "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5) or 0.0,
            "p95_ms": entry.get_response_time_percentile(0.95) or 0.0,
            "p99_ms": entry.get_response_time_percentile(0.99) or 0.0,
            "rps": round(entry.total_rps, 3)}


def chat_accounting(stats) -> dict:
    """Sent by the senders; delivered = arrived at least once (in order or not); the rest by kind."""
    kinds = {"lost": "ChatLost", "duplicated": "ChatDuplicated", "reordered": "ChatReordered"}
    counts = dict.fromkeys(kinds, 0)
    for error in stats.errors.values():
        if error.name == DELIVER:
            for key, marker in kinds.items():
                if marker in str(error.error):
                    counts[key] += error.occurrences
    deliveries = stats.entries.get((DELIVER, "WS"))
    successes = deliveries.num_requests - deliveries.num_failures if deliveries else 0
    sends = stats.entries.get((SEND, "WS"))
    sent = sends.num_requests - sends.num_failures if sends else 0
    return {"sent": sent, "delivered": successes + counts["reordered"], **counts}


def summary_from_stats(stats, shape: str, duration_s: float, complete: bool) -> dict:
    requests = {name: _entry(entry) for (name, _method), entry in sorted(stats.entries.items())}
    return {"shape": shape, "duration_s": round(duration_s, 1), "complete": complete, "requests": requests,
            "chat": chat_accounting(stats)}
