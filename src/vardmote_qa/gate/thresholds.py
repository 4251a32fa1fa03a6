"""Three tiers from a measured value and the criterion's warn and fail limits."""

from __future__ import annotations

from .model import Status


def tier(value: float, warn: float | None, fail: float | None, higher_is_worse: bool = True) -> Status:
    def beyond(limit: float | None) -> bool:
        if limit is None:
            return False
        return value > limit if higher_is_worse else value < limit

    if beyond(fail):
        return Status.FAIL
    if beyond(warn):
        return Status.WARN
    return Status.PASS


def parse_limits(entry: dict, criterion_id: str = "") -> tuple[float | None, float | None]:
    limits = []
    for name in ("warn", "fail"):
        value = entry.get(name)
        if value is not None and not isinstance(value, (int, float)):
            raise ValueError(f"'{name}' måste vara ett tal")
        limits.append(value)
    if limits == [None, None]:
        raise ValueError("minst en av gränserna 'warn' och 'fail' måste anges")
    return limits[0], limits[1]
