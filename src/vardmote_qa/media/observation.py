"""Whether a participant sees and hears the other side right now, from the sampler's latest points."""

from __future__ import annotations

from dataclasses import dataclass

from .measures import measured_points
from .series import ParticipantSeries

# Points after the first frame needed before "seeing and hearing" can be judged.
POINTS_NEEDED = 2


@dataclass(frozen=True)
class MediaObservation:
    series: ParticipantSeries

    @property
    def points(self):
        return measured_points(self.series, self.series.joined_at_ms or 0)

    def complete(self) -> bool:
        return len(self.points) >= POINTS_NEEDED

    def problems(self) -> list[str]:
        points = self.points[-POINTS_NEEDED:]
        if self.series.first_frame_at_ms is None:
            return ["ingen videobild har avkodats"]
        found = []
        if sum(p.frames_decoded for p in points) <= 0:
            found.append("videobilder avkodas inte längre")
        if not any(p.width for p in points):
            found.append("mottagen bild har ingen storlek (frameWidth 0)")
        if sum(p.audio_energy for p in points) <= 0:
            found.append("inget ljud tas emot (ljudenergi 0)")
        return found

    def as_dict(self) -> dict:
        return {"problems": self.problems(), **self.series.as_dict(self.series.joined_at_ms or 0)}
