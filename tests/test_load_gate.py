"""The load gate sees broken meetings: the chat accounting from real Locust statistics (the request events
the load users fire, counted by Locust's own stats), and the criteria that read it."""

import json
import subprocess
import sys
from pathlib import Path

from run_fixtures import COMPLETE
from test_gate import PASSED, judge, sentences
from vardmote_qa.gate.model import Status

INTEGRITY = """
criteria:
  - id: load.chat.integrity
    kind: load_chat_integrity
    key: true
  - id: load.task_errors
    kind: load_task_errors
    key: true
"""


def probe(case: str) -> dict:
    """Runs a case of load_accounting_probe.py in its own process: Locust monkey-patches the process that
    imports it, which must not be the test process."""
    completed = subprocess.run([sys.executable, str(Path(__file__).with_name("load_accounting_probe.py")), case],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_a_message_without_the_senders_timestamp_is_a_failure_and_an_unsettled_one_lost():
    summary = probe("untimed_and_lost")
    chat = summary["chat"]
    assert (chat["sent"], chat["delivered"], chat["lost"], chat["untimed"]) == (4, 2, 2, 1), chat
    deliveries = summary["requests"]["chat:deliver"]
    assert deliveries["failures"] == 3, "the untimed message and the two lost ones fail chat:deliver"
    assert summary["task_errors"] == {"count": 0, "examples": []}


def test_a_settled_inbox_counts_nothing_twice():
    assert probe("settled_twice")["chat"]["lost"] == 2


def test_a_failed_timed_wait_is_a_failed_request_not_a_task_exception():
    summary = probe("timed_wait")
    entry = summary["requests"]["visit:end"]
    assert (entry["count"], entry["failures"]) == (1, 1)
    assert summary["raised"] == "LoadStepFailed: visit:end: besöket avslutat kom inte inom 30 s"


def summary(chat, task_errors=None):
    return {"shape": "vardag", "duration_s": 60, "complete": True, "requests": {},
            "chat": chat, **({"task_errors": task_errors} if task_errors is not None else {})}


CLEAN = {"sent": 100, "delivered": 100, "lost": 0, "duplicated": 0, "reordered": 0}


def test_sent_must_equal_delivered_plus_lost(tmp_path):
    # The measured run: 3,706 sent, 3,172 delivered, 0 counted lost, passed as intact
    decision = judge(tmp_path, INTEGRITY, [PASSED], parts={"load": COMPLETE},
                     load=summary({"sent": 3706, "delivered": 3172, "lost": 0, "duplicated": 0, "reordered": 0},
                                  {"count": 0, "examples": []}))
    assert decision.results[0].status is Status.FAIL
    assert ("Chatt under last: 3706 skickade men 3172 levererade och 0 förlorade; 534 meddelanden är inte "
            "redovisade (ett möte vars chatt aldrig stämdes av).") in sentences(decision)


def test_untimed_messages_fail_the_integrity(tmp_path):
    decision = judge(tmp_path, INTEGRITY, [PASSED], parts={"load": COMPLETE},
                     load=summary({**CLEAN, "untimed": 3}, {"count": 0, "examples": []}))
    assert decision.results[0].status is Status.FAIL
    assert any("3 utan avsändarens tidsstämpel av 100 skickade" in text for text in sentences(decision))


def test_task_errors_reach_the_gate_and_an_old_summary_without_them_is_missing(tmp_path):
    failing = judge(tmp_path / "a", INTEGRITY, [PASSED], parts={"load": COMPLETE},
                    load=summary(CLEAN, {"count": 2, "examples": ["KeyError('id')"]}))
    assert [r.status for r in failing.results] == [Status.PASS, Status.FAIL]
    assert ("Lastdelen hade 2 oväntade fel i användarnas uppgifter, som inget anrop räknade: KeyError('id')."
            in sentences(failing))
    old = judge(tmp_path / "b", INTEGRITY, [PASSED], parts={"load": COMPLETE}, load=summary(CLEAN))
    assert old.results[1].status is Status.MISSING
