"""Faults always give the right verdict: each sandbox fault switch under a short partial nightly, and the
decision with the reason it names. In every case the run record is written, what was measured is kept, and
the user sees no traceback.

The service's faults run the load part at a twentieth of the model for 12 s, without the video users, all
five nightlies at once (they wait far more than they compute: about 5 CPU-seconds each in 40-60 s), so the
file costs one run's time for them. `crash` is switched on mid-run, through the sandbox's admin API, once
load requests are being made. `degrade_video` runs the video part, judged by the video criteria of one
profile (tests/gates/video-only.yaml), on one visit, apart from the load nightlies: a video verdict
needs the machine's cores (a starved camera makes a visit not judged, which is a different reason)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from group_load_run import model_without_video
from trace_contents import screencast_frames
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.target.sandbox import protocol
from vardmote_qa.waiting import eventually

PROJECT = Path(__file__).resolve().parents[1]
SHORT_LOAD = ["--delar", "load", "--lastminuter", "0.2", "--lastskala", "0.05", "--utan-pdf"]
FAULTS = {"slow_api_ms": "slow_api_ms=1500", "error_rate": "error_rate=0.3", "broken_paths": "broken_paths=/admit",
          "drop_websockets": "drop_websockets=0.1", "crash": ""}


VIDEO_GATE = PROJECT / "tests" / "gates" / "video-only.yaml"
# The video part with one visit: the outline's broadband example, chosen by pytest's own PYTEST_ADDOPTS in
# the part's pytest (the nightly's --urval is a tag expression, and no tag singles out one example).
ONE_VIDEO_VISIT = "-k [bredband-bra]"


def start(workspace: Path, spec: str, model: Path, options: list[str] = SHORT_LOAD, **env_extra) -> subprocess.Popen:
    env = {**os.environ, "VMQA_REPORTS": str(workspace / "reports"), "CI": "true", "VMQA_LOAD_MODEL": str(model),
           **env_extra}
    faults = ["--sandlada-fel", spec] if spec else []
    return subprocess.Popen([sys.executable, "-m", "vardmote_qa.cli", "nightly", *options, *faults,
                             "--historik", str(workspace / "history.sqlite")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=PROJECT)


def crash_when_loaded(workspace: Path) -> None:
    """Once Locust has written a few rows of statistics, the admin switches `crash` on."""
    layout = RunLayout(workspace / "reports" / "latest")

    def loaded() -> bool:
        history = layout.load_stats_history
        return history.exists() and len(history.read_text(encoding="utf-8").splitlines()) > 2

    eventually(loaded, timeout=300, description="att lasttestet har kommit en bit")  # five nightlies start at once
    base_url = json.loads(layout.manifest.read_text(encoding="utf-8"))["environment"]["base_url"]
    admin = requests.Session()
    admin.post(f"{base_url}{protocol.STAFF_LOGIN}", json=protocol.staff_login("admin", "sandlada"),
               timeout=10).raise_for_status()
    admin.post(f"{base_url}{protocol.FAULTS}", json={"crash": True}, timeout=10).raise_for_status()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """fault -> (exit code, output, run folder): the service's faults, all at once."""
    model = model_without_video(tmp_path_factory.mktemp("modell"))
    workspaces = {name: tmp_path_factory.mktemp(name) for name in FAULTS}
    results = {}

    def finish(processes: dict[str, subprocess.Popen]) -> None:
        try:
            for name, process in processes.items():
                output = process.communicate(timeout=600)[0]
                results[name] = (process.returncode, output, (workspaces[name] / "reports" / "latest").resolve())
        finally:
            for process in processes.values():
                process.kill()

    processes = {name: start(workspaces[name], FAULTS[name], model) for name in FAULTS}
    try:
        crash_when_loaded(workspaces["crash"])  # `crash` is switched on from here
    finally:
        finish(processes)
    return results


def finished(name: str, workspace: Path, process: subprocess.Popen) -> dict:
    try:
        output = process.communicate(timeout=600)[0]
        return {name: (process.returncode, output, (workspace / "reports" / "latest").resolve())}
    finally:
        process.kill()


@pytest.fixture(scope="module")
def video_runs(tmp_path_factory):
    """degrade_video's video nightly, on its own: `make test` runs video tests apart from the others."""
    workspace = tmp_path_factory.mktemp("degrade_video")
    model = model_without_video(tmp_path_factory.mktemp("modell-video"))
    return finished("degrade_video", workspace,
                    start(workspace, "degrade_video", model, ["--delar", "video", "--utan-pdf", "--gate", str(VIDEO_GATE)],
                          PYTEST_ADDOPTS=ONE_VIDEO_VISIT))


