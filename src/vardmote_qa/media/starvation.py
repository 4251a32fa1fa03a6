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
# Above this average wait for a core per turn of a thread (browser_cpu.py), the test browsers were starved
# as a whole (their decoders too, which the camera check cannot see, and on loopback even loss and round
# trip: the packets wait with the threads): no bad verdict of the visit is trusted, only a good one stands.
# The browsers' own figure, not the host's load: the service under test may share the machine.
# Calibrated here (2 shared cores): 0.9 ms when 2 visits at once came out "bra", 2.2-2.5 ms when 4 at once
# starved their cameras most of the visit and even loopback showed 8 % loss and 588 ms round trip.
MAX_BROWSER_WAIT_MS = 2.0
# Seconds in which a camera was starved are set aside for freezes and frame rate. When most of the visit
# was set aside, the whole machine was overloaded: no bad verdict of the visit is trusted (seen at load 30
# on 2 cores: 6-8 % packet loss on "4g", set to 0.5 %, while the cameras were starved 17 of 17 s).


# A camera delivers whole frames: a frame counted in the next reading is not starvation. At a page's cap of
# 2 frames per second (the degraded engine) one frame late is half the rate, so the share alone would call
# every jittery second starved and leave the visit unjudged; a reading must also be more than this many
# frames short of the share (at 20 frames per second it changes the limit from 15 to 14).
FRAMES_OF_JITTER = 1.0


def _starved(point: Point) -> bool:
    if point.fps_camera is None or not point.camera_frame_rate:
        return False
    expected = min(point.camera_frame_rate, point.frame_rate_cap or point.camera_frame_rate)
    frames_short = (DELIVERY_SHARE * expected - point.fps_camera) * point.interval_s
    return point.quality_limitation != "bandwidth" and frames_short > FRAMES_OF_JITTER


def _video_packet_rate(point: Point) -> float:
    return (point.packets_received - point.audio_packets_received) / point.interval_s if point.interval_s else 0.0


def decoder_starved_spans(one: ParticipantSeries) -> list[tuple[float, float]]:
    """Freezes during which every video packet still arrived, at the visit's usual rate and with nothing
    lost: the network and the sender delivered, the receiving browser could not show it in time (a busy
    test machine). A freeze the sender or the network caused has seconds with few packets or with losses.
    A service whose packets arrive but cannot be decoded shows the same; for long, it is not judged."""
    rates = sorted(_video_packet_rate(p) for p in one.points)
    usual = rates[len(rates) // 2] if rates else 0.0
    spans = []
    for point in (p for p in one.points if p.freeze_span):
        start = point.freeze_span[0]
        during = [p for p in one.points if p.t_s - p.interval_s < point.t_s and p.t_s > start]
        if usual > 0 and all(p.packets_lost == 0 and _video_packet_rate(p) >= DELIVERY_SHARE * usual
                             for p in during):
            spans.append((start, point.t_s + AFTERMATH_S))
    return spans


def starved_spans(series: dict[str, ParticipantSeries]) -> list[tuple[float, float]]:
    """(start, end) seconds in which any participant's camera was starved, plus the second after, and the
    freezes a receiving browser made by itself (decoder_starved_spans)."""
    return [(p.t_s - p.interval_s, p.t_s + AFTERMATH_S) for one in series.values() for p in one.points
            if _starved(p)] + [span for one in series.values() for span in decoder_starved_spans(one)]


def overlaps(point: Point, spans: list[tuple[float, float]]) -> bool:
    start = point.t_s - point.interval_s
    return any(start < end and point.t_s > begin for begin, end in spans)


def set_aside_seconds(points: list[Point], spans: list[tuple[float, float]]) -> tuple[float, float]:
    """(seconds of the points the starved spans set aside, seconds of all the points)."""
    return (round(sum(p.interval_s for p in points if overlaps(p, spans)), 2),
            round(sum(p.interval_s for p in points), 2))


def starved_most_of(role: str, set_aside_s: float, total_s: float) -> str | None:
    """Why the machine cannot judge what role received (a Swedish clause), when it was starved most of it."""
    if total_s and set_aside_s > (1 - MIN_JUDGED_SHARE) * total_s:
        return (f"datorn som kör testet hann inte med under {set_aside_s:.0f} av {total_s:.0f} s hos {role} "
                f"(kameran levererade för få bilder)")
    return None


def browsers_overloaded(browsers_waiting: float | None) -> str | None:
    """Why the machine cannot judge a visit (a Swedish clause), when the test browsers' threads waited too long."""
    if browsers_waiting is not None and browsers_waiting > MAX_BROWSER_WAIT_MS:
        return (f"datorn som kör testet är överbelastad (testwebbläsarnas trådar väntade i snitt "
                f"{browsers_waiting:.1f} ms på processorn, gränsen är {MAX_BROWSER_WAIT_MS:.0f} ms)").replace(".", ",")
    return None
