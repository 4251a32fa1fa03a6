"""The chat scenario for the benchmark: the load test's own staff and patient users and behaviours, with
a sustained chat (the plan load_bench.sustained_chat makes) and a sampler of delivered messages and this
process's CPU time, written with the chat accounting (sent, delivered, lost) when Locust quits."""

from __future__ import annotations

import json
import os
import time

import gevent
from locust import constant, events, task

from vardmote_qa.load import behaviours, users
from vardmote_qa.load.chat import DELIVER
from vardmote_qa.load.summary import chat_accounting


class BenchPersonal(users.StaffUser):
    wait_time = constant(1)

    @task
    def hold_meeting(self):
        if self.ready():
            behaviours.staff_plays_meeting(self.api, self.settings, self.unit)


class BenchPatient(users.PatientUser):
    wait_time = constant(1)

    @task
    def attend_meeting(self):
        behaviours.patient_plays_meeting(self.api, self.settings, self.personnummer)


@events.test_start.add_listener
def sample(environment, **_kwargs):
    """Once a second: (wall time, delivered messages, CPU seconds of this process), as the asyncio client.
    Kept in memory and written once, when Locust quits: the measured process writes nothing while measured."""
    samples = []

    def loop():
        for _ in range(3600):  # bounded: an hour of samples
            entry = environment.stats.entries.get((DELIVER, "WS"))
            samples.append((time.time(), entry.num_requests - entry.num_failures if entry else 0,
                            time.process_time()))
            gevent.sleep(1)

    def write(**_kwargs):
        with open(os.environ["VMQA_BENCH_SAMPLES"], "w", encoding="utf-8") as file:
            json.dump({"samples": samples, "chat": chat_accounting(environment.stats)}, file)

    gevent.spawn(loop)
    environment.events.quitting.add_listener(write)
