"""The load part's video visits as the gate reads them, read from load/video/ (no Locust imported here, so
the summary and the tests can use it in any process)."""

from __future__ import annotations

import json
from pathlib import Path

from ..media.failure_share import upper_bound
from ..media.summary import CONFIDENCE, campaign_summary
from ..media.visit import VisitResult
from ..run.layout import RunLayout

LOAD_TAG = "last"
# The load's video users sit on an unimpaired network: what they measure is the loaded service.
LOAD_VIDEO_PROFILE = "bredband"
# All load video visits are one population: the summary keys them under this name.
LOAD_POPULATION = "last"


def ms(result: VisitResult, measure_id: str) -> float | None:
    """The worst participant's value of a timing measure (seconds) in milliseconds; None if one never came."""
    values = [result.measure(role, measure_id) for role in result.series]
    if not values or any(m is None or m.value is None for m in values):
        return None
    return max(m.value for m in values) * 1000


def frozen_ms(result: VisitResult) -> float:
    return max((sum(p.freeze_s for p in one.points) * 1000 for one in result.series.values()), default=0.0)


def video_summary(load_folder: Path) -> dict:
    """The load video visits as the gate reads them: visits, judged, failures, not judged, the outcomes in
    order, the failing visits with their symptom, and the upper bound on the failure share."""
    folder = RunLayout.of_load_folder(load_folder).load_video
    visits = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            visits.append({**json.loads(path.read_text(encoding="utf-8")), "_file": path.stem,
                           "profile": LOAD_POPULATION})
        except (OSError, json.JSONDecodeError):
            continue  # a half-written file of a visit cut off by the end of the run
    entry = campaign_summary(visits).get(LOAD_POPULATION) or {
        "visits": 0, "judged": 0, "failures": 0, "not_judged": 0, "outcomes": [], "failing": [],
        "upper_bound": upper_bound(0, 0), "confidence": CONFIDENCE}
    return {**entry, "network": LOAD_VIDEO_PROFILE}
