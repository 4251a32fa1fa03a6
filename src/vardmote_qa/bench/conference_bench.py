"""`make bench-conference`: how many browser participants one conference on the SFU holds on this machine
with every pair "bra". Per level of participants (a clinician and N-1 patients in one conference booked
through the service's API, the real Janus the sandbox starts), one Chromium holds every participant's
browser context (peer tracker, the campaign's low-resolution fake camera), the conference runs for a fixed
time after every receiver's first frame from every sender, and is judged per receiver and per sender by
media/meeting_quality.py, as the DVM-05 step "Så är videokvaliteten ... för var och en i mötet från alla
andra" judges it. The levels run in alternating order round by round (3,4,5 then 5,4,3), so a busy moment
of the shared machine hits every level alike.

    python -m vardmote_qa.bench.conference_bench --levels 3,4,5,6,8 --rounds 2

Per level: participants, pairs, pairs "bra", pairs not judged (the test machine could not judge them:
counted and shown, never dropped), the browsers' share of the machine's CPU while measured
(media/browser_cpu.py), the worst first frame and the worst frozen share among the judged pairs.
A level holds when every pair of every round was judged and "bra"; the answer is the largest level that
holds with every smaller level holding too. Writes reports/bench/conference-<time>.json; each conference's
verdict (the run folder's visit format, with its chart) goes beside it in conference-<time>-visits/.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .publish import publish
from ..config import PROJECT_ROOT, load_environment
from ..media import PEER_TRACKER_SCRIPT
from ..media.browser_cpu import BrowserCpu
from ..media.campaign import CLINICIAN, FIRST_FRAMES, LOW_RES_CAMERA_SCRIPT, PATIENT, ok_json
from ..media.campaign_plan import load_settings
from ..media.meeting_quality import MeetingResult, assess_meeting
from ..media.record import write_visit
from ..media.series import SERIES_SCRIPT
from ..media.thresholds import load_thresholds
from ..media.tiers import Tier
from ..media.visit import MediaReport
from ..target import up
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import CONFERENCE_MEDIA_TIMEOUT_S

BENCH_DIR = PROJECT_ROOT / "reports" / "bench"
BENCH_TAG = "konferensbank"
NAMED_PER_LEVEL = 4  # pairs not "bra" and pairs not judged named per level in the printed table


def role_words(participants: int) -> list[str]:
    """The conference's role words as the feature writes them: the clinician, "patienten", "patient 2", ..."""
    return [CLINICIAN, PATIENT] + [f"patient {n}" for n in range(2, participants)]


def round_order(levels: list[int], round_number: int) -> list[int]:
    """Round 0 in the order asked, round 1 reversed, and so on: every level runs early and late alike."""
    return list(levels) if round_number % 2 == 0 else list(reversed(levels))


# -- accounting (pure) -------------------------------------------------------------------------------------
def _worst(values) -> float | None:
    found = [v for v in values if v is not None]
    return max(found) if found else None


def conference_figures(participants: int, result: MeetingResult | None, problem: str | None = None,
                       cpu_share: float | None = None, browser_wait_ms: float | None = None) -> dict:
    """One conference's figures. result None: it broke off before it could be judged (problem says why);
    its pairs are then counted as broken, never as judged or dropped."""
    expected = participants * (participants - 1)
    if result is None:
        return {"participants": participants, "pairs": expected, "good": 0, "acceptable": 0, "failed": 0,
                "not_judged": 0, "broken_pairs": expected, "broken": problem or "avbröts",
                "not_judged_pairs": [], "cpu_share": cpu_share, "browser_wait_ms": browser_wait_ms,
                "worst_first_frame_s": None, "worst_freeze_ratio": None, "no_first_frame": 0}
    judged = [p for p in result.pairs if p.judged]

    def value(pair, measure_id):
        measure = pair.measures.get(measure_id)
        return measure.value if measure is not None else None

    return {"participants": participants, "pairs": len(result.pairs),
            "good": sum(p.tier is Tier.GOOD for p in judged),
            "acceptable": sum(p.tier is Tier.ACCEPTABLE for p in judged),
            "failed": sum(p.tier is Tier.FAIL for p in judged),
            "not_judged": len(result.not_judged()),
            # pairs the verdict never made (a page that gave nothing): missing, so counted as broken
            "broken_pairs": max(0, expected - len(result.pairs)), "broken": None,
            "not_judged_pairs": [f"{p.label}: {result.problems.get(p.label, 'ej bedömt')}"
                                 for p in result.not_judged()],
            "cpu_share": cpu_share, "browser_wait_ms": browser_wait_ms,
            "worst_first_frame_s": _worst(value(p, "ttff_s") for p in judged),
            "worst_freeze_ratio": _worst(value(p, "freeze_ratio") for p in judged),
            "no_first_frame": sum(value(p, "ttff_s") is None for p in result.pairs),
            "not_good": [p.reason for p in judged if p.tier is not Tier.GOOD]}


