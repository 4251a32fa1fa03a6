"""Runs the acceptance suite (pytest + pytest-bdd + Playwright) as its own process into a run folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..config import PROJECT_ROOT
from ..waiting import ACCEPTANCE_RUN_TIMEOUT_S
from .layout import RunLayout
from .parts import PartOutcome

# pytest's exit codes 0 (all passed) and 1 (some failed) mean the suite ran to the end.
COMPLETE_EXIT_CODES = {0, 1}
NO_TESTS_COLLECTED = 5


def run_acceptance(run_dir: Path, environment_name: str, target_url: str, selection: str | None,
                   reruns: int = 1, timeout_s: float = ACCEPTANCE_RUN_TIMEOUT_S,
                   log_path: Path | None = None) -> PartOutcome:
    command = [sys.executable, "-m", "pytest", "steps", "--env", environment_name, "--target-url", target_url,
               "--run-dir", str(run_dir), "--alluredir", str(RunLayout(run_dir).allure_results), "-q",
               "--reruns", str(reruns)]
    if selection:
        command += ["-m", selection]
    log_path = log_path or RunLayout(run_dir).acceptance_log
    with log_path.open("w", encoding="utf-8") as log:
        try:
            completed = subprocess.run(command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return PartOutcome(False, f"avbröts efter {timeout_s:.0f} s; se {log_path.name}")
    if completed.returncode == NO_TESTS_COLLECTED:
        return PartOutcome(False, f"inga scenarier valdes ut ({selection}); se {log_path.name}")
    if completed.returncode in COMPLETE_EXIT_CODES:
        return PartOutcome(True, f"pytest avslutades med kod {completed.returncode}")
    return PartOutcome(False, f"pytest avslutades med kod {completed.returncode}; se {log_path.name}")
