"""The visit's verdict: each measure's tier, the worst tier over participants and measures, and why."""

from __future__ import annotations

from dataclasses import dataclass

from .thresholds import Rule
from .tiers import Tier, worst

LABELS_SV = {
    "ttff_s": "tiden till första bild",
    "ice_connected_s": "tiden till uppkoppling (ICE)",
    "freeze_ratio": "andelen frusen bild",
    "fps_ratio": "bildfrekvensen jämfört med sändarens kamera",
    "packet_loss": "paketförlusten",
    "rtt_ms": "tur-och-retur-tiden",
    "jitter_ms": "jittret",
    "audio_present": "ljudet",
    "audio_concealed": "andelen maskerat ljud",
    "audio_loss": "ljudets paketförlust",
    "recovery_s": "återhämtningen efter avbrottet",
    "bitrate_dip": "videons lägsta bithastighet jämfört med samtalets median",
}
UNITS_SV = {"s": " s", "%": " %", "ms": " ms", "bool": ""}


@dataclass(frozen=True)
class Measure:
    id: str
    value: float | None
    unit: str
    tier: Tier

    def as_dict(self) -> dict:
        return {"value": self.value, "unit": self.unit, "tier": self.tier.value}


@dataclass(frozen=True)
class VisitVerdict:
    tier: Tier
    reason: str
    measures: dict[str, dict[str, Measure]]  # role -> measure id -> measure (of the media that role receives)

    def direction_tiers(self) -> dict[str, Tier]:
        """Receiving role -> the worst tier of what it receives: one verdict per direction of the call."""
        return {role: worst(m.tier for m in by_measure.values()) if by_measure else Tier.FAIL
                for role, by_measure in self.measures.items()}

    def measures_at_worst(self) -> list[tuple[str, str]]:
        """(receiving role, measure id) of every measure at the visit's tier: what the verdict rests on."""
        return [(role, m.id) for role, by_measure in self.measures.items() for m in by_measure.values()
                if m.tier is self.tier]

    def symptom(self) -> str:
        """The directions at the visit's tier and their measures, e.g.
        'vårdpersonalen → patienten: andelen frusen bild' (the other direction is better, so not named)."""
        if self.tier is Tier.GOOD:
            return ""
        parts = []
        for role, tier in self.direction_tiers().items():
            if tier is not self.tier:
                continue
            senders = [other for other in self.measures if other != role]
            labels = [LABELS_SV[mid] for r, mid in self.measures_at_worst() if r == role]
            parts.append(f"{' och '.join(senders) or 'okänd'} → {role}: {', '.join(labels) or 'inga mått'}")
        return "; ".join(parts)


def _number(value: float) -> str:
    text = f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"
    return text.rstrip("0").rstrip(".").replace(".", ",") if "." in text else text


def _amount_and_limit(measure: Measure, rule: Rule) -> str:
    """How much, and the limit it missed: '12 % (godtagbar kräver högst 5 %)'."""
    unit = UNITS_SV.get(measure.unit, f" {measure.unit}")
    better = Tier.GOOD if measure.tier is Tier.ACCEPTABLE else Tier.ACCEPTABLE
    comparison = "minst" if rule.higher_is_better else "högst"
    return (f"{_number(measure.value)}{unit} "
            f"({better.swedish} kräver {comparison} {_number(rule.limit_for(better))}{unit})")


def describe(role: str, measure: Measure, rule: Rule) -> str:
    """One Swedish clause: where, what, how much, and the limit it missed."""
    label = LABELS_SV[measure.id]
    if measure.value is None:
        return f"hos {role} saknas data för {label}"
    if measure.id == "audio_present":
        return f"{role} tar inte emot något ljud"
    return f"hos {role} är {label} {_amount_and_limit(measure, rule)}"


def describe_measure(measure: Measure, rule: Rule) -> str:
    """The clause without where, for a sentence that names where itself (a meeting's receiver and sender):
    'andelen frusen bild 12 % (godtagbar kräver högst 5 %)'; a measure without data is None's caller's."""
    if measure.id == "audio_present" and measure.value is not None:
        return "inget ljud tas emot"
    return f"{LABELS_SV[measure.id]} {_amount_and_limit(measure, rule)}"


def judge(values: dict[str, dict[str, float | None]], rules: dict[str, Rule],
          counted: dict[str, dict[str, tuple[int, int]]] | None = None) -> VisitVerdict:
    """values: role -> measure id -> value (None when not measured); counted: role -> measure id -> (lost,
    counted) packets behind a loss share, judged as the sample it is (thresholds.Rule). Pure: no clock, no files."""
    counted = counted or {}
    measures = {role: {mid: Measure(mid, value, rules[mid].unit,
                                    rules[mid].tier(value, counted.get(role, {}).get(mid)))
                       for mid, value in by_measure.items()}
                for role, by_measure in values.items()}
    overall = worst(m.tier for by_measure in measures.values() for m in by_measure.values())
    if not any(measures.values()):
        return VisitVerdict(Tier.FAIL, "Underkänd: inga mått kunde räknas fram, ingen mediastatistik finns.",
                            measures)
    if overall is Tier.GOOD:
        roles = " och ".join(measures)
        return VisitVerdict(overall, f"Bra: alla mått är bra hos {roles}.", measures)
    clauses = [describe(role, m, rules[m.id]) for role, by_measure in measures.items()
               for m in by_measure.values() if m.tier is overall]
    return VisitVerdict(overall, f"{overall.swedish.capitalize()}: " + "; ".join(clauses) + ".", measures)
