"""Evaluates every criterion over one run record. Pure: reads the record, returns new results."""

from __future__ import annotations

from ..run.acceptance_results import read_scenarios
from ..run.record import RunRecord
from .kinds import KINDS
from .model import Criterion, CriterionResult


def evaluate_all(criteria: tuple[Criterion, ...], record: RunRecord) -> tuple[CriterionResult, ...]:
    results_dir = record.path / "allure-results"
    scenarios = read_scenarios(results_dir) if results_dir.is_dir() else []
    results = []
    for criterion in criteria:
        kind = KINDS[criterion.kind]
        part = kind.PART
        results.append(kind.evaluate(criterion, record.part_status(part), record.part_detail(part), scenarios))
    return tuple(results)
