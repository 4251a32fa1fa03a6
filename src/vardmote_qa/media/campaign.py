"""The video campaign: many real two-party visits per network profile, several at a time, each judged.

One Chromium process holds several browser contexts (two per visit: the clinician's and the patient's),
each with the peer tracker and a low-resolution fake camera, so that this machine holds more visits at
once. A visit is booked and joined through the API (the visit page runs its own call once the service says
the visit is under way), measured for `seconds` after both first frames, then judged by the same sampler and
verdict as a scenario's visit (visit.assess_visit) and written to media/visits/ with its chart.
A visit that could not be judged (the test browsers starved) is written too, with `judged: false`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..run.layout import RunLayout
from ..target.interface import VisitKind
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import MEDIA_START_TIMEOUT_S
from . import PEER_TRACKER_SCRIPT
from .browser_cpu import BrowserCpu
from .failure_share import FAIL, PASS
from .profiles import NetworkProfile, cdp_conditions
from .record import write_visit
from .series import SERIES_SCRIPT
from .summary import COMPARISON_TAG, NOT_JUDGED
from .thresholds import load_thresholds
from .tiers import Tier
from .visit import MediaReport, VisitResult, assess_visit

PATIENT, CLINICIAN = "patienten", "vårdpersonalen"
CAMPAIGN_TAG = "kampanj"
# A low-resolution fake camera at 15 frames per second: what this machine can hold several visits of.
# The page's own request is kept, only its video size and rate are capped (fps_ratio follows the camera).
CAMERA_WIDTH, CAMERA_HEIGHT, CAMERA_FPS = 320, 240, 15
LOW_RES_CAMERA_SCRIPT = f"""(() => {{
  const devices = navigator.mediaDevices;
  if (!devices || !devices.getUserMedia) return;
  const native = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (constraints) => native(constraints && constraints.video
    ? {{...constraints, video: {{width: {CAMERA_WIDTH}, height: {CAMERA_HEIGHT}, frameRate: {CAMERA_FPS}}}}}
    : constraints);
}})();"""
# At least `senders` received senders (the tracker's groups) have their first frame. Peer entries have no
# firstFrameAt: asked of them, the wait ended as soon as a connection existed.
FIRST_FRAMES = "(senders) => (window.__vmqa?.groups || []).filter((g) => g.firstFrameAt !== null).length >= senders"
ENGINE_FIELD = "videomotor"  # the booking's choice of video engine (p2p | sfu)


@dataclass(frozen=True)
class Stage:
    """What every visit of the campaign needs: where, who, and where to write."""
    base_url: str
    staff: tuple[str, str]
    personnummer: str
    unit_slug: str
    run_dir: Path | None


async def ok_json(response_awaitable):
    """An API call's JSON answer; an answer that is not ok raises, naming its status and route."""
    response = await response_awaitable
    if not response.ok:
        raise RuntimeError(f"HTTP {response.status} från {response.url.split('?')[0]}")
    return await response.json()


async def _book_and_join(clinician, patient, stage: Stage, engine: str | None) -> int:
    await ok_json(clinician.post(protocol.STAFF_LOGIN, data=protocol.staff_login(*stage.staff)))
    unit = protocol.unit_with(await ok_json(clinician.get(protocol.UNITS)), stage.unit_slug)["id"]
    booking = protocol.booking(unit, stage.personnummer, meeting_start(), VisitKind.VIDEO)
    if engine:  # the meeting's own engine (the service's `videomotor`); without it the unit's
        booking = {**booking, ENGINE_FIELD: engine}
    visit = await ok_json(clinician.post(protocol.VISITS, data=booking))
    await ok_json(patient.post(protocol.PATIENT_LOGIN, data=protocol.patient_login(stage.personnummer)))
    return visit["id"]


