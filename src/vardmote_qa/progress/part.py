"""What one part of a run (acceptance, video, load) has done so far, and the Swedish texts that say it.

The runners feed a PartProgress; the displays in `display` show it. Figures come only from what pytest and
Locust wrote; nothing here is estimated.
"""

from __future__ import annotations

import time
from typing import Callable

from .load_figures import LoadFigures
from .scenarios import ScenarioEvent, ScenarioFinished, ScenarioOutcome, ScenariosCollected

Clock = Callable[[], float]


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
            past_shape = self.planned_s is not None and self.elapsed_s > self.planned_s
            ending = "lastformen är slut, mötena avslutas · " if past_shape else ""
            return (f"{ending}{whole(figures.users)} användare · {decimal(figures.requests_per_s)} "
                    f"förfrågningar/s · {decimal(figures.failures_per_s)} fel/s · totalt "
                    f"{whole(figures.requests)} förfrågningar, {whole(figures.failures)} fel")
        return self._counts_text()

    def summary(self, interrupted: bool) -> str:
        elapsed = clock_text(self.elapsed_s)
        how = f"avbröts efter {elapsed}" if interrupted else f"klart på {elapsed}"
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
