"""What every Locust process of a run reads alike: the environment's accounts, the planned shape, timing.

The runner passes them as environment variables (master and workers, on one machine or several), so a
worker started by hand with the same variables plays the same meetings.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Environment, load_environment
from .model import load_model
from .shapes import PlannedShape, plan

ENV_VARIABLES = ("VMQA_LOAD_ENV", "VMQA_LOAD_SHAPE", "VMQA_LOAD_MINUTES", "VMQA_LOAD_SCALE", "VMQA_LOAD_OUT")


@dataclass(frozen=True)
class LoadSettings:
    environment: Environment
    planned: PlannedShape
    out_dir: Path | None

    @property
    def staff(self):
        return self.environment.clinician

    @property
    def unit_slug(self) -> str:
        return self.environment.default_unit

    def patient_identity(self, index: int) -> str:
        return self.environment.patients[index % len(self.environment.patients)]


def variables(environment_name: str, shape: str, minutes: float | None, scale: float, out_dir: Path) -> dict:
    return {"VMQA_LOAD_ENV": environment_name, "VMQA_LOAD_SHAPE": shape,
            "VMQA_LOAD_MINUTES": "" if minutes is None else str(minutes), "VMQA_LOAD_SCALE": str(scale),
            "VMQA_LOAD_OUT": str(out_dir)}


def from_environment() -> LoadSettings:
    minutes = os.environ.get("VMQA_LOAD_MINUTES") or None
    planned = plan(load_model(), os.environ.get("VMQA_LOAD_SHAPE", "halvtimmesrusning"),
                   float(minutes) if minutes else None, float(os.environ.get("VMQA_LOAD_SCALE", "1")))
    if os.environ.get("VMQA_LOAD_CHAT"):  # the benchmark's sustained chat: "messages per second:seconds"
        rate, seconds = (float(part) for part in os.environ["VMQA_LOAD_CHAT"].split(":"))
        planned = replace(planned, timing=replace(planned.timing, waiting_s=0.5, meeting_s=seconds,
                                                  chat_interval_s=1 / rate, messages_per_side=int(rate * seconds)))
    out = os.environ.get("VMQA_LOAD_OUT")
    return LoadSettings(load_environment(os.environ.get("VMQA_LOAD_ENV", "local")), planned,
                        Path(out) if out else None)


class RunClock:
    """Seconds since this process's test started: the shape's timeline, as every process reads it."""

    started: float | None = None

    @classmethod
    def start(cls) -> None:
        cls.started = time.monotonic()

    @classmethod
    def elapsed(cls) -> float:
        return 0.0 if cls.started is None else time.monotonic() - cls.started
