"""Publishing a judgement: every report into the run folder (Allure HTML, the decision as JSON, Markdown
and JUnit, the HTML report and its PDF), then the history row; the decision in the terminal and the exit
code. Decides nothing."""

from __future__ import annotations

from . import exitcodes
from .gate.messages_sv import headline, sentence
from .gate.model import Decision, Verdict
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
    """The reports first, then the history row: a run whose reports could not be written (a full disk)
    leaves the history as it was, and a history that refuses the row leaves the reports in place."""
    write_reports(judgement, inputs.pdf, progress)
    record_history(judgement, inputs)


def print_decision(judgement: Judgement) -> None:
    """The headline, the reasons and where the report is, as `vmqa nightly` and `vmqa gate` end."""
    print(f"\nBeslut: {headline(judgement.decision)}")
    for reason in judgement.decision.reasons:
        print(f"  – {sentence(reason)}")
    print(f"Rapport: {judgement.layout.report_html}")


def exit_code_for(decision: Decision, strict: bool) -> int:
    """GO and GO MED RISK exit 0 (GO MED RISK exits 1 with --strict), NO-GO 1. A partial run's code follows
    its judged criteria: its headline says it is no release decision."""
    if decision.verdict is Verdict.GO:
        return exitcodes.GO
    if decision.verdict is Verdict.GO_MED_RISK and not strict:
        return exitcodes.GO_MED_RISK
    return exitcodes.NO_GO
