"""The measures of quality-thresholds.md, computed from one participant's series (pure, no I/O).

A participant's measures describe the media it receives: the direction towards that participant.
The measured window starts at the first interval after the first remote frame; before it, TTFF speaks.
"""

from __future__ import annotations

from statistics import median

from .bitrate import bitrate_dip
from .series import ParticipantSeries, Point
from .starvation import overlaps

# The window before an impairment whose fps is the "earlier fps" recovery is measured against.
RECOVERY_BASELINE_S = 5.0
# Video is back when fps reaches this share of the earlier fps (quality-thresholds.md).
RECOVERY_SHARE = 0.8


def measured_points(series: ParticipantSeries, origin_ms: float) -> list[Point]:
    if series.first_frame_at_ms is None:
        return []
    first_frame_s = (series.first_frame_at_ms - origin_ms) / 1000
    return [p for p in series.points if p.t_s - p.interval_s >= first_frame_s - 0.05]


def frozen_seconds(points: list[Point]) -> list[float]:
    """Seconds of each point's interval in which the picture stood still: each freeze is spread back over the
    intervals it lasted (Point.freeze_span). Setting aside a starved second then drops only that second's part
    of a freeze, never a whole freeze that merely ended in it: the second in which the picture comes back (a key
    frame to encode and decode) is the one most likely starved, and `make test`'s engine comparison saw a 3 s
    freeze counted as 0 s that way (stop 20)."""
    freezes = [span for p in points if (span := p.freeze_span)]
    return [round(sum(max(0.0, min(end, p.t_s) - max(begin, p.t_s - p.interval_s)) for begin, end in freezes), 3)
            for p in points]


def _seconds_between(later: float | None, earlier: float | None) -> float | None:
    return None if later is None or earlier is None else round((later - earlier) / 1000, 3)


def _share(part: float, whole: float) -> float | None:
    return round(100 * part / whole, 2) if whole > 0 else None


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(median(values), 1) if values else None


def _camera_fps(sender: ParticipantSeries | None) -> float | None:
    """The sender camera's set frame rate; without it, the rate its camera delivered to the encoder."""
    if sender is None:
        return None
    set_rates = [p.camera_frame_rate for p in sender.points if p.camera_frame_rate]
    if set_rates:
        return median(set_rates)
    seconds = sum(p.interval_s for p in sender.points if p.camera_frames is not None)
    frames = sum(p.camera_frames for p in sender.points if p.camera_frames is not None)
    return frames / seconds if seconds > 0 else None


def fps_ratio(points: list[Point], sender: ParticipantSeries | None) -> float | None:
    """Frames decoded per second relative to the sender's camera: a starved encoder counts against it."""
    seconds = sum(p.interval_s for p in points)
    camera = _camera_fps(sender)
    if not points or not camera or seconds <= 0:
        return None
    return round(100 * sum(p.frames_decoded for p in points) / seconds / camera, 1)


def recovery_s(points: list[Point], windows: list[tuple[float, float]]) -> float | None:
    """Seconds from the end of each impairment until fps is back to 80 % of before it; the worst window."""
    worst = 0.0
    for start, end in windows:
        before = [p.fps_received for p in points if start - RECOVERY_BASELINE_S <= p.t_s <= start]
        if not before or median(before) <= 0:
            return None
        target = RECOVERY_SHARE * median(before)
        back = next((p for p in points if p.t_s > end and p.fps_received >= target), None)
        if back is None:
            return None
        worst = max(worst, round(back.t_s - end, 2))
    return worst


def concealed_share(points: list[Point]) -> float | None:
    """Share of the received audio the decoder made up (concealed), seconds-weighted: a dropout is 100 %."""
    timed = [(p.concealed_pct, p.interval_s) for p in points if p.concealed_pct is not None]
    seconds = sum(interval for _, interval in timed)
    return round(sum(pct * interval for pct, interval in timed) / seconds, 2) if seconds > 0 else None


def loss_counts(series: ParticipantSeries, origin_ms: float) -> dict[str, tuple[int, int]]:
    """(lost, counted) packets behind each loss share: the sample its tier is judged on (thresholds.Rule)."""
    points = measured_points(series, origin_ms)
    video_lost = sum(p.packets_lost for p in points)
    audio_lost = sum(p.audio_packets_lost for p in points)
    return {"packet_loss": (video_lost, video_lost + sum(p.packets_received for p in points)),
            "audio_loss": (audio_lost, audio_lost + sum(p.audio_packets_received for p in points))}


def measure_participant(series: ParticipantSeries, sender: ParticipantSeries | None, origin_ms: float,
                        windows: list[tuple[float, float]],
                        starved: list[tuple[float, float]] = ()) -> dict[str, float | None]:
    """starved: seconds the test machine could not keep up (starvation.py); freezes and frame rate skip them."""
    points = measured_points(series, origin_ms)
    spans = list(starved)
    kept = [(p, frozen) for p, frozen in zip(points, frozen_seconds(points)) if not overlaps(p, spans)]
    judged = [p for p, _ in kept]
    counts = loss_counts(series, origin_ms)
    values = {
        "ttff_s": _seconds_between(series.first_frame_at_ms, series.joined_at_ms),
        "ice_connected_s": _seconds_between(series.connected_at_ms, series.joined_at_ms),
        "freeze_ratio": _share(sum(frozen for _, frozen in kept), sum(p.interval_s for p in judged)),
        "fps_ratio": fps_ratio(judged, sender),
        "packet_loss": _share(*counts["packet_loss"]),
        "rtt_ms": _median(p.rtt_ms for p in points),
        "jitter_ms": _median(p.jitter_ms for p in points),
        "audio_present": (1.0 if sum(p.audio_energy for p in points) > 0 else 0.0) if points else None,
        "audio_concealed": concealed_share(points),
        "audio_loss": _share(*counts["audio_loss"]),
        "bitrate_dip": bitrate_dip(points, windows, list(starved)),
    }
    if windows:
        values["recovery_s"] = recovery_s(points, windows)
    return values
