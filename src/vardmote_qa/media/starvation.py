"""Seconds in which the machine running the browsers could not keep up, so that a busy test machine is
not reported as bad video (pure).

A camera that delivers far fewer frames to its encoder than it is set to, with no cap from the page and no
bandwidth limit from WebRTC, means the browser was starved of CPU: the frames were never made, so the
freezes and low frame rate of those seconds say nothing about the network or the service.
"""

from __future__ import annotations

from .series import ParticipantSeries, Point

# A camera delivering less than this share of its expected rate in a second is starved in that second.
DELIVERY_SHARE = 0.75
# A receiver reports a freeze when it ends: the second after a starved one is set aside too.
AFTERMATH_S = 1.0
# Below this share of judged time, the visit cannot be judged at all.
MIN_JUDGED_SHARE = 0.5
# Above this 1-minute load average per core, the browsers on this machine are starved as a whole (their
# decoders too, which the camera check cannot see): frame-rate and freeze verdicts are then not trusted.
MAX_LOAD_PER_CORE = 3.0
# Measures a starved machine can spoil by itself; network measures (loss, round trip, jitter) it cannot.
# Under a high load average: freezes and start-up times. fps_ratio is guarded by the set-aside of starved
# seconds instead (at load 7 per core it still came out at 64 % or more, a capped encoder gives 10 %)...
SPOILT_BY_LOAD = {"freeze_ratio", "ttff_s", "ice_connected_s"}
# ...unless most of the visit was set aside: then the freeze and frame-rate measures rest on too little.
SPOILT_BY_SET_ASIDE = {"freeze_ratio", "fps_ratio"}


def machine_load_per_core() -> float | None:
    """The machine's 1-minute load average per core (None where the OS does not tell)."""
    import os
    try:
        return os.getloadavg()[0] / (os.cpu_count() or 1)
    except (AttributeError, OSError):
        return None


def _starved(point: Point) -> bool:
    if point.fps_camera is None or not point.camera_frame_rate:
        return False
    expected = min(point.camera_frame_rate, point.frame_rate_cap or point.camera_frame_rate)
    return point.quality_limitation != "bandwidth" and point.fps_camera < DELIVERY_SHARE * expected


def starved_spans(series: dict[str, ParticipantSeries]) -> list[tuple[float, float]]:
    """(start, end) seconds in which any participant's camera was starved, plus the second after."""
    return [(p.t_s - p.interval_s, p.t_s + AFTERMATH_S) for one in series.values() for p in one.points
            if _starved(p)]


def overlaps(point: Point, spans: list[tuple[float, float]]) -> bool:
    start = point.t_s - point.interval_s
    return any(start < end and point.t_s > begin for begin, end in spans)
