"""Snapshot tests: every renderer over the same fixture decisions (GO, GO MED RISK, NO-GO, missing
input, expired waiver), with syrupy: a missing or different snapshot fails. After a deliberate change,
rewrite them with `pytest tests/test_report_renderers.py --snapshot-update` and review the diff.
The snapshots are the rendered files as they are, one plain file each, in __snapshots__/."""

import datetime as dt
import json
from dataclasses import replace
from xml.etree import ElementTree

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from run_fixtures import COMPLETE, fixed_catalogue, write_run
from vardmote_qa.gate.criteria import load_criteria
from vardmote_qa.gate.decision import decide
from vardmote_qa.gate.evaluate import evaluate_all
from vardmote_qa.gate.kinds.requirements_coverage import coverage_matrix
from vardmote_qa.gate.model import Waiver
from vardmote_qa.gate.rundata import HistoryView, gather
from vardmote_qa.history.store import RunSummary
from vardmote_qa.judging import Judgement
from vardmote_qa.report import document, html_report, json_report, junit_report, markdown_report
from vardmote_qa.run.record import load_run

TODAY = dt.date(2026, 11, 25)
GATE = """
criteria:
  - id: acceptance.critical
    kind: acceptance_tag
    tag: kritisk
    key: true
  - id: load.visit.join_p95
    kind: load_request
    request: "visit:join"
    measure: p95_ms
    warn: 800
    fail: 1000
    baseline: {max_worse_percent: 20}
"""
GOOD = {"name": "Bokat videomöte", "tags": ["kritisk", "DVM-01"], "attempts": ["passed"]}
BROKEN = {"name": "Bokat videomöte", "tags": ["kritisk", "DVM-01"], "attempts": ["failed", "failed"]}
LOAD = {"shape": "vardag", "duration_s": 60.0, "complete": True, "chat": {"sent": 10, "delivered": 10, "lost": 0,
        "duplicated": 0, "reordered": 0},
        "requests": {"visit:join": {"count": 40, "failures": 0, "p50_ms": 200, "p95_ms": 420, "p99_ms": 500, "rps": 0.7}}}
LATE = Waiver(None, "Bokat videomöte", "Anna Andersson", "Känt fel i SMS-testmiljön", dt.date(2026, 12, 15))
CASES = {
    "go": dict(scenarios=[GOOD], parts={"load": COMPLETE}, load=LOAD),
    "go_med_risk": dict(scenarios=[BROKEN], parts={"load": COMPLETE}, load=LOAD, waivers=(LATE,)),
    "no_go": dict(scenarios=[BROKEN], parts={"load": COMPLETE}, load=LOAD),
    "missing_input": dict(scenarios=[GOOD], parts={"load": {"status": "incomplete", "detail": "locust dödades"}}),
    "expired_waiver": dict(scenarios=[BROKEN], parts={"load": COMPLETE}, load=LOAD,
                           waivers=(Waiver(None, "Bokat videomöte", "Anna Andersson", "Gammalt", dt.date(2026, 11, 1)),)),
}
TREND = [RunSummary("20261123T010000-aaaa", "local", "2026-11-23", "GO", None, {"load.visit.join_p95": 380.0}, 1.0),
         RunSummary("20261124T010000-bbbb", "local", "2026-11-24", "NO-GO", None, {"load.visit.join_p95": 900.0}, 0.5)]


def build(tmp_path, case):
    spec = dict(CASES[case])
    waivers = spec.pop("waivers", ())
    scenarios = spec.pop("scenarios")
    record = load_run(write_run(tmp_path, scenarios, run_id=f"20261125T010000-{case[:4]}", **spec))
    gate = tmp_path / "gate.yaml"
    gate.write_text(GATE, encoding="utf-8")
    history = HistoryView("20261123T010000-aaaa", {"load.visit.join_p95": 380.0}, {"Bokat videomöte": (1, 3)})
    data = replace(gather(record, history), catalogue=fixed_catalogue())
    decision = decide(evaluate_all(load_criteria(gate), data), waivers, TODAY)
    judgement = Judgement(decision, data, coverage_matrix(decision.results, data, "nästa"), tuple(TREND), "nästa")
    return decision, document.build(judgement)


