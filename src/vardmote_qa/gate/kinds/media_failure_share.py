"""Kind `media_failure_share`.

What it checks: the share of a network profile's campaign visits that failed ("underkänd"), with
Wald's sequential probability ratio test (SPRT) of `acceptable_share` (p0) against `unacceptable_share`
(p1), error rates `alpha` (false NO-GO at p0) and `beta` (missed fault at p1), over the visits in the order
they ended: FAIL (NO-GO) when the test decides the share is p1 or more, PASS when it decides p0 or less,
WARN (GO MED RISK) when the visits ran out undecided. It always states the Clopper-Pearson 95 % upper
bound ("den här körningen utesluter felandelar över 9,5 %"). Against the baseline (the last GO), Fisher's
exact one-sided test at `baseline_significance`: a significant rise is FAIL even under the limit.
Visits the test machine could not judge are counted: above `max_not_judged_share` of the profile's visits
the criterion is MISSING ("videon kunde inte bedömas: testdatorn hann inte med").
Why: the region's video failed intermittently; one visit per profile sees a fault of one visit in ten
about a quarter of the nights. A share needs many visits and a named test (media/failure_share.py).
Example YAML:
    - id: media.bredband.failure_share
      kind: media_failure_share
      profile: bredband
      acceptable_share: 0.02
      unacceptable_share: 0.10
      alpha: 0.05
      beta: 0.05
      max_not_judged_share: 0.10
When data is missing: no video part, or no campaign visit on the profile, is MISSING.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from pydantic import Field, field_validator, model_validator

from . import CriterionKind
from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult, Reason, Status
from ..rundata import RunData
from ...media.failure_share import Sprt, fisher_greater, share_text
from ...run.layout import RunLayout


def a_share(value, field_name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise ValueError(f"'{field_name}' måste vara ett tal mellan 0 och 1")
    return float(value)


class ShareTestParams(CriterionEntry):
    """The failure-share test's settings, shared by the campaign's and the load's criteria."""
    acceptable_share: float = 0.02
    unacceptable_share: float = 0.10
    alpha: float = 0.05
    beta: float = 0.05
    max_not_judged_share: float = 0.10

    @field_validator("acceptable_share", "unacceptable_share", "alpha", "beta", "max_not_judged_share",
                     mode="before")
    @classmethod
    def _a_share(cls, value, info):
        return a_share(value, info.field_name)

    @model_validator(mode="after")
    def _p0_below_p1(self):
        if self.acceptable_share >= self.unacceptable_share:
            raise ValueError("'acceptable_share' måste vara mindre än 'unacceptable_share'")
        return self

    @property
    def test(self) -> Sprt:
        return Sprt(self.acceptable_share, self.unacceptable_share, self.alpha, self.beta)


class Params(ShareTestParams):
    profile: str = Field(description="det ska ange en nätverksprofil, t.ex. bredband")
    baseline_significance: float = 0.05

    @field_validator("baseline_significance", mode="before")
    @classmethod
    def _a_significance(cls, value, info):
        return a_share(value, info.field_name)


def _campaign(summary: dict | None, profile: str) -> dict | None:
    return (((summary or {}).get("profiles") or {}).get(profile) or {}).get("campaign")


def _baseline_campaign(data: RunData, profile: str) -> dict | None:
    """The baseline run's own campaign on the profile, read from its run folder beside this one."""
    run_id = data.history.baseline_run_id
    if not run_id:
        return None
    path = RunLayout(data.record.path.parent / run_id).media_summary
    try:
        return _campaign(json.loads(path.read_text(encoding="utf-8")), profile)
    except (OSError, json.JSONDecodeError):
        return None


def evaluate(criterion: Criterion, data: RunData, earlier: Mapping[str, CriterionResult]) -> CriterionResult:
    params = criterion.params
    campaign = _campaign(data.media_summary, params.profile)
    if not campaign or not campaign.get("visits"):
        return CriterionResult(criterion, Status.MISSING, None,
                               (Reason("failure_share.no_data", {"profile": params.profile}),))
    visits, judged, failures = campaign["visits"], campaign["judged"], campaign["failures"]
    facts = {"profile": params.profile, "visits": visits, "judged": judged, "failures": failures,
             "not_judged": campaign["not_judged"], "share": share_text(failures / judged if judged else None),
             "bound": share_text(campaign.get("upper_bound")), "test": params.test.describe()}
    if campaign["not_judged"] > params.max_not_judged_share * visits:
        return CriterionResult(criterion, Status.MISSING, None, (Reason("failure_share.not_judged", {
            **facts, "limit": share_text(params.max_not_judged_share)}),))
    decision, used, _llr = params.test.decide([o for o in campaign["outcomes"] if o != "not_judged"])
    status = {"NOGO": Status.FAIL, "GO": Status.PASS, "UNDECIDED": Status.WARN}[decision]
    symptoms = sorted({part for f in campaign.get("failing") or [] for part in (f.get("symptom") or "").split("; ")
                       if part})
    reasons = [Reason(f"failure_share.{decision.lower()}", {**facts, "after": used,
                                                            "symptoms": "; ".join(symptoms) or "inga"})]
    baseline = _baseline_campaign(data, params.profile)
    if baseline and baseline.get("judged"):
        p_value = fisher_greater(failures, judged, baseline["failures"], baseline["judged"])
        rise = p_value < params.baseline_significance
        reasons.append(Reason("failure_share.baseline_rise" if rise else "failure_share.baseline_same", {
            **facts, "run": data.history.baseline_run_id, "baseline_failures": baseline["failures"],
            "baseline_judged": baseline["judged"], "p": f"{p_value:.3f}".replace(".", ","),
            "significance": share_text(params.baseline_significance)}))
        if rise:
            status = Status.FAIL
    value = round(failures / judged, 4) if judged else None
    failing = tuple(f["visit"] for f in campaign.get("failing") or []) if status is not Status.PASS else ()
    return CriterionResult(criterion, status, value, tuple(reasons), failed_items=failing)


KIND = CriterionKind("media_failure_share", ("video",), Params, evaluate)
