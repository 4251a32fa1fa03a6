"""The media ability: what an actor's page receives in a call, and the network the platform puts it on.

Sampling: peer_tracker.js (an init script in the actor's context) samples getStats every second;
SERIES_SCRIPT reads what it gathered. Network: Chromium's emulation through CDP, and the drops made
in the middle of a call, which the verdict needs to measure recovery.
"""

from __future__ import annotations

import time

from ..media import PEER_TRACKER_SCRIPT
from ..media.effect import NetworkNotInEffect
from ..media.emulation import NetworkEmulation
from ..media.observation import MediaObservation
from ..media.profiles import NetworkProfile
from ..media.series import SERIES_SCRIPT, origin_of, parse_series
from ..media.visit import MediaReport
from ..waiting import MEDIA_START_TIMEOUT_S, eventually, pause
from .browsing import Browsing

_NOTHING_SAMPLED = {"peers": [], "samples": []}


class CallMedia:
    def __init__(self, browsing: Browsing, participant: str):
        self._browsing = browsing
        self._participant = participant  # the role word: series and reports are labelled by it
        self._network: NetworkEmulation | None = None
        self._drops: list[tuple[float, float]] = []  # (start, end) epoch ms of each network drop
        browsing.prepare_each_context(lambda context: context.add_init_script(PEER_TRACKER_SCRIPT))

    def observe(self) -> MediaObservation:
        """Waits until two sampled seconds after the first remote frame are there."""
        return eventually(self._complete_observation, timeout=MEDIA_START_TIMEOUT_S,
                          description=f"video och ljud hos {self._participant}")

    def _complete_observation(self) -> MediaObservation | None:
        raw = self._browsing.page.evaluate(SERIES_SCRIPT)
        observation = MediaObservation(parse_series(self._participant, raw, origin_of([raw]) or 0))
        return observation if observation.complete() else None

    def recent_raw(self, samples: int) -> dict:
        """The page's newest samples as the tracker gathered them (nothing when no page is open): polled while
        a meeting runs, so only the newest few cross into Python, not the whole visit's."""
        if not self._browsing.is_open:
            return _NOTHING_SAMPLED
        return self._browsing.page.evaluate(
            f"() => {{ const all = ({SERIES_SCRIPT})(); all.samples = all.samples.slice(-{int(samples)}); return all; }}")

    def use_network(self, profile: NetworkProfile) -> None:
        """Must come before the call starts: Chromium throttles only sockets created under emulation."""
        if self._network is None:
            self._network = NetworkEmulation(self._browsing.page)
        self._network.apply(profile)

    def lose_network_for(self, seconds: float) -> None:
        # Chromium applies a change to a call's sockets only if they were created under an impairing profile.
        if self._network is None or not self._network.profile.impairs:
            raise NetworkNotInEffect(f"{self._participant} har inget emulerat nät, så nätet kan inte tas bort mitt "
                                     f"i besöket: ange ett nät som begränsar (till exempel \"4g\") innan samtalet "
                                     f"börjar")
        started = time.time() * 1000
        self._network.drop()
        pause(seconds)
        self._network.restore()
        self._drops.append((started, time.time() * 1000))

    def report(self) -> MediaReport:
        """Everything the page has sampled (nothing when no page was opened), and the network it was on."""
        raw = self._browsing.page.evaluate(SERIES_SCRIPT) if self._browsing.is_open else _NOTHING_SAMPLED
        return MediaReport(self._participant, raw, self._network.profile if self._network else None,
                           tuple(self._drops))
