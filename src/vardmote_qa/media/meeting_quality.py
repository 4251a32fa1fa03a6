"""The quality verdict of a meeting of N, per receiver and per sender (pure, no I/O).

conference.py answers "does every receiver get every sender at all"; this answers "how good is it": for each
receiver and each other sender, the two-party visit's measures (measures.py) computed on what that receiver
got from that sender (series.parse_page), the sender's own camera as the frame-rate reference, tiered by
thresholds.yaml through verdict.judge. The worst tier per pair, per receiver and for the meeting follows
the worst-tier rule; a pair the test machine was too starved to judge (starvation.py) is counted and named,
never dropped. The result is a VisitResult whose "participants" are the pairs, so the run folder, the
summary and the report read it like any visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..waiting import MEETING_QUALITY_TIMEOUT_S, MEETING_SAMPLES_POLL_S, NotYet, expect_within
from .measures import loss_counts, measure_participant, measured_points
from .series import ParticipantSeries, origin_of, parse_page
from .starvation import browsers_overloaded, set_aside_seconds, starved_most_of, starved_spans
from .thresholds import Rule
from .tiers import Tier, worst
from .verdict import LABELS_SV, Measure, VisitVerdict, describe_measure, judge
from .visit import MediaReport, VisitResult

# Seconds after a pair's first frame its verdict rests on: what a step waits for before judging.
MIN_MEASURED_S = 8.0


def pair_label(receiver: str, sender: str) -> str:
    return f"{receiver} från sig själv (eko)" if receiver == sender else f"{receiver} från {sender}"


@dataclass(frozen=True)
class PairVerdict:
    """What one receiver got from one sender: its measures and tier, and whether the machine let it be judged."""
    receiver: str
    sender: str
    tier: Tier
    measures: dict[str, Measure]
    reason: str            # "patient 2 från vårdpersonalen: andelen frusen bild 12 % (godtagbar kräver ...)"
    measured_s: float      # seconds after the first frame
    set_aside_s: float     # of those, seconds the test machine was starved
    judged: bool           # False: the machine was starved, and the tier is not to be trusted

    @property
    def label(self) -> str:
        return pair_label(self.receiver, self.sender)

    def as_dict(self) -> dict:
        return {"receiver": self.receiver, "sender": self.sender, "verdict": self.tier.value,
                "verdict_sv": self.tier.swedish, "judged": self.judged, "reason": self.reason,
                "measured_s": self.measured_s, "set_aside_s": self.set_aside_s}


@dataclass(frozen=True)
class MeetingResult(VisitResult):
    """A meeting's verdict: series and measures keyed by pair label ("patient 2 från vårdpersonalen")."""
    pairs: tuple[PairVerdict, ...] = ()
    participants: tuple[str, ...] = ()
    problems: dict[str, str] = field(default_factory=dict)  # pair label -> why the machine could not judge it

    @property
    def cannot_judge(self) -> bool:
        return bool(self.not_judged())

    def not_judged(self) -> list[PairVerdict]:
        return [pair for pair in self.pairs if not pair.judged]

    def receiver_tiers(self) -> dict[str, Tier]:
        """Receiver -> the worst tier over the senders it was judged on (a receiver with none judged: none)."""
        return {receiver: worst(p.tier for p in self.pairs if p.receiver == receiver and p.judged)
                for receiver in self.participants
                if any(p.receiver == receiver and p.judged for p in self.pairs)}

    def symptom_sv(self) -> str:
        """The pairs at the meeting's tier and their measures: 'vårdpersonalen → patient 2: andelen frusen bild'."""
        if self.tier is Tier.GOOD:
            return ""
        return "; ".join(f"{p.sender} → {p.receiver}: "
                         + ", ".join(LABELS_SV[m.id] for m in p.measures.values() if m.tier is p.tier)
                         for p in self.pairs if p.judged and p.tier is self.tier)

    def as_dict(self) -> dict:
        data = super().as_dict()
        data["symptom"] = self.symptom_sv()
        data["directions"] = {p.label: {"from": [p.sender], "to": p.receiver, "verdict": p.tier.value}
                              for p in self.pairs}
        # a pair not judged carries why (the report's matrix shows it in that pair's cell)
        pairs = [{**p.as_dict(), **({"problem": self.problems[p.label]} if not p.judged and p.label in self.problems
                                    else {})} for p in self.pairs]
        data["meeting"] = {"participants": list(self.participants), "pairs": pairs,
                           "receivers": {r: t.value for r, t in self.receiver_tiers().items()},
                           "pairs_judged": len(self.pairs) - len(self.not_judged()),
                           "pairs_not_judged": [p.label for p in self.not_judged()]}
        return data


def _pair_reason(label: str, tier: Tier, series: ParticipantSeries, measures: dict[str, Measure],
                 rules: dict[str, Rule]) -> str:
    if tier is Tier.GOOD:
        return f"{label}: alla mått är bra"
    if not series.points:
        return f"{label}: ingen mediastatistik alls från den avsändaren"
    at_worst = [m for m in measures.values() if m.tier is tier]
    clauses = [describe_measure(m, rules[m.id]) for m in at_worst if m.value is not None]
    missing = [LABELS_SV[m.id] for m in at_worst if m.value is None]
    if series.first_frame_at_ms is None:
        clauses.insert(0, "ingen videobild har kommit fram (inga avkodade bildrutor)")
    elif missing:
        clauses.append("data saknas för " + ", ".join(missing))
    return f"{label}: " + "; ".join(clauses)


