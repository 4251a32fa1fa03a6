"""Personas of the load test, shaped by the region's own statistics (lastmodell.yaml).

Run through `vmqa load --env local --shape NAME` (see docs/load.md); the planned shape, environment and
output folder come from the VMQA_LOAD_* variables that command sets, on the master and on every worker
(load/settings.py says how to start a worker by hand).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from locust import constant, events, task

from vardmote_qa.load import behaviours, group, listeners, shapes, users
from vardmote_qa.load.runner import stop_timeout_s
from vardmote_qa.load.settings import OUT_VARIABLE, RunClock, planned_from_environment

PLANNED = planned_from_environment()
TIMING = PLANNED.timing


class Personal(users.StaffUser):
    """Care staff playing whole chat meetings, one after another."""

    weight = 1
    wait_time = constant(TIMING.pause_s)

    @task
    def hold_meeting(self):
        if self.pair_needed(RunClock.elapsed()) and self.ready():
            behaviours.staff_plays_meeting(self.api, self.settings, self.unit)


class Patient(users.PatientUser):
    """A patient who logs in, waits in the waiting room, meets, chats and leaves."""

    weight = 1
    wait_time = constant(TIMING.pause_s)

    @task
    def attend_meeting(self):
        if self.pair_needed(RunClock.elapsed()):
            behaviours.patient_plays_meeting(self.api, self.settings, self.personnummer)


class Morgonpersonal(users.ProtocolUser):
    """Staff starting the day: the login rushes of the shape, at the shape's rate."""

    fixed_count = PLANNED.login_users
    abstract = PLANNED.login_users == 0
    wait_time = behaviours.login_pacing(PLANNED, RunClock)

    @task
    def start_the_day(self):
        if not behaviours.login_rush_active(PLANNED, RunClock):
            return
        started = time.monotonic()
        behaviours.morning_login(self.api, self.settings)
        self.last_task_s = time.monotonic() - started


class Videodeltagare(users.BrowserUser):
    """A real video visit in Chromium with fake camera, held while the load runs."""

    fixed_count = PLANNED.video_users
    abstract = PLANNED.video_users == 0
    wait_time = constant(TIMING.pause_s)

    @task
    def visit_by_video(self):
        behaviours.hold_video_visit(self, observe_s=min(TIMING.meeting_s, 10.0))


class Gruppmote(users.GroupUser):
    """A group meeting through the SFU (andel_gruppmoten of the meetings): a clinician and the conference's
    patients, each with its own session, one meeting after another."""

    fixed_count = PLANNED.group_users
    abstract = PLANNED.group_users == 0
    wait_time = constant(TIMING.pause_s)

    @task
    def hold_group_meeting(self):
        if self.group_needed(RunClock.elapsed()) and self.ready():
            group.play_group_meeting(self)


PERSONAS = [Personal, Patient] + [cls for cls in (Morgonpersonal, Videodeltagare, Gruppmote) if not cls.abstract]
ModelShape = shapes.shape_class(PLANNED, PERSONAS, drain_s=stop_timeout_s(PLANNED) + 30,
                                on_end=lambda: setattr(listeners.ShapeEnd, "reached", True))


@events.init.add_listener
def on_init(environment, **_kwargs):
    out = os.environ.get(OUT_VARIABLE)
    listeners.register(environment, Path(out) if out else None, PLANNED.timeline.name,
                       group_size=PLANNED.model.group_size if PLANNED.group_users else 0)