async def run_visit(browser, stage: Stage, profile: NetworkProfile, seconds: float, label: str,
                    tags: tuple[str, ...] = (CAMPAIGN_TAG,), folder: Path | None = None,
                    engine: str | None = None) -> VisitResult:
    """One real two-party visit; the patient on `profile`, the clinician on an unimpaired network, on
    `engine` (None: the unit's engine, unrecorded).
    Written to folder (default: the run's media/visits), or nowhere when neither it nor a run folder is given."""
    contexts = [await browser.new_context(base_url=stage.base_url) for _ in range(2)]
    cpu_before = BrowserCpu.now()
    try:
        for context in contexts:
            await context.add_init_script(PEER_TRACKER_SCRIPT)
            await context.add_init_script(LOW_RES_CAMERA_SCRIPT)
        clinician_context, patient_context = contexts
        visit_id = await _book_and_join(clinician_context.request, patient_context.request, stage, engine)
        pages = [await context.new_page() for context in contexts]
        if profile.impairs:  # before the call: Chromium throttles only sockets made under emulation
            session = await patient_context.new_cdp_session(pages[1])
            await session.send("Network.enable")
            await session.send("Network.emulateNetworkConditions", cdp_conditions(profile))
        for page in pages:
            await page.goto(protocol.visit_page(visit_id))
        await ok_json(patient_context.request.post(protocol.visit_check_in(visit_id)))
        await ok_json(clinician_context.request.post(protocol.visit_admit(visit_id)))
        for page in pages:
            await page.wait_for_function(FIRST_FRAMES, arg=1, timeout=MEDIA_START_TIMEOUT_S * 1000)
        await asyncio.sleep(seconds)
        raws = [await page.evaluate(SERIES_SCRIPT) for page in pages]
        cpu_after = BrowserCpu.now()  # before the pages close: their threads take their counters along
        await ok_json(clinician_context.request.post(protocol.visit_close(visit_id)))
    finally:
        for context in contexts:
            await context.close()
    reports = [MediaReport(CLINICIAN, raws[0], None), MediaReport(PATIENT, raws[1], profile)]
    result = assess_visit(label, reports, load_thresholds(),
                          cpu_after.wait_per_turn_ms_since(cpu_before) if cpu_after else None, tags)
    result = replace(result, engine=engine)
    if folder or stage.run_dir:
        write_visit(result, stage.run_dir, label, folder)
    return result


@dataclass(frozen=True)
class VisitOutcome:
    label: str
    profile: str
    result: VisitResult | None  # None: the visit broke off before it could be measured
    problem: str | None
    seconds: float
    engine: str | None = None
    tags: tuple[str, ...] = (CAMPAIGN_TAG,)


@dataclass(frozen=True)
class PlannedVisit:
    """One visit to make: on which stage, the patient's network, its label, engine and tags."""
    stage: Stage
    profile: NetworkProfile
    label: str
    engine: str | None = None
    tags: tuple[str, ...] = (CAMPAIGN_TAG,)


async def _guarded(browser, visit: PlannedVisit, seconds: float, gate: asyncio.Semaphore,
                   keep_going) -> VisitOutcome | None:
    async with gate:
        if not keep_going(visit.profile.name):
            return None  # the profile's test has decided: the visit is not made (not a visit not judged)
        started = time.monotonic()
        try:
            result = await run_visit(browser, visit.stage, visit.profile, seconds, visit.label, visit.tags,
                                     engine=visit.engine)
            problem = None
        except Exception as error:  # a broken visit is counted as not judged, never dropped
            result, problem = None, f"{type(error).__name__}: {error}"
        return VisitOutcome(visit.label, visit.profile.name, result, problem, time.monotonic() - started,
                            visit.engine, visit.tags)


async def run_visits(visits: list[PlannedVisit], at_once: int, seconds: float, on_visit=None,
                     keep_going=lambda profile: True) -> list[VisitOutcome]:
    """The visits, at most `at_once` at a time in one Chromium process, in the order given; each visit on its
    own stage (a campaign's visits share one, a test's may each have a sandbox with its own switch).
    on_visit(outcome) is called as each one ends; keep_going(profile) is asked before each visit starts."""
    from playwright.async_api import async_playwright

    from ..browser import launch_options
    gate = asyncio.Semaphore(at_once)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        try:
            tasks = [asyncio.ensure_future(_guarded(browser, visit, seconds, gate, keep_going)) for visit in visits]
            outcomes = []
            for finished in asyncio.as_completed(tasks):
                outcome = await finished
                if outcome is None:
                    continue
                outcomes.append(outcome)
                if on_visit:
                    on_visit(outcome)
        finally:
            await browser.close()
    return outcomes


async def run_campaign(stage: Stage, profiles: list[NetworkProfile], visits_per_profile: int, at_once: int,
                       seconds: float, on_visit=None, label: str = CAMPAIGN_TAG,
                       keep_going=lambda profile: True,
                       engines: tuple[str, ...] | None = None) -> list[VisitOutcome]:
    """Every profile's visits on one stage, interleaved (so that a slow moment of the machine hits all
    profiles alike), through run_visits. keep_going(profile): a sequential test stops when it has decided.
    engines: each profile's visits on each of these engines too, interleaved visit by visit (p2p, sfu,
    p2p, ...) on the same machine at the same time, so that its noise hits both alike; None: the unit's."""
    visits = [PlannedVisit(stage, profile, f"{label}-{profile.name}-{number + 1:03d}" + (f"-{engine}" if engine else ""),
                           engine, _tags(engine, engines))
              for number in range(visits_per_profile) for profile in profiles for engine in engines or (None,)]
    return await run_visits(visits, at_once, seconds, on_visit, keep_going)


