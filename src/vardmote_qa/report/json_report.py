"""decision.json: the machine interface of a decision (the whole decision document)."""

from __future__ import annotations

import json
from pathlib import Path

MACHINE_FIELDS = ("decision", "reasons", "run_id", "environment", "target_version", "platform_version",
                  "started_at", "finished_at", "synthetic_data", "parts", "criteria", "waivers", "blocking",
                  "baseline_run_id", "release_scope", "coverage")


def render(document: dict) -> str:
    machine = {field: document[field] for field in MACHINE_FIELDS}
    machine["criteria"] = [{k: v for k, v in c.items() if k != "value_text"} for c in document["criteria"]]
    return json.dumps(machine, ensure_ascii=False, indent=2, default=str)


def write(document: dict, path: Path) -> Path:
    path.write_text(render(document), encoding="utf-8")
    return path
