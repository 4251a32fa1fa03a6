"""A scenario's video visit assessed once, when a step first asks: the participants' reports gathered,
judged against the thresholds file, written to the run folder, and the network checked to have taken."""

from __future__ import annotations

from pathlib import Path

from .effect import MachineOverloaded, NetworkNotInEffect
from .record import write_visit
from .browser_cpu import BrowserCpu
from .thresholds import load_thresholds
from .visit import VisitResult, assess_visit


class VisitAssessment:
    def __init__(self, actors_present, run_dir: Path, label: str, tags: tuple[str, ...] = ()):
        self._actors_present = actors_present  # a callable: the actors of the scenario, at the time asked
        self._run_dir = Path(run_dir)
        self._label = label
        self._tags = tags
        self._result: VisitResult | None = None
        # The browsers' CPU since they started (a scenario's fixture comes too late to mark its own start).
        self._browsers_from = BrowserCpu({})

    def _waiting_share(self) -> float | None:
        now = BrowserCpu.now()
        return now.wait_per_turn_ms_since(self._browsers_from) if now else None

    # What a meeting of several is judged and written with (meeting_quality.py): the same scenario's.
    @property
    def label(self) -> str:
        return self._label

    @property
    def run_dir(self) -> Path:
        return self._run_dir

    @property
    def tags(self) -> tuple[str, ...]:
        return self._tags

    def browsers_waiting(self) -> float | None:
        return self._waiting_share()

    def so_far(self) -> VisitResult:
        """The verdict on what has been sampled until now, neither kept nor written: for a step that waits."""
        reports = [actor.media_report() for actor in self._actors_present()]
        return assess_visit(self._label, reports, load_thresholds(), self._waiting_share(), self._tags)

    def result(self) -> VisitResult:
        """The verdict; raises NetworkNotInEffect (after writing the evidence) when a set network never took."""
        if self._result is None:
            self._result = self.so_far()
            write_visit(self._result, self._run_dir, self._label)
        if self._result.cannot_judge:
            raise MachineOverloaded("Videokvaliteten kan inte bedömas: " + "; ".join(self._result.overloaded)
                                    + ". Kör om scenariot när datorn är mindre belastad.")
        if self._result.not_in_effect:
            raise NetworkNotInEffect("Nätet som scenariot angav syns inte i samtalets statistik, så resultatet "
                                     "går inte att lita på: " + "; ".join(self._result.not_in_effect) + ".")
        return self._result
