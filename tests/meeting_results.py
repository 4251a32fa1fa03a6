"""Meetings of several judged by hand (media/meeting_quality.MeetingResult), for the tests of what reads a
meeting's verdict (the conference bench's accounting, the report's per-pair matrix): every pair "bra" unless
told otherwise. What assess_meeting itself decides is tests/test_meeting_quality.py's."""

from __future__ import annotations

from vardmote_qa.bench.conference_bench import role_words
from vardmote_qa.media.meeting_quality import MeetingResult, PairVerdict, pair_label
from vardmote_qa.media.tiers import Tier, worst
from vardmote_qa.media.verdict import Measure, VisitVerdict

STARVED = "datorn som kör testet hann inte med under 12 av 15 s hos {} (kameran levererade för få bilder)"
REASONS = {Tier.GOOD: "alla mått är bra",
           Tier.ACCEPTABLE: "andelen frusen bild 3 % (bra kräver högst 1 %)",
           Tier.FAIL: "andelen frusen bild 12 % (godtagbar kräver högst 5 %); bildfrekvensen 40 % av kamerans"}


def meeting_result(participants: int, tiers: dict | None = None, not_judged: tuple = (), ttff=0.4, freeze=0.0,
                   label: str = "konferens") -> MeetingResult:
    """tiers: (receiver, sender) -> Tier for the pairs not "bra"; not_judged: pairs the starved machine could
    not judge (their tier "underkänd": a starved machine leaves only a bad verdict unjudged, meeting_quality)."""
    roles = role_words(participants)
    pairs = []
    for receiver in roles:
        for sender in roles:
            if sender == receiver:
                continue
            tier = (tiers or {}).get((receiver, sender), Tier.FAIL if (receiver, sender) in not_judged else Tier.GOOD)
            measures = {"ttff_s": Measure("ttff_s", ttff, "s", Tier.GOOD),
                        "freeze_ratio": Measure("freeze_ratio", freeze, "%", tier)}
            pairs.append(PairVerdict(receiver, sender, tier, measures,
                                     f"{pair_label(receiver, sender)}: {REASONS[tier]}", 15.0, 0.0,
                                     (receiver, sender) not in not_judged))
    problems = {pair_label(r, s): STARVED.format(pair_label(r, s)) for r, s in not_judged}
    overall = worst(p.tier for p in pairs if p.judged)
    return MeetingResult(label, None, {}, {}, 0.0, VisitVerdict(overall, "", {}), pairs=tuple(pairs),
                         participants=tuple(roles), problems=problems)
