"""The scenario events a pytest run writes while it runs, one JSON line each, and their reader.

The writer is the pytest plugin `vardmote_qa.pytest_plugin.progress`; the reader is the run that started
pytest, tailing the file while pytest runs. The line format lives here only.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path


class ScenarioOutcome(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    RERUN = "rerun"  # an attempt failed and the scenario runs again; not a finished scenario


@dataclass(frozen=True)
class ScenariosCollected:
    count: int  # scenarios selected to run


@dataclass(frozen=True)
class ScenarioFinished:
    name: str
    outcome: ScenarioOutcome
    duration_s: float


ScenarioEvent = ScenariosCollected | ScenarioFinished


def event_line(event: ScenarioEvent) -> str:
    if isinstance(event, ScenariosCollected):
        data = {"event": "collected", "count": event.count}
    else:
        data = {"event": "finished", "name": event.name, "outcome": event.outcome.value,
                "duration_s": round(event.duration_s, 3)}
    return json.dumps(data, ensure_ascii=False) + "\n"


def parse_event(line: str) -> ScenarioEvent | None:
    """The event a line holds, or None for a line this version does not know (never a crash of the run)."""
    try:
        data = json.loads(line)
        if data["event"] == "collected":
            return ScenariosCollected(int(data["count"]))
        if data["event"] == "finished":
            return ScenarioFinished(str(data["name"]), ScenarioOutcome(data["outcome"]), float(data["duration_s"]))
    except (ValueError, KeyError, TypeError):
        pass
    return None


class ScenarioEventReader:
    """Reads the events appended to the file since the reader was made (the file may not exist yet).

    Starting at the file's current end lets the video part follow the same file after the acceptance part.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._offset = self.path.stat().st_size if self.path.exists() else 0

    def new_events(self) -> list[ScenarioEvent]:
        try:
            with self.path.open("rb") as file:
                file.seek(self._offset)
                written = file.read()
        except FileNotFoundError:
            return []
        complete = written[:written.rfind(b"\n") + 1]  # a line still being written waits for the next read
        self._offset += len(complete)
        events = (parse_event(line) for line in complete.decode("utf-8").splitlines() if line.strip())
        return [event for event in events if event is not None]
