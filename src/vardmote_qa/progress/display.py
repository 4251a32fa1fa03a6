"""Showing a part's progress: live (rich) in a terminal, one plain line at a time otherwise.

A terminal gets a live bar per part with the elapsed time and the counts so far, and a line per finished
scenario above it. Without a terminal, or with CI=true, the output is plain lines only (no ANSI codes, no
carriage returns): one per finished scenario, a load status line every LOAD_LINE_INTERVAL_S and a
"pågår" line when a part has been silent for QUIET_NOTICE_S.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Iterator, Mapping, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

from .part import Clock, PartProgress, decimal
from .scenarios import ScenarioEvent, ScenarioFinished, ScenarioOutcome, ScenariosCollected

LOAD_LINE_INTERVAL_S = 15.0
QUIET_NOTICE_S = 60.0
OUTCOME_WORDS = {ScenarioOutcome.PASSED: "godkänt", ScenarioOutcome.FAILED: "underkänt",
                 ScenarioOutcome.SKIPPED: "hoppades över", ScenarioOutcome.RERUN: "körs om"}


def runs_in_terminal(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """A live display only for a person at a terminal: CI=true (set by GitHub, GitLab, …) means a log."""
    in_ci = environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return stream.isatty() and not in_ci


def choose_display(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> "Display":
    stream = stream or sys.stdout
    if runs_in_terminal(stream, os.environ if environ is None else environ):
        return LiveDisplay(stream)
    return LineDisplay(stream)


class Display:
    """Makes the PartProgress of each part; the base shows nothing."""

    @contextlib.contextmanager
    def part(self, title: str) -> Iterator[PartProgress]:
        progress = self._progress_for(title)
        try:
            yield progress
        except BaseException:
            progress.end(interrupted=True)
            raise
        progress.end(interrupted=False)

    def _progress_for(self, title: str) -> PartProgress:
        return PartProgress(title)


class LineDisplay(Display):
    """Plain lines for a log: no colours, no cursor movement."""

    def __init__(self, stream: TextIO, clock: Clock = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock

    def _progress_for(self, title: str) -> PartProgress:
        return LinePartProgress(title, self.stream, self.clock)


class LinePartProgress(PartProgress):
    def __init__(self, title: str, stream: TextIO, clock: Clock) -> None:
        super().__init__(title, clock)
        self.stream = stream
        self._last_line_at = self.started
        self._last_load_line_at: float | None = None

    def _say(self, text: str) -> None:
        self.stream.write(f"  {text}\n")
        self.stream.flush()
        self._last_line_at = self.clock()

    def _show_scenario(self, event: ScenarioEvent) -> None:
        if isinstance(event, ScenariosCollected):
            self._say(f"{self.title}: {event.count} scenarier att köra")
        elif isinstance(event, ScenarioFinished):
            self._say(f"{self.title} {self.position()}  {OUTCOME_WORDS[event.outcome]:<13} {event.name} "
                      f"({decimal(event.duration_s)} s)")

    def _show_load(self) -> None:
        now = self.clock()
        if self._last_load_line_at is None or now - self._last_load_line_at >= LOAD_LINE_INTERVAL_S:
            self._last_load_line_at = now
            self._say(f"{self.title} {self.position()}  {self.status()}")

    def tick(self) -> None:
        if self.clock() - self._last_line_at >= QUIET_NOTICE_S:
            self._say(f"{self.title} {self.position()}  pågår … ({self.status()})")

    def end(self, interrupted: bool) -> None:
        self._say(self.summary(interrupted))


class LiveDisplay(Display):
    """A rich live bar per part, redrawn a few times a second; finished scenarios are printed above it."""

    def __init__(self, stream: TextIO) -> None:
        self.console = Console(file=stream)

    def _progress_for(self, title: str) -> PartProgress:
        return LivePartProgress(title, self.console)


class LivePartProgress(PartProgress):
    SYMBOLS = {ScenarioOutcome.PASSED: "[green]✓[/]", ScenarioOutcome.FAILED: "[red]✗[/]",
               ScenarioOutcome.SKIPPED: "[yellow]–[/]", ScenarioOutcome.RERUN: "[yellow]↻[/]"}

    def __init__(self, title: str, console: Console) -> None:
        super().__init__(title)
        self.bar = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(bar_width=24),
                            TextColumn("{task.fields[status]}"), console=console,
                            refresh_per_second=4)
        self.task = self.bar.add_task(title, total=None, status=self.status())
        self.bar.start()

    def _show_scenario(self, event: ScenarioEvent) -> None:
        if isinstance(event, ScenarioFinished):
            rerun = " [dim](körs om)[/]" if event.outcome is ScenarioOutcome.RERUN else ""
            self.bar.console.print(f"  {self.SYMBOLS[event.outcome]} {escape(event.name)}{rerun} "
                                   f"[dim]{decimal(event.duration_s)} s[/]")
        self._update()

    def _show_load(self) -> None:
        self._update()

    def tick(self) -> None:
        self._update()

    def _update(self) -> None:
        if self.is_load:
            total, completed = self.planned_s, min(self.elapsed_s, self.planned_s or 0)
        else:
            total, completed = self.expected, self.finished
        self.bar.update(self.task, total=total, completed=completed, status=f"{self.position()}  {self.status()}")

    def end(self, interrupted: bool) -> None:
        self._update()
        self.bar.stop()
        self.bar.console.print(f"  {self.summary(interrupted)}")
