"""Kind `media_measure`.

What it checks: a percentile over the visits of one network profile of one visit-verdict measure
(media/summary.json, written by the video part), against warn and fail limits.
Why: the region's video problems were "intermittent and hard to define"; this puts a number per
network profile and per build on them.
Example YAML:
    - id: media.bredband.freeze_ratio_p95
      kind: media_measure
      profile: bredband
      measure: freeze_ratio
      percentile: p95
      warn: 0.01
      fail: 0.05
      baseline: {max_worse_percent: 20}
The measure ids, and whether a higher value is better, are those of media/thresholds.yaml.
When data is missing: no video part, an incomplete one, or no visit on the profile is MISSING.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from . import CriterionKind
from ..entries import LimitedEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ..thresholds import tier
from ...media.thresholds import measure_directions

PERCENTILES = ("p50", "p95")


class Params(LimitedEntry):
    profile: str = Field(description="det ska ange en nätverksprofil, t.ex. bredband")
    measure: str = Field(description="det ska ange ett mått ur media/thresholds.yaml, t.ex. freeze_ratio")
    percentile: Literal["p50", "p95"] = "p95"
    _higher_is_worse: bool = PrivateAttr(True)  # the measure's direction, as media/thresholds.yaml says

    @field_validator("profile", mode="before")
    @classmethod
    def _a_profile(cls, profile):
        if not isinstance(profile, str) or not profile:
            raise ValueError("fältet 'profile' måste ange en nätverksprofil, t.ex. bredband")
        return profile

    @field_validator("percentile", mode="before")
    @classmethod
    def _a_percentile(cls, percentile):
        if percentile not in PERCENTILES:
            raise ValueError(f"'percentile' måste vara en av {', '.join(PERCENTILES)}")
        return percentile

    @model_validator(mode="after")
    def _a_measure_with_a_direction(self):
        directions = measure_directions()
        if self.measure not in directions:
            raise ValueError(f"okänt mått '{self.measure}' (kända: {', '.join(directions)})")
        self._higher_is_worse = directions[self.measure]
        return self

    @property
    def higher_is_worse(self) -> bool:
        return self._higher_is_worse


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    params = criterion.params
    profile, measure, percentile = params.profile, params.measure, params.percentile
    summary = ((data.media_summary or {}).get("profiles") or {}).get(profile)
    value = (((summary or {}).get("measures") or {}).get(measure) or {}).get(percentile)
    if value is None:
        return CriterionResult(criterion, Status.MISSING, None,
                               (Reason("media.no_data", {"profile": profile, "measure": measure}),))
    status = tier(float(value), criterion.warn, criterion.fail, higher_is_worse=params.higher_is_worse)
    params = {"profile": profile, "measure": measure, "percentile": percentile, "value": round(float(value), 4),
              "warn": criterion.warn, "fail": criterion.fail, "visits": summary.get("visits", 0)}
    return CriterionResult(criterion, status, float(value), (Reason(f"media.{status.value}", params),))


KIND = CriterionKind("media_measure", ("video",), Params, evaluate)
