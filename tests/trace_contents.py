"""What a kept Playwright trace holds: its screencast frames (the screenshots a trace records)."""

import json
import zipfile
from pathlib import Path


def screencast_frames(trace: Path) -> int:
    """How many screencast frames the trace's event files record (one event per frame, JSON lines)."""
    with zipfile.ZipFile(trace) as archive:
        lines = [line for name in archive.namelist() if name.endswith(".trace")
                 for line in archive.read(name).decode("utf-8", "replace").splitlines() if line.strip()]
    return sum(json.loads(line).get("type") == "screencast-frame" for line in lines)
