"""One video visit assessed: every participant's series, measures and tiers, the verdict and whether the
networks we set were really in effect. Pure: the actors hand in what their pages gathered."""

from __future__ import annotations

from dataclasses import dataclass, field

from .effect import Window, effect_problems
from .measures import loss_counts, measure_participant, measured_points
from .profiles import NetworkProfile
from .series import ParticipantSeries, origin_of, parse_series
from .starvation import browsers_overloaded, set_aside_seconds, starved_most_of, starved_spans
from .thresholds import Rule
from .tiers import Tier
from .verdict import VisitVerdict, judge


@dataclass(frozen=True)
class MediaReport:
    """What one participant's page gathered, and which network the platform put that participant on."""
    role: str
    raw: dict
    network: NetworkProfile | None = None
    drops_ms: tuple[tuple[float, float], ...] = ()  # (start, end) epoch ms of each network drop


@dataclass(frozen=True)
class VisitResult:
    visit: str
    profile: str | None
    networks: dict[str, str | None]
    series: dict[str, ParticipantSeries]
    origin_ms: float | None
    verdict: VisitVerdict
    windows: list[Window] = field(default_factory=list)
    not_in_effect: list[str] = field(default_factory=list)
    set_aside_s: dict[str, float] = field(default_factory=dict)  # role -> seconds the test machine was starved
    overloaded: list[str] = field(default_factory=list)          # why the machine could not keep up
    untrusted: frozenset[str] = frozenset()                      # the measures it may have spoilt
    tags: tuple[str, ...] = ()  # the scenario's tags; "negativ" marks a visit made bad on purpose
    browser_wait_ms: float | None = None  # the test browsers' average wait for a core per turn (browser_cpu.py)
    engine: str | None = None  # the video engine the visit ran on (p2p, sfu), when the platform chose it

    @property
    def tier(self) -> Tier:
        return self.verdict.tier

    @property
    def cannot_judge(self) -> bool:
        """An overloaded machine spoils only a bad verdict, and only one that rests on CPU-sensitive measures."""
        if not self.untrusted or self.tier is Tier.GOOD:
            return False
        return all(m.id in self.untrusted for by_measure in self.verdict.measures.values()
                   for m in by_measure.values() if m.tier is self.tier)

    def measure(self, role: str, measure_id: str):
        return self.verdict.measures.get(role, {}).get(measure_id)

    def as_dict(self) -> dict:
        participants = {}
        for role, one in self.series.items():
            data = one.as_dict(self.origin_ms or 0)
            participants[role] = {"network": self.networks.get(role),
                                  "measures": {mid: m.as_dict() for mid, m in self.verdict.measures[role].items()},
                                  "timing": {k: data[k] for k in ("joined_s", "ice_connected_s", "first_frame_s")},
                                  "set_aside_s": self.set_aside_s.get(role, 0.0), "series": data["points"]}
        return {"format": 1, "visit": self.visit, "profile": self.profile, "tags": list(self.tags),
                "participants": participants,
                "verdict": self.verdict.tier.value, "verdict_sv": self.verdict.tier.swedish,
                "reason": self.verdict.reason, "symptom": self.verdict.symptom(),
                "directions": {role: {"from": [other for other in self.series if other != role],
                                      "verdict": tier.value}
                               for role, tier in self.verdict.direction_tiers().items()},
                "ended_at_ms": max((s.points[-1].t_s for s in self.series.values() if s.points), default=0) * 1000
                + (self.origin_ms or 0),
                "impairment_windows": [[w.start_s, w.end_s] for w in self.windows],
                "impairments": [{"role": w.role, "start_s": w.start_s, "end_s": w.end_s} for w in self.windows],
                "network_in_effect": not self.not_in_effect, "network_problems": self.not_in_effect,
                "machine_overloaded": bool(self.overloaded), "machine_problems": self.overloaded,
                "browser_wait_ms": self.browser_wait_ms,
                "judged": not self.cannot_judge, **({"engine": self.engine} if self.engine else {})}


def visit_profile(networks: dict[str, NetworkProfile | None]) -> str | None:
    """The profile a visit is counted under: the impaired participant's (the patient's when both are)."""
    named = {role: p for role, p in networks.items() if p is not None}
    impaired = [p.name for p in named.values() if p.impairs]
    if impaired:
        return named["patienten"].name if "patienten" in named and named["patienten"].impairs else impaired[0]
    return next(iter(named.values())).name if named else None


def assess_visit(label: str, reports: list[MediaReport], rules: dict[str, Rule],
                 browsers_waiting: float | None = None, tags: tuple[str, ...] = ()) -> VisitResult:
    """browsers_waiting: ms a test browser's thread waited for a core per turn, on average (browser_cpu.py)."""
    origin = origin_of([r.raw for r in reports])
    origin_ms = origin if origin is not None else 0
    series = {r.role: parse_series(r.role, r.raw, origin_ms) for r in reports}
    windows = [Window(r.role, round((start - origin_ms) / 1000, 2), round((end - origin_ms) / 1000, 2))
               for r in reports for start, end in r.drops_ms]
    spans = [(w.start_s, w.end_s) for w in windows]
    starved = starved_spans(series)
    values, counted, set_aside, overloaded, untrusted = {}, {}, {}, [], set()
    for role, one in series.items():
        sender = next((other for other_role, other in series.items() if other_role != role), None)
        values[role] = measure_participant(one, sender, origin_ms, spans, starved) if origin is not None else {}
        counted[role] = loss_counts(one, origin_ms) if origin is not None else {}
        set_aside[role], total = set_aside_seconds(measured_points(one, origin_ms), starved)
        problem = starved_most_of(role, set_aside[role], total)
        if problem:
            overloaded.append(problem)
            untrusted |= set(rules)  # cameras starved most of the visit: the whole machine was (see starvation)
    busy = browsers_overloaded(browsers_waiting)
    if busy:
        overloaded.append(busy)
        untrusted |= set(rules)
    networks = {r.role: r.network for r in reports}
    return VisitResult(label, visit_profile(networks), {r: (p.name if p else None) for r, p in networks.items()},
                       series, origin, judge(values, rules, counted), windows,
                       effect_problems(networks, series, windows, origin_ms) if origin is not None else [],
                       set_aside, overloaded, frozenset(untrusted), tuple(tags), browsers_waiting)
