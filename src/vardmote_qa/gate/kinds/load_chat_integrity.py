"""Kind `load_chat_integrity`.

What it checks: under load, every chat message sent reached every other participant once and in
order, with the sender's timestamp: lost + duplicated + reordered + untimed messages, from the load part's
chat accounting; and the accounting itself adds up, sent = delivered + lost (a difference is a meeting
whose chat was never settled, so its losses were never counted).
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


_COUNTED = ("sent", "delivered", "lost", "duplicated", "reordered", "untimed", "unnumbered")


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    chat = (data.load_summary or {}).get("chat") or {}
    if not chat.get("sent"):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("chat.nothing_sent"),))
    params = {key: int(chat.get(key, 0)) for key in _COUNTED}
    unaccounted = params["sent"] - params["delivered"] - params["lost"]
    if unaccounted:
        return CriterionResult(criterion, Status.FAIL, abs(unaccounted),
                               (Reason("chat.unaccounted", {**params, "unaccounted": unaccounted}),))
    broken = sum(params[key] for key in ("lost", "duplicated", "reordered", "untimed", "unnumbered"))
    if broken:
        return CriterionResult(criterion, Status.FAIL, broken, (Reason("chat.broken", params),))
    return CriterionResult(criterion, Status.PASS, 0, (Reason("chat.intact", params),))


KIND = CriterionKind("load_chat_integrity", ("load",), Params, evaluate)
