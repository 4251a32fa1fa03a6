"""The gate's logic: every kind and tier, baselines, waivers, quarantine, and the decision."""

import datetime as dt

import pytest

from run_fixtures import COMPLETE, write_run
from vardmote_qa.errors import UserError
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status, Verdict, Waiver
from vardmote_qa.gate.rundata import HistoryView, gather
from vardmote_qa.run.record import load_run

TODAY = dt.date(2026, 11, 25)


def criteria_from(tmp_path, text):
    path = tmp_path / "gate.yaml"
    path.write_text(text, encoding="utf-8")
    return load_criteria(path)


CRITICAL = """
criteria:
  - id: acceptance.critical
    kind: acceptance_tag
    tag: kritisk
    key: true
"""


def judge(tmp_path, gate_text, scenarios, acceptance_status="complete", history=HistoryView(),
          waivers=(), quarantined=(), **run_kwargs):
    record = load_run(write_run(tmp_path, scenarios, acceptance_status, **run_kwargs))
    data = gather(record, history, frozenset(q.scenario for q in quarantined if q.active_on(TODAY)))
    return decide(evaluate_all(criteria_from(tmp_path, gate_text), data), waivers, TODAY, quarantined)


def sentences(decision):
    return [sentence(reason) for reason in decision.reasons]


PASSED = {"name": "A", "tags": ["kritisk"], "attempts": ["passed"]}
BROKEN = {"name": "Bokat videomöte", "tags": ["kritisk"], "attempts": ["failed", "failed"]}


def test_all_critical_scenarios_passing_is_go(tmp_path):
    decision = judge(tmp_path, CRITICAL, [PASSED, {"name": "B", "tags": ["normal"], "attempts": ["failed"]}])
    assert decision.verdict is Verdict.GO
    assert decision.results[0].value == {"total": 1, "failed": 0, "flaky": 0}
    assert sentences(decision)[0] == "Alla kriterier är uppfyllda."


def test_a_failed_critical_scenario_is_no_go_naming_it(tmp_path):
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN])
    assert decision.verdict is Verdict.NO_GO
    assert "Nyckelkriteriet acceptance.critical är inte uppfyllt." in sentences(decision)
    assert any("'Bokat videomöte'" in text for text in sentences(decision))


def test_passed_only_on_retry_is_a_warning(tmp_path):
    decision = judge(tmp_path, CRITICAL, [{"name": "A", "tags": ["kritisk"], "attempts": ["failed", "passed"]}])
    assert decision.verdict is Verdict.GO_MED_RISK
    assert decision.results[0].status is Status.WARN


@pytest.mark.parametrize("status", ["incomplete", None])
def test_an_incomplete_or_missing_part_is_no_go(tmp_path, status):
    decision = judge(tmp_path, CRITICAL, [PASSED], acceptance_status=status)
    assert decision.verdict is Verdict.NO_GO
    assert decision.results[0].status is Status.MISSING
    expected = "Ofullständig körning" if status else "Delen 'acceptance' saknas"
    assert any(text.startswith(expected) for text in sentences(decision))


def test_no_scenario_with_the_tag_is_missing_not_pass(tmp_path):
    decision = judge(tmp_path, CRITICAL, [{"name": "A", "tags": ["normal"], "attempts": ["passed"]}])
    assert decision.results[0].status is Status.MISSING


REQUIREMENTS = """
criteria:
  - id: requirements.scope
    kind: requirements_coverage
    scope: nästa
"""


def test_a_requirement_in_scope_without_scenario_is_not_verified(tmp_path):
    decision = judge(tmp_path, REQUIREMENTS, [{"name": "A", "tags": ["DVM-01"], "attempts": ["passed"]}])
    result = decision.results[0]
    assert result.status is Status.FAIL
    assert "DVM-02" in result.failed_items and "DVM-01" not in result.failed_items
    assert any("ej verifierade" in text for text in sentences(decision))


def test_every_requirement_in_scope_verified_passes(tmp_path):
    from vardmote_qa.requirements import load_catalogue
    in_scope = [r.id for r in load_catalogue().values() if "nästa" in r.scope]
    scenarios = [{"name": f"S {rid}", "tags": [rid], "attempts": ["passed"]} for rid in in_scope]
    assert judge(tmp_path, REQUIREMENTS, scenarios).results[0].status is Status.PASS


