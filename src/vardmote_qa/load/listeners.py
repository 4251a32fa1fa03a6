"""Listeners, registered once from Locust's init event: the run clock everywhere, the summary on the
process that holds the whole run's stats (master or local runner). Locustfiles decide nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path

from locust.runners import WorkerRunner

from .dispatch import PairingDispatcher
from .settings import RunClock
from .summary import summary_from_stats


class ShapeEnd:
    """Set when the shape's timeline ran out, as opposed to a run stopped from outside."""

    reached = False


def register(environment, out_dir: Path | None, shape_name: str) -> None:
    environment.events.test_start.add_listener(lambda **_: RunClock.start())
    environment.dispatcher_class = PairingDispatcher  # read by the master (or local runner) at start
    if isinstance(environment.runner, WorkerRunner) or out_dir is None:
        return
    started = {"at": time.time()}
    environment.events.test_start.add_listener(lambda **_: started.update(at=time.time()))

    def write_summary(**_kwargs) -> None:
        summary = summary_from_stats(environment.runner.stats, shape_name, time.time() - started["at"],
                                     complete=ShapeEnd.reached)
        out_dir.mkdir(parents=True, exist_ok=True)
        temporary = out_dir / "summary.json.tmp"
        temporary.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(out_dir / "summary.json")

    environment.events.quitting.add_listener(write_summary)
