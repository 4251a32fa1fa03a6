"""The chat scenario for the benchmark: the load test's own staff and patient users and behaviours, with
a sustained chat (the plan load_bench.sustained_chat makes). Each pair plays exactly one meeting (the
round's work, bench/chat_round.ChatWork); when every meeting has ended and its chat is settled, Locust
quits. A sampler keeps bench/chat_round's columns in memory and writes them, with the chat accounting
(load.summary.chat_accounting), once, when Locust quits: the measured process writes nothing while measured."""

from __future__ import annotations

import json
import os
import time

import gevent
from locust import constant, events, task

from vardmote_qa.bench import chat_round
from vardmote_qa.bench.chat_round import MEETINGS_VARIABLE, SAMPLES_VARIABLE
from vardmote_qa.load import behaviours, users
from vardmote_qa.load.behaviours import MEETING
from vardmote_qa.load.summary import chat_accounting
from vardmote_qa.waiting import CHAT_DELIVERY_TIMEOUT_S

# The last step of each side before its chat (behaviours.staff_plays_meeting, patient_plays_meeting)
CHAT_STARTS = ("signal:exchange", "signal:answer")


class BenchPersonal(users.StaffUser):
    wait_time = constant(1)
    played = False

    @task
    def hold_meeting(self):
        if not self.played and self.ready():
            self.played = behaviours.staff_plays_meeting(self.api, self.settings, self.unit)


class BenchPatient(users.PatientUser):
    wait_time = constant(1)
    played = False

    @task
    def attend_meeting(self):
        if not self.played:
            self.played = behaviours.patient_plays_meeting(self.api, self.settings, self.personnummer)


def _successes(stats, name: str) -> int:
    entry = stats.entries.get((name, "WS"))
    return entry.num_requests - entry.num_failures if entry else 0


def _ended(stats) -> int:
    entry = stats.entries.get((MEETING, "WS"))
    return entry.num_requests if entry else 0


@events.test_start.add_listener
def sample(environment, **_kwargs):
    """Every SAMPLE_PERIOD_S: the columns the asyncio client keeps too, read from Locust's own statistics."""
    meetings, samples = int(os.environ[MEETINGS_VARIABLE]), []

    def row() -> list:
        chat = chat_accounting(environment.stats)
        chatting = sum(_successes(environment.stats, name) for name in CHAT_STARTS)
        return chat_round.sample(chatting, chat["sent"], chat["delivered"])

    def loop():
        ended_at = None
        for _ in range(int(3600 / chat_round.SAMPLE_PERIOD_S)):  # bounded: an hour of samples
            samples.append(row())
            if ended_at is None and _ended(environment.stats) >= 2 * meetings:
                ended_at = time.monotonic()
            if ended_at is not None:
                chat = chat_accounting(environment.stats)
                # An abandoned meeting settles its chat after its end is counted: wait for it, bounded
                if chat["sent"] == chat["delivered"] + chat["lost"] or \
                        time.monotonic() - ended_at > CHAT_DELIVERY_TIMEOUT_S:
                    break
            gevent.sleep(chat_round.SAMPLE_PERIOD_S)
        environment.runner.quit()

    def hand_over(**_kwargs):
        with open(os.environ[SAMPLES_VARIABLE], "w", encoding="utf-8") as file:
            json.dump({"samples": samples, "chat": chat_accounting(environment.stats)}, file)

    gevent.spawn(loop)
    environment.events.quitting.add_listener(hand_over)