MEDIA = """
criteria:
  - id: media.bredband.freeze_ratio_p95
    kind: media_measure
    profile: bredband
    measure: freeze_ratio
    percentile: p95
    warn: 0.01
    fail: 0.05
  - id: media.bredband.fps_ratio_p50
    kind: media_measure
    profile: bredband
    measure: fps_ratio
    percentile: p50
    warn: 0.8
    fail: 0.5
"""


def media_summary(freeze, fps):
    return {"profiles": {"bredband": {"visits": 3, "verdicts": {"good": 3},
                                      "measures": {"freeze_ratio": {"p50": 0, "p95": freeze},
                                                   "fps_ratio": {"p50": fps, "p95": fps}}}}}


@pytest.mark.parametrize("freeze, fps, expected", [
    (0.0, 0.95, [Status.PASS, Status.PASS]),
    (0.02, 0.7, [Status.WARN, Status.WARN]),   # fps: lower is worse
    (0.2, 0.3, [Status.FAIL, Status.FAIL]),
])
def test_media_measures_have_three_tiers_in_the_right_direction(tmp_path, freeze, fps, expected):
    decision = judge(tmp_path, MEDIA, [PASSED], parts={"video": COMPLETE}, media=media_summary(freeze, fps))
    assert [r.status for r in decision.results] == expected


def test_media_without_a_video_part_is_missing(tmp_path):
    decision = judge(tmp_path, MEDIA, [PASSED], media=media_summary(0, 1))
    assert {r.status for r in decision.results} == {Status.MISSING}


LOAD = """
criteria:
  - id: load.visit.join_p95
    kind: load_request
    request: "visit:join"
    measure: p95_ms
    warn: 800
    fail: 1000
    baseline: {max_worse_percent: 20}
  - id: load.auth.errors
    kind: load_request
    request: "auth:login"
    measure: error_rate
    fail: 0.01
  - id: load.chat.integrity
    kind: load_chat_integrity
    key: true
"""


def load_summary(join_p95, login_failures=0, lost=0):
    return {"shape": "vardag", "duration_s": 60, "complete": True,
            "requests": {"visit:join": {"count": 100, "failures": 0, "p50_ms": 300, "p95_ms": join_p95,
                                        "p99_ms": join_p95, "rps": 1.5},
                         "auth:login": {"count": 200, "failures": login_failures, "p50_ms": 20, "p95_ms": 40,
                                        "p99_ms": 50, "rps": 3}},
            "chat": {"sent": 500, "delivered": 500 - lost, "lost": lost, "duplicated": 0, "reordered": 0}}


@pytest.mark.parametrize("join, failures, lost, expected", [
    (500, 0, 0, [Status.PASS, Status.PASS, Status.PASS]),
    (900, 0, 0, [Status.WARN, Status.PASS, Status.PASS]),
    (1500, 10, 2, [Status.FAIL, Status.FAIL, Status.FAIL]),
])
def test_load_criteria_tiers(tmp_path, join, failures, lost, expected):
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": COMPLETE}, load=load_summary(join, failures, lost))
    assert [r.status for r in decision.results] == expected


def test_a_killed_load_part_is_an_incomplete_run(tmp_path):
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": {"status": "incomplete", "detail": "locust dödades"}})
    assert decision.verdict is Verdict.NO_GO
    assert "Ofullständig körning: delen 'load' blev inte klar (locust dödades)." in sentences(decision)


def test_a_value_worse_than_the_baseline_by_more_than_allowed_warns(tmp_path):
    history = HistoryView(baseline_run_id="run-0", baseline_values={"load.visit.join_p95": 400.0})
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": COMPLETE}, load=load_summary(500), history=history)
    join = decision.results[0]
    assert join.status is Status.WARN  # 500 is within the limits, but 25 % worse than 400
    assert join.baseline.change_percent == 25.0
    assert any("25.0 % sämre än i senaste GO-körningen run-0" in text for text in sentences(decision))


def test_a_value_within_the_baseline_allowance_passes(tmp_path):
    history = HistoryView(baseline_run_id="run-0", baseline_values={"load.visit.join_p95": 450.0})
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": COMPLETE}, load=load_summary(500), history=history)
    assert decision.results[0].status is Status.PASS
    assert decision.results[0].baseline.change_percent == pytest.approx(11.1)


