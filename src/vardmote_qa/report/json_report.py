"""The decision as JSON: the machine interface of a decision (the document's machine fields)."""

from __future__ import annotations

import dataclasses
import enum
import json
from pathlib import Path

from .document import DecisionDocument

MACHINE_FIELDS = ("decision", "partial", "reasons", "run_id", "environment", "target_version", "platform_version",
                  "started_at", "finished_at", "synthetic_data", "parts", "criteria", "waivers", "blocking",
                  "baseline_run_id", "release_scope", "coverage")
SCREEN_ONLY = {"value_text"}  # a criterion's value as the human reports print it


def _plain(value):
    """Dataclasses as objects in field order, enums as their values, tuples as lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in SCREEN_ONLY}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def render(document: DecisionDocument) -> str:
    machine = {field: _plain(getattr(document, field)) for field in MACHINE_FIELDS}
    return json.dumps(machine, ensure_ascii=False, indent=2, default=str)


def write(document: DecisionDocument, path: Path) -> Path:
    path.write_text(render(document), encoding="utf-8")
    return path
