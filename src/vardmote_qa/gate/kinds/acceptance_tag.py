"""Kind `acceptance_tag`.

What it checks: every acceptance scenario carrying a tag (for example @kritisk) passed; tag "*" means
every scenario of the run.
Why: the scenarios are the region's acceptance test; a failed critical scenario is a broken release.
Example YAML:
    - id: acceptance.critical
      kind: acceptance_tag
      tag: kritisk
      key: true
When data is missing: no acceptance part, an incomplete one, or no scenario with the tag is MISSING.
Passed only on a retry is WARN (flaky), never PASS. Quarantined scenarios are not counted.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field, field_validator

from . import CriterionKind
from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData

class Params(CriterionEntry):
    tag: str = Field(description="det ska ange en tagg, t.ex. kritisk (eller * för alla)")

    @field_validator("tag", mode="before")
    @classmethod
    def _a_tag(cls, tag):
        if not isinstance(tag, str) or not tag.lstrip("@"):
            raise ValueError("fältet 'tag' måste ange en tagg, t.ex. kritisk (eller * för alla)")
        return tag.lstrip("@")


def _names(scenarios) -> str:
    return ", ".join(f"'{s.name}'" for s in scenarios)


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    tag = criterion.params.tag
    label = "alla" if tag == "*" else f"@{tag}"
    tagged = [s for s in data.counted_scenarios if tag == "*" or tag in s.tags]
    if not tagged:
        return CriterionResult(criterion, Status.MISSING, 0, (Reason("acceptance.no_scenarios", {"tag": label}),))
    failed = [s for s in tagged if not s.passed]
    flaky = [s for s in tagged if s.passed_on_retry]
    value = {"total": len(tagged), "failed": len(failed), "flaky": len(flaky)}
    if failed:
        return CriterionResult(criterion, Status.FAIL, value, (Reason("acceptance.failed", {
            "tag": label, "count": len(failed), "total": len(tagged), "names": _names(failed)}),),
            failed_items=tuple(s.name for s in failed))
    if flaky:
        return CriterionResult(criterion, Status.WARN, value, (Reason("acceptance.flaky", {
            "tag": label, "count": len(flaky), "names": _names(flaky)}),),
            failed_items=tuple(s.name for s in flaky))
    return CriterionResult(criterion, Status.PASS, value,
                           (Reason("acceptance.all_passed", {"tag": label, "count": len(tagged)}),))


KIND = CriterionKind("acceptance_tag", ("acceptance",), Params, evaluate)
