"""Truth check of the video measurements in the suite, with a real call on the session's sandbox: a known
impairment is measured as set (round trip and audio loss within the benchmark's tolerances).

The benchmark's other two checks are in the suite once each, not three times (they cost 68 s of `make
test`'s serial video part): a clean broadband visit is "bra" in features/video/videokvalitet.feature (the
outline's bredband example) and in tests/test_engines_real.py (every judged p2p visit passes); the degraded
video engine is "underkänd" on frame rate in the same feature ("En försämrad videomotor underkänns trots bra
nät") and in tests/test_fault_verdicts.py (the nightly's frame-rate criterion). "Every time" is the
benchmark's claim, 10 of 10: python -m vardmote_qa.bench.video_truth --runs 10 (make video-truth).
"""

from __future__ import annotations

import pytest

from vardmote_qa.bench.video_truth import (LOSS_TOLERANCE_PP, TRUTH_PROFILE, Stage, audio_loss_pct, rtt_ms,
                                     rtt_within_tolerance, run_visit)


# Measures video: `make test` runs it after the parallel part, two at a time (a starved camera is not judged).
pytestmark = pytest.mark.video
SECONDS = 10


@pytest.fixture
def stage(target, environment, new_context, evidence, run_dir) -> Stage:
    return Stage(target, environment, new_context, evidence.measuring_video(), run_dir)


def test_a_known_impairment_is_measured_as_set(stage):
    result = run_visit(stage, "sanningskontroll-forsamring", SECONDS, TRUTH_PROFILE)
    assert not result.not_in_effect, result.not_in_effect
    assert rtt_within_tolerance(rtt_ms(result)), f"RTT {rtt_ms(result)} ms, satt {TRUTH_PROFILE.rtt_ms} ms"
    assert abs(audio_loss_pct(result) - TRUTH_PROFILE.loss_pct) <= LOSS_TOLERANCE_PP, \
        f"ljudförlust {audio_loss_pct(result)} %"

