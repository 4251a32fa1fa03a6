"""Everything the criteria read about one run, gathered once and frozen before evaluation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..requirements import Requirement, load_catalogue
from ..run.acceptance_results import ScenarioResult, read_scenarios
from ..run.layout import PartStatus
from ..run.record import RunRecord
from .model import CriterionResult, Reason, Status


@dataclass(frozen=True)
class HistoryView:
    """What the history says of a run: the baseline (last GO of the same environment before it) and each
    scenario's flip rate over the earlier runs and this one (history.store.EarlierRuns.view_with)."""

    baseline_run_id: str | None = None
    baseline_values: dict = field(default_factory=dict)  # criterion id -> numeric value
    flip_rates: dict = field(default_factory=dict)  # scenario name -> (flips, runs), this run counted once


@dataclass(frozen=True)
class RunData:
    record: RunRecord
    scenarios: tuple[ScenarioResult, ...]
    media_summary: dict | None
    load_summary: dict | None
    catalogue: dict[str, Requirement]
    history: HistoryView = HistoryView()
    quarantined: frozenset[str] = frozenset()

    @property
    def counted_scenarios(self) -> tuple[ScenarioResult, ...]:
        """Scenarios that count for the decision: quarantined ones are shown but not counted."""
        return tuple(s for s in self.scenarios if s.name not in self.quarantined)

    def with_history(self, history: HistoryView) -> "RunData":
        return replace(self, history=history)

    def part_problem(self, criterion, part: str) -> CriterionResult | None:
        """A MISSING result when the part this criterion needs did not run to its end, else None."""
        status = self.record.part_status(part)
        if status is PartStatus.COMPLETE:
            return None
        code = "part.missing" if status is PartStatus.MISSING else "part.incomplete"
        detail = self.record.part_detail(part) or "ingen data"
        return CriterionResult(criterion, Status.MISSING, None, (Reason(code, {"part": part, "detail": detail}),))


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def gather(record: RunRecord, history: HistoryView = HistoryView(),
           quarantined: frozenset[str] = frozenset()) -> RunData:
    layout = record.layout
    results_dir = layout.allure_results
    return RunData(record=record,
                   scenarios=tuple(read_scenarios(results_dir)) if results_dir.is_dir() else (),
                   media_summary=_read_json(layout.media_summary),
                   load_summary=_read_json(layout.load_summary),
                   catalogue=load_catalogue(), history=history, quarantined=quarantined)
