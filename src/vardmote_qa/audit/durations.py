"""Durations as operations write them: 24h, 90m, 2d, 45s (or 1.5h)."""

from __future__ import annotations

import re

from ..errors import UserError

_UNITS_S = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*([smhd])\s*")


def seconds_of(text: str, what: str) -> float:
    """The duration in seconds; what names the option in the refusal ("--older-than")."""
    match = _DURATION.fullmatch(text or "")
    if not match:
        raise UserError(f"{what} ska vara en tid som 24h, 90m, 2d eller 45s, inte '{text}'.")
    return float(match.group(1).replace(",", ".")) * _UNITS_S[match.group(2)]


def spoken(seconds: float) -> str:
    """24 h, 1,5 h, 90 min, 45 s, 4 d: the way the reports say a duration (hours up to three days)."""
    for unit, size, from_s in (("d", 86400, 3 * 86400), ("h", 3600, 3600), ("min", 60, 60)):
        if seconds >= from_s:
            return f"{seconds / size:.1f}".rstrip("0").rstrip(".").replace(".", ",") + f" {unit}"
    return f"{seconds:.0f} s"
