"""Waiting for a child process (pytest, Locust) while showing what it has done so far."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

from ..waiting import PROGRESS_POLL_INTERVAL_S, NotYet, eventually
from .part import PartProgress
from .load_figures import StatsHistoryReader
from .scenarios import ScenarioEventReader

Follow = Callable[[], None]


def wait_following(process: subprocess.Popen, timeout_s: float, follow: Follow) -> int:
    """Like process.wait(timeout=timeout_s), raising subprocess.TimeoutExpired the same way, but calls
    follow() (read the child's progress, update the display) every PROGRESS_POLL_INTERVAL_S meanwhile."""

    def exit_code() -> int | None:
        follow()
        return process.poll()

    try:
        returncode = eventually(exit_code, timeout=timeout_s, interval=PROGRESS_POLL_INTERVAL_S,
                                description="att processen avslutas")
    except NotYet:
        raise subprocess.TimeoutExpired(process.args, timeout_s) from None
    follow()  # what the child wrote between the last look and its exit
    return returncode


def scenario_events_into(progress: PartProgress | None, events_file: Path) -> Follow:
    """Follows the scenario events pytest appends from now on (no progress: shows nothing)."""
    progress = progress or PartProgress("pytest")
    reader = ScenarioEventReader(events_file)

    def follow() -> None:
        for event in reader.new_events():
            progress.scenario_event(event)
        progress.tick()

    return follow


def load_figures_into(progress: PartProgress | None, stats_history: Path, planned_s: float) -> Follow:
    """Follows Locust's statistics history for a load shape of planned_s seconds."""
    progress = progress or PartProgress("Locust")
    progress.load_planned(planned_s)
    reader = StatsHistoryReader(stats_history)

    def follow() -> None:
        progress.load_figures(reader.latest())
        progress.tick()

    return follow
