"""The group criterion catches one message lost to one participant: with the sandbox's test-only fault
conference_drops_chat (a conference's second patient misses the clinician's first chat message), a short
real load (group_load_run.py) fails load.group.chat_integrity with its sentence, and no other group or chat
criterion for it: the meetings, joins and the SFU are as they were, and the two-party chat is untouched."""

import pytest

from group_load_run import group_load, judged
from vardmote_qa.config import load_environment
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status
from vardmote_qa.target import open_target


@pytest.fixture
def chat_dropped(sandbox):
    environment = load_environment("local")
    admin = open_target(environment, sandbox.base_url).admin_api(environment.admin.username,
                                                                 environment.admin.password)
    admin.set_faults(conference_drops_chat=True)
    yield
    admin.set_faults(conference_drops_chat=False)


def test_one_message_lost_to_one_participant_of_a_group_fails_exactly_the_group_chat_criterion(
        sandbox, chat_dropped, tmp_path):
    summary = group_load(sandbox.base_url, tmp_path)
    group = summary["group"]
    assert group["judged"] >= 1 and group["failed"] == 0, group
    chat = group["chat"]
    assert chat["lost"] == group["judged"], chat  # one per meeting: the clinician's first, to patient 2
    assert chat["expected"] == chat["delivered"] + chat["lost"], chat
    results = judged(tmp_path / "gate", summary)
    integrity = results.pop("load.group.chat_integrity")
    assert integrity.status is Status.FAIL
    said = [sentence(reason) for reason in integrity.reasons]
    assert said[0].startswith(f"Gruppmöten under last: {chat['lost']} förlorade, 0 dubbletter, 0 i fel ordning "
                              f"och 0 utan avsändarens tidsstämpel av {chat['expected']} leveranser"), said
    failing = {cid: [sentence(r) for r in result.reasons] for cid, result in results.items()
               if result.status is Status.FAIL}
    assert failing == {}, failing