def decided(runs, fault: str) -> tuple[dict, RunLayout]:
    """The decision of a fault's run, after the checks every run must pass."""
    code, output, run = runs[fault]
    assert code == 1, output
    assert "Traceback" not in output
    layout = RunLayout(run)
    decision = json.loads(layout.decision_json.read_text(encoding="utf-8"))
    assert decision["decision"] == "NO-GO", decision
    return decision, layout


def judged(runs, fault: str) -> tuple[dict, dict]:
    """The decision and the load summary of a fault's load run."""
    decision, layout = decided(runs, fault)
    summary = json.loads(layout.load_summary.read_text(encoding="utf-8"))
    assert decision["partial"], decision
    assert summary["requests"]["auth:bankid"]["count"] > 0, "what was measured is kept"
    return decision, summary


def has_reason(decision: dict, start: str, contains: str = "") -> bool:
    return any(reason.startswith(start) and contains in reason for reason in decision["reasons"])


def test_a_slow_api_fails_the_join_time(runs):
    decision, summary = judged(runs, "slow_api_ms")
    assert summary["requests"]["visit:join"]["p95_ms"] >= 1500
    assert "load.visit.join_p95" in decision["blocking"]
    assert has_reason(decision, "Last: visit:join p95_ms = ", "passerar underkänt-gränsen 1000."), decision["reasons"]


def test_an_error_rate_fails_the_error_criteria(runs):
    decision, _ = judged(runs, "error_rate")
    assert has_reason(decision, "Last: visit:meeting error_rate = ", "passerar underkänt-gränsen 0.01."), \
        decision["reasons"]


def test_a_broken_admit_breaks_every_meeting(runs):
    decision, summary = judged(runs, "broken_paths")
    assert summary["requests"]["visit:admit"]["failures"] == summary["requests"]["visit:admit"]["count"] > 0
    assert has_reason(decision, "Last: visit:meeting error_rate = 1.0 passerar underkänt-gränsen 0.01."), \
        decision["reasons"]


def test_dropped_websockets_lose_messages_that_are_counted(runs):
    decision, summary = judged(runs, "drop_websockets")
    chat = summary["chat"]
    assert chat["lost"] > 0 and chat["sent"] == chat["delivered"] + chat["lost"], chat
    assert summary["requests"]["ws:reconnect"]["count"] > 0, "the chat reconnects after a drop"
    assert "load.chat.integrity" in decision["blocking"]
    assert has_reason(decision, f"Chatt under last: {chat['lost']} förlorade, "), decision["reasons"]


def test_a_sandbox_that_crashes_mid_run_is_an_incomplete_run_that_keeps_its_measurements(runs):
    decision, _ = judged(runs, "crash")
    assert has_reason(decision, "Ofullständig körning: delen 'load' blev inte klar (sandlådan avslutades under "
                                "körningen (kod 70); det som mättes innan finns kvar"), decision["reasons"]


# One test, not two reading one fixture: make test hands the video tests out two at a time, one test each,
# and two tests of a file may go to two workers, each making the nightly (xdist_group cannot keep them
# together on pytest 9.2: pytest-xdist issue #1386; seen here, the nightly made twice, 35 s each).
@pytest.mark.video
def test_a_degraded_video_engine_fails_the_frame_rate_criterion_and_its_kept_traces_hold_no_screenshots(
        video_runs):
    decision, layout = decided(video_runs, "degrade_video")
    summary = json.loads(layout.media_summary.read_text(encoding="utf-8"))
    broadband = summary["profiles"]["bredband"]
    assert broadband["not_judged"] == 0, f"the test machine was too busy to judge the visit: {broadband}"
    assert broadband["verdicts"]["fail"] == 1 and broadband["measures"]["fps_ratio"]["p50"] < 50, broadband
    assert "media.bredband.fps_ratio_p50" in decision["blocking"]
    assert has_reason(decision, "Video på bredband: fps_ratio p50 = ", "passerar underkänt-gränsen 50."), \
        decision["reasons"]
    # its scenario failed (expected "bra"), so its traces were kept; a video scenario's have no screencast
    traces = sorted(layout.traces.glob("*.zip"))
    assert traces, f"no trace kept in {layout.traces}"
    frames = {trace.name: screencast_frames(trace) for trace in traces}
    assert not any(frames.values()), f"screencast frames in a video scenario's traces: {frames}"
