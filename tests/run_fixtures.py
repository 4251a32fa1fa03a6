"""Builds run folders on disk as a nightly run writes them: manifest, Allure results, summaries."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from vardmote_qa.run.layout import PartStatus, RunLayout

REQUIREMENT_ID = re.compile(r"^[A-Z]{3}-\d{2}$")
COMPLETE = {"status": PartStatus.COMPLETE.value, "detail": "pytest avslutades med kod 0"}


def write_run(root: Path, scenarios: list[dict], acceptance_status: str | None = PartStatus.COMPLETE.value, *,
              run_id: str = "run-1", parts: dict | None = None, media: dict | None = None,
              load: dict | None = None, requested_parts: list[str] | None = None) -> Path:
    """scenarios: dicts with name, tags (requirement ids among them) and attempts (Allure statuses).
    requested_parts: the parts the run was asked for (a partial run); None writes an old manifest (all parts)."""
    run = root / run_id
    layout = RunLayout(run)
    results = layout.allure_results
    results.mkdir(parents=True)
    all_parts = dict(parts or {})
    if acceptance_status is not None:
        all_parts["acceptance"] = {"status": acceptance_status, "detail": "pytest avslutades med kod 0"
                                   if acceptance_status == PartStatus.COMPLETE.value else "körningen avbröts (SIGTERM)"}
    manifest = {"format": 1, "run_id": run_id, "started_at": "2026-11-25T01:00:00+01:00",
                "finished_at": "2026-11-25T01:10:00+01:00", "platform_version": "0.1.0",
                "environment": {"name": "local", "description": "Inbyggd sandlåda", "base_url": "http://127.0.0.1:1",
                                "target_version": {"version": "0.1.0"}, "synthetic_data": True},
                "parts": all_parts}
    if requested_parts is not None:
        manifest["requested_parts"] = requested_parts
    layout.manifest.write_text(json.dumps(manifest), encoding="utf-8")
    for number, scenario in enumerate(scenarios):
        for start, status in enumerate(scenario["attempts"]):
            labels = [{"name": "feature", "value": scenario.get("feature", "Egenskap")}]
            labels += [{"name": "tag", "value": tag} for tag in scenario["tags"]]
            labels += [{"name": "requirement", "value": tag} for tag in scenario["tags"] if REQUIREMENT_ID.match(tag)]
            result = {"uuid": f"{run_id}-{number}-{start}", "historyId": f"history-{scenario['name']}",
                      "name": scenario["name"], "status": status, "start": start,
                      "statusDetails": {"message": "AssertionError: nej"} if status != "passed" else {},
                      "labels": labels}
            (results / f"{result['uuid']}-result.json").write_text(json.dumps(result), encoding="utf-8")
    for path, summary in ((layout.media_summary, media), (layout.load_summary, load)):
        if summary is not None:
            path.parent.mkdir()
            path.write_text(json.dumps(summary), encoding="utf-8")
    return run


def unique_id() -> str:
    return uuid.uuid4().hex[:8]


def fixed_catalogue() -> dict:
    """A small catalogue of its own, so report snapshots do not change when the real one grows."""
    from vardmote_qa.requirements import Requirement
    return {rid: Requirement(rid, title, "Epik", "Text.", "Källa", scope) for rid, title, scope in (
        ("DVM-01", "Vårdgivarinitierat videomöte", ("nästa",)), ("DVM-02", "Chatt", ("nästa",)),
        ("DVM-05", "Konferenssamtal", ()))}
