"""The user's thresholds file (media/thresholds.yaml): one rule per measure, and the tier of a value.

The file is the one place where a measure's direction is written (better: lower/higher): the visit
verdict and the gate's media criteria both read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import model_validator

from .. import typed_yaml
from ..config import PROJECT_ROOT
from ..typed_yaml import FileModel
from .failure_share import binomial_sf
from .tiers import Tier

THRESHOLDS_FILE = PROJECT_ROOT / "media" / "thresholds.yaml"
# The measures media/measures.py computes: the file must give limits for exactly these.
MEASURE_IDS = ("ttff_s", "ice_connected_s", "freeze_ratio", "fps_ratio", "packet_loss", "rtt_ms", "jitter_ms",
               "audio_present", "audio_concealed", "audio_loss", "recovery_s",
               "bitrate_dip")
# A loss share is counted over one visit's packets, so it is a sample: 7 lost of 600 (1.2 %) cannot tell a
# network that loses 1 % from one that loses 0.5 %. Such a share is over a limit only when an exact one-sided
# binomial test says so at this level: at a true share exactly on the limit, one visit in twenty is called over.
COUNTED_SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class Rule:
    measure: str
    unit: str
    higher_is_better: bool
    good: float
    acceptable: float
    source: str = ""

    def tier(self, value: float | None, counted: tuple[int, int] | None = None) -> Tier:
        """counted: (lost, counted) packets when the value is a share of them (measures.loss_counts)."""
        if value is None:
            return Tier.FAIL
        if counted is not None and not self.higher_is_better:
            lost, total = counted
            over = [binomial_sf(lost, total, limit / 100) < COUNTED_SIGNIFICANCE for limit in (self.good, self.acceptable)]
            return Tier.FAIL if over[1] else Tier.ACCEPTABLE if over[0] else Tier.GOOD
        if self.higher_is_better:
            return Tier.GOOD if value >= self.good else Tier.ACCEPTABLE if value >= self.acceptable else Tier.FAIL
        return Tier.GOOD if value <= self.good else Tier.ACCEPTABLE if value <= self.acceptable else Tier.FAIL

    def limit_for(self, tier: Tier) -> float:
        return self.good if tier is Tier.GOOD else self.acceptable


class _RuleEntry(FileModel):
    unit: str
    better: Literal["lower", "higher"]
    good: float
    acceptable: float
    source: str = ""


class _ThresholdsFile(FileModel):
    measures: dict[str, _RuleEntry]

    @model_validator(mode="before")
    @classmethod
    def _known_measures(cls, data):
        # Before the entries, so that a measure the platform does not compute is named as such.
        if not isinstance(data, dict):
            raise ValueError("nyckeln 'measures' saknas")
        if not isinstance(data.get("measures"), dict):
            return data  # missing, misspelt or not a mapping: said by the model
        unknown = [str(measure) for measure in data["measures"] if measure not in MEASURE_IDS]
        if unknown:
            raise ValueError(f"okänt mått '{unknown[0]}' (kända: {', '.join(MEASURE_IDS)})")
        missing = [measure for measure in MEASURE_IDS if measure not in data["measures"]]
        if missing:
            raise ValueError(f"gränser saknas för {', '.join(missing)}")
        return data


def parse_thresholds(data: object, source: str = "thresholds.yaml") -> dict[str, Rule]:
    read = typed_yaml.validate(_ThresholdsFile, data, source)
    return {measure: Rule(measure, entry.unit, entry.better == "higher", entry.good, entry.acceptable, entry.source)
            for measure, entry in read.measures.items()}


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, Rule]:
    return parse_thresholds(typed_yaml.read_yaml(path, "Gränsfilen"), Path(path).name)


def measure_directions(path: Path = THRESHOLDS_FILE) -> dict[str, bool]:
    """Measure id -> whether a higher value is worse, as the thresholds file says."""
    return {measure: not rule.higher_is_better for measure, rule in load_thresholds(path).items()}