def holds(conference: dict) -> bool:
    """Every pair of the conference judged and "bra": none judged worse, none the machine could not judge
    (those are never "bra": a starved machine leaves only a bad verdict unjudged), none broken off."""
    return (conference["pairs"] > 0 and conference["broken_pairs"] == 0
            and conference["not_judged"] == 0 and conference["acceptable"] == 0 and conference["failed"] == 0)


def level_figures(participants: int, conferences: list[dict]) -> dict:
    """A level over its rounds: the sums, the worst values, and whether every conference of it held."""
    total = {key: sum(c[key] for c in conferences)
             for key in ("pairs", "good", "acceptable", "failed", "not_judged", "broken_pairs")}
    return {"participants": participants, "pairs_per_conference": participants * (participants - 1),
            "conferences": len(conferences), **total,
            "broken_conferences": sum(c["broken"] is not None for c in conferences),
            "cpu_share": [c["cpu_share"] for c in conferences],
            "browser_wait_ms": [c["browser_wait_ms"] for c in conferences],
            "worst_first_frame_s": _worst(c["worst_first_frame_s"] for c in conferences),
            "worst_freeze_ratio": _worst(c["worst_freeze_ratio"] for c in conferences),
            "no_first_frame": sum(c["no_first_frame"] for c in conferences),
            "not_judged_pairs": [p for c in conferences for p in c["not_judged_pairs"]],
            "not_good": [reason for c in conferences for reason in c.get("not_good", [])],
            "broken": [c["broken"] for c in conferences if c["broken"] is not None],
            "held": bool(conferences) and all(holds(c) for c in conferences)}


def most_held(levels: list[dict]) -> int:
    """The largest level that held with every smaller level holding too (0: not even the smallest)."""
    answer = 0
    for level in sorted(levels, key=lambda one: one["participants"]):
        if not level["held"]:
            break
        answer = level["participants"]
    return answer


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def _number(value: float | None, unit: str) -> str:
    return "–" if value is None else f"{value:.2f}".replace(".", ",") + f" {unit}"


def answer_sv(figures: dict) -> str:
    smallest = min((level["participants"] for level in figures["levels"]), default=0)
    held = figures["most_participants_held"]
    if held:
        return f"En konferens här håller {held} deltagare med alla par \"bra\"."
    return f"En konferens här håller inte ens {smallest} deltagare med alla par \"bra\"."


