"""The bitrate measure: a collapse of the received video bitrate while the picture still moves (pure).

A congested or starved engine can keep the picture moving on far too few bits (blocks, smear): no freeze,
only a little lower frame rate, so neither freeze nor frame-rate measure names it. The measure is the
lowest bitrate over any WINDOW_POINTS consecutive seconds in which frames kept arriving, as a share of the
visit's median bitrate over those seconds. Relative, not absolute: a low-resolution or low-rate call (the
campaign's camera, the degraded engine) has a low bitrate all along and no dip. Seconds without frames
are a freeze or a pause, which their own measures judge; seconds the test machine was starved, and the
seconds of a network drop set by the scenario, are left out.
"""

from __future__ import annotations

from statistics import median

from .series import Point
from .starvation import overlaps

WINDOW_POINTS = 2


def _kbps(points: list[Point]) -> float:
    seconds = sum(p.interval_s for p in points)
    return 8 * sum(p.video_bytes for p in points) / seconds / 1000 if seconds > 0 else 0.0


def bitrate_dip(points: list[Point], impaired: list[tuple[float, float]] = (),
                starved: list[tuple[float, float]] = ()) -> float | None:
    """Lowest windowed bitrate in % of the median bitrate; None when no window of moving picture exists."""
    left_out = list(impaired) + list(starved)
    moving = [p if p.frames_decoded > 0 and not overlaps(p, left_out) else None for p in points]
    windows = [moving[i:i + WINDOW_POINTS] for i in range(len(moving) - WINDOW_POINTS + 1)]
    rates = [_kbps(window) for window in windows if all(window)]
    typical = median(_kbps([p]) for p in moving if p) if any(moving) else 0
    if not rates or typical <= 0:
        return None
    return round(100 * min(rates) / typical, 1)
