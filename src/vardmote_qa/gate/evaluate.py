"""Evaluates every criterion over one run's data, then compares with the baseline. Pure."""

from __future__ import annotations

from dataclasses import replace

from .kinds import KINDS
from .model import BaselineComparison, Criterion, CriterionResult, Reason, Status
from .rundata import RunData

_ORDER = [Status.PASS, Status.WARN, Status.FAIL, Status.MISSING]


def _worse(a: Status, b: Status) -> Status:
    return max(a, b, key=_ORDER.index)


def compare_with_baseline(result: CriterionResult, data: RunData) -> CriterionResult:
    """Marks a numeric value that got worse than the last GO by more than the criterion allows."""
    rule = result.criterion.source.get("baseline")
    previous = data.history.baseline_values.get(result.criterion.id)
    if not rule or previous is None or not isinstance(result.value, (int, float)):
        return result
    higher_is_worse = rule.get("higher_is_worse", True)
    if previous == 0:
        change = 0.0 if result.value == 0 else 100.0
    else:
        change = (result.value - previous) / abs(previous) * 100
    worse_by = change if higher_is_worse else -change
    comparison = BaselineComparison(data.history.baseline_run_id, float(previous), round(worse_by, 1))
    result = replace(result, baseline=comparison)
    if worse_by <= rule["max_worse_percent"]:
        return result
    status = Status.FAIL if rule.get("status") == "fail" else Status.WARN
    reason = Reason("baseline.worse", {"criterion": result.criterion.id, "change": round(worse_by, 1),
                                       "limit": rule["max_worse_percent"], "run": data.history.baseline_run_id,
                                       "previous": round(float(previous), 4), "value": round(float(result.value), 4)})
    return replace(result, status=_worse(result.status, status), reasons=result.reasons + (reason,))


def evaluate_all(criteria: tuple[Criterion, ...], data: RunData) -> tuple[CriterionResult, ...]:
    """In file order; a kind that reads earlier results (requirements verified by criteria) gets them."""
    done: dict[str, CriterionResult] = {}
    for criterion in criteria:
        kind = KINDS[criterion.kind]
        if getattr(kind, "READS_EARLIER_RESULTS", False):
            result = kind.evaluate(criterion, data, dict(done))
        else:
            result = kind.evaluate(criterion, data)
        done[criterion.id] = compare_with_baseline(result, data)
    return tuple(done.values())
