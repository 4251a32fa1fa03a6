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
from typing import Callable, Iterator, Mapping, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

from .load_figures import LoadFigures
from .scenarios import ScenarioEvent, ScenarioFinished, ScenarioOutcome, ScenariosCollected

LOAD_LINE_INTERVAL_S = 15.0
QUIET_NOTICE_S = 60.0
OUTCOME_WORDS = {ScenarioOutcome.PASSED: "godkänt", ScenarioOutcome.FAILED: "underkänt",
                 ScenarioOutcome.SKIPPED: "hoppades över", ScenarioOutcome.RERUN: "körs om"}
Clock = Callable[[], float]


def runs_in_terminal(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """A live display only for a person at a terminal: CI=true (set by GitHub, GitLab, …) means a log."""
    in_ci = environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return stream.isatty() and not in_ci


def choose_display(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> "Display":
    stream = stream or sys.stdout
    if runs_in_terminal(stream, os.environ if environ is None else environ):
        return LiveDisplay(stream)
    return LineDisplay(stream)


def clock_text(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"


def decimal(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def whole(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


class PartProgress:
    """What one part has done so far. The part's runner feeds it; a display's subclass shows it.
    This base shows nothing (a runner started without a display, e.g. by the benchmarks)."""

    def __init__(self, title: str, clock: Clock = time.monotonic) -> None:
        self.title = title
        self.clock = clock
        self.started = clock()
        self.expected: int | None = None
        self.counts = {outcome: 0 for outcome in ScenarioOutcome}
        self.planned_s: float | None = None
        self.figures: LoadFigures | None = None
        self.most_users = 0

    # -- fed by the runners ---------------------------------------------------------------------------
    def scenario_event(self, event: ScenarioEvent) -> None:
        if isinstance(event, ScenariosCollected):
            self.expected = event.count
        elif isinstance(event, ScenarioFinished):
            self.counts[event.outcome] += 1
        self._show_scenario(event)

    def load_planned(self, seconds: float) -> None:
        self.planned_s = seconds
        self._show_load()

    def load_figures(self, figures: LoadFigures | None) -> None:
        if figures is None or figures == self.figures:
            return
        self.figures = figures
        self.most_users = max(self.most_users, figures.users)
        self._show_load()

    def tick(self) -> None:
        """Called at every poll, whether or not anything happened."""

    def end(self, interrupted: bool) -> None:
        """The part is over (or was cut short)."""

    # -- what there is to say -------------------------------------------------------------------------
    @property
    def elapsed_s(self) -> float:
        return self.clock() - self.started

    @property
    def finished(self) -> int:
        return sum(count for outcome, count in self.counts.items() if outcome is not ScenarioOutcome.RERUN)

    @property
    def is_load(self) -> bool:
        return self.planned_s is not None or self.figures is not None

    def position(self) -> str:
        """'12/41 0:42' (scenarios) or '0:42/2:00' (load), the prefix of every line."""
        if self.is_load:
            planned = f"/{clock_text(self.planned_s)}" if self.planned_s else ""
            return f"{clock_text(self.elapsed_s)}{planned}"
        total = self.expected if self.expected is not None else "?"
        return f"{self.finished}/{total} {clock_text(self.elapsed_s)}"

    def status(self) -> str:
        if self.is_load:
            if self.figures is None:
                return "startar användarna …"
            figures = self.figures
            # After the shape's end Locust lets the users finish their meetings (its --stop-timeout).
            ending = "lastformen är slut, mötena avslutas · " if self.planned_s and self.elapsed_s > self.planned_s else ""
            return (f"{ending}{whole(figures.users)} användare · {decimal(figures.requests_per_s)} förfrågningar/s · "
                    f"{decimal(figures.failures_per_s)} fel/s · totalt {whole(figures.requests)} förfrågningar, "
                    f"{whole(figures.failures)} fel")
        return self._counts_text()

    def summary(self, interrupted: bool) -> str:
        how = f"avbröts efter {clock_text(self.elapsed_s)}" if interrupted else f"klart på {clock_text(self.elapsed_s)}"
        if self.is_load:
            totals = (f"högst {whole(self.most_users)} användare, {whole(self.figures.requests)} förfrågningar, "
                      f"{whole(self.figures.failures)} fel") if self.figures else "inga siffror från Locust"
            return f"{self.title}: {how} – {totals}"
        of_total = f" av {self.expected}" if self.expected is not None else ""
        return f"{self.title}: {how} – {self.finished}{of_total} scenarier, {self._counts_text()}"

    def _counts_text(self) -> str:
        passed, failed = self.counts[ScenarioOutcome.PASSED], self.counts[ScenarioOutcome.FAILED]
        skipped, reruns = self.counts[ScenarioOutcome.SKIPPED], self.counts[ScenarioOutcome.RERUN]
        parts = [counted(passed, "godkänd", "godkända"), counted(failed, "underkänd", "underkända")]
        if skipped:
            parts.append(counted(skipped, "överhoppad", "överhoppade"))
        if reruns:
            parts.append(counted(reruns, "omkörning", "omkörningar"))
        return ", ".join(parts)

    # -- shown by the subclasses ----------------------------------------------------------------------
    def _show_scenario(self, event: ScenarioEvent) -> None:
        pass

    def _show_load(self) -> None:
        pass


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
