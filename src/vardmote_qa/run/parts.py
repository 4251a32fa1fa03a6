"""What a part of a run (acceptance, video, load) reports back to the run that started it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartOutcome:
    complete: bool  # ran to its end; its results are whole (they may still be failures)
    detail: str  # one Swedish sentence for the manifest and the report
