"""Runs Locust headless in its own process, bounded in time, into `<run_dir>/load/`.

Locust's exit code is not the verdict (it is 1 on any failed request): the gate reads summary.json. A run
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
from ..progress.part import PartProgress
from ..progress.follow import load_figures_into, wait_following
from ..run.layout import RunLayout
from ..run.parts import PartOutcome
from .model import load_model
from .settings import variables
from .shapes import PlannedShape, plan

LOCUSTFILE = PROJECT_ROOT / "loadtests" / "locustfile.py"
COMPLETE_EXIT_CODES = {0, 1}  # Locust ran to its end; 1 only says that some request failed
START_MARGIN_S = 90.0  # starting the processes (and, for workers, waiting for them) and writing files


def stop_timeout_s(planned: PlannedShape) -> int:
    """Users being stopped finish their meeting first, so that every chat message is accounted for."""
    return int(planned.timing.cycle_s + 60)


def locust_command(planned: PlannedShape, base_url: str, out_dir: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base_url,
            "--csv", str(out_dir / "locust"), "--csv-full-history", "--html", str(out_dir / "locust.html"),
            "--json-file", str(out_dir / "locust"), "--only-summary", "--stop-timeout",
            str(stop_timeout_s(planned)), "--logfile", str(out_dir / "locust.log"), *extra]


def run_load(run_dir: Path, base_url: str, environment: Environment, shape: str, minutes: float | None,
             processes: int = 0, scale: float = 1.0, extra_args: list[str] | None = None,
             progress: PartProgress | None = None) -> PartOutcome:
    planned = plan(load_model(), shape, minutes, scale)
    out_dir = Path(run_dir) / "load"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "summary.json").unlink(missing_ok=True)
    extra = list(extra_args or []) + (["--processes", str(processes)] if processes else [])
    command = locust_command(planned, base_url, out_dir, extra)
    env = {**os.environ, **variables(environment.name, shape, minutes, scale, out_dir),
           "VMQA_LOAD_PARENT": str(os.getpid())}
    timeout_s = planned.duration_s + 2 * stop_timeout_s(planned) + START_MARGIN_S  # drain, then stop
    with (out_dir / "locust.out").open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        follow = load_figures_into(progress, RunLayout(run_dir).load_stats_history, planned.duration_s)
        try:
            returncode = wait_following(process, timeout_s, follow)
        except subprocess.TimeoutExpired:
            _stop(process)
            _mark_incomplete(out_dir, shape)
            return PartOutcome(False, f"lasttestet avbröts efter {timeout_s:.0f} s; se load/locust.log")
    summary = _read_summary(out_dir)
    if returncode not in COMPLETE_EXIT_CODES or not summary.get("complete"):
        _mark_incomplete(out_dir, shape)
        return PartOutcome(False, f"lasttestet avslutades utan att lastformen körts klart (kod {returncode}); "
                                  "se load/locust.log")
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


def _read_summary(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _mark_incomplete(out_dir: Path, shape: str) -> None:
    summary = _read_summary(out_dir) or {"shape": shape, "duration_s": 0.0, "requests": {}, "chat": {}}
    summary["complete"] = False
    (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
