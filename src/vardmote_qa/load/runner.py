"""Runs Locust headless in its own process, bounded in time, into the run's load folder.

Locust's exit code is not the verdict (it is 1 on any failed request): the gate reads the load summary. A run
stopped before its shape ended leaves "complete": false there, or no summary at all.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from ..config import PROJECT_ROOT, Environment
from ..progress.follow import load_figures_into, wait_following
from ..progress.part import PartProgress
from ..run.layout import RunLayout
from ..run.parts import PartOutcome
from .settings import variables
from .shapes import PlannedShape

LOCUSTFILE = PROJECT_ROOT / "loadtests" / "locustfile.py"
COMPLETE_EXIT_CODES = {0, 1}  # Locust ran to its end; 1 only says that some request failed
START_MARGIN_S = 90.0  # starting the processes (and, for workers, waiting for them) and writing files


def stop_timeout_s(planned: PlannedShape) -> int:
    """Users being stopped finish their meeting first, so that every chat message is accounted for."""
    return int(planned.timing.cycle_s + 60)


def locust_command(planned: PlannedShape, base_url: str, layout: RunLayout, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base_url,
            "--csv", str(layout.load_csv_prefix), "--csv-full-history", "--html", str(layout.load_html),
            "--json-file", str(layout.load_json_prefix), "--only-summary", "--stop-timeout",
            str(stop_timeout_s(planned)), "--logfile", str(layout.load_log), *extra]


def run_load(run_dir: Path, base_url: str, environment: Environment, planned: PlannedShape,
             processes: int = 0, extra_args: list[str] | None = None,
             progress: PartProgress | None = None) -> PartOutcome:
    """Runs the shape planned by the caller (load.shapes.plan); Locust's processes receive that plan."""
    shape = planned.timeline.name
    layout = RunLayout(run_dir)
    out_dir = layout.load
    out_dir.mkdir(parents=True, exist_ok=True)
    layout.load_plan.write_text(planned.to_json(), encoding="utf-8")
    layout.load_summary.unlink(missing_ok=True)
    extra = list(extra_args or []) + (["--processes", str(processes)] if processes else [])
    command = locust_command(planned, base_url, layout, extra)
    env = {**os.environ, **variables(environment.name, planned, out_dir),
           "VMQA_LOAD_PARENT": str(os.getpid())}
    timeout_s = planned.duration_s + 2 * stop_timeout_s(planned) + START_MARGIN_S  # drain, then stop
    log_name = layout.relative(layout.load_log)
    with layout.load_output.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        follow = load_figures_into(progress, layout.load_stats_history, planned.duration_s)
        try:
            returncode = wait_following(process, timeout_s, follow)
        except subprocess.TimeoutExpired:
            _stop(process)
            _mark_incomplete(layout, shape)
            return PartOutcome(False, f"lasttestet avbröts efter {timeout_s:.0f} s; se {log_name}")
    summary = _read_summary(layout)
    if returncode not in COMPLETE_EXIT_CODES or not summary.get("complete"):
        _mark_incomplete(layout, shape)
        return PartOutcome(False, f"lasttestet avslutades utan att lastformen körts klart (kod {returncode}); "
                                  f"se {log_name}")
    return PartOutcome(True, f"lastformen {shape} kördes klart på {summary['duration_s']:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to Locust's process group (master and forked workers), then SIGKILL if it lingers."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
            process.wait(timeout=20)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def _read_summary(layout: RunLayout) -> dict:
    try:
        return json.loads(layout.load_summary.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _mark_incomplete(layout: RunLayout, shape: str) -> None:
    summary = _read_summary(layout) or {"shape": shape, "duration_s": 0.0, "requests": {}, "chat": {}}
    summary["complete"] = False
    layout.load_summary.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
