"""The command line as a user meets it: exit codes and one clear sentence on bad input."""

import os
import subprocess
import sys
from pathlib import Path

VMQA = [sys.executable, "-m", "vardmote_qa.cli"]
PROJECT = Path(__file__).resolve().parents[1]


def run(arguments, tmp_path, **environment):
    env = {**os.environ, "VMQA_REPORTS": str(tmp_path / "reports"), **environment}
    return subprocess.run(VMQA + arguments, capture_output=True, text=True, env=env, cwd=PROJECT, timeout=300)


def assert_one_sentence(completed, fragment):
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], completed.stderr


def test_unknown_environment(tmp_path):
    assert_one_sentence(run(["nightly", "--env", "saknas"], tmp_path), "Miljön 'saknas' finns inte")


def test_broken_environment_yaml(tmp_path):
    environments = tmp_path / "environments"
    environments.mkdir()
    (environments / "trasig.yaml").write_text("adapter: [\n")
    completed = run(["nightly", "--env", "trasig"], tmp_path, VMQA_ENVIRONMENTS=str(environments))
    assert_one_sentence(completed, "trasig.yaml är inte giltig YAML")


def test_unknown_run_for_the_gate(tmp_path):
    assert_one_sentence(run(["gate", "finns-inte"], tmp_path), "Körningen 'finns-inte' finns inte")


def test_missing_browser_stops_the_acceptance_suite_with_one_sentence(tmp_path):
    env = {**os.environ, "VMQA_CHROMIUM": "/finns/inte/chromium"}
    completed = subprocess.run([sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:randomly"],
                               capture_output=True, text=True, env=env, cwd=PROJECT, timeout=300)
    assert completed.returncode == 2
    assert "VMQA_CHROMIUM pekar på /finns/inte/chromium, som inte finns." in completed.stdout + completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
