"""Kind `load_video_failure_share`.

What it checks: the share of the load part's video visits that failed ("underkänd"), each judged like a
campaign visit (same sampler, verdict and busy-machine accounting: media/campaign.run_visit) while the
load ran. FAIL (NO-GO) when Wald's SPRT of `acceptable_share` against `unacceptable_share` (error rates
`alpha`, `beta`; media/failure_share.py) decides the share is too high, or when Fisher's exact one-sided
test finds it higher than the same run's campaign on `compare_profile` (the same network without load) at
`significance`: the load made video worse. PASS when the SPRT decides the share is low enough, or no
visit failed; WARN (GO MED RISK) when a visit failed and the SPRT did not decide. The Clopper-Pearson 95 % upper bound is stated. The failing visits are
named with their symptom. Visits the machine could not judge are counted: above `max_not_judged_share`
of the visits the criterion is MISSING ("videon kunde inte bedömas: testdatorn hann inte med").
Why: the region's video failed most when many met at once; a few real browsers held during the load are
the canaries (one or two visits a minute), so a share, not one visit's luck, decides.
Example YAML:
    - id: load.video.failure_share
      kind: load_video_failure_share
      acceptable_share: 0.02
      unacceptable_share: 0.10
      compare_profile: bredband
When data is missing: no load part, a summary without `video` (an older run), or no video visit, is MISSING.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import field_validator

from . import CriterionKind
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ...media.failure_share import fisher_greater, share_text
from .media_failure_share import ShareTestParams, a_share
from ...media.summary import NOT_JUDGED


class Params(ShareTestParams):
    significance: float = 0.05
    compare_profile: str = "bredband"

    @field_validator("significance", mode="before")
    @classmethod
    def _a_significance(cls, value, info):
        return a_share(value, info.field_name)


def _without_load(data: RunData, profile: str) -> dict | None:
    return (((data.media_summary or {}).get("profiles") or {}).get(profile) or {}).get("campaign")


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    params = criterion.params
    video = (data.load_summary or {}).get("video")
    if not video or not video.get("visits"):
        return CriterionResult(criterion, Status.MISSING, None, (Reason("load_video.no_data", {}),))
    visits, judged, failures = video["visits"], video["judged"], video["failures"]
    symptoms = sorted({part for f in video.get("failing") or [] for part in (f.get("symptom") or "").split("; ")
                       if part})
    facts = {"visits": visits, "judged": judged, "failures": failures, "not_judged": video["not_judged"],
             "share": share_text(failures / judged if judged else None),
             "bound": share_text(video.get("upper_bound")), "test": params.test.describe(),
             "symptoms": "; ".join(symptoms) or "inga"}
    if video["not_judged"] > params.max_not_judged_share * visits:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("load_video.not_judged", {
            **facts, "limit": share_text(params.max_not_judged_share)}),))
    decision, used, _llr = params.test.decide([o for o in video["outcomes"] if o != NOT_JUDGED])
    code = {"NOGO": "nogo", "GO": "go"}.get(decision, "failed" if failures else "clean")
    status = {"nogo": Status.FAIL, "failed": Status.WARN}.get(code, Status.PASS)
    reasons = [Reason(f"load_video.{code}", {**facts, "after": used})]
    calm = _without_load(data, params.compare_profile)
    if calm and calm.get("judged") and judged:
        p_value = fisher_greater(failures, judged, calm["failures"], calm["judged"])
        rise = p_value < params.significance
        reasons.append(Reason("load_video.rise" if rise else "load_video.same", {
            **facts, "profile": params.compare_profile, "calm_failures": calm["failures"],
            "calm_judged": calm["judged"], "p": f"{p_value:.3f}".replace(".", ","),
            "significance": share_text(params.significance)}))
        if rise:
            status = Status.FAIL
    value = round(failures / judged, 4) if judged else None
    failing = tuple(f["visit"] for f in video.get("failing") or []) if status is not Status.PASS else ()
    return CriterionResult(criterion, status, value, tuple(reasons), failed_items=failing)


KIND = CriterionKind("load_video_failure_share", ("load",), Params, evaluate)
