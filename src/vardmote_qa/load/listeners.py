"""Listeners, registered once from Locust's init event: the run clock everywhere, the summary on the
process that holds the whole run's stats (master or local runner). Locustfiles decide nothing."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import gevent
from locust.runners import WorkerRunner

from ..run.layout import RunLayout
from .dispatch import PairingDispatcher
from .settings import RunClock
from .summary import summary_from_stats
from .video_visits import video_summary


class ShapeEnd:
    """Set when the shape's timeline ran out, as opposed to a run stopped from outside."""

    reached = False


def register(environment, out_dir: Path | None, shape_name: str, group_size: int = 0) -> None:
    """group_size: participants per group meeting when the run plays group meetings, else 0."""
    environment.events.test_start.add_listener(lambda **_: RunClock.start())
    environment.dispatcher_class = PairingDispatcher  # read by the master (or local runner) at start
    if isinstance(environment.runner, WorkerRunner) or out_dir is None:
        return
    started = {"at": time.time()}
    environment.events.test_start.add_listener(lambda **_: started.update(at=time.time()))

    def write_summary(**_kwargs) -> None:
        summary = summary_from_stats(environment.runner.stats, shape_name, time.time() - started["at"],
                                     complete=ShapeEnd.reached,
                                     exceptions=environment.runner.exceptions, group_size=group_size)
        summary["video"] = video_summary(out_dir)  # the video users' judged visits (load/video.py)
        layout = RunLayout.of_load_folder(out_dir)
        layout.load.mkdir(parents=True, exist_ok=True)
        temporary = layout.load_summary_temporary
        temporary.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(layout.load_summary)

    environment.events.quitting.add_listener(write_summary)
    parent = os.environ.get("VMQA_LOAD_PARENT")
    if parent:
        gevent.spawn(_quit_when_orphaned, environment, int(parent))


def _quit_when_orphaned(environment, parent: int) -> None:
    """The run that started us is gone (killed half-way): stop now, so the summary says incomplete
    instead of a whole run finishing unseen."""
    for _ in range(43_200):  # a day of checks at the most
        if os.getppid() != parent:
            environment.runner.quit()
            return
        gevent.sleep(2)
