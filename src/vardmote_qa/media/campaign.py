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
from dataclasses import dataclass
from pathlib import Path

from ..target.interface import VisitKind
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import MEDIA_START_TIMEOUT_S
from . import PEER_TRACKER_SCRIPT
from .browser_cpu import BrowserCpu
from .profiles import NetworkProfile, cdp_conditions
from .record import write_visit
from .series import SERIES_SCRIPT
from .thresholds import load_thresholds
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
FIRST_FRAME = "() => (window.__vmqa?.peers || []).some((e) => e.firstFrameAt !== null)"


@dataclass(frozen=True)
class Stage:
    """What every visit of the campaign needs: where, who, and where to write."""
    base_url: str
    staff: tuple[str, str]
    personnummer: str
    unit_slug: str
    run_dir: Path


async def _ok(response_awaitable):
    response = await response_awaitable
    if not response.ok:
        raise RuntimeError(f"HTTP {response.status} från {response.url.split('?')[0]}")
    return await response.json()


async def _book_and_join(clinician, patient, stage: Stage) -> int:
    await _ok(clinician.post(protocol.STAFF_LOGIN, data=protocol.staff_login(*stage.staff)))
    unit = protocol.unit_with(await _ok(clinician.get(protocol.UNITS)), stage.unit_slug)["id"]
    visit = await _ok(clinician.post(protocol.VISITS, data=protocol.booking(
        unit, stage.personnummer, meeting_start(), VisitKind.VIDEO)))
    await _ok(patient.post(protocol.PATIENT_LOGIN, data=protocol.patient_login(stage.personnummer)))
    return visit["id"]


async def run_visit(browser, stage: Stage, profile: NetworkProfile, seconds: float, label: str,
                    tags: tuple[str, ...] = (CAMPAIGN_TAG,)) -> VisitResult:
    """One real two-party visit; the patient on `profile`, the clinician on an unimpaired network."""
    contexts = [await browser.new_context(base_url=stage.base_url) for _ in range(2)]
    cpu_before = BrowserCpu.now()
    try:
        for context in contexts:
            await context.add_init_script(PEER_TRACKER_SCRIPT)
            await context.add_init_script(LOW_RES_CAMERA_SCRIPT)
        clinician_context, patient_context = contexts
        visit_id = await _book_and_join(clinician_context.request, patient_context.request, stage)
        pages = [await context.new_page() for context in contexts]
        if profile.impairs:  # before the call: Chromium throttles only sockets made under emulation
            session = await patient_context.new_cdp_session(pages[1])
            await session.send("Network.enable")
            await session.send("Network.emulateNetworkConditions", cdp_conditions(profile))
        for page in pages:
            await page.goto(protocol.visit_page(visit_id))
        await _ok(patient_context.request.post(protocol.visit_check_in(visit_id)))
        await _ok(clinician_context.request.post(protocol.visit_admit(visit_id)))
        for page in pages:
            await page.wait_for_function(FIRST_FRAME, timeout=MEDIA_START_TIMEOUT_S * 1000)
        await asyncio.sleep(seconds)
        raws = [await page.evaluate(SERIES_SCRIPT) for page in pages]
        cpu_after = BrowserCpu.now()  # before the pages close: their threads take their counters along
        await _ok(clinician_context.request.post(protocol.visit_close(visit_id)))
    finally:
        for context in contexts:
            await context.close()
    reports = [MediaReport(CLINICIAN, raws[0], None), MediaReport(PATIENT, raws[1], profile)]
    result = assess_visit(label, reports, load_thresholds(),
                          cpu_after.wait_per_turn_ms_since(cpu_before) if cpu_after else None, tags)
    write_visit(result, stage.run_dir, label)
    return result


@dataclass(frozen=True)
class VisitOutcome:
    label: str
    profile: str
    result: VisitResult | None  # None: the visit broke off before it could be measured
    problem: str | None
    seconds: float


async def _guarded(browser, stage, profile, seconds, label, gate: asyncio.Semaphore) -> VisitOutcome:
    async with gate:
        started = time.monotonic()
        try:
            result = await run_visit(browser, stage, profile, seconds, label)
            return VisitOutcome(label, profile.name, result, None, time.monotonic() - started)
        except Exception as error:  # a broken visit is counted as not judged, never dropped
            return VisitOutcome(label, profile.name, None, f"{type(error).__name__}: {error}",
                                time.monotonic() - started)


async def run_campaign(stage: Stage, profiles: list[NetworkProfile], visits_per_profile: int, at_once: int,
                       seconds: float, on_visit=None) -> list[VisitOutcome]:
    """Every profile's visits, interleaved (so that a slow moment of the machine hits all profiles alike),
    at most `at_once` at a time in one Chromium process. on_visit(outcome) is called as each one ends."""
    from playwright.async_api import async_playwright

    from ..browser import launch_options
    gate = asyncio.Semaphore(at_once)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        try:
            tasks = [asyncio.ensure_future(_guarded(browser, stage, profile, seconds,
                                                    f"kampanj-{profile.name}-{number + 1:03d}", gate))
                     for number in range(visits_per_profile) for profile in profiles]
            outcomes = []
            for finished in asyncio.as_completed(tasks):
                outcome = await finished
                outcomes.append(outcome)
                if on_visit:
                    on_visit(outcome)
        finally:
            await browser.close()
    return outcomes
