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

from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ..thresholds import parse_limits, tier

PARTS = ("acceptance",)


def parse(entry: dict) -> dict:
    rate = entry.get("max_flip_rate", 0.3)
    if not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
        raise ValueError("'max_flip_rate' måste vara ett tal mellan 0 och 1")
    parse_limits(entry)
    return {"max_flip_rate": float(rate)}


def evaluate(criterion: Criterion, data: RunData) -> CriterionResult:
    missing = data.part_problem(criterion, "acceptance")
    if missing:
        return missing
    retried = {s.name for s in data.counted_scenarios if s.passed_on_retry}
    flipping = {name for name, (flips, runs) in data.history.flip_rates.items()
                if runs > 1 and flips / (runs - 1) > criterion.params["max_flip_rate"]}
    unstable = sorted(retried | flipping)
    status = tier(len(unstable), criterion.warn, criterion.fail)
    params = {"count": len(unstable), "retried": len(retried), "flipping": len(flipping),
              "names": ", ".join(f"'{name}'" for name in unstable) or "inga"}
    return CriterionResult(criterion, status, len(unstable), (Reason(f"flakiness.{status.value}", params),),
                           failed_items=tuple(unstable) if status is not Status.PASS else ())
