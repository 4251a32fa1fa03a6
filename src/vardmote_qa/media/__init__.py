"""Media measurement from WebRTC getStats in the participants' own pages.

peer_tracker.js (init script) wraps RTCPeerConnection and samples getStats every second; series turns the
samples into points; measures, thresholds and verdict judge them; profiles and emulation put a page on a
network; effect checks that it took; record, chart and summary write the results.
"""

from __future__ import annotations

from pathlib import Path

PEER_TRACKER_SCRIPT = (Path(__file__).parent / "peer_tracker.js").read_text(encoding="utf-8")
# One reading of the newest peer connection's stats (the load test's browser users read it).
SNAPSHOT_SCRIPT = (Path(__file__).parent / "snapshot.js").read_text(encoding="utf-8")
