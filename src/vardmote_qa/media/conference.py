"""A meeting of N participants judged per receiver and per sender: does every receiver get every other
sender's video and audio, from its own getStats?

Pure judging: each page's raw samples (series.js) are split by sender (series.parse_page); the participants
are named by the key each page marks as its own (data-vmqa-self), so that "patient 2 does not receive the
clinician's video" can be said in role words. Waiting for the media to come is the caller's (a bound).
"""

from __future__ import annotations

from dataclasses import dataclass

from .series import ParticipantSeries, parse_page

# "Growing": counted over the newest sampled seconds, so one slow sample on a loaded machine is not a stop.
RECENT_POINTS = 3
# How many of a page's newest samples (one a second) the check reads: "no video" means none in this window.
MEETING_WINDOW_SAMPLES = 10


@dataclass(frozen=True)
class SenderCheck:
    """What one receiver gets from one sender: ok, or the things missing (Swedish, for the report)."""
    receiver: str
    sender: str
    missing: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing

    def sv(self) -> str:
        return f"{self.receiver} från {self.sender}: " + ("ok" if self.ok else ", ".join(self.missing))


@dataclass(frozen=True)
class Page:
    """One participant's page: its role word and the raw samples its tracker gathered."""
    role: str
    raw: dict


def _missing(series: ParticipantSeries | None) -> tuple[str, ...]:
    if series is None or not series.points:
        return ("ingen video och inget ljud alls",)
    recent = series.points[-RECENT_POINTS:]
    missing = []
    if not any(p.frames_decoded for p in series.points):
        missing.append("ingen video (inga avkodade bildrutor)")
    elif not any(p.frames_decoded for p in recent):
        missing.append(f"videon står still (inga nya bildrutor de senaste {len(recent)} s)")
    sizes = [(p.width, p.height) for p in series.points if p.width and p.height]
    if not sizes:
        missing.append("ingen bildstorlek")
    if not any(p.audio_energy > 0 for p in series.points):
        missing.append("inget ljud (ingen ljudenergi)")
    elif not any(p.audio_energy > 0 for p in recent):
        missing.append(f"ljudet har tystnat (ingen ny ljudenergi de senaste {len(recent)} s)")
    return tuple(missing)


def check_meeting(pages: list[Page], origin_ms: float = 0) -> list[SenderCheck]:
    """Per receiver and per other participant: what it receives from that sender. A page whose own key is not
    known yet (its room not joined) cannot be named as a sender: every other receiver then lacks it."""
    parsed = {page.role: parse_page(page.role, page.raw, origin_ms) for page in pages}
    key_of = {role: split.self_key for role, (split, _own, _received) in parsed.items()}
    checks = []
    for receiver, (_split, _own, received) in parsed.items():
        for sender in parsed:
            if sender == receiver:
                continue
            key = key_of[sender]
            series = received.get(key) if key is not None else None
            missing = _missing(series) if key is not None else (f"{sender} är inte med i rummet än",)
            checks.append(SenderCheck(receiver, sender, missing))
    return checks


def problems(checks: list[SenderCheck]) -> list[str]:
    return [check.sv() for check in checks if not check.ok]


def summary_sv(checks: list[SenderCheck]) -> str:
    """One line for a wait's sightings: how many pairs are ok, and what each missing pair lacks."""
    bad = problems(checks)
    return f"{len(checks) - len(bad)} av {len(checks)} par ok" + (": " + "; ".join(bad) if bad else "")
