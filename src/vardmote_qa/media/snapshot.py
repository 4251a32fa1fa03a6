"""One getStats reading of a participant's media (read by SNAPSHOT_SCRIPT), and the check on two of them
that video and audio are flowing: what the load test's browser users report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaSnapshot:
    raw: dict

    @property
    def frames_decoded(self) -> int:
        return int((self.raw.get("inbound_video") or {}).get("framesDecoded", 0))

    @property
    def frame_width(self) -> int:
        return int((self.raw.get("inbound_video") or {}).get("frameWidth", 0))

    @property
    def audio_energy(self) -> float:
        return float((self.raw.get("inbound_audio") or {}).get("totalAudioEnergy", 0.0))

    @property
    def first_frame_after_ms(self) -> float | None:
        return (self.raw.get("peer") or {}).get("first_frame_after_ms")

    @property
    def connected_after_ms(self) -> float | None:
        return (self.raw.get("peer") or {}).get("connected_after_ms")


@dataclass(frozen=True)
class MediaFlow:
    """Two snapshots a known time apart: enough to say that video and audio are flowing."""

    before: MediaSnapshot
    after: MediaSnapshot

    def problems(self) -> list[str]:
        found = []
        if self.after.frames_decoded <= self.before.frames_decoded:
            found.append(f"videobilder avkodas inte (framesDecoded {self.before.frames_decoded} → "
                         f"{self.after.frames_decoded})")
        if self.after.frame_width <= 0:
            found.append("mottagen bild har ingen storlek (frameWidth 0)")
        if self.after.audio_energy <= 0:
            found.append("inget ljud tas emot (totalAudioEnergy 0)")
        return found

    def as_dict(self) -> dict:
        return {"before": self.before.raw, "after": self.after.raw, "problems": self.problems(),
                "first_frame_after_ms": self.after.first_frame_after_ms,
                "connected_after_ms": self.after.connected_after_ms}
