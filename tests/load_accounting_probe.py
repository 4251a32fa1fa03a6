"""Cases for test_load_gate.py, run in their own process (Locust patches the process that imports it):
real request events counted by Locust's own statistics, printed as the load summary."""

import json
import sys

from locust.env import Environment  # first: it monkey-patches before anything else is imported

from vardmote_qa.load.chat import SEND, Inbox, Outbox
from vardmote_qa.load.clients import LoadStepFailed, Reporter
from vardmote_qa.load.summary import summary_from_stats


def sends(reporter: Reporter, outbox: Outbox, count: int) -> None:
    for _ in range(count):
        with reporter.timed("WS", SEND):
            pass
        outbox.sent += 1


def chat_line(seq, sent_at):
    return {"sender_kind": "staff", "sender_seq": seq, "sent_at": sent_at, "text": "hej"}


def untimed_and_lost(reporter: Reporter) -> dict:
    outbox, inbox = Outbox(), Inbox(reporter, "staff")
    sends(reporter, outbox, 4)
    inbox.on_chat(chat_line(1, 1000.0), 1000.05)
    inbox.on_chat(chat_line(2, None), 1000.10)
    inbox.settle(outbox, timeout=0.01)
    inbox.on_chat(chat_line(3, 1000.0), 1000.5)  # too late: already counted lost, must not count delivered too
    return {}


def settled_twice(reporter: Reporter) -> dict:
    outbox, inbox = Outbox(), Inbox(reporter, "staff")
    sends(reporter, outbox, 2)
    inbox.settle(outbox, timeout=0.01)
    inbox.settle(outbox, timeout=0.01)
    return {}


def timed_wait(reporter: Reporter) -> dict:
    try:
        with reporter.timed("WS", "visit:end"):
            raise TimeoutError("besöket avslutat kom inte inom 30 s")
    except LoadStepFailed as error:
        return {"raised": f"{type(error).__name__}: {error}"}
    return {"raised": None}


if __name__ == "__main__":
    environment = Environment()
    environment.create_local_runner()
    extra = globals()[sys.argv[1]](Reporter(environment.events.request))
    summary = summary_from_stats(environment.runner.stats, "vardag", 1.0, True, environment.runner.exceptions)
    print(json.dumps({**summary, **extra}))
