"""The system under test as the actors see it: an interface, and one adapter per kind of service."""

from __future__ import annotations

from ..config import Environment
from .interface import Target


def open_target(environment: Environment, base_url: str) -> Target:
    """The adapter named by the environment, pointed at base_url."""
    if environment.adapter == "sandbox":
        from .sandbox import SandboxTarget
        return SandboxTarget(base_url, environment)
    raise ValueError(f"unknown adapter {environment.adapter}")
