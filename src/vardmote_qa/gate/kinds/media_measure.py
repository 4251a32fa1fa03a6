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
When data is missing: no video part, an incomplete one, or no visit on the profile is MISSING.
"""

from __future__ import annotations

from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ..thresholds import parse_limits, tier

PARTS = ("video",)
# Measure ids of the visit verdict, and whether a higher value is worse.
MEASURES = {"ttff_s": True, "ice_connected_s": True, "freeze_ratio": True, "fps_ratio": False,
            "packet_loss": True, "rtt_ms": True, "jitter_ms": True, "audio_present": False, "recovery_s": True}
PERCENTILES = ("p50", "p95")


def parse(entry: dict) -> dict:
    measure = entry.get("measure")
    if measure not in MEASURES:
        raise ValueError(f"okänt mått '{measure}' (kända: {', '.join(MEASURES)})")
    percentile = entry.get("percentile", "p95")
    if percentile not in PERCENTILES:
        raise ValueError(f"'percentile' måste vara en av {', '.join(PERCENTILES)}")
    if not isinstance(entry.get("profile"), str):
        raise ValueError("fältet 'profile' måste ange en nätverksprofil, t.ex. bredband")
    parse_limits(entry)
    return {"profile": entry["profile"], "measure": measure, "percentile": percentile}


def evaluate(criterion: Criterion, data: RunData) -> CriterionResult:
    missing = data.part_problem(criterion, "video")
    if missing:
        return missing
    profile, measure, percentile = (criterion.params[k] for k in ("profile", "measure", "percentile"))
    summary = ((data.media_summary or {}).get("profiles") or {}).get(profile)
    value = (((summary or {}).get("measures") or {}).get(measure) or {}).get(percentile)
    if value is None:
        return CriterionResult(criterion, Status.MISSING, None,
                               (Reason("media.no_data", {"profile": profile, "measure": measure}),))
    status = tier(float(value), criterion.warn, criterion.fail, higher_is_worse=MEASURES[measure])
    params = {"profile": profile, "measure": measure, "percentile": percentile, "value": round(float(value), 4),
              "warn": criterion.warn, "fail": criterion.fail, "visits": summary.get("visits", 0)}
    return CriterionResult(criterion, status, float(value), (Reason(f"media.{status.value}", params),))
