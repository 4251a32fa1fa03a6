import pytest

from run_fixtures import write_run
from vardmote_qa.errors import UserError
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status, Verdict
from vardmote_qa.run.record import load_run

GATE = """
criteria:
  - id: acceptance.critical
    kind: acceptance_tag
    tag: kritisk
    key: true
"""


@pytest.fixture
def criteria(tmp_path):
    path = tmp_path / "gate.yaml"
    path.write_text(GATE)
    return load_criteria(path)


def judge(tmp_path, criteria, scenarios, acceptance_status="complete"):
    record = load_run(write_run(tmp_path, scenarios, acceptance_status))
    return decide(evaluate_all(criteria, record))


def test_all_critical_scenarios_passing_is_go(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]},
                                          {"name": "B", "tags": ["normal"], "attempts": ["failed"]}])
    assert decision.verdict is Verdict.GO
    assert decision.results[0].status is Status.PASS
    assert decision.results[0].value == {"total": 1, "failed": 0, "flaky": 0}


def test_a_failed_critical_scenario_is_no_go_naming_it(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [{"name": "Bokat videomöte", "tags": ["kritisk"], "attempts": ["failed"]}])
    assert decision.verdict is Verdict.NO_GO
    sentences = [sentence(reason) for reason in decision.reasons]
    assert "Nyckelkriteriet acceptance.critical är inte uppfyllt." in sentences
    assert any("'Bokat videomöte'" in text for text in sentences)


def test_passed_only_on_retry_is_a_warning(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [{"name": "A", "tags": ["kritisk"], "attempts": ["failed", "passed"]}])
    assert decision.verdict is Verdict.GO_MED_RISK
    assert decision.results[0].status is Status.WARN


def test_an_incomplete_acceptance_part_is_no_go(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]}],
                     acceptance_status="incomplete")
    assert decision.verdict is Verdict.NO_GO
    assert decision.results[0].status is Status.MISSING
    assert any(sentence(r).startswith("Ofullständig körning") for r in decision.reasons)


def test_a_missing_acceptance_part_is_no_go(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [], acceptance_status=None)
    assert decision.verdict is Verdict.NO_GO


def test_no_scenario_with_the_tag_is_missing_not_pass(tmp_path, criteria):
    decision = judge(tmp_path, criteria, [{"name": "A", "tags": ["normal"], "attempts": ["passed"]}])
    assert decision.results[0].status is Status.MISSING
    assert decision.verdict is Verdict.NO_GO


@pytest.mark.parametrize("text, message", [
    ("criteria: []", "måste ha en lista 'criteria'"),
    ("criteria:\n  - id: x\n    kind: okänd", "Kriteriet x har en okänd typ 'okänd'"),
    ("criteria:\n  - id: x\n    kind: acceptance_tag", "Kriteriet x i gate.yaml: fältet 'tag'"),
    ("criteria:\n  - {id: x, kind: acceptance_tag, tag: a}\n  - {id: x, kind: acceptance_tag, tag: b}",
     "förekommer två gånger"),
    ("criteria: [", "inte giltig YAML"),
])
def test_a_bad_criteria_file_is_one_sentence(tmp_path, text, message):
    path = tmp_path / "gate.yaml"
    path.write_text(text)
    with pytest.raises(UserError, match=message):
        load_criteria(path)


def test_the_shipped_release_gate_is_valid():
    from vardmote_qa.commands.nightly import DEFAULT_GATE
    assert load_criteria(DEFAULT_GATE)
