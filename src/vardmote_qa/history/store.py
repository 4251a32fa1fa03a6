"""The history store in SQLite: one row per run, per criterion and per scenario.

One rule for what a judged run sees of the history: only the runs strictly before it (by run id) of its
environment, never its own row. Its own outcomes are counted once, from its data (EarlierRuns.view_with),
so the first judgement and any later one (`vmqa gate` on a recorded run) agree."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..gate.model import Decision, Status
from ..gate.rundata import HistoryView
from ..run.acceptance_results import Outcome, ScenarioResult
from ..run.record import REPORTS_DIR, RunRecord

DEFAULT_PATH = Path(os.environ.get("VMQA_HISTORY", REPORTS_DIR / "history.sqlite"))
FLIP_WINDOW = 10  # runs over which a scenario's flip rate is counted: the judged run and the ones before it
TREND_WINDOW = 30  # runs a report's trend shows at the most, the judged run included
LOCK_TIMEOUT_S = 10.0  # another run writing its row holds the lock for milliseconds; longer is a stuck lock

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


def _numeric(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def _pass_rate(outcomes: list[str]) -> float | None:
    return sum(outcome == Outcome.PASSED.value for outcome in outcomes) / len(outcomes) if outcomes else None


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    environment: str
    started_at: str
    verdict: str
    target_version: str | None
    values: dict  # criterion id -> numeric value (or None)
    pass_rate: float | None

    @classmethod
    def of(cls, record: RunRecord, decision: Decision, scenarios: tuple[ScenarioResult, ...]) -> "RunSummary":
        """A judged run's row as the store keeps it, before (or without) it is stored."""
        environment = record.manifest.get("environment", {})
        version = environment.get("target_version")
        return cls(record.run_id, environment.get("name", ""), record.manifest.get("started_at", ""),
                   decision.verdict.value, json.dumps(version) if version else None,
                   {r.criterion.id: _numeric(r.value) for r in decision.results},
                   _pass_rate([s.outcome.value for s in scenarios]))


@dataclass(frozen=True)
class EarlierRuns:
    """What the store knows of the runs strictly before a judged run, in its environment."""

    baseline_run_id: str | None = None  # the last GO
    baseline_values: dict = field(default_factory=dict)  # criterion id -> numeric value of that GO
    outcomes: dict = field(default_factory=dict)  # scenario name -> its outcomes, oldest first
    trend: tuple[RunSummary, ...] = ()  # newest first

    def view_with(self, scenarios: tuple[ScenarioResult, ...]) -> HistoryView:
        """The gate's view of the history for a run with these scenarios: its own outcomes counted once."""
        sequences = {name: list(seen) for name, seen in self.outcomes.items()}
        for scenario in scenarios:
            sequences.setdefault(scenario.name, []).append(scenario.outcome.value)
        flips = {name: (sum(a != b for a, b in zip(seq, seq[1:])), len(seq)) for name, seq in sequences.items()}
        return HistoryView(baseline_run_id=self.baseline_run_id, baseline_values=dict(self.baseline_values),
                           flip_rates=flips)


def refusal(path: Path, error: Exception) -> UserError:
    """The one sentence for a history store that cannot be used; the store itself is left as it is."""
    if "locked" in str(error):
        return UserError(f"Historikdatabasen {path} är låst av en annan process (väntade {LOCK_TIMEOUT_S:.0f} s); "
                         f"den lämnas orörd: försök igen när den är ledig.")
    return UserError(f"Historikdatabasen {path} är skadad eller ingen SQLite-databas ({error}); den lämnas orörd: "
                     f"flytta undan den eller ange en annan med --historik.")


@contextlib.contextmanager
def _answering(path: Path):
    """Every query of the store: a locked or broken database is one sentence, never a traceback."""
    try:
        yield
    except sqlite3.Error as error:
        raise refusal(path, error) from None


def earlier_runs(path: Path, environment: str, judged_run: str) -> EarlierRuns:
    """Reads the store without writing to it (judging writes nothing); no store yet is no history."""
    if not Path(path).is_file():
        return EarlierRuns()
    store = HistoryStore(path, read_only=True)
    try:
        return store.earlier_runs(environment, judged_run)
    finally:
        store.close()


def check_usable(path: Path) -> None:
    """Before a run: an existing store that cannot be read (corrupt, locked, not a database) stops the run
    before anything is measured, and is not touched; no store yet is fine (the first run creates it)."""
    if not Path(path).exists():
        return
    store = HistoryStore(path, read_only=True)
    try:
        store.verify()
    finally:
        store.close()


