"""Real-browser video visits inside Locust: Playwright's async API on an asyncio loop run by a greenlet.

Locust users must not use asyncio themselves, so the loop lives in its own greenlet (gevent's patched
selectors make it cooperative, as locust-plugins' PlaywrightUser does) and a user waits for a visit's
result with gevent.sleep. A browser still costs CPU in bursts, so the worker's heartbeat tolerance is
raised, the way PlaywrightUser does it. No selectors here: the visit page runs its own call once the API
says the visit is under way; we only read the peer connections' getStats.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path

import gevent
from locust import runners

from ..browser import launch_options
from ..media import PEER_TRACKER_SCRIPT, SNAPSHOT_SCRIPT
from ..media.snapshot import MediaFlow, MediaSnapshot
from ..run.layout import RunLayout
from ..target.interface import VisitKind
from ..target.meeting_time import meeting_start
from ..target.sandbox import protocol
from ..waiting import MEDIA_START_TIMEOUT_S

runners.HEARTBEAT_LIVENESS = 10  # a worker busy with a browser may miss a few heartbeats
VISIT_TIMEOUT_S = 120.0
FIRST_FRAME = "() => (window.__vmqa?.peers || []).some((e) => e.firstFrameAt !== null)"


class BrowserLoop:
    """One asyncio loop per Locust process, run forever by a greenlet."""

    loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def run(cls, coroutine, timeout_s: float):
        if cls.loop is None:
            cls.loop = asyncio.new_event_loop()
            gevent.spawn(cls.loop.run_forever)
        future = asyncio.run_coroutine_threadsafe(coroutine, cls.loop)
        deadline = time.monotonic() + timeout_s
        while not future.done():
            if time.monotonic() > deadline:
                future.cancel()
                raise TimeoutError(f"webbläsaren svarade inte inom {timeout_s:.0f} s")
            gevent.sleep(0.05)
        return future.result()


@dataclass(frozen=True)
class VideoResult:
    first_frame_ms: float
    connected_ms: float
    freezes_ms: float
    problems: list[str]
    raw: dict


class BrowserPair:
    """One Chromium with two contexts: the clinician's and the patient's."""

    def __init__(self):
        self._playwright = None
        self._browser = None

    async def start(self) -> None:
        from playwright.async_api import async_playwright
        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(**launch_options())

    async def stop(self) -> None:
        if self._browser:
            await self._browser.close()
        if self._playwright:
            await self._playwright.stop()

    async def visit(self, base_url: str, staff: tuple[str, str], personnummer: str, unit_slug: str,
                    observe_s: float) -> VideoResult:
        contexts = [await self._browser.new_context(base_url=base_url) for _ in range(2)]
        try:
            for context in contexts:
                await context.add_init_script(PEER_TRACKER_SCRIPT)
            clinician, patient = (context.request for context in contexts)
            await _ok(clinician.post(protocol.STAFF_LOGIN, data=protocol.staff_login(*staff)))
            unit = protocol.unit_with(await _ok(clinician.get(protocol.UNITS)), unit_slug)["id"]
            visit = await _ok(clinician.post(protocol.VISITS, data=protocol.booking(
                unit, personnummer, meeting_start(), VisitKind.VIDEO)))
            await _ok(patient.post(protocol.PATIENT_LOGIN, data=protocol.patient_login(personnummer)))
            pages = [await context.new_page() for context in contexts]
            for page in pages:
                await page.goto(protocol.visit_page(visit["id"]))
            await _ok(patient.post(protocol.visit_check_in(visit["id"])))
            await _ok(clinician.post(protocol.visit_admit(visit["id"])))
            for page in pages:
                await page.wait_for_function(FIRST_FRAME, timeout=MEDIA_START_TIMEOUT_S * 1000)
            before = [MediaSnapshot(await page.evaluate(SNAPSHOT_SCRIPT)) for page in pages]
            await asyncio.sleep(observe_s)
            after = [MediaSnapshot(await page.evaluate(SNAPSHOT_SCRIPT)) for page in pages]
            await _ok(clinician.post(protocol.visit_close(visit["id"])))
            return _result(before, after)
        finally:
            for context in contexts:
                await context.close()


async def _ok(response_awaitable):
    response = await response_awaitable
    if not response.ok:
        raise RuntimeError(f"HTTP {response.status} från {response.url.split('?')[0]}")
    return await response.json()


def _freezes_ms(snapshot: MediaSnapshot) -> float:
    return float((snapshot.raw.get("inbound_video") or {}).get("totalFreezesDuration", 0.0)) * 1000


def _result(before: list[MediaSnapshot], after: list[MediaSnapshot]) -> VideoResult:
    observations = [MediaFlow(b, a) for b, a in zip(before, after)]
    problems = [f"{side}: {problem}" for side, observation in zip(("vårdpersonal", "patient"), observations)
                for problem in observation.problems()]
    return VideoResult(
        first_frame_ms=max(a.first_frame_after_ms or 0.0 for a in after),
        connected_ms=max(a.connected_after_ms or 0.0 for a in after),
        freezes_ms=max(_freezes_ms(a) - _freezes_ms(b) for b, a in zip(before, after)),
        problems=problems, raw={"clinician": observations[0].as_dict(), "patient": observations[1].as_dict()})


def save_result(out_dir: Path | None, result: VideoResult) -> None:
    """The raw getStats of each load-time video visit, beside Locust's files, for a reader or the gate."""
    if out_dir is None:
        return
    folder = RunLayout.of_load_folder(out_dir).load_video
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"besok-{time.time_ns()}.json"
    path.write_text(json.dumps({"problems": result.problems, **result.raw}, ensure_ascii=False), encoding="utf-8")
