"""Truth of the failure-share gate, as a benchmark: a pool of real campaign visits per variant (a clean
sandbox, and each intermittent fault switched on for every visit), then 1,000 nightlies of the planned size
drawn with replacement, each visit from the fault's pool with probability `--share` and from the clean pool
otherwise (so the share is exact, not what a small pool happened to draw), each nightly judged like the gate
(SPRT per profile, too many not judged is NO-GO). Sensitivity (faulty visits that fail) and the clean
visits' false failures are printed too.
Also: `freeze=SECONDS` measured as frozen seconds per visit, against a stated tolerance.

    python -m vardmote_qa.bench.video_pool --pool 40 --share 0.1 --out reports/bench/video-pool.json

Goal (issue 10): a 10 % intermittent fault NO-GO in >= 95 % of nightlies, a clean service a false NO-GO
in <= 5 %. The pool's visits run on bredband only (the sandbox's faults do not depend on the network); a
nightly draws each gated profile's visits from the same pool, which is what a service fault does.
Prints the figures and writes them as JSON; every pool visit's JSON and chart are beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from ..config import load_environment
from ..media.campaign import Stage, campaign_tests, outcome_of, run_campaign
from ..media.campaign_plan import load_settings, plan
from ..media.failure_share import FAIL, upper_bound
from ..media.profiles import load_profiles
from ..media.summary import NOT_JUDGED
from ..target import open_target, up

VARIANTS = ("ren", "video_intermittent", "oneway_intermittent", "audio_intermittent")
NIGHTLIES = 1000
MAX_NOT_JUDGED_SHARE = 0.10  # the gate's default (media_failure_share.max_not_judged_share)
# A freeze of F seconds is measured as the receiver's Chromium freeze time: F plus at most one frame gap and
# one sampling second's rounding. Tolerance: F - 0.25 s .. F + 0.75 s.
FREEZE_BELOW_S, FREEZE_ABOVE_S = 0.25, 0.75


def nightly_no_go(clean: list[str], faulty: list[str], share: float, tests: dict, visits: int,
                  draw: random.Random) -> bool:
    for test in tests.values():
        outcomes = [draw.choice(faulty if faulty and draw.random() < share else clean) for _ in range(visits)]
        if outcomes.count(NOT_JUDGED) > MAX_NOT_JUDGED_SHARE * visits:
            return True
        if test.decide([o for o in outcomes if o != NOT_JUDGED])[0] == "NOGO":
            return True
    return False


def resample(pools: dict[str, list[str]], share: float, tests: dict, visits: int, seed: int = 10) -> dict:
    draw = random.Random(seed)
    clean = pools.get("ren") or []
    return {variant: round(sum(nightly_no_go(clean, [] if variant == "ren" else pool, share, tests, visits, draw)
                               for _ in range(NIGHTLIES)) / NIGHTLIES, 4)
            for variant, pool in pools.items() if pool and clean}


def frozen_seconds(result) -> float | None:
    """The receiver of the frozen sender (the clinician receives the patient's picture)."""
    if result is None:
        return None
    return round(sum(p.freeze_s for p in result.series["vårdpersonalen"].points), 2)


def main(argv: list[str] | None = None) -> int:
    from ..gate.criteria import load_criteria
    from ..config import PROJECT_ROOT
    parser = argparse.ArgumentParser(prog="python -m vardmote_qa.bench.video_pool", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=int, default=40, help="besök per variant")
    parser.add_argument("--share", type=float, default=0.1, help="andelen felbesök i de omdragna nätterna")
    parser.add_argument("--freeze", type=float, default=3.0, help="frysningens längd för sanningskontrollen (s)")
    parser.add_argument("--freeze-visits", type=int, default=6)
    parser.add_argument("--seed", type=int, default=10, help="sandlådans media_fault_seed och omdragningens frö")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--out", type=Path, default=Path("reports") / "bench" / "video-pool.json")
    arguments = parser.parse_args(argv)
    environment = load_environment("local")
    settings = load_settings()
    tests = campaign_tests(load_criteria(PROJECT_ROOT / "gates" / "release.yaml"))
    planned = plan(tests, settings)
    run_dir = arguments.out.parent / (arguments.out.stem + "-visits")
    pools: dict[str, list[str]] = {}
    figures: dict = {"pool_per_variant": arguments.pool, "share": arguments.share, "seconds_per_visit": settings.seconds,
                     "at_once": settings.at_once, "variants": {}}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work, up(environment, Path(work) / "sandbox") as running:
        admin = open_target(environment, running.base_url).staff_api(environment.admin.username,
                                                                     environment.admin.password)
        stage = Stage(running.base_url, (environment.clinician.username, environment.clinician.password),
                      environment.patients[0], environment.default_unit, run_dir)
        bredband = load_profiles()["bredband"]
        for variant in arguments.variants.split(","):
            admin.set_faults(**{name: 0.0 for name in VARIANTS[1:]}, freeze=0.0, media_fault_seed=arguments.seed)
            if variant != "ren":
                admin.set_faults(**{variant: 1.0})  # every visit: the pool of faulty visits
            begun = time.monotonic()
            outcomes = asyncio.run(run_campaign(stage, [bredband], arguments.pool, settings.at_once, settings.seconds,
                                                label=f"pool-{variant}"))
            pools[variant] = [outcome_of(o) for o in outcomes]
            minutes = (time.monotonic() - begun) / 60
            failures = pools[variant].count(FAIL)
            judged = len(pools[variant]) - pools[variant].count(NOT_JUDGED)
            figures["variants"][variant] = {
                "visits": len(outcomes), "failures": failures, "not_judged": pools[variant].count(NOT_JUDGED),
                "upper_bound": upper_bound(failures, judged), "visits_per_minute": round(len(outcomes) / minutes, 2),
                "symptoms": sorted({o.result.verdict.symptom() for o in outcomes
                                    if outcome_of(o) == FAIL})}
            print(f"{variant} ({'inget fel' if variant == 'ren' else 'felet i varje besök'}): {failures} underkända, "
                  f"{pools[variant].count(NOT_JUDGED)} ej bedömda av "
                  f"{len(outcomes)} ({figures['variants'][variant]['visits_per_minute']} besök/min)", flush=True)
        admin.set_faults(**{name: 0.0 for name in VARIANTS[1:]}, freeze=arguments.freeze)
        frozen = asyncio.run(run_campaign(stage, [bredband], arguments.freeze_visits, settings.at_once,
                                          max(settings.seconds, arguments.freeze + 7), label="frysning"))
        admin.set_faults(freeze=0.0)
    measured = [frozen_seconds(o.result) for o in frozen if o.result is not None and not o.result.cannot_judge]
    figures["freeze"] = {"set_s": arguments.freeze, "measured_s": measured,
                         "tolerance_s": [-FREEZE_BELOW_S, FREEZE_ABOVE_S],
                         "held": bool(measured) and all(arguments.freeze - FREEZE_BELOW_S <= m
                                                        <= arguments.freeze + FREEZE_ABOVE_S for m in measured)}
    figures["nightly"] = {"visits_per_profile": planned.visits_per_profile, "profiles": list(tests),
                          "plan": planned.explanation,
                          "minutes_here": round(planned.visits_per_profile * len(tests) /
                                                max(v["visits_per_minute"] for v in figures["variants"].values()), 1)}
    figures["no_go_rate"] = resample(pools, arguments.share, tests, planned.visits_per_profile, arguments.seed)
    figures["wall_time_s"] = round(time.monotonic() - started, 1)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(summary_text(figures))
    print(f"Figurerna finns i {arguments.out}")
    return 0


def summary_text(figures: dict) -> str:
    rates = "\n".join(f"  {variant}: NO-GO i {100 * rate:.1f} % av {NIGHTLIES} nätter"
                      for variant, rate in figures["no_go_rate"].items())
    freeze = figures["freeze"]
    return (f"Nattkörningens storlek: {figures['nightly']['visits_per_profile']} besök per profil × "
            f"{len(figures['nightly']['profiles'])} profiler, ungefär {figures['nightly']['minutes_here']} min här.\n"
            f"{rates}\nFrysning {freeze['set_s']} s uppmätt som {freeze['measured_s']} s "
            f"(tolerans -{FREEZE_BELOW_S}/+{FREEZE_ABOVE_S} s): {'höll' if freeze['held'] else 'HÖLL INTE'}\n"
            f"Tid: {figures['wall_time_s']} s")


if __name__ == "__main__":
    sys.exit(main())
