"""Scenario results from Allure's result files, retries kept (JUnit would hide them)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path


class Outcome(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    BROKEN = "broken"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ScenarioResult:
    history_id: str
    name: str
    feature: str
    tags: frozenset[str]
    requirements: frozenset[str]
    attempts: tuple[Outcome, ...]  # in the order they ran
    message: str

    @property
    def outcome(self) -> Outcome:
        return self.attempts[-1]

    @property
    def passed(self) -> bool:
        return self.outcome is Outcome.PASSED

    @property
    def passed_on_retry(self) -> bool:
        return self.passed and len(self.attempts) > 1


def read_scenarios(results_dir: Path) -> list[ScenarioResult]:
    attempts: dict[str, list[dict]] = {}
    for path in sorted(results_dir.glob("*-result.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        attempts.setdefault(data.get("historyId") or data["uuid"], []).append(data)
    scenarios = []
    for history_id, runs in attempts.items():
        runs.sort(key=lambda run: run.get("start", 0))
        last = runs[-1]
        labels = last.get("labels", [])
        scenarios.append(ScenarioResult(
            history_id=history_id, name=last.get("name", ""),
            feature=next((label["value"] for label in labels if label["name"] == "feature"), ""),
            tags=frozenset(label["value"] for label in labels if label["name"] == "tag"),
            requirements=frozenset(label["value"] for label in labels if label["name"] == "requirement"),
            attempts=tuple(Outcome(run.get("status", "broken")) for run in runs),
            message=_first_line((last.get("statusDetails") or {}).get("message") or "")))
    return sorted(scenarios, key=lambda scenario: (scenario.feature, scenario.name))


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""
