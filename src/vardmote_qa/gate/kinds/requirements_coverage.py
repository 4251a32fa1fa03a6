"""Kind `requirements_coverage`.

What it checks: every requirement in the release scope (requirements/catalogue.yaml, `omfattning`)
has at least one executed scenario in this run, and all of them passed.
Why: the region's acceptance was argued over because nobody could say which requirement a build
verified; this answers it per release.
A requirement that no scenario can show (capacity, DVM-13) is verified by other criteria of the gate
instead (`verified_by`): it counts as verified when all of them passed. They must come earlier in the file.
Example YAML:
    - id: requirements.scope
      kind: requirements_coverage
      scope: nästa
      verified_by: {DVM-13: [load.visit.join_p95, load.chat.integrity]}
      key: true
When data is missing: no acceptance part is MISSING. A requirement in scope without any executed
scenario (or verifying criterion) is FAIL ("ej verifierad"), as is one with a failed scenario or a
verifying criterion that did not pass; passed only on retry (or a warning) is WARN.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import Field, field_validator

from . import CriterionKind
from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ...traceability import Coverage, TraceRow, trace
from ..rundata import RunData

class Params(CriterionEntry):
    scope: str = Field(description="det ska ange en releaseomfattning ur kravkatalogen, t.ex. nästa")
    verified_by: dict[str, tuple[str, ...]] = {}  # requirement id -> ids of earlier criteria

    @field_validator("scope", mode="before")
    @classmethod
    def _a_scope(cls, scope):
        if not isinstance(scope, str) or not scope:
            raise ValueError("fältet 'scope' måste ange en releaseomfattning ur kravkatalogen, t.ex. nästa")
        return scope

    @field_validator("verified_by", mode="before")
    @classmethod
    def _requirements_to_criteria(cls, verified_by):
        verified_by = verified_by or {}
        if not isinstance(verified_by, dict) or not all(
                isinstance(ids, list) and ids and all(isinstance(i, str) for i in ids) for ids in verified_by.values()):
            raise ValueError("'verified_by' måste koppla krav-id till en lista med kriterie-id")
        return {requirement: tuple(ids) for requirement, ids in verified_by.items()}

    def check_references(self, earlier_ids: set[str]) -> None:
        for requirement, ids in self.verified_by.items():
            for criterion_id in ids:
                if criterion_id not in earlier_ids:
                    raise ValueError(f"kravet {requirement} ska verifieras av {criterion_id}, som inte står före "
                                     f"i kriteriefilen")


def requirement_coverage(row: TraceRow, criteria_statuses: list[Status]) -> Coverage:
    """A requirement's coverage from its scenarios (the traceability matrix) and its verifying criteria.
    A verifying criterion not judged in a partial run verifies nothing."""
    criteria_statuses = [status for status in criteria_statuses if status.judged]
    if row.coverage is Coverage.FAILED or any(status.blocks for status in criteria_statuses):
        return Coverage.FAILED
    if row.coverage is Coverage.NOT_VERIFIED and not criteria_statuses:
        return Coverage.NOT_VERIFIED
    return Coverage.VERIFIED


def criteria_statuses(criterion: Criterion, requirement: str,
                      results: Mapping[str, CriterionResult]) -> list[Status]:
    return [results[i].status for i in criterion.params.verified_by.get(requirement, ()) if i in results]


def _judged_elsewhere(row: TraceRow, statuses: list[Status]) -> bool:
    """A requirement without an executed scenario whose verifying criteria were all left unjudged (their
    part was not run): a partial run says nothing about it, neither verified nor not."""
    return row.coverage is Coverage.NOT_VERIFIED and bool(statuses) and not any(s.judged for s in statuses)


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    scope = criterion.params.scope
    in_scope = {row.requirement.id: row for row in trace(data.catalogue, list(data.counted_scenarios))
                if scope in row.requirement.scope}
    if not in_scope:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("requirements.empty_scope", {"scope": scope}),))
    statuses = {req: criteria_statuses(criterion, req, earlier) for req in in_scope}
    not_judged = [req for req, row in in_scope.items() if _judged_elsewhere(row, statuses[req])]
    rows = {req: row for req, row in in_scope.items() if req not in not_judged}
    coverage = {req: requirement_coverage(row, statuses[req]) for req, row in rows.items()}
    unverified = [req for req, state in coverage.items() if state is Coverage.NOT_VERIFIED]
    failing = [req for req, state in coverage.items() if state is Coverage.FAILED]
    flaky = [req for req, row in rows.items() if row.flaky or Status.WARN in statuses[req]]
    value = {"in_scope": len(rows), "verified": len(rows) - len(unverified) - len(failing)}
    noted = (Reason("requirements.not_judged", {"ids": ", ".join(not_judged)}),) if not_judged else ()
    reasons = []
    if unverified:
        reasons.append(Reason("requirements.unverified", {"count": len(unverified), "ids": ", ".join(unverified)}))
    if failing:
        reasons.append(Reason("requirements.failing", {"count": len(failing), "ids": ", ".join(failing)}))
    if reasons:
        return CriterionResult(criterion, Status.FAIL, value, tuple(reasons) + noted,
                               failed_items=tuple(unverified + failing))
    if flaky:
        return CriterionResult(criterion, Status.WARN, value,
                               (Reason("requirements.flaky", {"ids": ", ".join(flaky)}),) + noted)
    return CriterionResult(criterion, Status.PASS, value,
                           (Reason("requirements.all_verified", {"count": len(rows), "scope": scope}),) + noted)


KIND = CriterionKind("requirements_coverage", ("acceptance",), Params, evaluate)


@dataclass(frozen=True)
class RequirementRow:
    """One row of the traceability matrix as the gate judged it: the report copies these rows."""

    trace: TraceRow
    in_scope: bool
    verifying: tuple[CriterionResult, ...]  # the gate's criteria that verify it (verified_by)
    coverage: Coverage


def coverage_matrix(results: tuple[CriterionResult, ...], data: RunData,
                    scope: str | None) -> tuple[RequirementRow, ...]:
    """Every catalogue requirement with the scenarios that ran (quarantined ones shown too), whether it is
    in the release scope, and the verifying criteria of the gate's first requirements_coverage criterion."""
    by_id = {result.criterion.id: result for result in results}
    gate = next((r.criterion for r in results if r.criterion.kind == "requirements_coverage"), None)
    rows = []
    for row in trace(data.catalogue, list(data.scenarios)):
        ids = gate.params.verified_by.get(row.requirement.id, ()) if gate else ()
        verifying = tuple(by_id[i] for i in ids if i in by_id)
        rows.append(RequirementRow(row, bool(scope) and scope in row.requirement.scope, verifying,
                                   requirement_coverage(row, [r.status for r in verifying])))
    return tuple(rows)
