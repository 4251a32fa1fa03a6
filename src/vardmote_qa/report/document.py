"""The decision document: everything a report shows, gathered once from the decision, the run's data
and the history. Every renderer formats this document and computes nothing of its own."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import yaml

from ..gate.kinds.requirements_coverage import requirement_coverage
from ..gate.messages_sv import STATUS_TEXT, VERDICT_TEXT, partial_run_text, sentence
from ..gate.model import Decision, Status, Waiver
from ..gate.rundata import RunData
from ..history.store import RunSummary
from ..traceability import trace

OUTCOME_TEXT = {"passed": "Godkänt", "failed": "Underkänt", "broken": "Trasigt", "skipped": "Hoppades över"}
TREND_LIMIT = 20


def _waiver(waiver: Waiver) -> dict:
    return {"subject": waiver.subject, "criterion": waiver.criterion, "scenario": waiver.scenario,
            "who": waiver.who, "why": waiver.why, "until": waiver.until.isoformat()}


VALUE_WORDS = {"total": "scenarier", "failed": "underkända", "flaky": "omkörda", "in_scope": "krav i omfattningen",
               "verified": "verifierade"}


def _unit(criterion, data: RunData) -> str:
    """The unit a criterion's value is in: from the media summary, or from the load measure's name."""
    params = criterion.params
    if criterion.kind == "media_measure":
        profile = ((data.media_summary or {}).get("profiles") or {}).get(params["profile"]) or {}
        unit = ((profile.get("measures") or {}).get(params["measure"]) or {}).get("unit") or ""
        return "" if unit == "bool" else unit
    if criterion.kind == "load_request":
        return "ms" if params["measure"].endswith("_ms") else "andel"
    return ""


def _value_text(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and unit:
        return f"{value:.4g} {unit}"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{v} {VALUE_WORDS.get(k, k)}" for k, v in value.items())
    return str(value)


def _attachments(result: dict):
    for attachment in result.get("attachments", []):
        yield attachment
    for step in result.get("steps", []):
        yield from _attachments(step)


def _failure_evidence(results_dir: Path, run_path: Path, names: set[str]) -> dict[str, dict]:
    """Screenshots (embedded, so the report stays self-contained) and trace links of failed scenarios."""
    evidence: dict[str, dict] = {}
    if not results_dir.is_dir():
        return evidence
    for path in sorted(results_dir.glob("*-result.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        if result.get("name") not in names or result.get("status") == "passed":
            continue
        found = evidence.setdefault(result["name"], {"screenshots": [], "traces": []})
        for attachment in _attachments(result):
            source = results_dir / attachment.get("source", "")
            if attachment.get("type") == "image/png" and source.is_file() and len(found["screenshots"]) < 4:
                found["screenshots"].append({"name": attachment.get("name", ""), "data_uri": "data:image/png;base64,"
                                             + base64.b64encode(source.read_bytes()).decode()})
            elif source.suffix == ".zip" and source.is_file():
                found["traces"].append({"name": attachment.get("name", ""),
                                        "href": str(source.relative_to(run_path))})
    return evidence


def _version_text(version) -> str | None:
    if isinstance(version, dict):
        return " ".join(str(value) for value in version.values())
    return version


def _coverage_rows(decision: Decision, data: RunData, scope: str | None) -> list[dict]:
    """The traceability matrix, with the gate's verifying criteria beside each requirement's scenarios."""
    results_by_id = {r.criterion.id: r for r in decision.results}
    gate_criterion = next((r.criterion for r in decision.results if r.criterion.kind == "requirements_coverage"), None)
    rows = []
    for row in trace(data.catalogue, list(data.scenarios)):
        verifying = [results_by_id[i] for i in (gate_criterion.params["verified_by"].get(row.requirement.id, ())
                                                if gate_criterion else ()) if i in results_by_id]
        rows.append({
            "id": row.requirement.id, "title": row.requirement.title, "epic": row.requirement.epic,
            "in_scope": scope in row.requirement.scope if scope else False,
            "scenarios": [{"name": s.name, "outcome": s.outcome.value, "outcome_text": OUTCOME_TEXT[s.outcome.value]}
                          for s in row.scenarios],
            "criteria": [{"id": r.criterion.id, "status": r.status.value, "status_text": STATUS_TEXT[r.status]}
                         for r in verifying],
            "status": requirement_coverage(row, [r.status for r in verifying]).value,
        })
    return rows


def build(decision: Decision, data: RunData, trend: list[RunSummary], scope: str | None) -> dict:
    record = data.record
    manifest = record.manifest
    environment = manifest.get("environment", {})
    failed_names = {s.name for s in data.scenarios if not s.passed or s.passed_on_retry}
    evidence = _failure_evidence(record.path / "allure-results", record.path, failed_names)
    units = {r.criterion.id: _unit(r.criterion, data) for r in decision.results}
    return {
        "decision": VERDICT_TEXT[decision.verdict],
        "partial": partial_run_text(decision),  # "Delkörning (video): inget releasebeslut", None for a whole run
        "reasons": [sentence(reason) for reason in decision.reasons],
        "run_id": record.run_id,
        "environment": environment.get("name"),
        "environment_description": environment.get("description"),
        "base_url": environment.get("base_url"),
        "target_version": _version_text(environment.get("target_version")),
        "platform_version": manifest.get("platform_version"),
        "started_at": manifest.get("started_at"),
        "finished_at": manifest.get("finished_at"),
        "synthetic_data": bool(environment.get("synthetic_data")),
        "parts": [{"name": name, "status": part.get("status"), "detail": part.get("detail", "")}
                  for name, part in manifest.get("parts", {}).items()],
        "criteria": [{
            "id": r.criterion.id, "kind": r.criterion.kind, "key": r.criterion.key,
            "status": r.status.value, "status_text": STATUS_TEXT[r.status],
            "value": r.value, "value_text": _value_text(r.value, units[r.criterion.id]),
            "unit": units[r.criterion.id],
            "warn": r.criterion.warn, "fail": r.criterion.fail,
            "baseline": None if r.baseline is None else {
                "run_id": r.baseline.run_id, "value": r.baseline.value, "change_percent": r.baseline.change_percent},
            "reasons": [sentence(reason) for reason in r.reasons],
            "waived_by": [_waiver(w) for w in r.waivers],
            "source": yaml.safe_dump(r.criterion.source, allow_unicode=True, sort_keys=False).strip(),
        } for r in decision.results],
        "waivers": {"applied": [_waiver(w) for w in decision.waivers_applied],
                    "expired": [_waiver(w) for w in decision.waivers_expired],
                    "quarantined": [_waiver(w) for w in decision.quarantined]},
        "scenarios": [{
            "feature": s.feature, "name": s.name, "outcome": s.outcome.value,
            "outcome_text": OUTCOME_TEXT[s.outcome.value], "attempts": len(s.attempts),
            "passed_on_retry": s.passed_on_retry, "quarantined": s.name in data.quarantined,
            "message": s.message, "requirements": sorted(s.requirements),
            "flips": data.history.flip_rates.get(s.name),
            "evidence": evidence.get(s.name, {"screenshots": [], "traces": []}),
        } for s in data.scenarios],
        "coverage": _coverage_rows(decision, data, scope),
        "release_scope": scope,
        "media": data.media_summary,
        "load": data.load_summary,
        "baseline_run_id": data.history.baseline_run_id,
        "trend": [{"run_id": t.run_id, "verdict": t.verdict, "pass_rate": t.pass_rate, "values": t.values}
                  for t in reversed(trend[:TREND_LIMIT])],
        "allure_report": "allure-report/index.html" if (record.path / "allure-report" / "index.html").is_file()
        else None,
        "blocking": [c.criterion.id for c in decision.results if c.status in (Status.FAIL, Status.MISSING)],
    }
