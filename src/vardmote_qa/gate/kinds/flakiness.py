"""Kind `flakiness`.

What it checks: how many scenarios are unstable: passed only on a retry in this run, or changed
outcome between runs more often than `max_flip_rate` over the history's last runs.
Why: intermittent faults were the region's whole problem; a green that needed a second try is a
warning, not a pass.
Example YAML:
    - id: acceptance.flakiness
      kind: flakiness
      max_flip_rate: 0.3
      warn: 0
      fail: 3
When data is missing: no acceptance part is MISSING. Without history only this run's retries count.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import field_validator

from . import CriterionKind
from ..entries import LimitedEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ..thresholds import tier


class Params(LimitedEntry):
    max_flip_rate: float = 0.3  # flips per run over the history's runs above which a scenario is unstable

    @field_validator("max_flip_rate", mode="before")
    @classmethod
    def _a_rate(cls, rate):
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
            raise ValueError("'max_flip_rate' måste vara ett tal mellan 0 och 1")
        return float(rate)


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    retried = {s.name for s in data.counted_scenarios if s.passed_on_retry}
    flipping = {name for name, (flips, runs) in data.history.flip_rates.items()
                if runs > 1 and flips / (runs - 1) > criterion.params.max_flip_rate}
    unstable = sorted(retried | flipping)
    status = tier(len(unstable), criterion.warn, criterion.fail)
    params = {"count": len(unstable), "retried": len(retried), "flipping": len(flipping),
              "names": ", ".join(f"'{name}'" for name in unstable) or "inga"}
    return CriterionResult(criterion, status, len(unstable), (Reason(f"flakiness.{status.value}", params),),
                           failed_items=tuple(unstable) if status is not Status.PASS else ())


KIND = CriterionKind("flakiness", ("acceptance",), Params, evaluate)
