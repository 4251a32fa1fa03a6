"""The campaign's visits with real browsers: each media fault switch makes exactly its check fail with its
words, and a known freeze is measured as set (the mutations of issue 10). One visit per switch, each on a
sandbox of its own started with that switch alone, three visits at a time in one Chromium (the campaign's
320x240 camera; `make bench-video` holds four at once here): a switch is the sandbox's, so on one shared
sandbox the five visits had to run one after the other (86 s of `make test`'s serial video part; now two
rounds). A fresh sandbox numbers its visits from 1, so with a fixed seed each switch draws the same moment
and length every run. `make video-truth` is the big version, and it also measures how often clean visits
fail (a single clean visit here is too noisy to assert on: on this shared machine a clean 10 s visit
showed a 0.6 s CPU freeze, 5.7 %).
"""

from __future__ import annotations

import asyncio
import threading
from contextlib import ExitStack

import pytest

from vardmote_qa.bench.video_pool import FREEZE_ABOVE_S, FREEZE_BELOW_S, frozen_seconds
from vardmote_qa.media.campaign import PlannedVisit, Stage, run_visits
from vardmote_qa.media.profiles import load_profiles
from vardmote_qa.media.tiers import Tier
from vardmote_qa.target.sandbox.runner import RunningSandbox

# Several visits or a meeting of three at once: `make test` runs it with the cores to itself (marker
# many_streams, tests/conftest.py).
pytestmark = [pytest.mark.video, pytest.mark.many_streams]

SECONDS = 15  # the sandbox's faults are over by 14 s after connection (media/campaign.yaml)
AT_ONCE = 3
SEED = "media_fault_seed=3"
# Each visit's label -> the switches its own sandbox starts with.
HITS = {
    "mutation-video_intermittent": f"video_intermittent=1.0,{SEED}",
    "mutation-oneway_intermittent": f"oneway_intermittent=1.0,{SEED}",
    "mutation-audio_intermittent": f"audio_intermittent=1.0,{SEED}",
    "mutation-bitrate_collapse": f"bitrate_collapse=4.0,{SEED}",
    "sanning-frysning": "freeze=3.0",
}


@pytest.fixture(scope="module")
def hit(tmp_path_factory, environment, run_dir):
    """label -> the visit's outcome, from one run of all five, each on the sandbox with its switch (in a thread
    of its own: the async browser must not meet the suite's sync one)."""
    box = {}
    bredband = load_profiles()["bredband"]
    with ExitStack() as stack:
        visits = [PlannedVisit(Stage(stack.enter_context(RunningSandbox(tmp_path_factory.mktemp(label), spec)).base_url,
                                     (environment.clinician.username, environment.clinician.password),
                                     environment.patients[0], environment.default_unit, run_dir), bredband, label)
                  for label, spec in HITS.items()]
        worker = threading.Thread(target=lambda: box.setdefault("done", asyncio.run(run_visits(visits, AT_ONCE, SECONDS))))
        worker.start()
        worker.join()
    return {outcome.label: outcome for outcome in box["done"]}


def judged(hit, label):
    """The visit's result; a visit that broke off or that the machine could not judge fails its test, saying why."""
    outcome = hit[label]
    if outcome.result is None:
        pytest.fail(f"Besöket {label} bröts: {outcome.problem}")
    if outcome.result.cannot_judge:
        pytest.fail("Testdatorn hann inte med: " + "; ".join(outcome.result.overloaded))
    return outcome.result


FREEZE, COLLAPSE = ("freeze_ratio", "andelen frusen bild"), ("bitrate_dip", "videons lägsta bithastighet")


@pytest.mark.parametrize("switch, symptoms", [
    ("video_intermittent", (FREEZE, COLLAPSE)),  # the visit's draw: a freeze or a bitrate collapse
    ("oneway_intermittent", (("fps_ratio", "bildfrekvensen jämfört med sändarens kamera"),)),
    ("audio_intermittent", (("audio_concealed", "andelen maskerat ljud"),)),
    ("bitrate_collapse", (COLLAPSE,)),
])
def test_each_intermittent_fault_fails_the_visit_on_its_own_measure_in_one_direction(
        hit, switch, symptoms):
    result = judged(hit, f"mutation-{switch}")
    directions = result.verdict.direction_tiers()
    assert result.tier is Tier.FAIL, result.verdict.reason
    named = [(measure, words) for measure, words in symptoms if words in result.verdict.symptom()]
    assert named, result.verdict.reason
    assert list(directions.values()).count(Tier.FAIL) == 1, (directions, result.verdict.reason)
    failing = next(role for role, tier in directions.items() if tier is Tier.FAIL)
    assert result.measure(failing, named[0][0]).tier is Tier.FAIL, result.verdict.reason


def test_a_known_freeze_of_3_seconds_is_measured_as_3_seconds(hit):
    result = judged(hit, "sanning-frysning")
    frozen = frozen_seconds(result)
    assert 3.0 - FREEZE_BELOW_S <= frozen <= 3.0 + FREEZE_ABOVE_S, f"frusen {frozen} s, satt 3 s"
    assert result.measure("vårdpersonalen", "freeze_ratio").tier is Tier.FAIL, result.verdict.reason