def _tags(engine: str | None, engines: tuple[str, ...] | None) -> tuple[str, ...]:
    """The first engine is the one the gate judges; the others are compared with it."""
    return (CAMPAIGN_TAG,) if not engines or engine == engines[0] else (CAMPAIGN_TAG, COMPARISON_TAG)


def campaign_tests(criteria) -> dict:
    """Profile -> the gate's test of its failure share: the campaign runs the profiles the gate judges."""
    return {c.params.profile: c.params.test for c in criteria if c.kind == "media_failure_share"}


def run_planned_campaign(run_dir: Path, environment, base_url: str, criteria, asked: int | None,
                         announce) -> tuple[bool, str]:
    """The nightly's campaign: planned, run, each visit announced; (ran to its end, a Swedish sentence)."""
    from .campaign_plan import load_settings, plan
    from .profiles import load_profiles
    tests = campaign_tests(criteria)
    if not tests:
        return True, "ingen kampanj: grinden har inga kriterier för felandel"
    settings = load_settings()
    planned = plan(tests, settings, asked)
    announce(f"Videokampanj: {planned.explanation}")
    profiles = load_profiles()
    stage = Stage(base_url, (environment.clinician.username, environment.clinician.password),
                  environment.patients[0], environment.default_unit, Path(run_dir))
    # at most: a profile stops when its test has decided, unless engines are compared (equal samples)
    total = planned.visits_per_profile * len(tests) * len(settings.engines or [None])
    done: list[VisitOutcome] = []
    decided: dict[str, str] = {}

    engines = tuple(settings.engines) if settings.engines and len(settings.engines) > 1 else None

    def progress(outcome: VisitOutcome) -> None:
        done.append(outcome)
        verdict = ("avbrutet: " + (outcome.problem or "")) if outcome.result is None else (
            "ej bedömt" if outcome.result.cannot_judge else outcome.result.tier.swedish)
        if COMPARISON_TAG in outcome.tags:
            announce(f"  besök {len(done)}/{total} ({outcome.profile}, {outcome.engine}): {verdict}")
            return
        judged = [outcome_of(o) for o in done if o.profile == outcome.profile and COMPARISON_TAG not in o.tags]
        verdict_now = tests[outcome.profile].decide([o for o in judged if o != NOT_JUDGED])[0]
        if verdict_now != "UNDECIDED" and outcome.profile not in decided:
            decided[outcome.profile] = verdict_now
            announce(f"  {outcome.profile}: testet har avgjort ({verdict_now}) efter {len(judged)} besök"
                     + ("" if engines else "; profilens återstående besök görs inte"))
        announce(f"  besök {len(done)}/{total} ({outcome.profile}" + (f", {outcome.engine}" if engines else "")
                 + f"): {verdict}")

    outcomes = asyncio.run(run_campaign(stage, [profiles[name] for name in tests], planned.visits_per_profile,
                                        settings.at_once, settings.seconds, progress,
                                        keep_going=lambda profile: engines is not None or profile not in decided,
                                        engines=engines))
    broken = [o for o in outcomes if o.result is None]
    for one in broken:  # a visit that broke off is written as not judged: counted, never dropped
        write_broken(RunLayout(Path(run_dir)).media_visits, one.label, one.profile, one.problem, one.tags,
                     one.engine)
    return True, (f"{len(outcomes)} kampanjbesök på {', '.join(tests)}"
                  + (f" med videomotorerna {' och '.join(engines)} varvade" if engines else "")
                  + f" ({len(broken)} avbrutna, räknade som ej bedömda)")


def outcome_of(outcome: VisitOutcome) -> str:
    """pass, fail or not_judged, as the summary counts it (a visit that broke off is not judged)."""
    if outcome.result is None or outcome.result.cannot_judge:
        return NOT_JUDGED
    return FAIL if outcome.result.tier is Tier.FAIL else PASS


def write_broken(folder: Path, label: str, profile: str, problem: str | None,
                 tags: tuple[str, ...] = (CAMPAIGN_TAG,), engine: str | None = None) -> None:
    """A visit that broke off before it could be measured: written as not judged, with why."""
    import json

    from .record import stable_name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stable_name(label)}.json").write_text(json.dumps({
        "format": 1, "visit": label, "profile": profile, "tags": list(tags),
        "judged": False, "verdict": None, "reason": f"Besöket bröts av: {problem}",
        "ended_at_ms": time.time() * 1000, "participants": {}, **({"engine": engine} if engine else {})},
        ensure_ascii=False), encoding="utf-8")