def _received(reports: list[MediaReport], origin_ms: float):
    """Per role its own series (its camera: the frame-rate reference) and per pair what was received. A page
    that receives its own key gets its own media back (an echo, such as Janus's echo test): that is a pair
    too, the receiver judged against its own camera."""
    parsed = {r.role: parse_page(r.role, r.raw, origin_ms) for r in reports}
    own = {role: one for role, (_split, one, _received) in parsed.items()}
    pairs = {}
    for receiver, (_split, _own, received) in parsed.items():
        for sender, (split, _, _) in parsed.items():
            key = split.self_key
            if sender == receiver and (key is None or key not in received):
                continue
            label = pair_label(receiver, sender)
            found = received.get(key) if key is not None else None
            pairs[(receiver, sender)] = replace(found, role=label) if found is not None else \
                ParticipantSeries(label, None, None, None, ())
    return own, pairs


def measured_seconds(series: ParticipantSeries, origin_ms: float) -> float:
    return round(sum(p.interval_s for p in measured_points(series, origin_ms)), 2)


def pairs_not_ready(reports: list[MediaReport]) -> list[str]:
    """The pairs with fewer than MIN_MEASURED_S seconds after their first frame: what a step still waits for."""
    origin = origin_of([r.raw for r in reports]) or 0
    _own, pairs = _received(reports, origin)
    return [pair_label(*key) for key, one in pairs.items() if measured_seconds(one, origin) < MIN_MEASURED_S]


def sample_meeting(look, not_ready=pairs_not_ready) -> list[MediaReport]:
    """The pages' reports (look()) once not_ready(reports) names nothing (by default: every pair has
    MIN_MEASURED_S seconds after its first frame), or what came when MEETING_QUALITY_TIMEOUT_S has passed (a
    pair that never got going is the verdict's to name). The DVM-05 step and the demo-page test both wait so."""
    try:
        return expect_within(look, lambda reports: not not_ready(reports), bound_s=MEETING_QUALITY_TIMEOUT_S,
                             what=f"{MIN_MEASURED_S:.0f} s media för varje par i mötet",
                             describe=lambda reports: (", ".join(not_ready(reports)) or "alla par klara")
                             if isinstance(reports, list) else str(reports),
                             interval=MEETING_SAMPLES_POLL_S)
    except NotYet:
        return look()


def assess_meeting(label: str, reports: list[MediaReport], rules: dict[str, Rule],
                   browsers_waiting: float | None = None, tags: tuple[str, ...] = (),
                   engine: str | None = None) -> MeetingResult:
    """reports: one per participant's page (role word and raw series); browsers_waiting as in assess_visit."""
    origin = origin_of([r.raw for r in reports])
    origin_ms = origin if origin is not None else 0
    own, pairs = _received(reports, origin_ms)
    series = {one.role: one for one in pairs.values()}
    # Starved seconds: any camera's, or any receiving browser's own (as in a two-party visit: they hit all).
    starved = starved_spans({**{f"{role} (egen)": one for role, one in own.items()}, **series})
    values, counted = {}, {}
    for (receiver, sender), one in pairs.items():
        values[one.role] = measure_participant(one, own[sender], origin_ms, [], starved) if origin is not None else {}
        counted[one.role] = loss_counts(one, origin_ms)
    measures = judge(values, rules, counted).measures
    busy = browsers_overloaded(browsers_waiting)
    verdicts, set_aside, problems = [], {}, {}
    for (receiver, sender), one in pairs.items():
        set_aside[one.role], total = set_aside_seconds(measured_points(one, origin_ms), starved)
        tier = worst(m.tier for m in measures[one.role].values())
        problem = starved_most_of(one.role, set_aside[one.role], total) or busy
        if problem:
            problems[one.role] = problem
        # a starved machine spoils only a bad verdict (as VisitResult.cannot_judge): a good one stands
        judged = one.role not in problems or tier is Tier.GOOD
        verdicts.append(PairVerdict(receiver, sender, tier, measures[one.role],
                                    _pair_reason(one.role, tier, one, measures[one.role], rules),
                                    total, set_aside[one.role], judged))
    overall = worst(p.tier for p in verdicts if p.judged) if any(p.judged for p in verdicts) else Tier.FAIL
    verdict = VisitVerdict(overall, _meeting_reason(overall, verdicts), measures)
    return MeetingResult(label, None, {one.role: None for one in pairs.values()}, series, origin, verdict,
                         set_aside_s=set_aside, overloaded=[problems[p.label] for p in verdicts if not p.judged],
                         tags=tuple(tags), browser_wait_ms=browsers_waiting, engine=engine,
                         pairs=tuple(verdicts), participants=tuple(r.role for r in reports),
                         problems=problems)


def _meeting_reason(overall: Tier, verdicts: list[PairVerdict]) -> str:
    judged = [p for p in verdicts if p.judged]
    if not verdicts:
        text = "Underkänd: mötet har inga par att bedöma (färre än två deltagare)."
    elif not judged:
        text = "Underkänd: inget par kunde bedömas."
    elif overall is Tier.GOOD:
        text = f"Bra: alla mått är bra för var och en från alla andra ({len(judged)} par)."
    else:
        text = f"{overall.swedish.capitalize()}: " + "; ".join(p.reason for p in judged if p.tier is overall) + "."
    unjudged = [p for p in verdicts if not p.judged]
    if unjudged:
        text += (f" {len(unjudged)} av {len(verdicts)} par kunde inte bedömas (datorn som kör testet hann inte "
                 f"med): " + ", ".join(p.label for p in unjudged) + ".")
    return text
