"""A short load over loopback with every user type, against a real sandbox: the chat's accounting from
real WebSocket traffic, and the summary the gate reads. Figures of speed belong to `make bench-load`."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from vardmote_qa.config import load_environment
from vardmote_qa.load.model import load_model
from vardmote_qa.load.runner import run_load
from vardmote_qa.load.shapes import plan
from vardmote_qa.target.sandbox.runner import free_port

PROJECT = Path(__file__).resolve().parents[1]
# Half a minute of the rush hour at a tenth of the model: a handful of meetings, one video visit
SMOKE = {"shape": "halvtimmesrusning", "minutes": 0.5, "scale": 0.1}
USER_REQUESTS = ["auth:login", "auth:bankid", "visit:book", "visit:join", "signal:exchange", "chat:deliver",
                 "video:first_frame", "video:verdict"]


def assert_accounted(summary: dict) -> None:
    assert summary["complete"] is True
    chat = summary["chat"]
    assert chat["sent"] > 0
    assert chat["sent"] == chat["delivered"], chat
    assert chat["lost"] == chat["duplicated"] == chat["reordered"] == 0, chat
    for name in USER_REQUESTS:
        assert summary["requests"].get(name, {}).get("count", 0) > 0, f"{name} saknas i {summary['requests']}"
    assert summary["requests"]["chat:deliver"]["count"] == chat["delivered"]
    assert summary["requests"]["visit:join"]["failures"] == 0


def test_master_and_two_workers_account_for_every_chat_message(sandbox, tmp_path):
    planned = plan(load_model(), SMOKE["shape"], SMOKE["minutes"], SMOKE["scale"])
    outcome = run_load(tmp_path, sandbox.base_url, load_environment("local"), planned, processes=2)
    assert outcome.complete, outcome.detail
    load = tmp_path / "load"
    assert_accounted(json.loads((load / "summary.json").read_text(encoding="utf-8")))
    for written in ("locust_stats.csv", "locust_failures.csv", "locust.html", "locust.json"):
        assert (load / written).is_file(), written
    assert list((load / "video").glob("*.json")), "the video visit's getStats must be kept"


def test_the_documented_master_and_worker_commands_work_over_loopback(tmp_path):
    port = str(free_port())
    env = {**os.environ, "VMQA_REPORTS": str(tmp_path / "reports")}
    common = ["--shape", SMOKE["shape"], "--minutes", str(SMOKE["minutes"]), "--scale", str(SMOKE["scale"]),
              "--master-port", port]
    master = subprocess.Popen([sys.executable, "-m", "vardmote_qa.cli", "load", "--master", "--expect-workers",
                               "1", *common], cwd=PROJECT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    time.sleep(3)  # the master binds its port before the worker dials in (the worker retries anyway)
    worker = subprocess.Popen([sys.executable, "-m", "vardmote_qa.cli", "load", "--worker", "--master-host",
                               "127.0.0.1", *common], cwd=PROJECT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        output, _ = master.communicate(timeout=240)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        master.kill()
    assert master.returncode == 0, output
    summary_path = next((tmp_path / "reports" / "runs").glob("*/load/summary.json"))
    assert_accounted(json.loads(summary_path.read_text(encoding="utf-8")))
