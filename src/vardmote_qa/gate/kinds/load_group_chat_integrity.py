"""Kind `load_group_chat_integrity`.

What it checks: the group meetings through the SFU under load (the load summary's `group`): every chat
message reached every other participant of its meeting once, in order and with the sender's timestamp,
and the accounting adds up per receiver: sent x (participants - 1) = delivered + lost. The meetings that
could not be judged (not playable here, or never ended before the run stopped) are counted and named in
every answer; above `max_not_judged_share` of the meetings the criterion is MISSING.
Why: a group meeting (group education, DVM-05) is where one participant missing one message goes unseen:
the others all got it. quality-thresholds: lost or duplicated messages 0, order per sender kept.
Example YAML:
    - id: load.group.chat_integrity
      kind: load_group_chat_integrity
      key: true
When data is missing: no load part, an incomplete one, a summary without `group` (no group meetings
planned, or an older run), no group meeting judged, or no message sent in one, is MISSING.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import field_validator

from . import CriterionKind
from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from .media_failure_share import a_share

_BROKEN = ("lost", "duplicated", "reordered", "untimed", "unnumbered")


class Params(CriterionEntry):
    max_not_judged_share: float = 0.10  # as the video criteria: a run mostly unjudged is no evidence

    @field_validator("max_not_judged_share", mode="before")
    @classmethod
    def _a_share(cls, value, info):
        return a_share(value, info.field_name)


def _not_judged_text(group: dict) -> str:
    reasons = group.get("not_judged_reasons") or {}
    return "; ".join(f"{text} ({count})" for text, count in reasons.items()) or "inga"


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    group = (data.load_summary or {}).get("group")
    if not group or not group.get("meetings"):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("group.no_data"),))
    chat = group.get("chat") or {}
    facts = {"meetings": group["meetings"], "judged": group.get("judged", 0), "failed": group.get("failed", 0),
             "not_judged": group.get("not_judged", 0), "why_not": _not_judged_text(group),
             "participants": group.get("participants", 0), "size": group.get("participants_per_meeting", 0),
             **{key: int(chat.get(key, 0)) for key in ("sent", "receivers", "expected", "delivered", *_BROKEN)}}
    if facts["not_judged"] > criterion.params.max_not_judged_share * facts["meetings"] or not facts["judged"]:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("group.not_judged", {
            **facts, "limit": f"{criterion.params.max_not_judged_share:.0%}"}),))
    if not facts["sent"]:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("group.nothing_sent", facts),))
    unaccounted = facts["expected"] - facts["delivered"] - facts["lost"]
    if unaccounted:
        return CriterionResult(criterion, Status.FAIL, abs(unaccounted),
                               (Reason("group.unaccounted", {**facts, "unaccounted": unaccounted}),))
    broken = sum(facts[key] for key in _BROKEN)
    if broken:
        return CriterionResult(criterion, Status.FAIL, broken, (Reason("group.broken", facts),))
    return CriterionResult(criterion, Status.PASS, 0, (Reason("group.intact", facts),))


KIND = CriterionKind("load_group_chat_integrity", ("load",), Params, evaluate)
