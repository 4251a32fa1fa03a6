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
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from .publish import publish
from ..config import load_environment
from ..media.campaign import Stage, campaign_tests, outcome_of, run_campaign
from ..media.campaign_plan import load_settings, plan
from ..media.failure_share import FAIL, PASS, upper_bound
from ..media.profiles import load_profiles
from ..media.summary import NOT_JUDGED
from ..target import open_target, up

VARIANTS = ("ren", "video_intermittent", "oneway_intermittent", "audio_intermittent")
NIGHTLIES = 1000
MAX_NOT_JUDGED_SHARE = 0.10  # the gate's default (media_failure_share.max_not_judged_share)
# A freeze of F seconds is measured as the receiver's Chromium freeze time: F plus at most one frame gap and
# one sampling second's rounding. Tolerance: F - 0.25 s .. F + 0.75 s.
FREEZE_BELOW_S, FREEZE_ABOVE_S = 0.25, 0.75


# Why a resampled nightly said NO-GO: the gate's two reasons are kept apart, because "too many visits not
# judged" measures the test machine (busy cores), while the failure share measures the service.
BY_FAILURE_SHARE, BY_NOT_JUDGED = "felandel", "ej bedömda"


def nightly_no_go(clean: list[str], faulty: list[str], share: float, tests: dict, visits: int,
                  draw: random.Random) -> str | None:
    """The reason the first NO-GO profile gives, or None for a nightly without NO-GO."""
    for test in tests.values():
        outcomes = [draw.choice(faulty if faulty and draw.random() < share else clean) for _ in range(visits)]
        if outcomes.count(NOT_JUDGED) > MAX_NOT_JUDGED_SHARE * visits:
            return BY_NOT_JUDGED
        if test.decide([o for o in outcomes if o != NOT_JUDGED])[0] == "NOGO":
            return BY_FAILURE_SHARE
    return None


def resample(pools: dict[str, list[str]], share: float, tests: dict, visits: int, seed: int = 10) -> dict:
    """Per variant: the share of NO-GO nightlies, and how many of them for each reason."""
    draw = random.Random(seed)
    clean = pools.get("ren") or []
    rates = {}
    for variant, pool in pools.items():
        if not (pool and clean):
            continue
        reasons = [nightly_no_go(clean, [] if variant == "ren" else pool, share, tests, visits, draw)
                   for _ in range(NIGHTLIES)]
        rates[variant] = {"no_go": round(sum(r is not None for r in reasons) / NIGHTLIES, 4),
                          BY_FAILURE_SHARE: round(reasons.count(BY_FAILURE_SHARE) / NIGHTLIES, 4),
                          BY_NOT_JUDGED: round(reasons.count(BY_NOT_JUDGED) / NIGHTLIES, 4)}
    return rates


def pools_from(figures: dict) -> dict[str, list[str]]:
    """A saved pool rebuilt from its counts: resampling with replacement does not depend on the order."""
    return {variant: [FAIL] * v["failures"] + [NOT_JUDGED] * v["not_judged"]
            + [PASS] * (v["visits"] - v["failures"] - v["not_judged"])
            for variant, v in figures["variants"].items()}


def judged_only(pools: dict[str, list[str]]) -> dict[str, list[str]]:
    """The pools as a machine that kept up would have given them: what the failure-share test alone can do."""
    return {variant: [o for o in pool if o != NOT_JUDGED] for variant, pool in pools.items()}


def reanalyse(path: Path, share: float, seed: int) -> int:
    """`--omrakna FILE`: the 1,000 nightlies drawn again from a saved pool, with today's gate and plan."""
    from ..config import PROJECT_ROOT
    from ..gate.criteria import load_criteria
    try:
        figures = json.loads(path.read_text(encoding="utf-8"))
        pools = pools_from(figures)
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"Kan inte läsa poolen i {path}: {error}", file=sys.stderr)
        return 2
    tests = campaign_tests(load_criteria(PROJECT_ROOT / "gates" / "release.yaml"))
    planned = plan(tests, load_settings())
    figures["share"] = share
    figures["nightly"]["visits_per_profile"] = planned.visits_per_profile
    figures["nightly"]["plan"] = planned.explanation
    figures["no_go_rate"] = resample(pools, share, tests, planned.visits_per_profile, seed)
    figures["no_go_rate_judged_only"] = resample(judged_only(pools), share, tests, planned.visits_per_profile, seed)
    publish(figures, path, summary_text(figures))
    return 0


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
    parser.add_argument("--omrakna", type=Path, metavar="FIL",
                        help="dra nätterna igen ur en sparad pool (ingen ny körning)")
    arguments = parser.parse_args(argv)
    if arguments.omrakna:
        return reanalyse(arguments.omrakna, arguments.share, arguments.seed)
    environment = load_environment("local")
    settings = load_settings()
    tests = campaign_tests(load_criteria(PROJECT_ROOT / "gates" / "release.yaml"))
    planned = plan(tests, settings)
    run_dir = arguments.out.parent / (arguments.out.stem + "-visits")
    pools: dict[str, list[str]] = {}
    figures: dict = {"pool_per_variant": arguments.pool, "share": arguments.share, "seconds_per_visit": settings.seconds,
                     "at_once": settings.at_once, "variants": {}}
    figures["load_average_at_start"] = [round(x, 1) for x in os.getloadavg()]
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
    figures["no_go_rate_judged_only"] = resample(judged_only(pools), arguments.share, tests,
                                                 planned.visits_per_profile, arguments.seed)
    figures["wall_time_s"] = round(time.monotonic() - started, 1)
    figures["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
    publish(figures, arguments.out, summary_text(figures))
    return 0


def summary_text(figures: dict) -> str:
    def lines(key: str) -> str:
        return "\n".join(
            f"  {variant}: NO-GO i {100 * rate['no_go']:.1f} % av {NIGHTLIES} nätter "
            f"(på felandelen {100 * rate[BY_FAILURE_SHARE]:.1f} %, på för många ej bedömda "
            f"{100 * rate[BY_NOT_JUDGED]:.1f} %)" for variant, rate in figures.get(key, {}).items())
    rates = (f"Som poolen blev (ej bedömda besök med):\n{lines('no_go_rate')}\n"
             f"Bara bedömda besök (en testdator som hinner med):\n{lines('no_go_rate_judged_only')}")
    load = (f"\nBelastning (load average 1/5/15 min) vid start {figures['load_average_at_start']}, "
            f"vid slut {figures['load_average_at_end']}" if "load_average_at_start" in figures else "")
    freeze = figures["freeze"]
    return (f"Nattkörningens storlek: {figures['nightly']['visits_per_profile']} besök per profil × "
            f"{len(figures['nightly']['profiles'])} profiler, ungefär {figures['nightly']['minutes_here']} min här.\n"
            f"{rates}\nFrysning {freeze['set_s']} s uppmätt som {freeze['measured_s']} s "
            f"(tolerans -{FREEZE_BELOW_S}/+{FREEZE_ABOVE_S} s): {'höll' if freeze['held'] else 'HÖLL INTE'}\n"
            f"Tid: {figures['wall_time_s']} s{load}")


if __name__ == "__main__":
    sys.exit(main())
