"""Publishing a judgement: the history row, then every report into the run folder (Allure HTML, the
decision as JSON, Markdown and JUnit, the HTML report and its PDF). Decides nothing."""

from __future__ import annotations

from .history.store import HistoryStore
from .judging import GateInputs, Judgement
from .report import allure_html, document, html_report, json_report, junit_report, markdown_report, pdf_report


def record_history(judgement: Judgement, inputs: GateInputs) -> None:
    """Stores the run's row (replacing it when the run is judged again)."""
    store = HistoryStore(inputs.history_path)
    try:
        store.record(judgement.data.record, judgement.decision, judgement.data.scenarios)
    finally:
        store.close()


def write_reports(judgement: Judgement, pdf: bool = True, progress=lambda text: None) -> None:
    layout = judgement.layout
    progress("Skriver rapporterna …")
    progress(allure_html.write(layout))
    report = document.build(judgement)  # after Allure: the report links its index when there is one
    json_report.write(report, layout.decision_json)
    markdown_report.write(report, layout.decision_markdown)
    junit_report.write(report, layout.junit)
    html_report.write(report, layout.report_html)
    if pdf:
        pdf_report.write(layout.report_html, layout.report_pdf)


def publish(judgement: Judgement, inputs: GateInputs, progress=lambda text: None) -> None:
    record_history(judgement, inputs)
    write_reports(judgement, inputs.pdf, progress)
