"""The chat scenario for the benchmark: the load test's own staff and patient users and behaviours, with
a sustained chat (the plan load_bench.sustained_chat makes) and a sampler of delivered messages and this
process's CPU time."""

from __future__ import annotations

import json
import os
import time

import gevent
from locust import constant, events, task

from vardmote_qa.load import behaviours, users
from vardmote_qa.load.chat import DELIVER


class BenchPersonal(users.StaffUser):
    wait_time = constant(1)

    @task
    def hold_meeting(self):
        behaviours.staff_plays_meeting(self.api, self.settings, self.unit)


class BenchPatient(users.PatientUser):
    wait_time = constant(1)

    @task
    def attend_meeting(self):
        behaviours.patient_plays_meeting(self.api, self.settings, self.personnummer)


@events.test_start.add_listener
def sample(environment, **_kwargs):
    """Once a second: (wall time, delivered messages, CPU seconds of this process), as the asyncio client."""
    samples, out = [], os.environ["VMQA_BENCH_SAMPLES"]

    def loop():
        for _ in range(3600):  # bounded: an hour of samples
            entry = environment.stats.entries.get((DELIVER, "WS"))
            samples.append((time.time(), entry.num_requests - entry.num_failures if entry else 0,
                            time.process_time()))
            with open(out, "w", encoding="utf-8") as file:
                json.dump(samples, file)
            gevent.sleep(1)
    gevent.spawn(loop)
