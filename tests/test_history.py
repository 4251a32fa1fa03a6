"""The history store on a real SQLite file: baselines from the last GO, flip rates, listing."""

import datetime as dt

from run_fixtures import write_run
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.gate.rundata import gather
from vardmote_qa.history.store import HistoryStore
from vardmote_qa.run.record import load_run

GATE = """
criteria:
  - id: acceptance.critical
    kind: acceptance_tag
    tag: kritisk
  - id: acceptance.flakiness
    kind: flakiness
    warn: 5
"""


def store_run(store, tmp_path, run_id, outcome_of_b):
    gate = tmp_path / "gate.yaml"
    gate.write_text(GATE, encoding="utf-8")
    record = load_run(write_run(tmp_path, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]},
                                           {"name": "B", "tags": ["kritisk"], "attempts": [outcome_of_b]}],
                                run_id=run_id))
    data = gather(record, store.view_for("local", run_id))
    decision = decide(evaluate_all(load_criteria(gate), data), (), dt.date(2026, 11, 25))
    store.record(record, decision, data.scenarios)
    return decision


def test_baseline_is_the_last_go_before_the_run_and_flips_are_counted(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite")
    outcomes = ["passed", "failed", "passed", "failed"]
    verdicts = [store_run(store, tmp_path, f"2026112{n}T000000-0000", b).verdict.value
                for n, b in enumerate(outcomes)]
    assert verdicts == ["GO", "NO-GO", "GO", "NO-GO"]
    view = store.view_for("local", "20261129T000000-0000")
    assert view.baseline_run_id == "20261122T000000-0000"
    assert view.baseline_values["acceptance.flakiness"] == 1.0  # B had flipped twice in three runs by then
    assert view.flip_rates["B"] == (3, 4)
    assert view.flip_rates["A"] == (0, 4)
    listed = store.runs("local")
    assert [run.run_id for run in listed][:2] == ["20261123T000000-0000", "20261122T000000-0000"]
    assert listed[0].pass_rate == 0.5
    store.close()


def test_judging_a_run_again_replaces_its_row(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite")
    store_run(store, tmp_path, "20261120T000000-0000", "failed")
    (tmp_path / "20261120T000000-0000").rename(tmp_path / "old")
    store_run(store, tmp_path, "20261120T000000-0000", "passed")
    runs = store.runs()
    assert len(runs) == 1 and runs[0].verdict == "GO"
    store.close()
