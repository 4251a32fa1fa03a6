"""Builds run folders on disk as a nightly run writes them: a manifest and Allure result files."""

from __future__ import annotations

import json
import uuid
from pathlib import Path


def write_run(root: Path, scenarios: list[dict], acceptance_status: str | None = "complete") -> Path:
    """scenarios: dicts with name, tags and attempts (a list of Allure statuses in run order)."""
    run = root / "run-1"
    results = run / "allure-results"
    results.mkdir(parents=True)
    parts = {}
    if acceptance_status is not None:
        parts["acceptance"] = {"status": acceptance_status, "detail": "pytest avslutades med kod 0"}
    manifest = {"format": 1, "run_id": "run-1", "started_at": "2026-11-25T01:00:00+01:00",
                "finished_at": "2026-11-25T01:10:00+01:00", "platform_version": "0.1.0",
                "environment": {"name": "local", "description": "test", "synthetic_data": True}, "parts": parts}
    (run / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for scenario in scenarios:
        for start, status in enumerate(scenario["attempts"]):
            result = {"uuid": str(uuid.uuid4()), "historyId": f"history-{scenario['name']}",
                      "name": scenario["name"], "status": status, "start": start,
                      "statusDetails": {"message": "AssertionError: nej"} if status != "passed" else {},
                      "labels": [{"name": "feature", "value": "Egenskap"}]
                      + [{"name": "tag", "value": tag} for tag in scenario["tags"]]}
            (results / f"{result['uuid']}-result.json").write_text(json.dumps(result), encoding="utf-8")
    return run
