"""Kind `load_task_errors`.

What it checks: exceptions that escaped a load user's task (Locust's runner.exceptions, in the load
summary's `task_errors`): a failure that no request event named, so no other criterion sees it.
Why: a load user that crashes silently plays fewer meetings and makes the service look better than it is;
every expected failure is already a failed request, so the threshold is zero.
Example YAML:
    - id: load.task_errors
      kind: load_task_errors
      key: true
When data is missing: no load part or an incomplete one is MISSING (a summary written before this kind
existed, without `task_errors`, is MISSING too, never a pass).
"""

from __future__ import annotations

from collections.abc import Mapping

from . import CriterionKind
from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData


class Params(CriterionEntry):
    """No parameters of its own: the threshold is zero."""


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    errors = (data.load_summary or {}).get("task_errors")
    if not isinstance(errors, dict):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("load.no_requests",
                                                                        {"request": "task_errors"}),))
    count = int(errors.get("count", 0))
    if count:
        examples = "; ".join(errors.get("examples") or []) or "inga exempel"
        return CriterionResult(criterion, Status.FAIL, count,
                               (Reason("load.task_errors", {"count": count, "examples": examples}),))
    return CriterionResult(criterion, Status.PASS, 0, (Reason("load.no_task_errors"),))


KIND = CriterionKind("load_task_errors", ("load",), Params, evaluate)
