"""Waiting for a child process (pytest, Locust) while showing what it has done so far."""

from __future__ import annotations

import subprocess
from typing import Callable

from ..waiting import PROGRESS_POLL_INTERVAL_S, NotYet, eventually


def wait_following(process: subprocess.Popen, timeout_s: float, follow: Callable[[], None]) -> int:
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
