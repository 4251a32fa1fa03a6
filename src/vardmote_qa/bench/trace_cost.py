"""`make bench-trace`: what a Playwright trace's screenshots cost a video visit. The same clean bredband visit
(two Chromium pages on one sandbox, the acceptance scenarios' full-size fake camera, through the actors),
traced with and without screenshots, the two kinds interleaved visit by visit (the machine is shared: a busy
moment then hits both alike). Per kind: the machine's and the test browsers' CPU-seconds per visit, the
browsers' wait for a core, the verdicts, frozen share and frame rate; and the ratio of the CPU-seconds.

    python -m vardmote_qa.bench.trace_cost --rounds 3 --seconds 10

Why it matters: a trace's screenshots are a screencast, and a page showing video changes with every frame
(evidence.MEASURING_VIDEO). Writes reports/bench/trace-<time>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from .publish import publish
from ..media.browser_cpu import BrowserCpu
from ..media.visit import VisitResult
from .video_bench import BENCH_DIR
from .video_truth import Stage, run_visit

KINDS = ("med skärmbilder", "utan skärmbilder")


def machine_busy_s() -> float:
    """CPU-seconds the whole machine has run (every core, user and system), from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _measure(result: VisitResult, measure: str) -> list[float]:
    return [result.measure(role, measure).value for role in result.series
            if result.measure(role, measure).value is not None]


def one_visit(stage: Stage, label: str, seconds: float) -> dict:
    busy_before, browsers_before, started = machine_busy_s(), BrowserCpu.now(), time.monotonic()
    result = run_visit(stage, label, seconds)
    wall = time.monotonic() - started
    browsers_after = BrowserCpu.now()
    share = browsers_after.cpu_share_since(browsers_before, wall, os.cpu_count() or 1) if browsers_after else None
    return {"visit": label, "wall_s": round(wall, 1), "machine_cpu_s": round(machine_busy_s() - busy_before, 1),
            # Chromium's processes alive at both moments (browser, GPU): the pages' renderers have closed
            "browsers_share_of_machine": share, "verdict": result.tier.value, "judged": not result.cannot_judge,
            "browser_wait_ms": result.browser_wait_ms, "freeze_ratio": _measure(result, "freeze_ratio"),
            "fps_ratio": _measure(result, "fps_ratio")}


def kind_figures(visits: list[dict]) -> dict:
    cpu = [visit["machine_cpu_s"] for visit in visits]
    return {"visits": len(visits), "machine_cpu_s_median": median(cpu), "machine_cpu_s": cpu,
            "wall_s_median": median(visit["wall_s"] for visit in visits),
            "verdicts": [visit["verdict"] for visit in visits],
            "not_judged": sum(not visit["judged"] for visit in visits),
            "browser_wait_ms": [visit["browser_wait_ms"] for visit in visits],
            "freeze_ratio_max": max((value for visit in visits for value in visit["freeze_ratio"]), default=None),
            "fps_ratio_min": min((value for visit in visits for value in visit["fps_ratio"]), default=None)}


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from ..browser import launch_options
    from ..config import load_environment
    from ..evidence import Evidence
    from ..target import open_target, up

    parser = argparse.ArgumentParser(prog="python -m vardmote_qa.bench.trace_cost",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="besök per slag")
    parser.add_argument("--seconds", type=float, default=10.0, help="mätt tid per besök")
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args(argv)
    if arguments.rounds < 1 or arguments.seconds <= 0:
        parser.error("--rounds måste vara minst 1 och --seconds större än 0")
    out = arguments.out or BENCH_DIR / f"trace-{dt.datetime.now():%Y%m%dT%H%M%S}.json"
    environment = load_environment("local")
    visits: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work, up(environment, Path(work) / "sandbox") as running, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        target = open_target(environment, running.base_url)
        run_dir = Path(work) / "run"
        evidence = Evidence(run_dir)
        stages = {kind: Stage(target, environment, browser.new_context, kind_evidence, run_dir)
                  for kind, kind_evidence in zip(KINDS, (evidence, evidence.measuring_video()))}
        for round_number in range(arguments.rounds):
            for kind in KINDS if round_number % 2 == 0 else reversed(KINDS):  # neither kind always first
                visits[kind].append(one_visit(stages[kind], f"spårning-{round_number + 1}-{kind[:3]}",
                                              arguments.seconds))
                print(f"omgång {round_number + 1}, {kind}: {visits[kind][-1]}", flush=True)
        browser.close()
    figures = {"machine": {"cores": os.cpu_count()}, "seconds_per_visit": arguments.seconds,
               "rounds": arguments.rounds, "kinds": {kind: kind_figures(visits[kind]) for kind in KINDS},
               "wall_time_s": round(time.monotonic() - started, 1)}
    with_shots, without = (figures["kinds"][kind]["machine_cpu_s_median"] for kind in KINDS)
    figures["cpu_ratio_with_to_without"] = round(with_shots / without, 2) if without else None
    publish(figures, out, summary_text(figures))
    return 0


def summary_text(figures: dict) -> str:
    rows = "\n".join(
        f"  {kind}: {f['machine_cpu_s_median']} CPU-s per besök (median av {f['visits']}: {f['machine_cpu_s']}), "
        f"omdömen {', '.join(f['verdicts'])}, ej bedömda {f['not_judged']}, fryst högst {f['freeze_ratio_max']}, "
        f"bildfrekvens lägst {f['fps_ratio_min']}, webbläsarnas väntan {f['browser_wait_ms']} ms"
        for kind, f in figures["kinds"].items())
    return (f"Spårningens skärmbilder i ett videobesök ({figures['seconds_per_visit']} s mätt, "
            f"{figures['machine']['cores']} kärnor, varvade):\n{rows}\n"
            f"Med skärmbilder / utan: {figures['cpu_ratio_with_to_without']} gånger datorns CPU-tid")


if __name__ == "__main__":
    sys.exit(main())