def summary_text(figures: dict) -> str:
    head = (f"{'deltagare':>9} {'par':>5} {'bra':>5} {'ej bedömda':>10} {'avbrutna':>8} "
            f"{'webbläsarnas CPU':>16} {'värsta första bild':>18} {'värsta frusen andel':>19}  håller")
    rows = []
    for level in figures["levels"]:
        cpu = "/".join(_share(share) for share in level["cpu_share"]) or "–"
        rows.append(f"{level['participants']:>9} {level['pairs']:>5} {level['good']:>5} {level['not_judged']:>10} "
                    f"{level['broken_pairs']:>8} {cpu:>16} {_number(level['worst_first_frame_s'], 's'):>18} "
                    f"{_number(level['worst_freeze_ratio'], '%'):>19}  {'JA' if level['held'] else 'nej'}")
        rows += [f"{'':>11}inte bra: {reason}" for reason in level["not_good"][:NAMED_PER_LEVEL]]
        rows += [f"{'':>11}ej bedömt: {pair}" for pair in level["not_judged_pairs"][:NAMED_PER_LEVEL]]
        hidden = sum(max(0, len(level[key]) - NAMED_PER_LEVEL) for key in ("not_good", "not_judged_pairs"))
        if hidden:
            rows.append(f"{'':>11}... och {hidden} par till (alla i JSON-filen)")
        rows += [f"{'':>11}avbruten: {why}" for why in level["broken"]]
    return (f"Konferens på SFU:n, {figures['machine']['cores']} kärnor, {figures['seconds']} s mätt efter allas "
            f"första bild, {figures['rounds']} omgångar (par: mottagare × avsändare, summerat över omgångarna):\n"
            + "\n".join([head, *rows]) + "\n" + answer_sv(figures))


# -- one real conference -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConferenceStage:
    """What every conference of the bench needs: where, the clinician's account, the patients, the unit."""
    base_url: str
    staff: tuple[str, str]
    personnummers: tuple[str, ...]
    unit_slug: str
    folder: Path | None


async def _book(clinician, patients, stage: ConferenceStage) -> int:
    """Logs everyone in through the API and books one conference of them all (the service's SFU)."""
    await ok_json(clinician.post(protocol.STAFF_LOGIN, data=protocol.staff_login(*stage.staff)))
    unit = protocol.unit_with(await ok_json(clinician.get(protocol.UNITS)), stage.unit_slug)["id"]
    numbers = stage.personnummers[:len(patients)]
    visit = await ok_json(clinician.post(protocol.CONFERENCES, data=protocol.conference(unit, list(numbers),
                                                                                     meeting_start())))
    for patient, number in zip(patients, numbers):
        await ok_json(patient.post(protocol.PATIENT_LOGIN, data=protocol.patient_login(number)))
    return visit["id"]


