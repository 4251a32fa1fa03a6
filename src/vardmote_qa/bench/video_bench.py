"""`make bench-video`: what this machine can hold of the video campaign. Clean visits on bredband in one
Chromium (two browser contexts per visit, low-resolution fake camera), 1, 2, 3 and 4 visits at once,
the levels interleaved round by round (the machine is shared: a busy moment then hits every level alike).
Per level: visits per minute, browser participants held at once and per core, the share of judged clean
visits that came out "bra", visits not judged, the test browsers' own wait for a core, the host's load.

    python -m vardmote_qa.bench.video_bench --rounds 2 --levels 1,2,3,4

Goal (issue 10): 4 visits at once (8 participants) with >= 95 % of clean visits "bra". The anchor is
OpenVidu's load test, about one Chromium participant per vCPU. Writes reports/bench/video-<time>.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from .publish import publish
from ..config import PROJECT_ROOT, load_environment
from ..media.campaign import Stage, run_campaign
from ..media.campaign_plan import load_settings
from ..media.profiles import load_profiles
from ..target import up

BENCH_DIR = PROJECT_ROOT / "reports" / "bench"
GOOD_SHARE_GOAL = 0.95


def _level_figures(level: int, batches: list[dict]) -> dict:
    visits = sum(b["visits"] for b in batches)
    judged = sum(b["judged"] for b in batches)
    good = sum(b["good"] for b in batches)
    failed = sum(b["failed"] for b in batches)
    minutes = sum(b["seconds"] for b in batches) / 60
    cores = os.cpu_count() or 1
    return {"at_once": level, "participants": 2 * level, "participants_per_core": round(2 * level / cores, 2),
            "visits": visits, "judged": judged, "not_judged": visits - judged, "good": good, "failed": failed,
            "good_share": round(good / judged, 3) if judged else None,
            "visits_per_minute": round(visits / minutes, 2) if minutes else None,
            "browser_wait_ms": [b["browser_wait_ms"] for b in batches],
            "host_load_1min": [b["host_load"] for b in batches],
            "held": bool(judged) and visits - judged <= 0.1 * visits and good / judged >= GOOD_SHARE_GOAL}


def run_batch(stage: Stage, level: int, seconds: float, label: str) -> dict:
    started = time.monotonic()
    outcomes = asyncio.run(run_campaign(stage, [load_profiles()["bredband"]], level, level, seconds, label=label))
    results = [o.result for o in outcomes if o.result is not None]
    judged = [r for r in results if not r.cannot_judge]
    return {"visits": len(outcomes), "judged": len(judged), "good": sum(r.tier.value == "good" for r in judged),
            "failed": sum(r.tier.value == "fail" for r in judged),
            "seconds": time.monotonic() - started, "host_load": round(os.getloadavg()[0], 2),
            "browser_wait_ms": max((r.browser_wait_ms for r in results if r.browser_wait_ms is not None),
                                   default=None)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vardmote_qa.bench.video_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--levels", default="1,2,3,4")
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args(argv)
    levels = [int(level) for level in arguments.levels.split(",")]
    settings = load_settings()
    environment = load_environment("local")
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    out = arguments.out or BENCH_DIR / f"video-{stamp}.json"
    batches: dict[int, list[dict]] = {level: [] for level in levels}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work, up(environment, Path(work) / "sandbox") as running:
        stage = Stage(running.base_url, (environment.clinician.username, environment.clinician.password),
                      environment.patients[0], environment.default_unit, out.parent / (out.stem + "-visits"))
        for round_number in range(arguments.rounds):
            for level in levels:
                batches[level].append(run_batch(stage, level, settings.seconds, f"bench-{level}-{round_number + 1}"))
                print(f"omgång {round_number + 1}, {level} samtidiga: {batches[level][-1]}", flush=True)
    figures = {"machine": {"cores": os.cpu_count(), "shared": "ja: fyra andra utvecklare körde samtidigt"},
               "seconds_per_visit": settings.seconds, "rounds": arguments.rounds,
               "levels": [_level_figures(level, batches[level]) for level in levels],
               "wall_time_s": round(time.monotonic() - started, 1)}
    held = [level["at_once"] for level in figures["levels"] if level["held"]]
    figures["most_at_once_held"] = max(held) if held else 0
    publish(figures, out, summary_text(figures))
    return 0


def summary_text(figures: dict) -> str:
    rows = "\n".join(
        f"  {level['at_once']} samtidiga ({level['participants']} deltagare, {level['participants_per_core']} per kärna): "
        f"{level['visits_per_minute']} besök/min, bra {level['good']} av {level['judged']} bedömda "
        f"(underkända {level['failed']}), "
        f"{level['not_judged']} ej bedömda, värdens last {level['host_load_1min']} "
        f"{'HÖLL' if level['held'] else 'höll inte'}" for level in figures["levels"])
    return (f"Videokampanj på {figures['machine']['cores']} kärnor, {figures['seconds_per_visit']} s per besök:\n{rows}\n"
            f"Flest samtidiga besök med minst {100 * GOOD_SHARE_GOAL:.0f} % bra: {figures['most_at_once_held']}")


if __name__ == "__main__":
    sys.exit(main())
