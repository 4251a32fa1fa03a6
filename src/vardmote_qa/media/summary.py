"""The run's media summary for the gate: per network profile, the verdicts and p50/p95 of each measure
over the visits of the run (media/visits/*.json -> media/summary.json). Callable after any pytest run."""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..run.layout import RunLayout
from .failure_share import FAIL, PASS, upper_bound
from .tiers import Tier

NO_PROFILE = "ingen"
# Visits made bad on purpose (the degraded video engine) prove the platform catches a fault; they say
# nothing about a profile's quality, so they are counted apart.
NEGATIVE_TAG = "negativ"
# Visits of the campaign (media/campaign.py): their failure share per profile is what the gate tests.
CAMPAIGN_TAG = "kampanj"
COMPARISON_TAG = "motorjamforelse"  # a visit on an engine compared with the judged one (media/campaign.py)
NOT_JUDGED = "not_judged"
CONFIDENCE = 0.95


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
    campaign_visits = [visit for visit in visits if CAMPAIGN_TAG in (visit.get("tags") or [])]
    # the gate's failure share is the first engine's; visits on a compared engine go to the engine table
    campaign = campaign_summary([v for v in campaign_visits if COMPARISON_TAG not in (v.get("tags") or [])])
    for name, entry in campaign.items():
        profiles.setdefault(name, {"visits": 0, "not_judged": 0, "verdicts": {t.value: 0 for t in Tier},
                                   "measures": {}})["campaign"] = entry
    engines = _engine_table([v for v in campaign_visits if v.get("engine")])
    meetings = [meeting_pairs(visit) for visit in visits if visit.get("meeting")]
    return {"format": 1, "profiles": profiles, "negative_visits": len(negative), **({"engines": engines} if engines else {}),
            **({"meetings": meetings} if meetings else {})}


def meeting_pairs(visit: dict) -> dict:
    """A meeting of several as the report's matrix needs it: its participants and per pair (receiver,
    sender) the verdict, whether it was judged, its reason and, when not judged, why."""
    meeting = visit["meeting"]
    return {"visit": visit.get("visit"), "file": visit.get("_file"), "profile": visit.get("profile"),
            "verdict": visit.get("verdict"), "judged": visit.get("judged") is not False,
            "participants": list(meeting.get("participants") or []),
            "pairs": [{key: pair.get(key) for key in ("receiver", "sender", "verdict", "judged", "reason", "problem")}
                      for pair in meeting.get("pairs") or []]}


def _engine_table(visits: list[dict]) -> dict | None:
    """The engine table (media/engines.py) when the campaign ran more than one engine."""
    if len({visit["engine"] for visit in visits}) < 2:
        return None
    from .engines import compare_engines
    from .thresholds import load_thresholds
    return compare_engines(visits, load_thresholds())


def outcome(visit: dict) -> str:
    """A campaign visit passes or fails ("underkänd" fails); one the machine could not judge is neither."""
    if visit.get("judged") is False:
        return NOT_JUDGED
    return FAIL if visit.get("verdict") == Tier.FAIL.value else PASS


def campaign_summary(visits: list[dict]) -> dict:
    """Per profile: the visits in the order they ended, failures, not judged, and the upper bound."""
    profiles: dict[str, dict] = {}
    for visit in sorted(visits, key=lambda v: v.get("ended_at_ms") or 0):
        entry = profiles.setdefault(visit.get("profile") or NO_PROFILE,
                                    {"visits": 0, "judged": 0, "failures": 0, "not_judged": 0, "outcomes": [],
                                     "failing": []})
        result = outcome(visit)
        entry["visits"] += 1
        entry["outcomes"].append(result)
        entry["not_judged" if result == NOT_JUDGED else "judged"] += 1
        if result == FAIL:
            entry["failures"] += 1
            entry["failing"].append({"visit": visit.get("visit"), "file": visit.get("_file"),
                                     "symptom": visit.get("symptom"), "reason": visit.get("reason")})
    for entry in profiles.values():
        entry["upper_bound"] = upper_bound(entry["failures"], entry["judged"], CONFIDENCE)
        entry["confidence"] = CONFIDENCE
    return profiles


def write_media_summary(run_dir: Path) -> Path:
    """Reads the run's visit records, writes its media summary and returns the summary's path."""
    layout = RunLayout(run_dir)
    folder = layout.media_visits
    visits = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            visits.append({**json.loads(path.read_text(encoding="utf-8")), "_file": path.stem})
        except (OSError, json.JSONDecodeError):
            continue  # a half-written file from a run that broke off counts as no visit
    target = layout.media_summary
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(summarise(visits), ensure_ascii=False, indent=1), encoding="utf-8")
    return target
