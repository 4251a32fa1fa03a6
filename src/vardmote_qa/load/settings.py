"""What every Locust process of a run reads alike: the environment's accounts, the planned shape, timing.

The process that starts the run plans the shape once (`load.shapes.plan`) and hands it to Locust's
processes, master and workers, as environment variables: the environment's name, the plan as JSON
(VMQA_LOAD_PLAN) and the output folder. No Locust process reads the load model or plans again.

A worker on another machine: `vmqa load --worker --master-host HOST --shape S --minutes M --scale K`
plans in its own parent process from the same model file and passes the plan on. A bare
`locust -f loadtests/locustfile.py --worker --master-host HOST` needs the master's plan:
`VMQA_LOAD_ENV=<env> VMQA_LOAD_PLAN="$(cat reports/runs/<run-id>/load/plan.json)"` (the master's run
folder keeps the plan it ran).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..config import Environment, load_environment
from ..errors import UserError
from .shapes import PlannedShape

ENVIRONMENT_VARIABLE, PLAN_VARIABLE, OUT_VARIABLE = "VMQA_LOAD_ENV", "VMQA_LOAD_PLAN", "VMQA_LOAD_OUT"


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


def variables(environment_name: str, planned: PlannedShape, out_dir: Path | None) -> dict:
    """The variables a Locust process of this run needs; out_dir None for a process that writes nothing."""
    return {ENVIRONMENT_VARIABLE: environment_name, PLAN_VARIABLE: planned.to_json(),
            OUT_VARIABLE: "" if out_dir is None else str(out_dir)}


def planned_from_environment() -> PlannedShape:
    text = os.environ.get(PLAN_VARIABLE)
    if not text:
        raise UserError(f"{PLAN_VARIABLE} saknas: starta lasten med 'vmqa load' (eller 'vmqa load --worker'), "
                        "eller sätt variabeln till innehållet i körningens load/plan.json.")
    return PlannedShape.from_json(text)


def from_environment() -> LoadSettings:
    out = os.environ.get(OUT_VARIABLE)
    return LoadSettings(load_environment(os.environ.get(ENVIRONMENT_VARIABLE, "local")), planned_from_environment(),
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
