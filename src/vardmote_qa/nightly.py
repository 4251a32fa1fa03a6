"""`vmqa nightly`: target up, acceptance, gate, reports, each part bounded in time, progress shown."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from .config import load_environment
from .errors import UserError
from .gate import exitcodes
from .gate.criteria import load_criteria
from .gate.decision import decide
from .gate.evaluate import evaluate_all
from .gate.messages_sv import VERDICT_TEXT, sentence
from .gate.model import Decision, Verdict
from .report import html_report, json_report
from .run.acceptance import run_acceptance
from .run.record import RunFolder, load_run
from .sandbox_runner import RunningSandbox
from .target import open_target


@dataclass(frozen=True)
class NightlyOptions:
    environment: str
    gate_file: Path
    selection: str | None
    strict: bool


def progress(text: str) -> None:
    print(f"» {text}", flush=True)


def exit_code_for(decision: Decision, strict: bool) -> int:
    if decision.verdict is Verdict.GO:
        return exitcodes.GO
    if decision.verdict is Verdict.GO_MED_RISK and not strict:
        return exitcodes.GO_MED_RISK
    return exitcodes.NO_GO


def gate_and_report(run_path: Path, gate_file: Path) -> Decision:
    criteria = load_criteria(gate_file)
    record = load_run(run_path)
    decision = decide(evaluate_all(criteria, record))
    json_report.write(decision, record, run_path / "decision.json")
    html_report.write(decision, record, run_path / "report.html")
    return decision


def run_nightly(options: NightlyOptions) -> int:
    environment = load_environment(options.environment)
    load_criteria(options.gate_file)  # validate before anything runs
    run = RunFolder.create(environment)
    progress(f"Körning {run.run_id} i miljön {environment.name}: {run.path}")
    with contextlib.ExitStack() as stack:
        base_url = environment.base_url
        if environment.starts_sandbox:
            progress("Startar sandlådan …")
            base_url = stack.enter_context(RunningSandbox(run.path / "sandbox")).base_url
        try:
            version = open_target(environment, base_url).version()
        except Exception:  # an unreachable target is recorded; the missing parts make the decision
            version = None
        run.set_target(base_url, version)
        if version is None:
            raise UserError(f"Målmiljön {base_url} svarar inte på /version.")
        progress("Kör acceptanstesterna …")
        run.start_part("acceptance", path="allure-results")
        outcome = run_acceptance(run.path, environment.name, base_url, options.selection)
        run.finish_part("acceptance", outcome.complete, outcome.detail)
    run.finish()
    progress("Utvärderar grindens kriterier och skriver rapporterna …")
    decision = gate_and_report(run.path, options.gate_file)
    print(f"\nBeslut: {VERDICT_TEXT[decision.verdict]}")
    for reason in decision.reasons:
        print(f"  – {sentence(reason)}")
    print(f"Rapport: {run.path / 'report.html'}")
    return exit_code_for(decision, options.strict)