FLAKY = """
criteria:
  - id: acceptance.flakiness
    kind: flakiness
    max_flip_rate: 0.3
    warn: 0
    fail: 2
"""


def test_flip_rate_over_history_counts_as_flaky(tmp_path):
    history = HistoryView(flip_rates={"A": (3, 5), "B": (0, 5)})
    decision = judge(tmp_path, FLAKY, [PASSED, {"name": "B", "tags": [], "attempts": ["passed"]}], history=history)
    assert decision.results[0].status is Status.WARN
    assert decision.results[0].failed_items == ("A",)


def test_no_flaky_scenarios_pass(tmp_path):
    assert judge(tmp_path, FLAKY, [PASSED]).results[0].status is Status.PASS


def waiver(scenario=None, criterion=None, until=dt.date(2026, 12, 15)):
    return Waiver(criterion=criterion, scenario=scenario, who="Anna Andersson, releaseansvarig",
                  why="Känt fel i SMS-leverantörens testmiljö", until=until)


def test_a_waiver_for_the_broken_scenario_gives_go_med_risk_and_is_listed(tmp_path):
    given = waiver(scenario="Bokat videomöte")
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN], waivers=(given,))
    assert decision.verdict is Verdict.GO_MED_RISK
    assert decision.waivers_applied == (given,)
    assert any(text.startswith("Undantag för scenariot 'Bokat videomöte' gäller till 2026-12-15") for text in
               sentences(decision))


def test_an_expired_waiver_no_longer_applies_and_is_reported(tmp_path):
    given = waiver(scenario="Bokat videomöte", until=dt.date(2026, 11, 24))
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN], waivers=(given,))
    assert decision.verdict is Verdict.NO_GO
    assert decision.waivers_expired == (given,)
    assert "Undantaget för scenariot 'Bokat videomöte' gick ut 2026-11-24 (Anna Andersson, releaseansvarig) och " \
           "gäller inte längre." in sentences(decision)


def test_a_waiver_on_the_last_day_still_applies(tmp_path):
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN], waivers=(waiver(scenario="Bokat videomöte", until=TODAY),))
    assert decision.verdict is Verdict.GO_MED_RISK


def test_a_key_criterion_cannot_be_waived_as_a_whole(tmp_path):
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN], waivers=(waiver(criterion="acceptance.critical"),))
    assert decision.verdict is Verdict.NO_GO


def test_a_criterion_waiver_covers_a_non_key_criterion(tmp_path):
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": COMPLETE}, load=load_summary(1500),
                     waivers=(waiver(criterion="load.visit.join_p95"),))
    assert decision.results[0].status is Status.WARN
    assert decision.verdict is Verdict.GO_MED_RISK


def test_a_waiver_never_covers_missing_evidence(tmp_path):
    decision = judge(tmp_path, LOAD, [PASSED], parts={"load": {"status": "incomplete", "detail": "x"}},
                     waivers=(waiver(criterion="load.visit.join_p95"),))
    assert decision.verdict is Verdict.NO_GO


def test_a_quarantined_scenario_runs_but_does_not_count(tmp_path):
    quarantine = waiver(scenario="Bokat videomöte")
    decision = judge(tmp_path, CRITICAL, [PASSED, BROKEN], quarantined=(quarantine,))
    assert decision.verdict is Verdict.GO
    assert any("är i karantän till 2026-12-15" in text for text in sentences(decision))


@pytest.mark.parametrize("text, message", [
    ("criteria: []", "måste ha en lista 'criteria'"),
    ("criteria:\n  - id: x\n    kind: okänd", "Kriteriet x har en okänd typ 'okänd'"),
    ("criteria:\n  - id: x\n    kind: acceptance_tag", "Kriteriet x i gate.yaml: fältet 'tag'"),
    ("criteria:\n  - {id: x, kind: acceptance_tag, tag: a}\n  - {id: x, kind: acceptance_tag, tag: b}",
     "förekommer två gånger"),
    ("criteria:\n  - {id: x, kind: media_measure, profile: p, measure: skönhet, fail: 1}", "okänt mått 'skönhet'"),
    ("criteria:\n  - {id: x, kind: load_request, request: 'Chat Deliver', measure: p95_ms, fail: 1}",
     "begärandenamn"),
    ("criteria:\n  - {id: x, kind: load_request, request: 'chat:deliver', measure: p95_ms}", "minst en av gränserna"),
    ("criteria:\n  - {id: x, kind: acceptance_tag, tag: a, baseline: 20}", "max_worse_percent"),
    ("criteria: [", "inte giltig YAML"),
])
def test_a_bad_criteria_file_is_one_sentence(tmp_path, text, message):
    with pytest.raises(UserError, match=message):
        criteria_from(tmp_path, text)


