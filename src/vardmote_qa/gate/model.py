"""Typed results of the gate: statuses, verdicts, reasons (codes with parameters), decisions."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Status(enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    MISSING = "missing"


class Verdict(enum.Enum):
    GO = "GO"
    GO_MED_RISK = "GO MED RISK"
    NO_GO = "NO-GO"


@dataclass(frozen=True)
class Reason:
    """Why a criterion got its status: a message code (see messages_sv) and its parameters."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str
    source: dict  # the YAML entry exactly as written; the report quotes it
    params: dict
    warn: object = None
    fail: object = None
    key: bool = False


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    status: Status
    value: object
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...]
    results: tuple[CriterionResult, ...]
