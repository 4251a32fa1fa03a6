"""Typed results of the gate: statuses, verdicts, reasons (codes with parameters), waivers, decisions."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .entries import BaselineRule, CriterionEntry


class Status(enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    MISSING = "missing"
    NOT_JUDGED = "not_judged"  # its parts were not asked for in a partial run: neither passed nor missing

    @property
    def blocks(self) -> bool:
        """MISSING decides like FAIL: a run without evidence is never a GO."""
        return self in (Status.FAIL, Status.MISSING)

    @property
    def judged(self) -> bool:
        return self is not Status.NOT_JUDGED


class Verdict(enum.Enum):
    GO = "GO"
    GO_MED_RISK = "GO MED RISK"
    NO_GO = "NO-GO"


@dataclass(frozen=True)
class Reason:
    """Why something got its status: a message code (see messages_sv) and its parameters."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str  # the kind's name (gate/kinds)
    source: dict  # the YAML entry exactly as written; the report quotes it
    params: CriterionEntry  # the entry, typed by its kind's model: the common fields are read from it
    parts: tuple[str, ...] = ()  # the run parts its kind reads

    @property
    def warn(self) -> float | None:
        return self.params.warn

    @property
    def fail(self) -> float | None:
        return self.params.fail

    @property
    def key(self) -> bool:
        return self.params.key

    @property
    def baseline(self) -> BaselineRule | None:
        return self.params.baseline


@dataclass(frozen=True)
class BaselineComparison:
    run_id: str
    value: float
    change_percent: float  # positive = worse


@dataclass(frozen=True)
class Waiver:
    """An accepted risk: a criterion or a scenario that may fail until a date, with who and why."""

    criterion: str | None
    scenario: str | None
    who: str
    why: str
    until: dt.date

    def active_on(self, today: dt.date) -> bool:
        return today <= self.until

    @property
    def subject(self) -> str:
        return f"scenariot '{self.scenario}'" if self.scenario else f"kriteriet {self.criterion}"


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    status: Status
    value: object
    reasons: tuple[Reason, ...]
    failed_items: tuple[str, ...] = ()  # e.g. names of failed scenarios, so a waiver can cover them
    baseline: BaselineComparison | None = None
    waivers: tuple[Waiver, ...] = ()  # the waivers that turned a failure into a warning


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...]
    results: tuple[CriterionResult, ...]
    waivers_applied: tuple[Waiver, ...] = ()
    waivers_expired: tuple[Waiver, ...] = ()
    quarantined: tuple[Waiver, ...] = ()
    parts_judged: tuple[str, ...] = ()  # the parts whose criteria were judged (the parts the run asked for)

    @property
    def partial(self) -> bool:
        """A run of selected parts: judged on those parts' criteria only, never a release decision."""
        return any(not r.status.judged for r in self.results)

    @property
    def not_judged(self) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if not r.status.judged)