@pytest.mark.parametrize("extra, message", [
    ("ky: true", "Kriteriet load.visit.join_p95 i gate.yaml: okänd nyckel 'ky' (menade du 'key'?)."),
    ("baseline: {max_worse_percent: 20, statu: fail}",
     "Kriteriet load.visit.join_p95 i gate.yaml: baseline: okänd nyckel 'statu' (menade du 'status'?)."),
    ("baseline: {max_worse_percent: 20, status: ofta}", "baseline.status: måste vara en av 'warn' eller 'fail'"),
])
def test_a_misspelt_key_of_a_criterion_is_refused_with_the_nearest_key(tmp_path, extra, message):
    with pytest.raises(UserError) as refused:
        criteria_from(tmp_path, f"""
criteria:
  - {{id: load.visit.join_p95, kind: load_request, request: "visit:join", measure: p95_ms, fail: 1000, {extra}}}
""")
    assert message in refused.value.message


def test_a_misspelt_percentile_is_refused_not_read_as_p95(tmp_path):
    with pytest.raises(UserError) as refused:
        criteria_from(tmp_path, "criteria:\n  - {id: m, kind: media_measure, profile: bredband, measure: fps_ratio,"
                                " percentil: p50, fail: 50}")
    assert refused.value.message == "Kriteriet m i gate.yaml: okänd nyckel 'percentil' (menade du 'percentile'?)."


def test_parameters_and_baseline_are_typed(tmp_path):
    join, fps = criteria_from(tmp_path, """
criteria:
  - {id: j, kind: load_request, request: "visit:join", measure: p95_ms, fail: 1000,
     baseline: {max_worse_percent: 20, status: fail}}
  - {id: f, kind: media_measure, profile: bredband, measure: fps_ratio, fail: 50}
""")
    assert join.baseline.max_worse_percent == 20 and join.baseline.status == "fail" and join.baseline.higher_is_worse
    assert join.params.request == "visit:join" and join.parts == ("load",)
    assert fps.params.percentile == "p95" and fps.params.higher_is_worse is False  # from media/thresholds.yaml


def test_the_shipped_release_gate_and_waivers_are_valid():
    from vardmote_qa.commands._gate_options import DEFAULT_GATE, DEFAULT_WAIVERS
    from vardmote_qa.gate.waivers import load_waivers, validate_against
    criteria = load_criteria(DEFAULT_GATE)
    validate_against(load_waivers(DEFAULT_WAIVERS), {c.id for c in criteria})


VERIFIED_BY = """
criteria:
  - id: load.chat.integrity
    kind: load_chat_integrity
  - id: requirements.scope
    kind: requirements_coverage
    scope: nästa
    verified_by: {DVM-13: [load.chat.integrity]}
"""


@pytest.mark.parametrize("lost, verified", [(0, True), (3, False)])
def test_a_requirement_can_be_verified_by_earlier_criteria(tmp_path, lost, verified):
    decision = judge(tmp_path, VERIFIED_BY, [{"name": "A", "tags": ["DVM-01"], "attempts": ["passed"]}],
                     parts={"load": COMPLETE}, load=load_summary(500, lost=lost))
    coverage = decision.results[1]
    assert ("DVM-13" in coverage.failed_items) is not verified
    assert "DVM-02" in coverage.failed_items  # no scenario and no criterion: not verified


def test_verified_by_must_name_an_earlier_criterion(tmp_path):
    with pytest.raises(UserError, match="kravet DVM-13 ska verifieras av load.chat.integrity, som inte står före"):
        criteria_from(tmp_path, """
criteria:
  - {id: requirements.scope, kind: requirements_coverage, scope: nästa,
     verified_by: {DVM-13: [load.chat.integrity]}}
  - {id: load.chat.integrity, kind: load_chat_integrity}
""")
