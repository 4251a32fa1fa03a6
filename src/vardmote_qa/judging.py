"""Judging a run: its record, the gate's rules and the earlier runs in; a Judgement out. Writes nothing:
recording the history row and rendering the reports is publishing (publishing.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .gate.criteria import load_criteria
from .gate.decision import decide
from .gate.evaluate import evaluate_all
from .gate.kinds.requirements_coverage import RequirementRow, coverage_matrix
from .gate.model import Criterion, Decision
from .gate.rundata import RunData, gather
from .gate.waivers import WaiverFile, load_waivers, validate_against
from .history.store import EarlierRuns, RunSummary, earlier_runs
from .run.layout import RunLayout
from .run.record import load_run


@dataclass(frozen=True)
class GateRules:
    """The criteria and the waivers, parsed and checked against each other once, before a run starts."""

    criteria: tuple[Criterion, ...]
    waivers: WaiverFile

    @property
    def release_scope(self) -> str | None:
        return next((c.params.scope for c in self.criteria if c.kind == "requirements_coverage"), None)


def load_rules(gate_file: Path, waivers_file: Path | None) -> GateRules:
    """Everything a run will be judged by (bad input = exit 2)."""
    criteria = load_criteria(gate_file)
    waivers = load_waivers(waivers_file)
    validate_against(waivers, {c.id for c in criteria})
    return GateRules(criteria, waivers)


@dataclass(frozen=True)
class GateInputs:
    rules: GateRules
    history_path: Path
    today: dt.date
    pdf: bool = True


@dataclass(frozen=True)
class Judgement:
    """A decision and everything it rests on; the reports are made from this and nothing else."""

    decision: Decision
    data: RunData
    coverage: tuple[RequirementRow, ...]  # the traceability matrix, from the gate
    trend: tuple[RunSummary, ...]  # newest first: this run, then the earlier ones of its environment
    release_scope: str | None

    @property
    def layout(self) -> RunLayout:
        return self.data.record.layout


def judge_data(data: RunData, rules: GateRules, today: dt.date, earlier: EarlierRuns = EarlierRuns()) -> Judgement:
    """The pure part: a run's gathered data, judged. Its own outcomes count once in the history view."""
    data = data.with_history(earlier.view_with(data.scenarios))
    waivers = rules.waivers
    decision = decide(evaluate_all(rules.criteria, data), waivers.waivers, today, waivers.quarantine)
    this_run = RunSummary.of(data.record, decision, data.scenarios)
    scope = rules.release_scope
    return Judgement(decision, data, coverage_matrix(decision.results, data, scope), (this_run, *earlier.trend),
                     scope)


def judge(run_path: Path, inputs: GateInputs) -> Judgement:
    """Judges the run in run_path against the runs strictly before it; the same answer every time."""
    record = load_run(run_path)
    environment = record.manifest.get("environment", {}).get("name", "")
    earlier = earlier_runs(inputs.history_path, environment, record.run_id)
    data = gather(record, quarantined=inputs.rules.waivers.active_quarantine(inputs.today))
    return judge_data(data, inputs.rules, inputs.today, earlier)
