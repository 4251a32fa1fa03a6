"""From criterion results to GO / GO MED RISK / NO-GO, with the reasons first."""

from __future__ import annotations

from .model import CriterionResult, Decision, Reason, Status, Verdict


def decide(results: tuple[CriterionResult, ...]) -> Decision:
    reasons: list[Reason] = []
    for result in results:
        if result.status is Status.FAIL:
            reasons.append(Reason("decision.key_failed" if result.criterion.key else "decision.failed",
                                  {"criterion": result.criterion.id}))
        elif result.status is Status.MISSING:
            reasons.append(Reason("decision.missing", {"criterion": result.criterion.id}))
        if result.status is not Status.PASS:
            reasons.extend(result.reasons)
    blocking = any(r.status in (Status.FAIL, Status.MISSING) for r in results)
    warned = any(r.status is Status.WARN for r in results)
    if blocking:
        verdict = Verdict.NO_GO
    elif warned:
        verdict = Verdict.GO_MED_RISK
        reasons[:0] = [Reason("decision.warning", {"criterion": r.criterion.id})
                       for r in results if r.status is Status.WARN]
    else:
        verdict = Verdict.GO
        reasons.append(Reason("decision.go"))
    return Decision(verdict=verdict, reasons=tuple(reasons), results=tuple(results))
