"""From criterion results and waivers to GO / GO MED RISK / NO-GO, with the reasons first. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .messages_sv import parts_text
from .model import CriterionResult, Decision, Reason, Status, Verdict, Waiver


def _covering(result: CriterionResult, waivers: tuple[Waiver, ...]) -> tuple[Waiver, ...]:
    """The waivers that together cover this result's failure, or () if they do not cover all of it.

    A key criterion cannot be waived as a whole, only scenario by scenario: it decides alone."""
    whole = tuple(w for w in waivers if w.criterion == result.criterion.id and not w.scenario)
    if whole and not result.criterion.key and result.status is not Status.MISSING:
        return whole
    if not result.failed_items or result.status is Status.MISSING:
        return ()
    by_scenario = {w.scenario: w for w in waivers if w.scenario and w.criterion in (None, result.criterion.id)}
    if all(item in by_scenario for item in result.failed_items):
        return tuple(by_scenario[item] for item in result.failed_items)
    return ()


def _without_repeats(reasons: list[Reason]) -> list[Reason]:
    """One missing part explains many criteria; say it once."""
    seen, kept = set(), []
    for reason in reasons:
        key = (reason.code, tuple(sorted((k, str(v)) for k, v in reason.params.items())))
        if key not in seen:
            seen.add(key)
            kept.append(reason)
    return kept


def apply_waivers(results, waivers: tuple[Waiver, ...], today: dt.date):
    active = tuple(w for w in waivers if w.active_on(today))
    waived = []
    for result in results:
        covering = _covering(result, active) if result.status not in (Status.PASS, Status.NOT_JUDGED) else ()
        if covering and result.status is not Status.WARN:
            result = replace(result, status=Status.WARN, waivers=covering,
                             reasons=result.reasons + tuple(Reason("waiver.applied", {
                                 "subject": w.subject, "who": w.who, "why": w.why, "until": w.until.isoformat()})
                                 for w in covering))
        elif covering:
            result = replace(result, waivers=covering)
        waived.append(result)
    return tuple(waived)


def decide(results: tuple[CriterionResult, ...], waivers: tuple[Waiver, ...] = (),
           today: dt.date | None = None, quarantined: tuple[Waiver, ...] = ()) -> Decision:
    today = today or dt.date.min
    results = apply_waivers(results, waivers, today)
    reasons: list[Reason] = []
    for result in results:
        if result.status is Status.FAIL:
            reasons.append(Reason("decision.key_failed" if result.criterion.key else "decision.failed",
                                  {"criterion": result.criterion.id}))
        elif result.status is Status.MISSING:
            reasons.append(Reason("decision.missing", {"criterion": result.criterion.id}))
        elif result.status is Status.WARN:
            reasons.append(Reason("decision.warning", {"criterion": result.criterion.id}))
        if result.status not in (Status.PASS, Status.NOT_JUDGED):
            reasons.extend(result.reasons)
    applied = tuple(dict.fromkeys(w for r in results for w in r.waivers))
    expired = tuple(w for w in waivers if not w.active_on(today))
    reasons.extend(Reason("waiver.expired", {"subject": w.subject, "until": w.until.isoformat(), "who": w.who})
                   for w in expired)
    judged = tuple(dict.fromkeys(part for r in results if r.status.judged for part in r.criterion.parts))
    unjudged = [r.criterion.id for r in results if not r.status.judged]
    if any(r.status.blocks for r in results):
        verdict = Verdict.NO_GO
    elif any(r.status is Status.WARN for r in results):
        verdict = Verdict.GO_MED_RISK
    else:
        verdict = Verdict.GO
        reasons.insert(0, Reason("decision.go_judged" if unjudged else "decision.go"))
    if unjudged:  # first, so that no reader takes the verdict of a partial run for a release decision
        reasons.insert(0, Reason("decision.partial", {"parts": parts_text(judged), "count": len(unjudged),
                                                      "verdict": verdict.value}))
    active_quarantine = tuple(q for q in quarantined if q.active_on(today))
    reasons = _without_repeats(reasons)
    reasons.extend(Reason("quarantine.active", {"subject": q.subject, "who": q.who, "why": q.why,
                                                "until": q.until.isoformat()}) for q in active_quarantine)
    return Decision(verdict=verdict, reasons=tuple(reasons), results=results, waivers_applied=applied,
                    waivers_expired=expired, quarantined=active_quarantine, parts_judged=judged)
