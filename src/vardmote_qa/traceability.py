"""The traceability matrix: each requirement of the catalogue, the scenarios that verify it, and how
they ended in a run. A requirement without a scenario, or whose scenarios were all skipped, is not
verified; one failing scenario makes it failed."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .requirements import Requirement
from .run.acceptance_results import Outcome, ScenarioResult


class Coverage(enum.Enum):
    VERIFIED = "verifierad"
    FAILED = "underkänd"
    NOT_VERIFIED = "ej verifierad"


OUTCOME_SV = {Outcome.PASSED: "godkänd", Outcome.FAILED: "underkänd", Outcome.BROKEN: "trasig",
              Outcome.SKIPPED: "överhoppad"}


@dataclass(frozen=True)
class TraceRow:
    requirement: Requirement
    scenarios: tuple[ScenarioResult, ...]

    @property
    def coverage(self) -> Coverage:
        ran = [scenario for scenario in self.scenarios if scenario.outcome is not Outcome.SKIPPED]
        if not ran:
            return Coverage.NOT_VERIFIED
        return Coverage.VERIFIED if all(scenario.passed for scenario in ran) else Coverage.FAILED

    @property
    def flaky(self) -> bool:
        return any(scenario.passed_on_retry for scenario in self.scenarios)


def trace(catalogue: dict[str, Requirement], scenarios: list[ScenarioResult]) -> list[TraceRow]:
    """One row per catalogue requirement, in catalogue order."""
    return [TraceRow(requirement, tuple(s for s in scenarios if requirement.id in s.requirements))
            for requirement in catalogue.values()]


def unknown_requirements(catalogue: dict[str, Requirement], scenarios: list[ScenarioResult]) -> set[str]:
    """Requirement ids results carry that the catalogue lacks (results from an older catalogue)."""
    return {req for scenario in scenarios for req in scenario.requirements} - catalogue.keys()


def scenario_outcome_sv(scenario: ScenarioResult) -> str:
    text = OUTCOME_SV[scenario.outcome]
    return f"{text} efter {len(scenario.attempts)} försök" if scenario.passed_on_retry else text


def as_markdown(rows: list[TraceRow], source: str) -> str:
    lines = ["# Spårbarhet: krav → scenarier → senaste resultat", "", f"Resultat från: `{source}`", "",
             "| krav | rubrik | omfattning | status | scenarier |", "|---|---|---|---|---|"]
    for row in rows:
        scenarios = "<br>".join(f"{scenario.name} ({scenario_outcome_sv(scenario)})" for scenario in row.scenarios)
        lines.append(f"| {row.requirement.id} | {row.requirement.title} | {', '.join(row.requirement.scope) or '–'}"
                     f" | **{row.coverage.value}** | {scenarios or '–'} |")
    counts = {coverage: sum(row.coverage is coverage for row in rows) for coverage in Coverage}
    lines += ["", "Summa: " + ", ".join(f"{count} {coverage.value}" for coverage, count in counts.items())]
    return "\n".join(lines) + "\n"


def as_text(rows: list[TraceRow], source: str) -> str:
    lines = [f"Spårbarhet (resultat från {source})", ""]
    for row in rows:
        lines.append(f"{row.requirement.id:7} {row.coverage.value:14} {row.requirement.title}"
                     f" [{', '.join(row.requirement.scope) or 'ingen release'}]")
        for scenario in row.scenarios:
            lines.append(f"{'':9}– {scenario.name}: {scenario_outcome_sv(scenario)}")
    return "\n".join(lines) + "\n"
