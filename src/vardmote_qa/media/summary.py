"""The run's media summary for the gate: per network profile, the verdicts and p50/p95 of each measure
over the visits of the run (media/visits/*.json -> media/summary.json). Callable after any pytest run."""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..run.layout import RunLayout
from .tiers import Tier

NO_PROFILE = "ingen"
# Visits made bad on purpose (the degraded video engine) prove the platform catches a fault; they say
# nothing about a profile's quality, so they are counted apart.
NEGATIVE_TAG = "negativ"


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: a value that was measured, never an interpolation between two visits."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(visits: list[dict]) -> dict:
    profiles: dict[str, dict] = {}
    negative = [visit for visit in visits if NEGATIVE_TAG in (visit.get("tags") or [])]
    for visit in (visit for visit in visits if NEGATIVE_TAG not in (visit.get("tags") or [])):
        entry = profiles.setdefault(visit.get("profile") or NO_PROFILE,
                                    {"visits": 0, "not_judged": 0, "verdicts": {t.value: 0 for t in Tier},
                                     "_values": {}})
        entry["visits"] += 1
        if visit.get("judged") is False:  # the machine was too busy to judge it: neither verdict nor figures
            entry["not_judged"] += 1
            continue
        if visit.get("verdict") in entry["verdicts"]:
            entry["verdicts"][visit["verdict"]] += 1
        for participant in (visit.get("participants") or {}).values():
            for measure_id, measure in (participant.get("measures") or {}).items():
                bucket = entry["_values"].setdefault(measure_id, {"unit": measure.get("unit"), "values": []})
                if isinstance(measure.get("value"), (int, float)):
                    bucket["values"].append(float(measure["value"]))
    for entry in profiles.values():
        entry["measures"] = {mid: {"p50": percentile(b["values"], 0.5), "p95": percentile(b["values"], 0.95),
                                   "unit": b["unit"], "n": len(b["values"])}
                             for mid, b in sorted(entry.pop("_values").items())}
    return {"format": 1, "profiles": profiles, "negative_visits": len(negative)}


def write_media_summary(run_dir: Path) -> Path:
    """Reads the run's visit records, writes its media summary and returns the summary's path."""
    layout = RunLayout(run_dir)
    folder = layout.media_visits
    visits = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            visits.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError):
            continue  # a half-written file from a run that broke off counts as no visit
    target = layout.media_summary
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(summarise(visits), ensure_ascii=False, indent=1), encoding="utf-8")
    return target
