"""Fault injection, so that the platform can prove it catches each kind of breakage.

Switches (all off by default), set at start from the environment variable SANDBOX_FAULTS
(for example "slow_api_ms=800,error_rate=0.2") or at run time by an admin through /api/admin/faults:
  slow_api_ms      every API request waits this long first
  error_rate       this share of API requests answers 503
  broken_paths     API paths ending in one of these ("|"-separated, e.g. "/check-in|/admit") answer 503
  drop_websockets  this share of received WebSocket messages closes the socket instead
  degrade_video    the pages cap their video encoder at a few kbit/s and 2 frames per second
  crash            the next request ends the process (exit code 70); switched at run time, the next
                   request after the switch's answer
Media faults that hit a share of visits (media_faults.py draws each visit; static/media_faults.js acts):
  video_intermittent   this share of visits: one sender's picture freezes, or its bitrate collapses, once for 2-4 s
  oneway_intermittent  this share of visits: one direction loses its video for 8-10 s, the other stays fine
  audio_intermittent   this share of visits: one direction's audio drops out for 3-5 s
  freeze               every visit: the patient's picture freezes once for exactly this many seconds
  bitrate_collapse     every visit: the patient's video bitrate collapses once for exactly this many seconds
  media_fault_engine   only visits on this video engine (p2p or sfu) get media faults; empty: every visit
  media_fault_seed     the seed of those draws: the same seed and visit ids give the same faults. Not given at
                       start, a started sandbox draws a fresh one and prints it (with_drawn_seed)
Operations switches (test-only, so that the audits are shown to catch what they look for):
  open_visits_hide_oldest  the open-visit list leaves out the oldest open visit
  triage_wrong_leaf        the last leaf of the triage tree answers the neighbouring priority
Conference switch (test-only, so that the per-receiver, per-sender check is shown to catch it):
  conference_drops_video   a conference's second patient does not take the clinician's video (api_video.py)
  conference_drops_chat    a conference's second patient misses the clinician's first chat message (conference_faults.py)
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, fields


@dataclass
class Faults:
    slow_api_ms: int = 0
    error_rate: float = 0.0
    broken_paths: str = ""
    drop_websockets: float = 0.0
    degrade_video: bool = False
    crash: bool = False
    video_intermittent: float = 0.0
    oneway_intermittent: float = 0.0
    audio_intermittent: float = 0.0
    freeze: float = 0.0
    bitrate_collapse: float = 0.0
    media_fault_seed: int = 0
    media_fault_engine: str = ""
    # operations (open_visits.py, triage.py)
    open_visits_hide_oldest: bool = False
    triage_wrong_leaf: bool = False
    # conferences (api_video.py)
    conference_drops_video: bool = False
    conference_drops_chat: bool = False

    def update(self, values: dict) -> None:
        known = {f.name: f.type for f in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise ValueError(f"Okänd felinjicering: {name}")
            current = getattr(self, name)
            if isinstance(current, bool):
                value = value if isinstance(value, bool) else str(value).lower() in {"1", "true", "ja", "on"}
            setattr(self, name, type(current)(value))

    def as_dict(self) -> dict:
        return asdict(self)

    def should_fail_request(self, path: str) -> bool:
        broken = [suffix for suffix in self.broken_paths.split("|") if suffix]
        if any(path.endswith(suffix) for suffix in broken):
            return True
        return self.error_rate > 0 and random.random() < self.error_rate

    def should_drop_websocket(self) -> bool:
        return self.drop_websockets > 0 and random.random() < self.drop_websockets


def parse_fault_spec(spec: str) -> dict:
    values = {}
    for part in filter(None, (piece.strip() for piece in spec.split(","))):
        name, _, value = part.partition("=")
        values[name.strip()] = value.strip() or "true"
    return values


def _positive(value: str | None) -> bool:
    """A share that is set (a malformed one is left for Faults.update to refuse in its words)."""
    try:
        return float(value or 0) > 0
    except ValueError:
        return False


DRAWN_MEDIA_FAULTS = ("video_intermittent", "oneway_intermittent", "audio_intermittent")


def with_drawn_seed(spec: str) -> tuple[str, int | None]:
    """The start's fault spec with a fresh media_fault_seed when it sets a share of visits and names no seed.

    Visit ids start at 1 in every fresh sandbox, so one fixed seed would hit the same visits every night: a
    single draw repeated (seed 0 hits 8 of the first 34 visits with oneway_intermittent=0.1, 23.5 %). A real
    intermittent fault hits other visits each time; so does a started sandbox. The drawn seed is returned
    to be printed, and given back as media_fault_seed it repeats the run's faults visit for visit."""
    values = parse_fault_spec(spec)
    if "media_fault_seed" in values or not any(_positive(values.get(name)) for name in DRAWN_MEDIA_FAULTS):
        return spec, None
    seed = random.SystemRandom().randrange(1, 2**31)
    return ",".join(filter(None, (spec.strip(), f"media_fault_seed={seed}"))), seed
