"""The parts of a run (acceptance, video, load), their Swedish titles, and what a part reports back to the
run that started it."""

from __future__ import annotations

from dataclasses import dataclass

from .layout import PartStatus

ALL_PARTS = ("acceptance", "video", "load")
PART_TITLES = {"acceptance": "acceptanstesterna", "video": "videoprofilerna", "load": "lasttestet"}


@dataclass(frozen=True)
class PartOutcome:
    complete: bool  # ran to its end; its results are whole (they may still be failures)
    detail: str  # one Swedish sentence for the manifest and the report

    @property
    def status(self) -> PartStatus:
        """How the manifest records the part: a part that started and did not finish is incomplete."""
        return PartStatus.COMPLETE if self.complete else PartStatus.INCOMPLETE
