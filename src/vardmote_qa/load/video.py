"""Real-browser video visits inside Locust: Playwright's async API on an asyncio loop run by a greenlet.

Locust users must not use asyncio themselves, so the loop lives in its own greenlet (gevent's patched
selectors make it cooperative, as locust-plugins' PlaywrightUser does) and a user waits for a visit's
result with gevent.sleep. A browser still costs CPU in bursts, so the worker's heartbeat tolerance is
raised, the way PlaywrightUser does it. No selectors here: the visit page runs its own call once the API
says the visit is under way.

Each visit is the video part's campaign visit (media/campaign.run_visit): the same sampler, the same
verdict, the same busy-machine accounting, written with its chart to load/video/. The gate judges the
failure share of these visits under load (kind load_video_failure_share) from the summary's `video`
(load/video_visits.py, which imports no Locust).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from pathlib import Path

import gevent
from locust import runners

from ..browser import launch_options
from ..media.campaign import Stage, run_visit, write_broken
from ..media.visit import VisitResult
from ..run.layout import RunLayout
from .video_visits import LOAD_TAG, LOAD_VIDEO_PROFILE

runners.HEARTBEAT_LIVENESS = 10  # a worker busy with a browser may miss a few heartbeats
VISIT_TIMEOUT_S = 120.0
_NUMBERS = itertools.count(1)


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


class BrowserPair:
    """One Chromium whose contexts hold the clinician's and the patient's side of each visit."""

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

    async def visit(self, stage: Stage, observe_s: float, out_dir: Path | None) -> VisitResult:
        """One judged visit, written to load/video/ (nowhere without an output folder)."""
        from ..media.profiles import load_profiles
        folder = RunLayout.of_load_folder(out_dir).load_video if out_dir else None
        label = f"last-{os.getpid()}-{next(_NUMBERS):03d}"
        try:
            return await run_visit(self._browser, stage, load_profiles()[LOAD_VIDEO_PROFILE], observe_s, label,
                                   (LOAD_TAG,), folder)
        except Exception as error:  # counted as not judged, with why; the caller's request fails too
            if folder:
                write_broken(folder, label, LOAD_VIDEO_PROFILE, f"{type(error).__name__}: {error}", (LOAD_TAG,))
            raise
