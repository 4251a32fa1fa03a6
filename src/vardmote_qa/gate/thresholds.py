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
