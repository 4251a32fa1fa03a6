"""The failure share's statistics (SPRT, Clopper-Pearson, Fisher), the campaign's plan, the summary's
campaign counts and the gate kind `media_failure_share` with every outcome it can give."""

import pytest

from run_fixtures import COMPLETE, write_run
from test_gate import criteria_from
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.messages_sv import sentence
from vardmote_qa.gate.model import Status, Verdict
from vardmote_qa.gate.rundata import HistoryView, gather
from vardmote_qa.media.campaign_plan import CampaignSettings, plan
from vardmote_qa.media.failure_share import FAIL, PASS, Sprt, fisher_greater, upper_bound
from vardmote_qa.media.summary import campaign_summary
from vardmote_qa.run.record import load_run


def test_the_clopper_pearson_bound_of_no_failure_in_30_visits_is_9_5_percent():
    assert upper_bound(0, 30) == pytest.approx(1 - 0.05 ** (1 / 30), abs=1e-4)
    assert round(100 * upper_bound(0, 30), 1) == 9.5
    assert upper_bound(3, 30) == pytest.approx(0.2386, abs=1e-3)  # scipy.stats.beta.ppf(0.95, 4, 27)
    assert upper_bound(0, 0) is None and upper_bound(5, 5) == 1.0


def test_fisher_one_sided_catches_a_rise_and_not_a_tie():
    assert fisher_greater(5, 30, 0, 30) == pytest.approx(0.0261, abs=1e-3)
    assert fisher_greater(1, 30, 1, 30) > 0.5


def test_the_sprt_decides_both_ways_and_its_exact_error_rates_hold():
    test = Sprt(0.02, 0.10, 0.05, 0.05)
    assert test.decide([FAIL, FAIL, PASS]) == ("NOGO", 2, pytest.approx(2 * test.on_fail))
    assert test.decide([PASS] * 35)[0] == "GO" and test.decide([PASS] * 34)[0] == "UNDECIDED"
    clean, faulty = test.operating(100, 0.02), test.operating(100, 0.10)
    assert clean["nogo"] <= 0.05 and faulty["go"] <= 0.05
    assert sum(faulty[k] for k in ("nogo", "go", "undecided")) == pytest.approx(1.0)


def test_the_plan_is_the_need_within_the_budget_and_says_its_formula():
    tests = {name: Sprt() for name in ("bredband", "4g", "svagt-4g")}
    roomy = CampaignSettings(sekunder_per_besok=10, samtidiga_besok=2, tidsbudget_minuter=60, besok_per_minut=6)
    planned = plan(tests, roomy)
    assert planned.visits_per_profile == planned.needed == 41 and "1 − Π(1 − P(NO-GO" in planned.explanation
    tight = roomy.model_copy(update={"budget_minutes": 6})
    assert plan(tests, tight).visits_per_profile == 12 and "Budgeten räcker inte" in plan(tests, tight).explanation
    assert plan(tests, roomy, asked=5).visits_per_profile == 5


def visit(number, verdict="good", judged=True, profile="bredband"):
    return {"visit": f"v{number}", "profile": profile, "tags": ["kampanj"], "verdict": verdict, "judged": judged,
            "ended_at_ms": number, "symptom": "patienten → vårdpersonalen: andelen frusen bild" if verdict == "fail"
            else "", "reason": "Underkänd: ..." if verdict == "fail" else "Bra."}


def test_the_campaign_summary_keeps_the_order_and_counts_what_was_not_judged():
    entry = campaign_summary([visit(2, "fail"), visit(1), visit(3, judged=False), visit(4, "acceptable")])["bredband"]
    assert entry["outcomes"] == [PASS, FAIL, "not_judged", PASS]
    assert (entry["visits"], entry["judged"], entry["failures"], entry["not_judged"]) == (4, 3, 1, 1)
    assert entry["failing"][0]["visit"] == "v2" and entry["upper_bound"] == upper_bound(1, 3)


GATE = """
criteria:
  - id: media.bredband.failure_share
    kind: media_failure_share
    profile: bredband
"""


def judged(tmp_path, visits, history=HistoryView(), run_id="run-1"):
    media = {"profiles": {"bredband": {"visits": len(visits), "campaign": campaign_summary(visits)["bredband"]}}}
    record = load_run(write_run(tmp_path, [], None, run_id=run_id, parts={"video": COMPLETE}, media=media))
    return decide(evaluate_all(criteria_from(tmp_path, GATE), gather(record, history)), (), None, ())


def sentences(decision):
    return [sentence(reason) for reason in decision.results[0].reasons]


@pytest.mark.parametrize("outcomes, status, verdict, says", [
    (["fail", "fail"] + ["good"] * 8, Status.FAIL, Verdict.NO_GO, "avgör efter 2 besök att felandelen är för hög. "
                                                                   "Symptom: patienten → vårdpersonalen"),
    (["good"] * 40, Status.PASS, Verdict.GO, "Den här körningen utesluter felandelar över 7,2 %"),
    (["good"] * 10, Status.WARN, Verdict.GO_MED_RISK, "hann inte avgöra på 10 besök. Den här körningen utesluter "
                                                      "felandelar över 25,9 %"),
])
def test_the_failure_share_gives_no_go_go_or_go_med_risk(tmp_path, outcomes, status, verdict, says):
    decision = judged(tmp_path, [visit(n, v) for n, v in enumerate(outcomes)])
    assert decision.results[0].status is status and decision.verdict is verdict
    assert any(says in text for text in sentences(decision)), sentences(decision)


def test_too_many_visits_not_judged_is_missing_saying_the_test_machine_could_not_keep_up(tmp_path):
    visits = [visit(n) for n in range(8)] + [visit(n, judged=False) for n in range(8, 10)]
    decision = judged(tmp_path, visits)
    assert decision.results[0].status is Status.MISSING and decision.verdict is Verdict.NO_GO
    assert any("videon kunde inte bedömas: testdatorn hann inte med (2 av 10 besök ej bedömda" in text
               for text in sentences(decision)), sentences(decision)


def test_a_significant_rise_over_the_baseline_is_no_go_even_under_the_limit(tmp_path):
    judged(tmp_path, [visit(n) for n in range(150)], run_id="run-0")
    history = HistoryView(baseline_run_id="run-0")
    # 4 of 80 (5 %): the SPRT stays undecided, but 0 of 150 before makes it a rise (Fisher p = 0,014)
    rising = [visit(n, "fail" if n % 20 == 19 else "good") for n in range(80)]
    decision = judged(tmp_path, rising, history)
    assert decision.results[0].status is Status.FAIL and decision.verdict is Verdict.NO_GO
    assert any("hann inte avgöra" in text for text in sentences(decision))
    assert any("högre än i senaste GO-körningen run-0 (0 av 150); Fishers exakta test p = 0,014" in text
               for text in sentences(decision)), sentences(decision)
    steady = judged(tmp_path, [visit(n) for n in range(40)], history, run_id="run-2")
    assert steady.results[0].status is Status.PASS
    assert any("ingen säker ökning mot senaste GO-körningen run-0" in text for text in sentences(steady))


def test_a_campaign_of_no_visits_is_refused_in_one_sentence(tmp_path):
    import os
    import subprocess
    import sys
    completed = subprocess.run([sys.executable, "-m", "vardmote_qa.cli", "nightly", "--delar", "video",
                                "--videobesok", "0"], capture_output=True, text=True, timeout=60,
                               env={**os.environ, "VMQA_REPORTS": str(tmp_path)})
    assert completed.returncode == 2
    assert completed.stderr.strip() == "vmqa: --videobesok måste vara minst 1 besök per profil, inte 0."
