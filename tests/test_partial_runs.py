"""A run of selected parts (`vmqa nightly --delar video`) is judged on those parts' criteria only, and
says in every text that it is a partial run, never a release decision."""

import datetime as dt
import json

from run_fixtures import COMPLETE, write_run
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.messages_sv import headline, sentence
from vardmote_qa.gate.model import Status, Verdict
from vardmote_qa.gate.rundata import gather
from vardmote_qa.gate.waivers import WaiverFile
from vardmote_qa.judging import GateRules, judge_data
from vardmote_qa.publishing import exit_code_for
from vardmote_qa.report import document, html_report, markdown_report
from vardmote_qa.requirements import load_catalogue
from vardmote_qa.run.record import load_run

TODAY = dt.date(2026, 11, 25)
GATE = """
criteria:
  - id: acceptance.critical
    kind: acceptance_tag
    tag: kritisk
    key: true
  - id: media.bredband.freeze_ratio_p95
    kind: media_measure
    profile: bredband
    measure: freeze_ratio
    percentile: p95
    warn: 1
    fail: 5
  - id: load.chat.integrity
    kind: load_chat_integrity
    key: true
"""


def video(freeze_p95: float) -> dict:
    return {"profiles": {"bredband": {"visits": 2, "verdicts": {"good": 2},
                                      "measures": {"freeze_ratio": {"p50": 0, "p95": freeze_p95}}}}}


GOOD_VIDEO, FROZEN_VIDEO = video(0.2), video(20)
CHAT = {"chat": {"sent": 10, "delivered": 10, "lost": 0, "duplicated": 0, "reordered": 0}, "requests": {}}


def run_with(tmp_path, requested, parts, media=None, load=None, scenarios=(), acceptance=None):
    """A run folder whose manifest asks for `requested` parts (None: an old manifest, every part)."""
    run = write_run(tmp_path, list(scenarios), acceptance, parts=parts, media=media, load=load)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    if requested is not None:
        manifest["requested_parts"] = requested
    (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return run


def judged(tmp_path, run, gate=GATE):
    path = tmp_path / "gate.yaml"
    path.write_text(gate, encoding="utf-8")
    data = gather(load_run(run))
    return decide(evaluate_all(load_criteria(path), data), (), TODAY), data


def statuses(decision):
    return {r.criterion.id: r.status for r in decision.results}


def test_a_video_only_run_is_judged_on_the_video_criteria_and_says_it_is_partial(tmp_path):
    decision, _ = judged(tmp_path, run_with(tmp_path, ["video"], {"video": COMPLETE}, media=GOOD_VIDEO))
    assert statuses(decision) == {"acceptance.critical": Status.NOT_JUDGED, "media.bredband.freeze_ratio_p95":
                                  Status.PASS, "load.chat.integrity": Status.NOT_JUDGED}
    assert decision.partial and decision.parts_judged == ("video",)
    assert decision.verdict is Verdict.GO
    texts = [sentence(reason) for reason in decision.reasons]
    assert texts[0].startswith("Delkörning (video): inget releasebeslut.")
    assert "2 kriterier för delar som inte kördes är ej bedömda i en delkörning" in texts[0]
    assert "Alla bedömda kriterier är uppfyllda." in texts
    assert not any("saknas" in text for text in texts), "a part not asked for is not missing evidence"
    assert headline(decision) == "Delkörning (video): inget releasebeslut (de bedömda kriterierna: GO)"


def test_a_key_criterion_of_an_unrun_part_does_not_block_and_the_exit_code_follows_the_judged(tmp_path):
    good, _ = judged(tmp_path / "good", run_with(tmp_path / "good", ["video"], {"video": COMPLETE}, media=GOOD_VIDEO))
    frozen, _ = judged(tmp_path / "bad", run_with(tmp_path / "bad", ["video"], {"video": COMPLETE},
                                                  media=FROZEN_VIDEO))
    assert exit_code_for(good, strict=False) == 0
    assert frozen.verdict is Verdict.NO_GO and exit_code_for(frozen, strict=False) == 1
    assert frozen.partial


def test_a_requested_part_that_did_not_complete_is_missing(tmp_path):
    run = run_with(tmp_path, ["video", "load"], {"video": COMPLETE,
                                                 "load": {"status": "incomplete", "detail": "locust dödades"}},
                   media=GOOD_VIDEO, load=CHAT)
    decision, _ = judged(tmp_path, run)
    assert statuses(decision)["load.chat.integrity"] is Status.MISSING
    assert statuses(decision)["acceptance.critical"] is Status.NOT_JUDGED
    assert decision.verdict is Verdict.NO_GO and decision.parts_judged == ("video", "load")
    assert "Ofullständig körning: delen 'load' blev inte klar (locust dödades)." in [
        sentence(reason) for reason in decision.reasons]


def test_a_requested_part_that_never_started_is_missing(tmp_path):
    decision, _ = judged(tmp_path, run_with(tmp_path, ["video", "load"], {"video": COMPLETE}, media=GOOD_VIDEO))
    assert statuses(decision)["load.chat.integrity"] is Status.MISSING
    assert decision.verdict is Verdict.NO_GO


def test_an_old_manifest_without_requested_parts_means_every_part(tmp_path):
    decision, _ = judged(tmp_path, run_with(tmp_path, None, {"video": COMPLETE}, media=GOOD_VIDEO))
    assert statuses(decision)["acceptance.critical"] is Status.MISSING
    assert not decision.partial and decision.verdict is Verdict.NO_GO


def test_a_whole_run_of_every_part_is_a_release_decision(tmp_path):
    run = run_with(tmp_path, ["acceptance", "video", "load"], {"video": COMPLETE, "load": COMPLETE},
                   media=GOOD_VIDEO, load=CHAT, scenarios=[{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]}],
                   acceptance="complete")
    decision, _ = judged(tmp_path, run)
    assert not decision.partial and decision.verdict is Verdict.GO
    assert sentence(decision.reasons[0]) == "Alla kriterier är uppfyllda."
    assert headline(decision) == "GO"


