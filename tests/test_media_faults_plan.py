"""The sandbox's intermittent media faults: each visit drawn independently, reproducible with the seed,
off by default. That the visit page carries them out is shown with real browsers in tests/test_campaign.py."""

from vardmote_sandbox.faults import Faults, with_drawn_seed
from vardmote_sandbox.media_faults import plan_for


def test_no_media_fault_by_default():
    assert all(plan_for(Faults(), visit) == [] for visit in range(1, 200))


def test_a_share_hits_about_that_share_of_visits_reproducibly_and_each_visit_independently():
    faults = Faults()
    faults.update({"video_intermittent": "0.1", "media_fault_seed": "4"})
    hit = [visit for visit in range(1, 1001) if plan_for(faults, visit)]
    assert 70 <= len(hit) <= 130  # binomial(1000, 0.1): 100 ± 3 standard deviations
    assert hit == [visit for visit in range(1, 1001) if plan_for(faults, visit)]
    faults.update({"media_fault_seed": "5"})
    assert hit != [visit for visit in range(1, 1001) if plan_for(faults, visit)]
    one = plan_for(Faults(video_intermittent=1.0), 7)[0]
    assert one["action"] in ("freeze", "bitrate_collapse") and 2 <= one["start_s"] <= 5 and 2 <= one["length_s"] <= 4


def test_an_intermittent_video_fault_is_a_freeze_or_a_bitrate_collapse_drawn_per_visit():
    actions = [plan_for(Faults(video_intermittent=1.0, media_fault_seed=1), visit)[0]["action"]
               for visit in range(1, 201)]
    assert 70 <= actions.count("bitrate_collapse") <= 130 and set(actions) == {"freeze", "bitrate_collapse"}
    collapse = plan_for(Faults(bitrate_collapse=4.0), 3)
    assert collapse == [{"action": "bitrate_collapse", "sender": "patient", "start_s": 3.0, "length_s": 4.0,
                         "max_bitrate": 8_000}]


def test_media_faults_restricted_to_one_engine_leave_the_other_engine_alone():
    faults = Faults(video_intermittent=1.0, freeze=3.0, media_fault_engine="sfu")
    assert all(plan_for(faults, visit, "p2p") == [] for visit in range(1, 50))
    assert all(plan_for(faults, visit, "sfu") for visit in range(1, 50))
    assert plan_for(Faults(freeze=3.0), 1, "sfu") == plan_for(Faults(freeze=3.0), 1, "p2p")


def test_a_known_freeze_hits_every_visit_for_exactly_its_length():
    assert plan_for(Faults(freeze=3.0), 12) == [{"action": "freeze", "sender": "patient", "start_s": 3.0,
                                                 "length_s": 3.0}]


def test_a_started_sandbox_draws_a_fresh_seed_for_a_share_of_visits_unless_one_is_given():
    """One fixed seed would hit the same visit ids every night (visit ids restart at 1 in a fresh sandbox)."""
    spec, seed = with_drawn_seed("oneway_intermittent=0.1")
    assert seed is not None and spec == f"oneway_intermittent=0.1,media_fault_seed={seed}"
    assert len({with_drawn_seed("audio_intermittent=0.1")[1] for _ in range(5)}) > 1
    assert with_drawn_seed("oneway_intermittent=0.1,media_fault_seed=7") == (
        "oneway_intermittent=0.1,media_fault_seed=7", None)
    assert with_drawn_seed("freeze=3") == ("freeze=3", None)  # a known freeze hits every visit: nothing drawn
    assert with_drawn_seed("video_intermittent=0") == ("video_intermittent=0", None)
    assert with_drawn_seed("") == ("", None)
