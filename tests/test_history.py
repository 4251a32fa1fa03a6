"""The history store on a real SQLite file: baselines from the last GO, flip rates, listing; and one
rule for what a judged run sees of it, so a run judged again gets the decision it got the first time."""

import datetime as dt

from run_fixtures import COMPLETE, write_run
from vardmote_qa.gate.rundata import gather
from vardmote_qa.history.store import HistoryStore
from vardmote_qa.judging import GateInputs, judge, judge_data, load_rules
from vardmote_qa.publishing import publish, record_history
from vardmote_qa.run.record import load_run

TODAY = dt.date(2026, 11, 25)

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
    judgement = judge_data(gather(record), load_rules(gate, None), TODAY, store.earlier_runs("local", run_id))
    store.record(record, judgement.decision, judgement.data.scenarios)
    return judgement.decision


def test_baseline_is_the_last_go_before_the_run_and_flips_are_counted(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite")
    outcomes = ["passed", "failed", "passed", "failed"]
    verdicts = [store_run(store, tmp_path, f"2026112{n}T000000-0000", b).verdict.value
                for n, b in enumerate(outcomes)]
    assert verdicts == ["GO", "NO-GO", "GO", "NO-GO"]
    view = store.earlier_runs("local", "20261129T000000-0000").view_with(())
    assert view.baseline_run_id == "20261122T000000-0000"
    assert view.baseline_values["acceptance.flakiness"] == 1.0  # B had flipped twice in three runs by then
    assert view.flip_rates["B"] == (3, 4)
    assert view.flip_rates["A"] == (0, 4)
    listed = store.runs("local")
    assert [run.run_id for run in listed][:2] == ["20261123T000000-0000", "20261122T000000-0000"]
    assert listed[0].pass_rate == 0.5
    store.close()


def test_a_partial_runs_go_is_never_the_baseline(tmp_path):
    """A video-only GO is no release decision: the next run still compares with the last whole GO."""
    store = HistoryStore(tmp_path / "history.sqlite")
    store_run(store, tmp_path, "20261120T000000-0000", "passed")
    gate = tmp_path / "gate.yaml"
    partial = load_run(write_run(tmp_path, [], None, run_id="20261121T000000-0000", requested_parts=["video"]))
    judgement = judge_data(gather(partial), load_rules(gate, None), TODAY, store.earlier_runs("local", partial.run_id))
    assert judgement.decision.partial and judgement.decision.verdict.value == "GO"
    store.record(partial, judgement.decision, judgement.data.scenarios)
    view = store.earlier_runs("local", "20261122T000000-0000").view_with(())
    assert view.baseline_run_id == "20261120T000000-0000"
    store.close()


def test_judging_a_run_again_replaces_its_row(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite")
    store_run(store, tmp_path, "20261120T000000-0000", "failed")
    (tmp_path / "20261120T000000-0000").rename(tmp_path / "old")
    store_run(store, tmp_path, "20261120T000000-0000", "passed")
    runs = store.runs()
    assert len(runs) == 1 and runs[0].verdict == "GO"
    store.close()


REJUDGED_GATE = GATE + """  - id: load.visit.join_p95
    kind: load_request
    request: "visit:join"
    measure: p95_ms
    fail: 5000
    baseline: {max_worse_percent: 10}
"""


def load_with_join(p95_ms):
    return {"shape": "vardag", "duration_s": 60.0, "complete": True, "chat": {},
            "requests": {"visit:join": {"count": 40, "failures": 0, "p50_ms": 200, "p95_ms": p95_ms, "p99_ms": 500,
                                        "rps": 0.7}}}


def test_a_run_judged_again_gets_the_decision_it_got_the_first_time(tmp_path):
    gate = tmp_path / "gate.yaml"
    gate.write_text(REJUDGED_GATE, encoding="utf-8")
    history = tmp_path / "history.sqlite"
    inputs = GateInputs(load_rules(gate, None), history, TODAY, pdf=False)
    runs = tmp_path / "runs"
    for number, (outcome_of_b, p95_ms) in enumerate([("passed", 400), ("failed", 400), ("passed", 400)]):
        earlier = write_run(runs, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]},
                                   {"name": "B", "tags": ["normal"], "attempts": [outcome_of_b]}],
                            run_id=f"2026112{number}T000000-0000", parts={"load": COMPLETE}, load=load_with_join(p95_ms))
        record_history(judge(earlier, inputs), inputs)
    judged = write_run(runs, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]},
                              {"name": "B", "tags": ["normal"], "attempts": ["failed"]}],
                       run_id="20261124T000000-0000", parts={"load": COMPLETE}, load=load_with_join(480))
    files_before = sorted(path.name for path in judged.rglob("*"))
    history_before = history.read_bytes()

    first = judge(judged, inputs)
    assert sorted(path.name for path in judged.rglob("*")) == files_before, "judging writes nothing"
    assert history.read_bytes() == history_before, "judging writes no history row"
    publish(first, inputs)
    again = judge(judged, inputs)

    assert again.decision == first.decision
    assert again.data.history == first.data.history
    flakiness, join = first.decision.results[1], first.decision.results[2]
    assert first.data.history.flip_rates["B"] == (3, 4), "this run's own outcome counted once"
    assert flakiness.value == 1  # B flipped 3 times in 4 runs
    assert join.baseline.run_id == "20261122T000000-0000" and join.baseline.change_percent == 20.0
    assert [t.run_id for t in again.trend] == [f"2026112{n}T000000-0000" for n in (4, 2, 1, 0)]
