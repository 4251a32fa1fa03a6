"""Kind `requirements_coverage`.

What it checks: every requirement in the release scope (requirements/catalogue.yaml, `omfattning`)
has at least one executed scenario in this run, and all of them passed.
Why: the region's acceptance was argued over because nobody could say which requirement a build
verified; this answers it per release.
Example YAML:
    - id: requirements.scope
      kind: requirements_coverage
      scope: nästa
      key: true
When data is missing: no acceptance part is MISSING. A requirement in scope without any executed
scenario is FAIL ("ej verifierat"), as is one with a failed scenario; passed only on retry is WARN.
"""

from __future__ import annotations

from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData

PARTS = ("acceptance",)


def parse(entry: dict) -> dict:
    scope = entry.get("scope")
    if not isinstance(scope, str) or not scope:
        raise ValueError("fältet 'scope' måste ange en releaseomfattning ur kravkatalogen, t.ex. nästa")
    return {"scope": scope}


def coverage(data: RunData, scope: str) -> dict[str, list]:
    """requirement id -> the counted scenarios that carry it, for every requirement in scope."""
    in_scope = [req for req in data.catalogue.values() if scope in req.scope]
    return {req.id: [s for s in data.counted_scenarios if req.id in s.requirements or req.id in s.tags]
            for req in in_scope}


def evaluate(criterion: Criterion, data: RunData) -> CriterionResult:
    missing = data.part_problem(criterion, "acceptance")
    if missing:
        return missing
    scope = criterion.params["scope"]
    matrix = coverage(data, scope)
    if not matrix:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("requirements.empty_scope", {"scope": scope}),))
    unverified = [req for req, scenarios in matrix.items() if not scenarios]
    failing = [req for req, scenarios in matrix.items() if any(not s.passed for s in scenarios)]
    flaky = [req for req, scenarios in matrix.items() if any(s.passed_on_retry for s in scenarios)]
    value = {"in_scope": len(matrix), "verified": len(matrix) - len(unverified) - len(failing)}
    reasons = []
    if unverified:
        reasons.append(Reason("requirements.unverified", {"count": len(unverified), "ids": ", ".join(unverified)}))
    if failing:
        reasons.append(Reason("requirements.failing", {"count": len(failing), "ids": ", ".join(failing)}))
    if reasons:
        return CriterionResult(criterion, Status.FAIL, value, tuple(reasons), failed_items=tuple(unverified + failing))
    if flaky:
        return CriterionResult(criterion, Status.WARN, value,
                               (Reason("requirements.flaky", {"ids": ", ".join(flaky)}),))
    return CriterionResult(criterion, Status.PASS, value,
                           (Reason("requirements.all_verified", {"count": len(matrix), "scope": scope}),))
