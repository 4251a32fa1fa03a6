"""report.html: the decision for a release manager, in Swedish, self-contained."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..gate.model import Decision
from ..run.acceptance_results import read_scenarios
from ..run.record import RunRecord
from .json_report import decision_document

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=select_autoescape(["html"]))
STATUS_TEXT = {"pass": "Godkänt", "warn": "Varning", "fail": "Underkänt", "missing": "Underlag saknas"}
OUTCOME_TEXT = {"passed": "Godkänt", "failed": "Underkänt", "broken": "Trasigt", "skipped": "Hoppades över"}


def write(decision: Decision, record: RunRecord, path: Path) -> Path:
    results_dir = record.path / "allure-results"
    html = _TEMPLATES.get_template("report.html.j2").render(
        document=decision_document(decision, record), manifest=record.manifest,
        scenarios=read_scenarios(results_dir) if results_dir.is_dir() else [],
        status_text=STATUS_TEXT, outcome_text=OUTCOME_TEXT)
    path.write_text(html, encoding="utf-8")
    return path