def test_the_reports_say_partial_run_in_their_header(tmp_path):
    decision, data = judged(tmp_path, run_with(tmp_path, ["video"], {"video": COMPLETE}, media=GOOD_VIDEO))
    path = tmp_path / "gate.yaml"
    path.write_text(GATE, encoding="utf-8")
    judgement = judge_data(data, GateRules(load_criteria(path), WaiverFile()), TODAY)
    assert judgement.decision == decision
    report = document.build(judgement)
    assert report.partial == "Delkörning (video): inget releasebeslut"
    assert "**Delkörning (video): inget releasebeslut**" in markdown_report.render(report)
    html = html_report.render(report)
    assert html.index("Delkörning (video): inget releasebeslut") < html.index('data-testid="verdict"')
    assert "Ej bedömt i en delkörning" in html


def test_a_requirement_verified_only_by_unrun_criteria_is_not_judged_in_an_acceptance_run(tmp_path):
    in_scope = [r.id for r in load_catalogue().values() if "nästa" in r.scope and r.id != "DVM-13"]
    scenarios = [{"name": f"S {rid}", "tags": [rid], "attempts": ["passed"]} for rid in in_scope]
    run = run_with(tmp_path, ["acceptance"], {}, scenarios=scenarios, acceptance="complete")
    decision, _ = judged(tmp_path, run, """
criteria:
  - {id: load.chat.integrity, kind: load_chat_integrity}
  - {id: requirements.scope, kind: requirements_coverage, scope: nästa,
     verified_by: {DVM-13: [load.chat.integrity]}}
""")
    coverage = decision.results[1]
    assert coverage.status is Status.PASS, [sentence(r) for r in coverage.reasons]
    assert any("DVM-13" in sentence(reason) for reason in coverage.reasons)
