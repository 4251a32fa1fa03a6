"""Locust's current figures, read from the statistics history it appends while it runs
(`--csv-full-history`: a row per request name and an "Aggregated" row every second or so)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

AGGREGATED = "Aggregated"


@dataclass(frozen=True)
class LoadFigures:
    users: int
    requests_per_s: float  # Locust's current rate (its last few seconds), not the run's average
    failures_per_s: float
    requests: int  # since the start
    failures: int


class StatsHistoryReader:
    """Tails the history file; `latest()` gives the newest aggregated row seen so far."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._offset = 0
        self._columns: list[str] | None = None
        self._latest: LoadFigures | None = None

    def latest(self) -> LoadFigures | None:
        for row in self._new_rows():
            if row.get("Name") == AGGREGATED:
                figures = _figures(row)
                if figures is not None:
                    self._latest = figures
        return self._latest

    def _new_rows(self) -> list[dict[str, str]]:
        try:
            with self.path.open("rb") as file:
                if self.path.stat().st_size < self._offset:  # Locust started the file again
                    self._offset, self._columns = 0, None
                file.seek(self._offset)
                written = file.read()
        except FileNotFoundError:
            return []
        complete = written[:written.rfind(b"\n") + 1]  # a row still being written waits for the next read
        self._offset += len(complete)
        rows = list(csv.reader(complete.decode("utf-8").splitlines()))
        if rows and self._columns is None:
            self._columns, rows = rows[0], rows[1:]
        return [dict(zip(self._columns or [], row)) for row in rows]


def _figures(row: dict[str, str]) -> LoadFigures | None:
    try:
        return LoadFigures(users=int(row["User Count"]), requests_per_s=float(row["Requests/s"]),
                           failures_per_s=float(row["Failures/s"]), requests=int(row["Total Request Count"]),
                           failures=int(row["Total Failure Count"]))
    except (KeyError, ValueError):
        return None
