"""Truth check of the video measurements in the suite, with real calls on the session's sandbox: a known
impairment is measured as set, a clean broadband visit is "good", the degraded video engine is "fail".

A smaller run than the benchmark (python -m vardmote_qa.bench.video_truth --runs 10), to keep `make test` short.
"""

from __future__ import annotations

import pytest

from vardmote_qa.media.effect import MachineOverloaded
from vardmote_qa.media.tiers import Tier
from vardmote_qa.bench.video_truth import (LOSS_TOLERANCE_PP, TRUTH_PROFILE, Stage, audio_loss_pct, rtt_ms,
                                     rtt_within_tolerance, run_visit)


# Measures video: `make test` runs it after the parallel part, alone on the cores (a starved camera is not judged).
pytestmark = pytest.mark.video
SUITE_RUNS = 3
SUITE_SECONDS = 6


@pytest.fixture
def stage(target, environment, new_context, evidence, run_dir) -> Stage:
    return Stage(target, environment, new_context, evidence, run_dir)


def judged(results):
    """The visits the machine could judge; when it was starved for most of them, the check is an error."""
    kept = [r for r in results if not r.cannot_judge]
    if len(kept) * 2 < len(results):
        reasons = "; ".join(problem for result in results for problem in result.overloaded)
        raise MachineOverloaded(f"För få besök kunde bedömas: {reasons}")
    return kept


def test_a_known_impairment_is_measured_as_set(stage):
    result = run_visit(stage, "sanningskontroll-forsamring", SUITE_SECONDS + 4, TRUTH_PROFILE)
    assert not result.not_in_effect, result.not_in_effect
    assert rtt_within_tolerance(rtt_ms(result)), f"RTT {rtt_ms(result)} ms, satt {TRUTH_PROFILE.rtt_ms} ms"
    assert abs(audio_loss_pct(result) - TRUTH_PROFILE.loss_pct) <= LOSS_TOLERANCE_PP, \
        f"ljudförlust {audio_loss_pct(result)} %"


def test_a_clean_broadband_visit_is_good_every_time(stage):
    results = judged([run_visit(stage, f"sanningskontroll-bredband-{i + 1}", SUITE_SECONDS)
                      for i in range(SUITE_RUNS)])
    assert all(r.tier is Tier.GOOD for r in results), [r.verdict.reason for r in results]


def test_the_degraded_video_engine_fails_on_frame_rate_every_time(stage):
    results = judged([run_visit(stage, f"sanningskontroll-forsamrad-video-{i + 1}", SUITE_SECONDS, degraded=True)
                      for i in range(SUITE_RUNS)])
    for result in results:
        assert result.tier is Tier.FAIL and any(result.measure(role, "fps_ratio").tier is Tier.FAIL
                                                for role in result.series), result.verdict.reason