class RenderedFile(SingleFileSnapshotExtension):
    """A snapshot stored as the rendered text itself, so a diff of it reads like the report."""

    _write_mode = WriteMode.TEXT


class HtmlFile(RenderedFile):
    file_extension = "html"


class MarkdownFile(RenderedFile):
    file_extension = "md"


class JsonFile(RenderedFile):
    file_extension = "json"


class JunitFile(RenderedFile):
    file_extension = "junit.xml"


RENDERERS = {"html": (html_report.render, HtmlFile), "md": (markdown_report.render, MarkdownFile),
             "json": (json_report.render, JsonFile), "junit.xml": (junit_report.render, JunitFile)}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("extension", RENDERERS)
def test_renderer_matches_snapshot(tmp_path, snapshot, case, extension):
    _, report = build(tmp_path, case)
    render, stored_as = RENDERERS[extension]
    assert render(report) == snapshot(extension_class=stored_as)


@pytest.mark.parametrize("case, verdict", [("go", "GO"), ("go_med_risk", "GO MED RISK"), ("no_go", "NO-GO"),
                                           ("missing_input", "NO-GO"), ("expired_waiver", "NO-GO")])
def test_every_format_carries_the_same_verdict(tmp_path, case, verdict):
    _, report = build(tmp_path, case)
    assert json.loads(json_report.render(report))["decision"] == verdict
    assert f"**{verdict}**" in markdown_report.render(report)
    html = html_report.render(report)
    assert f'data-testid="verdict">{verdict}</p>' in html
    assert "http://" not in html.replace("http://127.0.0.1:1", "") and "https://" not in html  # self-contained
    suite = ElementTree.fromstring(junit_report.render(report).split("?>", 1)[1])
    assert suite.find("properties/property[@name='decision']").get("value") == verdict


def test_the_html_report_lists_the_waiver_and_puts_the_reasons_first(tmp_path):
    _, report = build(tmp_path, "go_med_risk")
    html = html_report.render(report)
    assert html.index("<h2>Skäl</h2>") < html.index("<h2>Kriterier</h2>")
    assert "Undantag tillämpat" in html and "Anna Andersson" in html and "2026-12-15" in html


def test_junit_marks_failed_and_missing_criteria_as_failures(tmp_path):
    _, report = build(tmp_path, "missing_input")
    suite = ElementTree.fromstring(junit_report.render(report).split("?>", 1)[1])
    failed = [case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None]
    assert failed == ["load.visit.join_p95"]


def test_the_campaign_shows_per_profile_a_strip_the_bound_and_the_failing_visits(tmp_path):
    from vardmote_qa.media.summary import campaign_summary
    visits = [{"visit": f"kampanj-4g-{n:03d}", "_file": f"kampanj-4g-{n:03d}", "profile": "4g", "tags": ["kampanj"],
               "verdict": "fail" if n == 2 else "good", "judged": n != 3, "ended_at_ms": n,
               "symptom": "vårdpersonalen → patienten: andelen frusen bild" if n == 2 else "", "reason": "..."}
              for n in range(1, 5)]
    CASES["campaign"] = dict(scenarios=[GOOD], parts={"load": COMPLETE}, load=LOAD,
                             media={"profiles": {"4g": {"visits": 4, "verdicts": {}, "measures": {},
                                                        "campaign": campaign_summary(visits)["4g"]}}})
    try:
        _, built = build(tmp_path, "campaign")
    finally:
        del CASES["campaign"]
    html, markdown = html_report.render(built), markdown_report.render(built)
    strip = '<span class="o-pass" title="1"></span><span class="o-fail" title="2"></span>'
    assert strip + '<span class="o-not_judged" title="3"></span>' in html
    assert "4g: 1 av 3 bedömda besök underkända, 1 ej bedömda" in html
    assert "Den här körningen utesluter felandelar över 86,5 %" in html
    assert ('kampanj-4g-002: vårdpersonalen → patienten: andelen frusen bild (<a href="media/visits/kampanj-4g-002.svg">'
            in html)
    assert "`■✖·■`" in markdown and "utesluter felandelar över 86,5 %" in markdown
