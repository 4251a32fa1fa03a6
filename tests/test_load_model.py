"""The load model and its shapes: figures derived from the inputs, shapes bounded, bad input refused."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from vardmote_qa.errors import UserError
from vardmote_qa.load.model import MODEL_FILE, load_model
from vardmote_qa.load.settings import PLAN_VARIABLE, planned_from_environment, variables
from vardmote_qa.load.shapes import plan, timelines

PROJECT = Path(__file__).resolve().parents[1]
SHAPES = ["vardag", "halvtimmesrusning", "morgonrusning", "pandemi", "uthallighet"]


def test_the_derivation_follows_load_model_md():
    model = load_model()
    assert round(model.meetings_per_weekday) == 1220
    assert round(model.starts_in_busiest_hour) == 183
    assert round(model.concurrent_meetings) == 61
    assert round(model.patients_waiting) == 20
    assert round(model.morning_logins_per_s, 1) == 5.9
    design = {row.name: row.value for row in model.rows()}
    assert round(design["dimensionerande samtidiga möten"]) == 183
    assert round(design["dimensionerande anslutningar per minut i rusning"]) == 44
    assert round(design["dimensionerande inloggningar per sekund"]) == 18


def test_group_meetings_are_an_assumed_share_of_the_meetings():
    model = load_model()
    assert (model.sources["andel_gruppmoten"], model.sources["deltagare_per_gruppmote"]) == ("A", "A")
    design = {row.name: row.value for row in model.rows()}
    assert round(design["samtidiga gruppmöten (SFU)"], 1) == 3.1  # 61 concurrent meetings x 5 %
    assert round(design["deltagare i samtidiga gruppmöten"]) == 12


def test_derived_figures_move_with_the_inputs(tmp_path):
    raw = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    raw["indata"]["moten_per_ar"]["varde"] *= 2
    changed = tmp_path / "modell.yaml"
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert load_model(changed).concurrent_meetings == pytest.approx(2 * load_model().concurrent_meetings)


@pytest.mark.parametrize("name", SHAPES)
def test_every_shape_is_bounded_and_starts_from_nothing(name):
    planned = plan(load_model(), name)
    assert 0 < planned.duration_s <= 60 * 60
    assert planned.pairs_at(0) == 0
    assert max(planned.pairs_at(s) for s in range(0, int(planned.duration_s), 5)) > 0


def test_minutes_compress_the_whole_timeline():
    planned = plan(load_model(), "pandemi", minutes=2)
    assert planned.duration_s == pytest.approx(120)
    assert planned.timing.meeting_s == pytest.approx(20 * 60 / 30)


def test_pandemi_is_the_design_load_and_morgonrusning_a_login_rush():
    model = load_model()
    pandemi, vardag = timelines(model)["pandemi"], timelines(model)["vardag"]
    assert max(pandemi.meetings(t) for t in range(60)) > 2.5 * max(vardag.meetings(t) for t in range(180))
    assert max(timelines(model)["morgonrusning"].logins(t) for t in range(30)) == pytest.approx(
        model.morning_logins_per_s)


@pytest.mark.parametrize("arguments, fragment", [
    (["load", "--shape", "okand"], "Lastformen 'okand' finns inte"),
    (["load", "--minutes", "noll"], "--minutes måste vara ett tal"),
    (["load", "--env", "saknas"], "Miljön 'saknas' finns inte"),
])
def test_bad_input_is_one_swedish_sentence(arguments, fragment):
    completed = subprocess.run([sys.executable, "-m", "vardmote_qa.cli", *arguments], capture_output=True,
                               text=True, cwd=PROJECT, timeout=60)
    assert completed.returncode == 2
    assert completed.stderr.strip().count("\n") == 0 and fragment in completed.stderr


def test_vmqa_load_model_prints_the_derivation():
    completed = subprocess.run([sys.executable, "-m", "vardmote_qa.cli", "load", "model", "--shape", "pandemi"],
                               capture_output=True, text=True, cwd=PROJECT, timeout=60)
    assert completed.returncode == 0
    assert "dimensionerande samtidiga möten" in completed.stdout and "Form pandemi" in completed.stdout


def test_plan_refuses_bad_numbers():
    with pytest.raises(UserError):
        plan(load_model(), "vardag", minutes=0)


def test_locust_processes_run_the_plan_the_parent_made_not_one_of_their_own(tmp_path, monkeypatch):
    raw = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    raw["indata"]["moten_per_ar"]["varde"] *= 3  # the parent's model differs from the file a worker would read
    changed = tmp_path / "modell.yaml"
    changed.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    planned = plan(load_model(changed), "pandemi", minutes=2, scale=0.5)
    for name, value in variables("local", planned, None).items():
        monkeypatch.setenv(name, value)
    received = planned_from_environment()
    seconds = range(0, int(planned.duration_s) + 1, 3)
    assert [received.pairs_at(s) for s in seconds] == [planned.pairs_at(s) for s in seconds]
    assert [received.logins_at(s) for s in seconds] == [planned.logins_at(s) for s in seconds]
    assert (received.timing, received.login_users, received.video_users) == (
        planned.timing, planned.login_users, planned.video_users)
    own = plan(load_model(), "pandemi", minutes=2, scale=0.5)
    assert max(received.pairs_at(s) for s in seconds) > max(own.pairs_at(s) for s in seconds)


def test_a_locust_process_without_a_plan_says_how_to_get_one(monkeypatch):
    monkeypatch.delenv(PLAN_VARIABLE, raising=False)
    with pytest.raises(UserError, match=f"^{PLAN_VARIABLE} saknas: starta lasten med 'vmqa load'"):
        planned_from_environment()
