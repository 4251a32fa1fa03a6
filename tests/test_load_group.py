"""Group meetings through the SFU under a short real load (group_load_run.py): they happen, each participant's
join is timed (the SFU's own join too), and every message is accounted for per receiver."""

from group_load_run import group_load, judged
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status


def test_group_meetings_under_load_are_timed_per_participant_and_every_message_reaches_every_other(
        sandbox, tmp_path):
    summary = group_load(sandbox.base_url, tmp_path)
    group, requests = summary["group"], summary["requests"]
    assert group["judged"] >= 1 and group["failed"] == 0 and group["not_judged"] == 0, group
    assert group["participants"] == 4 * group["judged"], group
    for name in ("group:join", "group:sfu_join", "group:sfu_present"):
        assert requests[name]["count"] == group["participants"] and requests[name]["failures"] == 0, requests[name]
    assert group["join_p95_ms"] > 0 and group["sfu_join_p95_ms"] > 0
    chat = group["chat"]
    assert chat["sent"] == group["judged"] * 4 * 5, chat  # 20 messages a meeting, 5 per participant
    assert chat["expected"] == chat["sent"] * 3 == chat["delivered"], chat
    assert chat["lost"] == chat["duplicated"] == chat["reordered"] == 0, chat
    results = judged(tmp_path / "gate", summary)
    assert results["load.group.chat_integrity"].status is Status.PASS, \
        [sentence(reason) for reason in results["load.group.chat_integrity"].reasons]
    assert summary["chat"]["sent"] > 0 and results["load.chat.integrity"].status is Status.PASS
