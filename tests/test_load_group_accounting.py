"""Group meetings under load, without a sandbox: the chat's accounting per receiver from real Locust
statistics (sent x receivers = delivered + lost, by load_group_probe.py in its own process), the group
criterion's answers on synthetic summaries, and the load model's share of group meetings in the plan."""

import json
import subprocess
import sys
from pathlib import Path

from run_fixtures import COMPLETE
from test_gate import PASSED, judge, sentences
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status
from vardmote_qa.load.model import load_model
from vardmote_qa.load.shapes import PlannedShape, plan

GATE = """
criteria:
  - id: load.group.chat_integrity
    kind: load_group_chat_integrity
    key: true
"""


def probe(case: str) -> dict:
    completed = subprocess.run([sys.executable, str(Path(__file__).with_name("load_group_probe.py")), case],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_every_message_is_owed_to_every_other_participant_and_one_missing_is_lost():
    summary = probe("clean_and_one_lost")
    group = summary["group"]
    chat = group["chat"]
    # 2 meetings x 4 senders x 5 messages, each owed to 3 receivers
    assert (chat["sent"], chat["receivers"], chat["expected"]) == (40, 3, 120), chat
    assert (chat["delivered"], chat["lost"], chat["duplicated"], chat["reordered"]) == (119, 1, 0, 0), chat
    assert chat["expected"] == chat["delivered"] + chat["lost"]
    assert (group["meetings"], group["judged"], group["not_judged"]) == (2, 2, 0)
    assert summary["requests"]["group:deliver"]["failures"] == 1
    assert summary["chat"]["sent"] == 0, "the two-party chat's accounting stays its own"


def test_a_meeting_that_could_not_be_played_or_never_ended_is_counted_not_judged():
    group = probe("not_judged_and_unfinished")["group"]
    assert (group["meetings"], group["judged"], group["not_judged"]) == (3, 1, 2), group
    assert group["not_judged_reasons"] == {"miljön har 2 olika testpatienter": 1,
                                           "mötet blev inte klart innan körningen slutade": 1}


def summary(group):
    return {"shape": "vardag", "duration_s": 60, "complete": True, "requests": {},
            "chat": {"sent": 0, "delivered": 0, "lost": 0, "duplicated": 0, "reordered": 0}, "group": group}


def group_of(chat, **counts):
    return {"meetings": 10, "judged": 10, "failed": 0, "not_judged": 0, "not_judged_reasons": {},
            "participants": 40, "participants_per_meeting": 4, **counts,
            "chat": {"sent": 200, "receivers": 3, "expected": 600, "delivered": 600, "lost": 0, "duplicated": 0,
                     "reordered": 0, "untimed": 0, "unnumbered": 0, **chat}}


def test_the_group_criterion_passes_intact_chat_and_names_meetings_not_judged(tmp_path):
    decision = judge(tmp_path, GATE, [PASSED], parts={"load": COMPLETE},
                     load=summary(group_of({}, meetings=11, not_judged=1,
                                           not_judged_reasons={"mötet blev inte klart innan körningen slutade": 1})))
    assert decision.results[0].status is Status.PASS
    assert ("Gruppmöten under last: 10 bedömda möten (40 deltagare); 200 skickade × 3 mottagare = 600 leveranser, "
            "alla levererade en gång och i ordning (1 möten ej bedömda: mötet blev inte klart innan körningen "
            "slutade (1)).") in [sentence(reason) for reason in decision.results[0].reasons]


def test_one_message_lost_to_one_participant_fails_it(tmp_path):
    decision = judge(tmp_path, GATE, [PASSED], parts={"load": COMPLETE},
                     load=summary(group_of({"delivered": 599, "lost": 1})))
    assert decision.results[0].status is Status.FAIL
    assert any(text.startswith("Gruppmöten under last: 1 förlorade, 0 dubbletter") for text in sentences(decision))


def test_deliveries_not_accounted_for_fail_it(tmp_path):
    decision = judge(tmp_path, GATE, [PASSED], parts={"load": COMPLETE},
                     load=summary(group_of({"delivered": 400})))
    assert decision.results[0].status is Status.FAIL
    assert any("200 leveranser är inte redovisade" in text for text in sentences(decision))


def test_mostly_unjudged_or_absent_group_meetings_are_missing(tmp_path):
    unjudged = judge(tmp_path / "a", GATE, [PASSED], parts={"load": COMPLETE},
                     load=summary(group_of({}, meetings=10, judged=5, not_judged=5,
                                           not_judged_reasons={"miljön har 2 olika testpatienter": 5})))
    assert unjudged.results[0].status is Status.MISSING
    assert any("5 av 10 möten ej bedömda" in text and "testpatienter" in text for text in sentences(unjudged))
    older = judge(tmp_path / "b", GATE, [PASSED], parts={"load": COMPLETE}, load=summary(None))
    assert older.results[0].status is Status.MISSING


def test_group_meetings_are_their_share_of_the_meetings_and_travel_with_the_plan():
    planned = plan(load_model(), "pandemi")
    busiest = max(range(int(planned.duration_s)), key=planned.meetings_at)
    assert planned.group_meetings_at(busiest) == planned.meetings_at(busiest) * 0.05
    assert planned.pairs_at(busiest) == planned.timing.pairs_for(planned.meetings_at(busiest) * 0.95)
    assert planned.group_users == max(planned.groups_at(s) for s in range(int(planned.duration_s) + 2)) > 0
    assert PlannedShape.from_json(planned.to_json()).group_users == planned.group_users
