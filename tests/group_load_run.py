"""A short real load with group meetings, for test_load_group*.py: the shipped load model without video users
(no browser), half a minute of the rush hour at a tenth of the model, against the session's sandbox (its
Janus too); and the release gate's group criteria (with the two-party chat's) on what it measured."""

import json
from pathlib import Path

import yaml

from run_fixtures import COMPLETE
from test_gate import PASSED, judge
from vardmote_qa.config import load_environment
from vardmote_qa.load.model import load_model
from vardmote_qa.load.runner import run_load
from vardmote_qa.load.shapes import plan

PROJECT = Path(__file__).resolve().parents[1]
# 18 s of the rush hour (compression 200: a meeting lasts 6 s), a tenth of the model: a few pairs, one group
SHORT = {"shape": "halvtimmesrusning", "minutes": 0.3, "scale": 0.1}
JUDGED_HERE = ("load.group.", "load.chat.integrity")


def model_without_video(folder: Path) -> Path:
    """The shipped load model with no video users: the faults and checks here are the service's, not the
    media's (also used by test_fault_verdicts)."""
    text = (PROJECT / "loadtests" / "lastmodell.yaml").read_text(encoding="utf-8")
    assert "\nvideodeltagare: 1\n" in text
    model = folder / "lastmodell.yaml"
    model.write_text(text.replace("\nvideodeltagare: 1\n", "\nvideodeltagare: 0\n"), encoding="utf-8")
    return model


def group_load(base_url: str, folder: Path) -> dict:
    planned = plan(load_model(model_without_video(folder)), SHORT["shape"], SHORT["minutes"], SHORT["scale"])
    assert planned.group_users == 1 and planned.video_users == 0
    outcome = run_load(folder, base_url, load_environment("local"), planned)
    assert outcome.complete, outcome.detail
    return json.loads((folder / "load" / "summary.json").read_text(encoding="utf-8"))


def gate_text() -> str:
    """The release gate's own entries for group meetings and the two-party chat, as written there."""
    entries = yaml.safe_load((PROJECT / "gates" / "release.yaml").read_text(encoding="utf-8"))["criteria"]
    return yaml.safe_dump({"criteria": [e for e in entries if e["id"].startswith(JUDGED_HERE)]}, allow_unicode=True)


def judged(folder: Path, summary: dict) -> dict:
    """criterion id -> its result."""
    decision = judge(folder, gate_text(), [PASSED], parts={"load": COMPLETE}, load=summary)
    return {result.criterion.id: result for result in decision.results}
