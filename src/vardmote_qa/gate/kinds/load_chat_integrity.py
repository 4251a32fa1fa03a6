"""Kind `load_chat_integrity`.

What it checks: under load, every chat message sent reached every other participant once and in
order: lost + duplicated + reordered messages, from the load part's chat accounting.
Why: a lost message in a care meeting is a lost instruction; the threshold is zero.
Example YAML:
    - id: load.chat.integrity
      kind: load_chat_integrity
      key: true
When data is missing: no load part, an incomplete one, or no chat message sent is MISSING.
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
    chat = (data.load_summary or {}).get("chat") or {}
    if not chat.get("sent"):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("chat.nothing_sent"),))
    broken = int(chat.get("lost", 0)) + int(chat.get("duplicated", 0)) + int(chat.get("reordered", 0))
    params = {key: int(chat.get(key, 0)) for key in ("sent", "delivered", "lost", "duplicated", "reordered")}
    if broken:
        return CriterionResult(criterion, Status.FAIL, broken, (Reason("chat.broken", params),))
    return CriterionResult(criterion, Status.PASS, 0, (Reason("chat.intact", params),))


KIND = CriterionKind("load_chat_integrity", ("load",), Params, evaluate)
