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
    rule = result.criterion.baseline
    previous = data.history.baseline_values.get(result.criterion.id)
    if rule is None or previous is None or not isinstance(result.value, (int, float)):
        return result
    if previous == 0:
        change = 0.0 if result.value == 0 else 100.0
    else:
        change = (result.value - previous) / abs(previous) * 100
    worse_by = change if rule.higher_is_worse else -change
    comparison = BaselineComparison(data.history.baseline_run_id, float(previous), round(worse_by, 1))
    result = replace(result, baseline=comparison)
    if worse_by <= rule.max_worse_percent:
        return result
    status = Status.FAIL if rule.status == "fail" else Status.WARN
    reason = Reason("baseline.worse", {"criterion": result.criterion.id, "change": round(worse_by, 1),
                                       "limit": rule.max_worse_percent, "run": data.history.baseline_run_id,
                                       "previous": round(float(previous), 4), "value": round(float(result.value), 4)})
    return replace(result, status=_worse(result.status, status), reasons=result.reasons + (reason,))


def _not_requested(criterion: Criterion, data: RunData) -> CriterionResult | None:
    """NOT_JUDGED when the run did not ask for a part the criterion reads: a partial run, not missing data."""
    requested = data.record.requested_parts
    unasked = [part for part in criterion.parts if requested is not None and part not in requested]
    if not unasked:
        return None
    return CriterionResult(criterion, Status.NOT_JUDGED, None,
                           tuple(Reason("part.not_requested", {"part": part}) for part in unasked))


def _part_problem(criterion: Criterion, data: RunData) -> CriterionResult | None:
    """MISSING when a part the criterion reads did not run to its end (asked for, but not complete)."""
    return next(filter(None, (data.part_problem(criterion, part) for part in criterion.parts)), None)


def evaluate_all(criteria: tuple[Criterion, ...], data: RunData) -> tuple[CriterionResult, ...]:
    """In file order; each kind gets the results above it (requirements verified by criteria read them).

    The parts are checked here, once for every kind: a kind evaluates only over complete parts."""
    done: dict[str, CriterionResult] = {}
    for criterion in criteria:
        result = _not_requested(criterion, data) or _part_problem(criterion, data)
        if result is None:
            result = compare_with_baseline(KINDS[criterion.kind].evaluate(criterion, data, dict(done)), data)
        done[criterion.id] = result
    return tuple(done.values())
