"""Media measurement from WebRTC getStats in the participants' own pages."""

from __future__ import annotations

from pathlib import Path

PEER_TRACKER_SCRIPT = (Path(__file__).parent / "peer_tracker.js").read_text(encoding="utf-8")
SNAPSHOT_SCRIPT = (Path(__file__).parent / "snapshot.js").read_text(encoding="utf-8")
