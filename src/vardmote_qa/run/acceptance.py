"""Runs the acceptance suite (pytest + pytest-bdd + Playwright) as its own process into a run folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..config import PROJECT_ROOT
from ..progress.part import PartProgress
from ..progress.follow import scenario_events_into, wait_following
from ..waiting import ACCEPTANCE_RUN_TIMEOUT_S
from .layout import RunLayout
from .parts import PartOutcome

# pytest's exit codes 0 (all passed) and 1 (some failed) mean the suite ran to the end.
COMPLETE_EXIT_CODES = {0, 1}
NO_TESTS_COLLECTED = 5
PROGRESS_PLUGIN = "vardmote_qa.pytest_plugin.progress"
# pytest plugins installed for the platform's own tests that a run of the features never uses; not loading them
# takes a feature run's start from 4.3 to 1.6 CPU-seconds (collection of steps/, 2026-12-03).
PLUGINS_FEATURES_DO_NOT_USE = ("schemathesis", "hypothesispytest", "locust", "syrupy", "anyio", "xdist",
                               "xdist.looponfail")
WITHOUT_UNUSED_PLUGINS = [option for name in PLUGINS_FEATURES_DO_NOT_USE for option in ("-p", f"no:{name}")]


def run_acceptance(run_dir: Path, environment_name: str, target_url: str, selection: str | None,
                   reruns: int = 1, timeout_s: float = ACCEPTANCE_RUN_TIMEOUT_S,
                   log_path: Path | None = None, progress: PartProgress | None = None) -> PartOutcome:
    layout = RunLayout(run_dir)
    command = [sys.executable, "-m", "pytest", "steps", "--env", environment_name, "--target-url", target_url,
               "--run-dir", str(run_dir), "--alluredir", str(layout.allure_results), "-q",
               "--reruns", str(reruns), "-p", PROGRESS_PLUGIN, "--progress-file", str(layout.progress_events),
               *WITHOUT_UNUSED_PLUGINS]
    if selection:
        command += ["-m", selection]
    follow = scenario_events_into(progress, layout.progress_events)
    log_path = log_path or layout.acceptance_log
    with log_path.open("w", encoding="utf-8") as log, \
            subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL) as process:
        try:
            returncode = wait_following(process, timeout_s, follow)
        except subprocess.TimeoutExpired:
            process.kill()
            return PartOutcome(False, f"avbröts efter {timeout_s:.0f} s; se {log_path.name}")
        except BaseException:  # SIGTERM or Ctrl+C in the run: pytest goes with it, as subprocess.run did
            process.kill()
            raise
    if returncode == NO_TESTS_COLLECTED:
        return PartOutcome(False, f"inga scenarier valdes ut ({selection}); se {log_path.name}")
    if returncode in COMPLETE_EXIT_CODES:
        return PartOutcome(True, f"pytest avslutades med kod {returncode}")
    return PartOutcome(False, f"pytest avslutades med kod {returncode}; se {log_path.name}")
