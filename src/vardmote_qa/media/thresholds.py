"""The user's thresholds file (media/thresholds.yaml): one rule per measure, and the tier of a value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import PROJECT_ROOT
from ..errors import UserError
from .yamlfile import read_yaml
from .tiers import Tier

THRESHOLDS_FILE = PROJECT_ROOT / "media" / "thresholds.yaml"
MEASURE_IDS = ("ttff_s", "ice_connected_s", "freeze_ratio", "fps_ratio", "packet_loss", "rtt_ms", "jitter_ms",
               "audio_present", "recovery_s")


@dataclass(frozen=True)
class Rule:
    measure: str
    unit: str
    higher_is_better: bool
    good: float
    acceptable: float
    source: str = ""

    def tier(self, value: float | None) -> Tier:
        if value is None:
            return Tier.FAIL
        if self.higher_is_better:
            return Tier.GOOD if value >= self.good else Tier.ACCEPTABLE if value >= self.acceptable else Tier.FAIL
        return Tier.GOOD if value <= self.good else Tier.ACCEPTABLE if value <= self.acceptable else Tier.FAIL

    def limit_for(self, tier: Tier) -> float:
        return self.good if tier is Tier.GOOD else self.acceptable


def parse_thresholds(data: object, source: str = "thresholds.yaml") -> dict[str, Rule]:
    if not isinstance(data, dict) or not isinstance(data.get("measures"), dict):
        raise UserError(f"{source}: nyckeln 'measures' saknas.")
    rules = {}
    for measure, entry in data["measures"].items():
        if measure not in MEASURE_IDS:
            raise UserError(f"{source}: okänt mått '{measure}' (kända: {', '.join(MEASURE_IDS)}).")
        try:
            better = entry["better"]
            if better not in ("lower", "higher"):
                raise ValueError
            rule = Rule(measure, str(entry["unit"]), better == "higher", float(entry["good"]),
                        float(entry["acceptable"]), str(entry.get("source", "")))
        except (KeyError, TypeError, ValueError):
            raise UserError(f"{source}: måttet '{measure}' behöver unit, better (lower/higher), good och "
                            f"acceptable som tal.") from None
        rules[measure] = rule
    missing = [measure for measure in MEASURE_IDS if measure not in rules]
    if missing:
        raise UserError(f"{source}: gränser saknas för {', '.join(missing)}.")
    return rules


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, Rule]:
    data = read_yaml(path, "Gränsfilen")
    return parse_thresholds(data, Path(path).name)
