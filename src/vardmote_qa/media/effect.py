"""Did the network we set really reach the call? Checked in the stats, because an impairment that
silently did nothing would turn a weak-network scenario into a false green (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .failure_share import binomial_sf
from .measures import measured_points
from .profiles import NetworkProfile
from .series import ParticipantSeries

# Measured round trip must reach this share of what the profiles add (queues only make it longer).
RTT_SHARE = 0.7
# Audio is never retransmitted, so its loss is the network's. A set loss is called not in effect when so few
# audio packets were lost that an exact one-sided binomial test rejects the set share at this level: a false
# alarm in one visit in a thousand, and 0 lost where 10 were expected still rejects it (p = 0.00005).
LOSS_SIGNIFICANCE = 0.001
# The set loss should have cost at least this many audio packets (fewer is noise).
LOSS_MIN_EXPECTED_PACKETS = 10
# During a drop, video received must fall below this share of the fps before it.
DROP_FPS_SHARE = 0.2
# Only added round trips of at least this are checked: the loopback path itself varies by a few ms.
RTT_MIN_CHECKED_MS = 20


class NetworkNotInEffect(Exception):
    """The network a scenario set is not what the call had: the scenario is an error, never a pass.
    Not an AssertionError, so that pytest and Allure report it as broken rather than as a product failure."""


class MachineOverloaded(Exception):
    """The machine running the browsers starved them for most of the visit: no verdict, an error."""


@dataclass(frozen=True)
class Window:
    role: str        # whose network was impaired
    start_s: float   # seconds since the visit's origin
    end_s: float


def _outside(points, windows):
    return [p for p in points if not any(w.start_s - 1 <= p.t_s <= w.end_s + 10 for w in windows)]


def _rtt_problem(role, points, added_ms, names) -> str | None:
    rtts = [p.rtt_ms for p in points if p.rtt_ms is not None]
    if added_ms < RTT_MIN_CHECKED_MS:
        return None
    if not rtts:
        return f"hos {role} finns ingen tur-och-retur-tid i statistiken, så nätet {names} kan inte bekräftas"
    observed = median(rtts)
    if observed < RTT_SHARE * added_ms:
        return (f"hos {role} är tur-och-retur-tiden {observed:.0f} ms, men nätet {names} ska lägga till "
                f"{added_ms:.0f} ms")
    return None


def _loss_problem(role, points, expected_pct, names) -> str | None:
    lost = sum(p.audio_packets_lost for p in points)
    total = lost + sum(p.audio_packets_received for p in points)
    if expected_pct <= 0 or total * expected_pct / 100 < LOSS_MIN_EXPECTED_PACKETS:
        return None
    observed = 100 * lost / total
    if 1 - binomial_sf(lost + 1, total, expected_pct / 100) < LOSS_SIGNIFICANCE:
        return (f"hos {role} är ljudets paketförlust {observed:.1f} %, men nätet {names} ska tappa "
                f"{expected_pct:.1f} %")
    return None


def _drop_problem(window: Window, points) -> str | None:
    before = [p.fps_received for p in points if window.start_s - 5 <= p.t_s <= window.start_s]
    inside = [p for p in points if p.t_s - p.interval_s >= window.start_s + 1 and p.t_s <= window.end_s]
    if not before or not inside:
        return (f"avbrottet hos {window.role} ({window.end_s - window.start_s:.0f} s) syns inte i statistiken: "
                f"det är för kort eller saknar mätpunkter")
    fps = sum(p.frames_decoded for p in inside) / sum(p.interval_s for p in inside)
    if fps > DROP_FPS_SHARE * median(before):
        return f"under avbrottet hos {window.role} kom video ändå fram ({fps:.0f} bilder/s)"
    return None


def effect_problems(networks: dict[str, NetworkProfile | None], series: dict[str, ParticipantSeries],
                    windows: list[Window], origin_ms: float) -> list[str]:
    """Swedish clauses, one per impairment that the stats do not show; empty when every one took effect."""
    impaired = {role: p for role, p in networks.items() if p is not None and p.impairs}
    problems = []
    if impaired:
        names = " och ".join(f"'{p.name}'" for p in dict.fromkeys(impaired.values()))
        added_rtt = sum(p.rtt_ms for p in impaired.values())
        loss_towards = 100 * (1 - _survival(impaired.values()))
        for role, one in series.items():
            points = _outside(measured_points(one, origin_ms), windows)
            problems += filter(None, [_rtt_problem(role, points, added_rtt, names),
                                      _loss_problem(role, points, loss_towards, names)])
    for window in windows:
        if window.role in series:
            problems += filter(None, [_drop_problem(window, measured_points(series[window.role], origin_ms))])
    return problems


def _survival(profiles) -> float:
    """Share of packets that cross every impaired link: media between two participants crosses both."""
    share = 1.0
    for profile in profiles:
        share *= 1 - profile.loss_pct / 100
    return share
