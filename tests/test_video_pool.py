"""The truth benchmark's resampling keeps the gate's two NO-GO reasons apart (pure: pools of outcomes)."""

from vardmote_qa.bench.video_pool import (BY_FAILURE_SHARE, BY_NOT_JUDGED, judged_only, pools_from,
                                          resample)
from vardmote_qa.config import PROJECT_ROOT
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.media.campaign import campaign_tests
from vardmote_qa.media.failure_share import FAIL, PASS
from vardmote_qa.media.summary import NOT_JUDGED

TESTS = campaign_tests(load_criteria(PROJECT_ROOT / "gates" / "release.yaml"))


def test_a_pool_is_rebuilt_from_its_counts():
    pools = pools_from({"variants": {"ren": {"visits": 5, "failures": 1, "not_judged": 2}}})
    assert sorted(pools["ren"]) == sorted([FAIL, NOT_JUDGED, NOT_JUDGED, PASS, PASS])


def test_a_busy_machine_is_named_as_the_reason_not_the_service():
    pools = {"ren": [PASS] * 6 + [NOT_JUDGED] * 4, "video_intermittent": [FAIL] * 10}
    rates = resample(pools, 0.1, TESTS, 40)
    assert rates["ren"][BY_NOT_JUDGED] > 0.9 and rates["ren"][BY_FAILURE_SHARE] == 0, rates


def test_without_the_busy_visits_the_failure_share_decides():
    pools = judged_only({"ren": [PASS] * 30 + [NOT_JUDGED] * 10, "video_intermittent": [FAIL] * 10})
    rates = resample(pools, 0.1, TESTS, 41)
    assert rates["ren"]["no_go"] == 0, rates
    assert rates["video_intermittent"][BY_FAILURE_SHARE] >= 0.9, rates
    assert rates["video_intermittent"][BY_NOT_JUDGED] == 0, rates
