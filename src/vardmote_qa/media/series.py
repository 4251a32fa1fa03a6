"""A participant's media over time: the page's raw getStats samples turned into one point per second.

Counters in getStats are cumulative per peer connection; a point holds what changed since the previous
sample (frames, packets, freeze seconds), so that a new peer connection (a reconnect) starts from zero
instead of producing a negative rate.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ..redaction import scrub

SERIES_SCRIPT = (Path(__file__).parent / "series.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Point:
    t_s: float                 # end of the interval, seconds since the visit's origin
    interval_s: float
    fps_received: float        # frames decoded per second, remote video
    fps_camera: float | None   # frames per second this participant's camera delivered to its encoder
    camera_frame_rate: float | None  # the frame rate this participant's camera is set to (track settings)
    frame_rate_cap: float | None     # a cap the page put on its encoder (maxFramerate), if any
    fps_sent: float | None
    frames_decoded: int        # in the interval
    camera_frames: int | None  # in the interval
    freeze_s: float            # freeze time added in the interval (Chromium's freeze definition)
    freeze_count: int          # cumulative, this peer connection
    pause_count: int           # cumulative, this peer connection
    packets_lost: int          # audio and video received, in the interval
    packets_received: int
    audio_packets_lost: int
    audio_packets_received: int
    loss_pct: float | None
    jitter_ms: float | None    # received audio's jitter: the network's (a video frame leaves in a burst)
    video_jitter_ms: float | None
    rtt_ms: float | None       # selected candidate pair
    width: int | None
    height: int | None
    quality_limitation: str | None  # why this participant's encoder limits what it sends
    audio_energy: float        # received audio energy in the interval
    concealed_pct: float | None     # share of received audio samples that were concealed (made up)
    video_bytes: int = 0       # remote video bytes received in the interval (the bitrate measure's input)

    @property
    def freeze_span(self) -> tuple[float, float] | None:
        """(start, end) seconds of the freeze this interval reports. A receiver adds a freeze to its statistics
        when the picture comes back, with its whole length: the freeze lay before that moment, somewhere in this
        interval. The interval's end is taken: at most one interval late, towards the second that reports it, so
        that when that second is set aside (starved) as little as possible of the freeze is blamed on the service."""
        return (self.t_s - self.freeze_s, self.t_s) if self.freeze_s > 0 else None


@dataclass(frozen=True)
class ParticipantSeries:
    role: str
    joined_at_ms: float | None       # first peer connection created (epoch ms, the machine's clock)
    connected_at_ms: float | None    # first ICE connected
    first_frame_at_ms: float | None  # first remote frame decoded
    points: tuple[Point, ...]

    def as_dict(self, origin_ms: float) -> dict:
        def relative(value):
            return None if value is None else round((value - origin_ms) / 1000, 3)
        return {"joined_s": relative(self.joined_at_ms), "ice_connected_s": relative(self.connected_at_ms),
                "first_frame_s": relative(self.first_frame_at_ms), "points": [asdict(p) for p in self.points]}


def _get(sample: dict, section: str, key: str, default=0):
    value = (sample.get(section) or {}).get(key)
    return default if value is None else value


def _delta(previous: dict, current: dict, section: str, key: str) -> float:
    before = _get(previous, section, key) if previous.get("peer") == current.get("peer") else 0
    return max(0.0, float(_get(current, section, key)) - float(before))


def _rate(count: float, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else 0.0


def _point(previous: dict, current: dict, origin_ms: float) -> Point:
    seconds = (current["t"] - previous["t"]) / 1000
    d = lambda section, key: _delta(previous, current, section, key)  # noqa: E731
    lost = d("inbound_audio", "packetsLost") + d("inbound_video", "packetsLost")
    received = d("inbound_audio", "packetsReceived") + d("inbound_video", "packetsReceived")
    camera = d("source_video", "frames") if current.get("source_video") else None
    audio_jitter = _get(current, "inbound_audio", "jitter", None)
    video_jitter = _get(current, "inbound_video", "jitter", None)
    rtt = _get(current, "candidate_pair", "currentRoundTripTime", None)
    samples = d("inbound_audio", "totalSamplesReceived")
    return Point(
        t_s=round((current["t"] - origin_ms) / 1000, 3), interval_s=round(seconds, 3),
        fps_received=_rate(d("inbound_video", "framesDecoded"), seconds),
        fps_camera=None if camera is None else _rate(camera, seconds),
        camera_frame_rate=_get(current, "camera", "frameRate", None),
        frame_rate_cap=_get(current, "camera", "maxFramerate", None),
        fps_sent=_rate(d("outbound_video", "framesSent"), seconds) if current.get("outbound_video") else None,
        frames_decoded=int(d("inbound_video", "framesDecoded")), camera_frames=None if camera is None else int(camera),
        freeze_s=round(d("inbound_video", "totalFreezesDuration"), 3),
        freeze_count=int(_get(current, "inbound_video", "freezeCount")),
        pause_count=int(_get(current, "inbound_video", "pauseCount")),
        packets_lost=int(lost), packets_received=int(received),
        audio_packets_lost=int(d("inbound_audio", "packetsLost")),
        audio_packets_received=int(d("inbound_audio", "packetsReceived")),
        loss_pct=round(100 * lost / (lost + received), 2) if lost + received else None,
        jitter_ms=None if audio_jitter is None else round(audio_jitter * 1000, 1),
        video_jitter_ms=None if video_jitter is None else round(video_jitter * 1000, 1),
        rtt_ms=None if rtt is None else round(rtt * 1000, 1),
        width=_get(current, "inbound_video", "frameWidth", None),
        height=_get(current, "inbound_video", "frameHeight", None),
        quality_limitation=_get(current, "outbound_video", "qualityLimitationReason", None),
        audio_energy=round(d("inbound_audio", "totalAudioEnergy"), 6),
        concealed_pct=round(100 * d("inbound_audio", "concealedSamples") / samples, 2) if samples else None,
        video_bytes=int(d("inbound_video", "bytesReceived")),
    )


def parse_series(role: str, raw: dict, origin_ms: float) -> ParticipantSeries:
    """What role receives, from what series.js returned: with several remote senders, the one whose media
    came first (parse_page gives each); with none, what the page sent. Addresses are scrubbed first."""
    page = split_page(raw)
    if not page.received:
        return parse_one(role, page.own, origin_ms)
    first = min(page.received.values(), key=lambda one: (one["peers"][0].get("created_at") or 0))
    return parse_one(role, first, origin_ms)


def parse_page(role: str, raw: dict, origin_ms: float) -> tuple[PageMedia, ParticipantSeries,
                                                                 dict[str, ParticipantSeries]]:
    """The page split by sender: the split itself, the series of what it sent, and per sender key the series
    of what it received from that sender."""
    page = split_page(raw)
    return page, parse_one(role, page.own, origin_ms), {
        key: parse_one(role, one, origin_ms) for key, one in page.received.items()}


def parse_one(role: str, raw: dict, origin_ms: float) -> ParticipantSeries:
    """One sender's media in the one-connection form (split_page's parts)."""
    raw = scrub(raw)
    peers = raw.get("peers") or []
    samples = [s for s in raw.get("samples") or [] if isinstance(s.get("t"), (int, float))]

    def earliest(key):
        values = [p[key] for p in peers if p.get(key) is not None]
        return min(values) if values else None

    points = tuple(_point(a, b, origin_ms) for a, b in zip(samples, samples[1:]) if b["t"] > a["t"])
    return ParticipantSeries(role, earliest("created_at"), earliest("connected_at"), earliest("first_frame_at"),
                             points)


@dataclass(frozen=True)
class PageMedia:
    """One page's media split by remote sender: what the page sent (own) and, per sender key, what it
    received from that sender. Each part is in the one-connection form parse_series reads."""
    self_key: str | None
    own: dict
    received: dict[str, dict]  # sender key (the page's label, else the tracker's group) -> raw


def _sending_connection(connections: dict) -> dict:
    """The connection that carries this page's camera (an SFU's send-only one; the only one in a p2p call)."""
    with_camera = [c for _, c in sorted(connections.items(), key=lambda kv: int(kv[0])) if c.get("camera")]
    return with_camera[0] if with_camera else {}


def split_page(raw: dict) -> PageMedia:
    """The tracker's raw series (series.js) split per remote sender. A series in the one-connection form
    (samples with no "connections": what older trackers wrote, and synthetic tests) is one sender."""
    raw = scrub(raw)
    samples = [s for s in raw.get("samples") or [] if isinstance(s.get("t"), (int, float))]
    if not any("connections" in s for s in samples):
        return PageMedia(None, raw, {"": raw} if samples else {})
    peers = {p.get("index"): p for p in raw.get("peers") or []}
    groups = raw.get("groups") or []
    labels: dict[str, str] = {}
    for one in samples:
        labels.update(one.get("labels") or {})
    self_key = next((s.get("self") for s in reversed(samples) if s.get("self")), None)
    own_samples, by_sender = [], {}
    for one in samples:
        connections = one.get("connections") or {}
        sending = _sending_connection(connections)
        page_wide = {key: sending[key] for key in ("camera", "source_video", "source_audio", "outbound_video",
                                                   "outbound_audio", "remote_inbound_video",
                                                   "remote_inbound_audio") if key in sending}
        own_samples.append({"t": one["t"], "peer": "own", **page_wide,
                            "candidate_pair": sending.get("candidate_pair")})
        for group, stream in (one.get("streams") or {}).items():
            connection = connections.get(str(stream.get("peer"))) or connections.get(stream.get("peer")) or {}
            by_sender.setdefault(labels.get(group, group), []).append(
                {"t": one["t"], "peer": stream.get("peer"), "state": connection.get("state"), **page_wide,
                 "inbound_video": stream.get("inbound_video"), "inbound_audio": stream.get("inbound_audio"),
                 "candidate_pair": connection.get("candidate_pair")})
    received = {}
    for sender, its_samples in by_sender.items():
        its_groups = [g for g in groups if labels.get(g.get("key"), g.get("key")) == sender]
        its_peers = {g.get("peer") for g in its_groups} | {s.get("peer") for s in its_samples}
        frames = [g["first_frame_at"] for g in its_groups if g.get("first_frame_at") is not None]
        # Joined: when this sender's media started to come (its connection, or its track on a shared one).
        starts = [max(peers.get(g.get("peer"), {}).get("created_at") or 0, 0) for g in its_groups]
        connected = [peers[i]["connected_at"] for i in its_peers if i in peers and peers[i].get("connected_at")]
        created = min(starts) if starts else min((peers[i]["created_at"] for i in its_peers if i in peers),
                                                  default=None)
        received[sender] = {"peers": [{"index": 0, "created_at": created, "connected_at": min(connected, default=None),
                                       "first_frame_at": min(frames, default=None)}],
                            "samples": its_samples}
    own_peers = [{"index": 0, "created_at": min((p.get("created_at") for p in peers.values()
                                                 if p.get("created_at") is not None), default=None),
                  "connected_at": min((p.get("connected_at") for p in peers.values()
                                       if p.get("connected_at") is not None), default=None),
                  "first_frame_at": None}]
    return PageMedia(self_key, {"peers": own_peers, "samples": own_samples}, received)


def media_stayed_on_this_machine(raw: dict) -> bool | None:
    """Whether every selected candidate pair the page sampled ran on loopback or from this machine's address
    to the same address, over IPv4 (None: no pair was selected)."""
    seen = [bool(c["candidate_pair"].get("on_this_machine")) and not c["candidate_pair"].get("ipv6")
            for s in raw.get("samples") or [] for c in (s.get("connections") or {}).values()
            if c.get("candidate_pair")]
    return all(seen) if seen else None


def origin_of(raws: list[dict]) -> float | None:
    """The visit's time origin: the first peer connection any participant created."""
    created = [p["created_at"] for raw in raws for p in raw.get("peers") or [] if p.get("created_at") is not None]
    return min(created) if created else None
