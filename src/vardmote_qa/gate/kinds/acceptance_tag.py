"""Kind `acceptance_tag`.

What it checks: every acceptance scenario carrying a tag (for example @kritisk) passed.
Why: the scenarios are the region's acceptance test; a failed critical scenario is a broken release.
Example YAML:
    - id: acceptance.kritisk
      kind: acceptance_tag
      tag: kritisk
      key: true
When data is missing: no acceptance part, an incomplete one, or no scenario with the tag is MISSING.
Passed only on a retry is WARN (flaky), never PASS.
"""

from __future__ import annotations

from ...run.acceptance_results import ScenarioResult
from ..model import Criterion, CriterionResult, Reason, Status

PART = "acceptance"


def parse(entry: dict) -> dict:
    tag = entry.get("tag")
    if not isinstance(tag, str) or not tag:
        raise ValueError("fältet 'tag' måste ange en tagg, t.ex. kritisk")
    return {"tag": tag.lstrip("@")}


def evaluate(criterion: Criterion, part_status: str, part_detail: str,
             scenarios: list[ScenarioResult]) -> CriterionResult:
    tag = criterion.params["tag"]
    if part_status != "complete":
        code = "part.missing" if part_status == "missing" else "part.incomplete"
        return CriterionResult(criterion, Status.MISSING, None,
                               (Reason(code, {"part": PART, "detail": part_detail or "ingen data"}),))
    tagged = [scenario for scenario in scenarios if tag in scenario.tags]
    if not tagged:
        return CriterionResult(criterion, Status.MISSING, 0, (Reason("acceptance.no_scenarios", {"tag": tag}),))
    failed = [scenario for scenario in tagged if not scenario.passed]
    flaky = [scenario for scenario in tagged if scenario.passed_on_retry]
    value = {"total": len(tagged), "failed": len(failed), "flaky": len(flaky)}
    if failed:
        return CriterionResult(criterion, Status.FAIL, value, (Reason("acceptance.failed", {
            "tag": tag, "count": len(failed), "total": len(tagged),
            "names": ", ".join(f"'{s.name}'" for s in failed)}),))
    if flaky:
        return CriterionResult(criterion, Status.WARN, value, (Reason("acceptance.flaky", {
            "tag": tag, "count": len(flaky), "names": ", ".join(f"'{s.name}'" for s in flaky)}),))
    return CriterionResult(criterion, Status.PASS, value,
                           (Reason("acceptance.all_passed", {"tag": tag, "count": len(tagged)}),))