async def run_conference(browser, stage: ConferenceStage, participants: int, seconds: float,
                         label: str) -> dict:
    """One conference of `participants` in `browser`, measured `seconds` after every first frame; its figures."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout
    cores = os.cpu_count() or 1
    contexts = [await browser.new_context(base_url=stage.base_url) for _ in range(participants)]
    cpu_start = BrowserCpu.now()
    try:
        for context in contexts:
            await context.add_init_script(PEER_TRACKER_SCRIPT)
            await context.add_init_script(LOW_RES_CAMERA_SCRIPT)
        clinician, *patients = contexts
        visit_id = await _book(clinician.request, [p.request for p in patients], stage)
        pages = [await context.new_page() for context in contexts]
        for page in pages:
            await page.goto(protocol.visit_page(visit_id))
        for patient in patients:
            await ok_json(patient.request.post(protocol.visit_check_in(visit_id)))
        await ok_json(clinician.request.post(protocol.visit_admit(visit_id)))
        # Every page's first frame from every other participant, within the conference bound; past it the
        # conference is judged on what came (a pair that never got going is the verdict's to name).
        deadline = time.monotonic() + CONFERENCE_MEDIA_TIMEOUT_S
        for page in pages:
            remaining_ms = max(1.0, deadline - time.monotonic()) * 1000
            try:
                await page.wait_for_function(FIRST_FRAMES, arg=participants - 1, timeout=remaining_ms)
            except PlaywrightTimeout:
                break
        cpu_measured, measured_at = BrowserCpu.now(), time.monotonic()
        await asyncio.sleep(seconds)
        raws = [await page.evaluate(SERIES_SCRIPT) for page in pages]
        cpu_end = BrowserCpu.now()  # before the pages close: their threads take their counters along
        measured_s = time.monotonic() - measured_at
        await ok_json(clinician.request.post(protocol.visit_close(visit_id)))
    finally:
        for context in contexts:
            await context.close()
    waiting = cpu_end.wait_per_turn_ms_since(cpu_start) if cpu_end else None
    share = cpu_end.cpu_share_since(cpu_measured, measured_s, cores) if cpu_end else None
    reports = [MediaReport(role, raw) for role, raw in zip(role_words(participants), raws)]
    result = assess_meeting(label, reports, load_thresholds(), waiting, (BENCH_TAG,), engine="sfu")
    if stage.folder:
        write_visit(result, None, label, stage.folder)
    return conference_figures(participants, result, cpu_share=share, browser_wait_ms=waiting)


async def run_guarded(browser, stage: ConferenceStage, participants: int, seconds: float, label: str) -> dict:
    try:
        return await run_conference(browser, stage, participants, seconds, label)
    except Exception as error:  # a conference that broke off is counted as broken, never dropped
        return conference_figures(participants, None, f"{type(error).__name__}: {str(error)[:300]}")


async def run_rounds(stage: ConferenceStage, levels: list[int], rounds: int, seconds: float, announce) -> dict:
    """Every round's conferences one after the other, in one Chromium, the order alternating by round."""
    from playwright.async_api import async_playwright

    from ..browser import launch_options
    done: dict[int, list[dict]] = {level: [] for level in levels}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        try:
            for round_number in range(rounds):
                for level in round_order(levels, round_number):
                    figures = await run_guarded(browser, stage, level, seconds,
                                                f"konferens-{level}-deltagare-omgang-{round_number + 1}")
                    figures["host_load_1min"] = round(os.getloadavg()[0], 2)
                    done[level].append(figures)
                    announce(f"omgång {round_number + 1}, {level} deltagare: {figures['good']} av "
                             f"{figures['pairs']} par bra, {figures['not_judged']} ej bedömda"
                             + (f", avbruten: {figures['broken']}" if figures["broken"] else "")
                             + f", webbläsarnas CPU {_share(figures['cpu_share'])}")
        finally:
            await browser.close()
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vardmote_qa.bench.conference_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="3,4,5,6,8", help="deltagare per konferens, kommaseparerat")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=None,
                        help="sekunder mätt efter allas första bild (standard: kampanjens sekunder per besök)")
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args(argv)
    try:
        levels = [int(level) for level in arguments.levels.split(",")]
    except ValueError:
        print(f"--levels ska vara antal deltagare med komma emellan, t.ex. 3,4,5 (inte '{arguments.levels}').",
              file=sys.stderr)
        return 2
    environment = load_environment("local")
    patients = tuple(dict.fromkeys(environment.patients))
    too_big = [level for level in levels if level < 2 or level - 1 > len(patients)]
    if too_big:
        print(f"Nivåerna {too_big} går inte: en konferens har en vårdpersonal och minst en patient, och miljön "
              f"har {len(patients)} olika testpatienter (konton.patienter).", file=sys.stderr)
        return 2
    seconds = arguments.seconds or load_settings().seconds
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    out = arguments.out or BENCH_DIR / f"conference-{stamp}.json"
    started = time.monotonic()
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as work, up(environment, Path(work) / "sandbox") as running:
        stage = ConferenceStage(running.base_url, (environment.clinician.username, environment.clinician.password),
                                patients, environment.default_unit, out.parent / (out.stem + "-visits"))
        done = asyncio.run(run_rounds(stage, levels, arguments.rounds, seconds, lambda line: print(line, flush=True)))
    figures = {"machine": {"cores": os.cpu_count(), "load_average_at_start": load_at_start,
                           "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
               "seconds": seconds, "rounds": arguments.rounds,
               "order": "varvat: nivåerna i omvänd ordning varannan omgång",
               "conferences": {str(level): done[level] for level in levels},
               "levels": [level_figures(level, done[level]) for level in levels],
               "wall_time_s": round(time.monotonic() - started, 1)}
    figures["most_participants_held"] = most_held(figures["levels"])
    figures["answer"] = answer_sv(figures)
    publish(figures, out, summary_text(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
