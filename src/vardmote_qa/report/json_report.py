"""decision.json: the machine interface of a decision."""

from __future__ import annotations

import json
from pathlib import Path

from ..gate.messages_sv import VERDICT_TEXT, sentence
from ..gate.model import Decision
from ..run.record import RunRecord


def decision_document(decision: Decision, record: RunRecord) -> dict:
    environment = record.manifest.get("environment", {})
    return {
        "decision": VERDICT_TEXT[decision.verdict],
        "reasons": [sentence(reason) for reason in decision.reasons],
        "run_id": record.run_id,
        "environment": environment.get("name"),
        "target_version": environment.get("target_version"),
        "started_at": record.manifest.get("started_at"),
        "finished_at": record.manifest.get("finished_at"),
        "parts": {name: part.get("status") for name, part in record.manifest.get("parts", {}).items()},
        "criteria": [
            {"id": result.criterion.id, "kind": result.criterion.kind, "key": result.criterion.key,
             "status": result.status.value, "value": result.value,
             "reasons": [sentence(reason) for reason in result.reasons],
             "source": result.criterion.source}
            for result in decision.results
        ],
    }


def write(decision: Decision, record: RunRecord, path: Path) -> Path:
    path.write_text(json.dumps(decision_document(decision, record), ensure_ascii=False, indent=2), encoding="utf-8")
    return path