class HistoryStore:
    def __init__(self, path: Path = DEFAULT_PATH, read_only: bool = False):
        self.path = Path(path)
        try:
            if read_only:
                self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                           timeout=LOCK_TIMEOUT_S)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT_S)
                self._db.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise refusal(self.path, error) from None
        except OSError as error:
            raise UserError(f"Historikdatabasen {self.path} går inte att öppna: {error.strerror}.") from None

    def verify(self) -> None:
        """Reads the whole store once: a corrupt page or a missing table is found now, not after a run."""
        with _answering(self.path):
            (answer,) = self._db.execute("PRAGMA quick_check").fetchone()
            if answer != "ok":
                raise sqlite3.DatabaseError(answer)
            for table in ("runs", "criteria", "scenarios"):
                self._db.execute(f"SELECT count(*) FROM {table}").fetchone()

    def close(self) -> None:
        self._db.close()

    def record(self, record: RunRecord, decision: Decision, scenarios: tuple[ScenarioResult, ...]) -> None:
        """Stores (or replaces, when a run is judged again) one run."""
        summary = RunSummary.of(record, decision, scenarios)
        with _answering(self.path), self._db:
            for table in ("criteria", "scenarios", "runs"):
                self._db.execute(f"DELETE FROM {table} WHERE run_id = ?", (record.run_id,))
            self._db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)", (
                summary.run_id, summary.environment, summary.started_at, summary.verdict, summary.target_version,
                str(record.path)))
            self._db.executemany("INSERT INTO criteria VALUES (?, ?, ?, ?, ?)", [
                (record.run_id, r.criterion.id, r.status.value, _numeric(r.value), json.dumps(r.value))
                for r in decision.results])
            self._db.executemany("INSERT INTO scenarios VALUES (?, ?, ?, ?)", [
                (record.run_id, s.name, s.outcome.value, len(s.attempts)) for s in scenarios])

    def earlier_runs(self, environment: str, judged_run: str) -> EarlierRuns:
        """The baseline, the scenario outcomes and the trend of the runs strictly before the judged one."""
        with _answering(self.path):
            return self._earlier_runs(environment, judged_run)

    def _earlier_runs(self, environment: str, judged_run: str) -> EarlierRuns:
        # A partial run's GO (criteria left unjudged) is no release decision, so never the baseline.
        baseline = self._db.execute(
            "SELECT run_id FROM runs WHERE environment = ? AND verdict = 'GO' AND run_id < ? AND run_id NOT IN "
            "(SELECT run_id FROM criteria WHERE status = ?) ORDER BY run_id DESC LIMIT 1",
            (environment, judged_run, Status.NOT_JUDGED.value)).fetchone()
        values = {}
        if baseline:
            values = {criterion: value for criterion, value in self._db.execute(
                "SELECT criterion_id, numeric_value FROM criteria WHERE run_id = ? AND numeric_value IS NOT NULL",
                (baseline[0],))}
        recent = [row[0] for row in self._db.execute(
            "SELECT run_id FROM runs WHERE environment = ? AND run_id < ? ORDER BY run_id DESC LIMIT ?",
            (environment, judged_run, FLIP_WINDOW - 1))]
        outcomes: dict[str, list[str]] = {}
        for run_id in reversed(recent):
            for name, outcome in self._db.execute("SELECT name, outcome FROM scenarios WHERE run_id = ?", (run_id,)):
                outcomes.setdefault(name, []).append(outcome)
        return EarlierRuns(baseline_run_id=baseline[0] if baseline else None, baseline_values=values,
                           outcomes={name: tuple(seen) for name, seen in outcomes.items()},
                           trend=tuple(self._summaries("WHERE environment = ? AND run_id < ?",
                                                       (environment, judged_run), TREND_WINDOW - 1)))

    def runs(self, environment: str | None = None, limit: int = TREND_WINDOW) -> list[RunSummary]:
        """The stored runs, newest first (`vmqa history`)."""
        where, params = ("WHERE environment = ?", (environment,)) if environment else ("", ())
        with _answering(self.path):
            return self._summaries(where, params, limit)

    def _summaries(self, where: str, params: tuple, limit: int) -> list[RunSummary]:
        rows = self._db.execute(f"SELECT run_id, environment, started_at, verdict, target_version FROM runs "
                                f"{where} ORDER BY run_id DESC LIMIT ?", (*params, limit)).fetchall()
        summaries = []
        for run_id, env, started, verdict, version in rows:
            values = dict(self._db.execute(
                "SELECT criterion_id, numeric_value FROM criteria WHERE run_id = ?", (run_id,)).fetchall())
            outcomes = [row[0] for row in self._db.execute("SELECT outcome FROM scenarios WHERE run_id = ?", (run_id,))]
            summaries.append(RunSummary(run_id, env, started, verdict, version, values, _pass_rate(outcomes)))
        return summaries
