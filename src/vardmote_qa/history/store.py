"""The history store in SQLite: one row per run, per criterion and per scenario."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..gate.model import Decision
from ..gate.rundata import HistoryView
from ..run.acceptance_results import ScenarioResult
from ..run.record import REPORTS_DIR, RunRecord

DEFAULT_PATH = Path(os.environ.get("VMQA_HISTORY", REPORTS_DIR / "history.sqlite"))
FLIP_WINDOW = 10  # runs over which a scenario's flip rate is counted

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, environment TEXT NOT NULL, started_at TEXT NOT NULL, verdict TEXT NOT NULL,
    target_version TEXT, path TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS criteria (
    run_id TEXT NOT NULL REFERENCES runs(run_id), criterion_id TEXT NOT NULL, status TEXT NOT NULL,
    numeric_value REAL, value_json TEXT, PRIMARY KEY (run_id, criterion_id)
);
CREATE TABLE IF NOT EXISTS scenarios (
    run_id TEXT NOT NULL REFERENCES runs(run_id), name TEXT NOT NULL, outcome TEXT NOT NULL,
    attempts INTEGER NOT NULL, PRIMARY KEY (run_id, name)
);
"""


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    environment: str
    started_at: str
    verdict: str
    target_version: str | None
    values: dict  # criterion id -> numeric value (or None)
    pass_rate: float | None


class HistoryStore:
    def __init__(self, path: Path = DEFAULT_PATH):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise UserError(f"Historikdatabasen {self.path} går inte att öppna: {error}.") from None

    def close(self) -> None:
        self._db.close()

    def record(self, record: RunRecord, decision: Decision, scenarios: tuple[ScenarioResult, ...]) -> None:
        """Stores (or replaces, when a run is judged again) one run."""
        environment = record.manifest.get("environment", {})
        version = environment.get("target_version")
        with self._db:
            for table in ("criteria", "scenarios", "runs"):
                self._db.execute(f"DELETE FROM {table} WHERE run_id = ?", (record.run_id,))
            self._db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)", (
                record.run_id, environment.get("name", ""), record.manifest.get("started_at", ""),
                decision.verdict.value, json.dumps(version) if version else None, str(record.path)))
            self._db.executemany("INSERT INTO criteria VALUES (?, ?, ?, ?, ?)", [
                (record.run_id, r.criterion.id, r.status.value,
                 float(r.value) if isinstance(r.value, (int, float)) else None, json.dumps(r.value))
                for r in decision.results])
            self._db.executemany("INSERT INTO scenarios VALUES (?, ?, ?, ?)", [
                (record.run_id, s.name, s.outcome.value, len(s.attempts)) for s in scenarios])

    def view_for(self, environment: str, before_run: str) -> HistoryView:
        """The baseline (last GO of this environment before this run) and flip rates."""
        baseline = self._db.execute(
            "SELECT run_id FROM runs WHERE environment = ? AND verdict = 'GO' AND run_id < ? "
            "ORDER BY run_id DESC LIMIT 1", (environment, before_run)).fetchone()
        values = {}
        if baseline:
            values = {criterion: value for criterion, value in self._db.execute(
                "SELECT criterion_id, numeric_value FROM criteria WHERE run_id = ? AND numeric_value IS NOT NULL",
                (baseline[0],))}
        recent = [row[0] for row in self._db.execute(
            "SELECT run_id FROM runs WHERE environment = ? AND run_id <= ? ORDER BY run_id DESC LIMIT ?",
            (environment, before_run, FLIP_WINDOW))]
        outcomes: dict[str, list[str]] = {}
        for run_id in reversed(recent):
            for name, outcome in self._db.execute("SELECT name, outcome FROM scenarios WHERE run_id = ?", (run_id,)):
                outcomes.setdefault(name, []).append(outcome)
        flips = {name: (sum(a != b for a, b in zip(seq, seq[1:])), len(seq)) for name, seq in outcomes.items()}
        return HistoryView(baseline_run_id=baseline[0] if baseline else None, baseline_values=values,
                           flip_rates=flips)

    def runs(self, environment: str | None = None, limit: int = 30) -> list[RunSummary]:
        where, params = ("WHERE environment = ?", (environment,)) if environment else ("", ())
        rows = self._db.execute(f"SELECT run_id, environment, started_at, verdict, target_version FROM runs "
                                f"{where} ORDER BY run_id DESC LIMIT ?", (*params, limit)).fetchall()
        summaries = []
        for run_id, env, started, verdict, version in rows:
            values = dict(self._db.execute(
                "SELECT criterion_id, numeric_value FROM criteria WHERE run_id = ?", (run_id,)).fetchall())
            outcomes = [row[0] for row in self._db.execute("SELECT outcome FROM scenarios WHERE run_id = ?", (run_id,))]
            pass_rate = sum(o == "passed" for o in outcomes) / len(outcomes) if outcomes else None
            summaries.append(RunSummary(run_id, env, started, verdict, version, values, pass_rate))
        return summaries
