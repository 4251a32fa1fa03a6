"""Writes a JSON line per finished scenario (and one with the number selected) while pytest runs, so
that the run that started pytest can show progress. Loaded only by that run:
`-p vardmote_qa.pytest_plugin.progress --progress-file <run>/progress.jsonl`.

A scenario retried by pytest-rerunfailures writes a "rerun" line per failed attempt, then its final outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..progress.scenarios import (ScenarioEvent, ScenarioFinished, ScenarioOutcome, ScenariosCollected,
                                  event_line)


def pytest_addoption(parser):
    parser.getgroup("vardmote-qa").addoption(
        "--progress-file", default=None, help="fil där varje avslutat scenario skrivs som en JSON-rad (förloppet)")


def pytest_configure(config):
    path = config.getoption("--progress-file")
    if path:
        config.pluginmanager.register(ProgressWriter(Path(path)), "vardmote-qa-progress-writer")


class ProgressWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: dict[str, str] = {}
        self.attempt: dict[str, list[pytest.TestReport]] = {}

    def _write(self, event: ScenarioEvent) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as file:  # one whole line per write: a reader never sees half
            file.write(event_line(event))

    def pytest_collection_finish(self, session):
        self.names = {item.nodeid: scenario_name(item) for item in session.items}
        self._write(ScenariosCollected(len(session.items)))

    def pytest_runtest_logstart(self, nodeid, location):
        self.attempt[nodeid] = []

    def pytest_runtest_logreport(self, report):
        self.attempt.setdefault(report.nodeid, []).append(report)

    def pytest_runtest_logfinish(self, nodeid, location):
        reports = self.attempt.pop(nodeid, [])
        self._write(ScenarioFinished(self.names.get(nodeid, nodeid), attempt_outcome(reports),
                                     sum(report.duration for report in reports)))


def attempt_outcome(reports: list[pytest.TestReport]) -> ScenarioOutcome:
    outcomes = {report.outcome for report in reports}
    if "rerun" in outcomes:
        return ScenarioOutcome.RERUN
    if "failed" in outcomes:
        return ScenarioOutcome.FAILED
    if "skipped" in outcomes:
        return ScenarioOutcome.SKIPPED
    return ScenarioOutcome.PASSED


def scenario_name(item: pytest.Item) -> str:
    """The Swedish scenario name (pytest-bdd puts 'Feature: Scenario' in the test's docstring), an outline's
    <placeholders> filled from its example; the test id when the test is not a scenario."""
    doc = getattr(getattr(item, "obj", None), "__doc__", None) or ""
    if ": " not in doc:
        return item.name
    name = doc.split(": ", 1)[1]
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get("_pytest_bdd_example", {}) if callspec is not None else {}
    for placeholder, value in example.items():
        name = name.replace(f"<{placeholder}>", str(value))
    return name
