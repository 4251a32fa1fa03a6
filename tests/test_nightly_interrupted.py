"""A run that breaks half-way still writes its record and a NO-GO saying what is missing."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from vardmote_qa.run.layout import RunLayout
from vardmote_qa.waiting import eventually

PROJECT = Path(__file__).resolve().parents[1]


def start_nightly(workspace: Path, *arguments):
    env = {**os.environ, "VMQA_REPORTS": str(workspace / "reports")}
    return subprocess.Popen([sys.executable, "-m", "vardmote_qa.cli", "nightly", "--delar", "acceptance",
                             "--utan-pdf", "--historik", str(workspace / "history.sqlite"), *arguments],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=PROJECT)


def latest(workspace: Path) -> RunLayout:
    return RunLayout(workspace / "reports" / "latest")


def latest_decision(workspace: Path) -> dict:
    return json.loads(latest(workspace).decision_json.read_text(encoding="utf-8"))


def test_a_sandbox_that_dies_at_start_gives_a_no_go_record(tmp_path):
    process = start_nightly(tmp_path, "--sandlada-fel", "finns_inte=1")  # the sandbox refuses it and exits
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 1, output
    assert "Traceback" not in output
    decision = latest_decision(tmp_path)
    assert decision["decision"] == "NO-GO"
    assert any("Sandlådan avslutades direkt" in reason for reason in decision["reasons"]), decision["reasons"]


def test_a_run_terminated_during_acceptance_is_an_incomplete_no_go(tmp_path):
    process = start_nightly(tmp_path)
    manifest_path = latest(tmp_path).manifest

    def acceptance_started() -> bool:
        return manifest_path.exists() and "acceptance" in json.loads(manifest_path.read_text("utf-8"))["parts"]

    eventually(acceptance_started, timeout=120, description="att acceptansdelen startar")
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 1, output
    decision = latest_decision(tmp_path)
    assert decision["decision"] == "NO-GO"
    assert "Ofullständig körning: delen 'acceptance' blev inte klar (körningen avbröts (SIGTERM))." \
        in decision["reasons"]


def test_a_load_part_killed_half_way_is_an_incomplete_run(tmp_path):
    import psutil

    env = {**os.environ, "VMQA_REPORTS": str(tmp_path / "reports")}
    process = subprocess.Popen([sys.executable, "-m", "vardmote_qa.cli", "nightly", "--delar", "load",
                                "--lastprofil", "vardag", "--lastminuter", "1.5", "--utan-pdf",
                                "--historik", str(tmp_path / "history.sqlite")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=PROJECT)

    def command_of(child) -> list[str]:
        try:
            return child.cmdline()
        except psutil.Error:  # a short-lived child of the nightly ended (or is a zombie) while we looked
            return []

    def locust_master():
        children = psutil.Process(process.pid).children(recursive=False)
        return next((child for child in children if command_of(child)[1:3] == ["-m", "locust"]), None)

    master = eventually(locust_master, timeout=120, description="att Locust startar")
    history = latest(tmp_path).load_stats_history

    def requests_made() -> bool:  # Locust writes a row of statistics every few seconds once users run
        return history.exists() and len(history.read_text(encoding="utf-8").splitlines()) > 3

    eventually(requests_made, timeout=90, description="att lasttestet har kommit en bit")
    master.kill()
    output, _ = process.communicate(timeout=180)
    assert process.returncode == 1, output
    decision = latest_decision(tmp_path)
    assert decision["decision"] == "NO-GO"
    assert any(reason.startswith("Ofullständig körning: delen 'load' blev inte klar") for reason in
               decision["reasons"]), decision["reasons"]
    assert "load.chat.integrity" in decision["blocking"]
