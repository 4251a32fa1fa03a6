"""Judging a run: criteria, waivers and history in; decision, reports and a history row out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .gate.criteria import load_criteria
from .gate.decision import decide
from .gate.evaluate import evaluate_all
from .gate.model import Decision
from .gate.rundata import gather
from .gate.waivers import load_waivers, validate_against
from .history.store import HistoryStore
from .report import allure_html, document, html_report, json_report, junit_report, markdown_report, pdf_report
from .run.record import load_run


@dataclass(frozen=True)
class GateInputs:
    gate_file: Path
    waivers_file: Path | None
    history_path: Path
    today: dt.date
    pdf: bool = True


def release_scope(gate_file: Path, criteria) -> str | None:
    return next((c.params["scope"] for c in criteria if c.kind == "requirements_coverage"), None)


def validate(inputs: GateInputs) -> None:
    """Everything a run will be judged by, checked before the run starts (bad input = exit 2)."""
    criteria = load_criteria(inputs.gate_file)
    validate_against(load_waivers(inputs.waivers_file), {c.id for c in criteria})


def judge(run_path: Path, inputs: GateInputs, progress=lambda text: None) -> Decision:
    criteria = load_criteria(inputs.gate_file)
    waivers = load_waivers(inputs.waivers_file)
    validate_against(waivers, {c.id for c in criteria})
    record = load_run(run_path)
    history = HistoryStore(inputs.history_path)
    try:
        environment = record.manifest.get("environment", {}).get("name", "")
        data = gather(record, history.view_for(environment, record.run_id),
                      waivers.active_quarantine(inputs.today))
        decision = decide(evaluate_all(criteria, data), waivers.waivers, inputs.today, waivers.quarantine)
        history.record(record, decision, data.scenarios)
        trend = history.runs(environment)
    finally:
        history.close()
    progress("Skriver rapporterna …")
    allure_note = allure_html.write(run_path / "allure-results", run_path / "allure-report")
    progress(allure_note)
    report = document.build(decision, data, trend, release_scope(inputs.gate_file, criteria))
    json_report.write(report, run_path / "decision.json")
    markdown_report.write(report, run_path / "decision.md")
    junit_report.write(report, run_path / "junit.xml")
    html_report.write(report, run_path / "report.html")
    if inputs.pdf:
        pdf_report.write(run_path / "report.html", run_path / "report.pdf")
    return decision
