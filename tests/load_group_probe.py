"""Cases for test_load_group_accounting.py, run in their own process (Locust patches the process that imports
it): a group meeting's chat as its participants' inboxes account for it, with real request events counted by
Locust's own statistics, printed as the load summary (with its `group` section)."""

import json
import sys

from locust.env import Environment  # first: it monkey-patches before anything else is imported

from vardmote_qa.load.chat import Outbox
from vardmote_qa.load.clients import Reporter
from vardmote_qa.load.group import MEETING, NOT_JUDGED, SEND, STARTED, GroupInbox, GroupNotJudged
from vardmote_qa.load.summary import summary_from_stats

PEOPLE = [("staff", "Anna Lund"), ("patient", "Tove Testsson"), ("patient", "Ali Provare"),
          ("patient", "Karin Exempel")]


def line(sender, seq, sent_at=1000.0):
    return {"sender_kind": sender[0], "sender_name": sender[1], "sender_seq": seq, "sent_at": sent_at, "text": "hej"}


def meeting(reporter: Reporter, messages_each: int, drop=None) -> None:
    """Four participants, each sending messages_each; `drop` = (receiver, sender, seq) never arrives."""
    outboxes = {person: Outbox() for person in PEOPLE}
    inboxes = {person: GroupInbox(reporter, [p for p in PEOPLE if p != person]) for person in PEOPLE}
    reporter.report("WS", STARTED, 0.0)
    for sender, outbox in outboxes.items():
        for seq in range(1, messages_each + 1):
            reporter.report("WS", SEND, 1.0)
            outbox.sent = seq
            for receiver, inbox in inboxes.items():  # the room echoes to everyone, the sender too
                if (receiver, sender, seq) != drop:
                    inbox.on_chat(line(sender, seq), 1000.05)
        outbox.done.set()
    for person, inbox in inboxes.items():
        inbox.settle({p: o for p, o in outboxes.items() if p != person}, timeout=0.01)
    reporter.report("WS", MEETING, 50.0)


def clean_and_one_lost(reporter: Reporter) -> dict:
    meeting(reporter, 5)
    meeting(reporter, 5, drop=(PEOPLE[2], PEOPLE[0], 1))  # patient 2 misses the clinician's first message
    return {}


def not_judged_and_unfinished(reporter: Reporter) -> dict:
    meeting(reporter, 2)
    reporter.report("WS", STARTED, 0.0)
    reporter.report("WS", NOT_JUDGED, 0.0, exception=GroupNotJudged("miljön har 2 olika testpatienter"))
    reporter.report("WS", STARTED, 0.0)  # begun, never ended: the run stopped first
    return {}


if __name__ == "__main__":
    environment = Environment()
    environment.create_local_runner()
    extra = globals()[sys.argv[1]](Reporter(environment.events.request))
    summary = summary_from_stats(environment.runner.stats, "vardag", 1.0, True, environment.runner.exceptions,
                                 group_size=len(PEOPLE))
    print(json.dumps({**summary, **extra}, ensure_ascii=False))
