"""The system under test as the actors see it: an interface, and one adapter per kind of service.
`up()` brings it up for a run (target/running.py)."""

from __future__ import annotations

from ..config import Environment
from .interface import Target
from .running import RunningTarget, TargetDown, gone, up

__all__ = ["RunningTarget", "Target", "TargetDown", "gone", "open_target", "up"]


def open_target(environment: Environment, base_url: str) -> Target:
    """The adapter named by the environment, pointed at base_url."""
    if environment.adapter == "sandbox":
        from .sandbox import SandboxTarget
        return SandboxTarget(base_url, environment)
    raise ValueError(f"unknown adapter {environment.adapter}")
