"""Kind `load_request`.

What it checks: one measure of one request name of the load part (load/summary.json): a latency
percentile in milliseconds or the error rate, against warn and fail limits.
Why: the service must hold the region's busiest hour with headroom, as a patient feels it.
Example YAML:
    - id: load.visit.join_p95
      kind: load_request
      request: "visit:join"
      measure: p95_ms
      warn: 800
      fail: 1000
      baseline: {max_worse_percent: 20}
When data is missing: no load part, an incomplete one, or a request name with no requests is MISSING.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import Field, field_validator

from . import CriterionKind
from ..entries import LimitedEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ..thresholds import tier

# The measures of load/summary.json per request name.
MEASURES = ("p50_ms", "p95_ms", "p99_ms", "error_rate")
REQUEST_NAME = re.compile(r"^[a-z_]+:[a-z_]+$")


class Params(LimitedEntry):
    request: str = Field(description='det ska ange ett begärandenamn som "chat:deliver"')
    measure: str = Field(description=f"det ska ange ett av måtten {', '.join(MEASURES)}")

    @field_validator("request", mode="before")
    @classmethod
    def _a_request_name(cls, request):
        if not isinstance(request, str) or not REQUEST_NAME.match(request):
            raise ValueError(f"'request' måste vara ett begärandenamn som \"chat:deliver\", inte '{request}'")
        return request

    @field_validator("measure", mode="before")
    @classmethod
    def _a_measure(cls, measure):
        if measure not in MEASURES:
            raise ValueError(f"okänt mått '{measure}' (kända: {', '.join(MEASURES)})")
        return measure


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    request, measure = criterion.params.request, criterion.params.measure
    stats = ((data.load_summary or {}).get("requests") or {}).get(request)
    if not stats or not stats.get("count"):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("load.no_requests", {"request": request}),))
    value = stats["failures"] / stats["count"] if measure == "error_rate" else stats.get(measure)
    if value is None:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("load.no_requests", {"request": request}),))
    status = tier(float(value), criterion.warn, criterion.fail)
    params = {"request": request, "measure": measure, "value": round(float(value), 4), "warn": criterion.warn,
              "fail": criterion.fail, "count": stats["count"]}
    return CriterionResult(criterion, status, float(value), (Reason(f"load.{status.value}", params),))


KIND = CriterionKind("load_request", ("load",), Params, evaluate)
