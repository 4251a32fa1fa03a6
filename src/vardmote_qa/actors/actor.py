"""The base of every actor: its own browser context and page, what it sees of the call and the chat."""

from __future__ import annotations

import time
from typing import Callable

from playwright.sync_api import BrowserContext, Page

from ..config import Environment
from ..evidence import Evidence
from ..media import PEER_TRACKER_SCRIPT
from ..media.effect import NetworkNotInEffect
from ..media.emulation import NetworkEmulation
from ..media.observation import MediaObservation
from ..media.profiles import NetworkProfile
from ..media.series import SERIES_SCRIPT, origin_of, parse_series
from ..media.visit import MediaReport
from ..target.interface import Target
from ..waiting import MEDIA_START_TIMEOUT_S, eventually, pause
from .narration import step_title


class Actor:
    role_word = "aktören"  # the Swedish word steps use for this actor, in definite form

    def __init__(self, target: Target, new_context: Callable[..., BrowserContext], environment: Environment,
                 evidence: Evidence):
        self.target = target
        self.environment = environment
        self.evidence = evidence
        self._new_context = new_context
        self._context: BrowserContext | None = None
        self._page: Page | None = None
        self.visit_id: int | None = None
        self._network: NetworkEmulation | None = None
        self._drops: list[tuple[float, float]] = []  # (start, end) epoch ms of each network drop

    @property
    def page(self) -> Page:
        if self._page is None:
            self._context = self._new_context()
            self._context.add_init_script(PEER_TRACKER_SCRIPT)
            self._context.tracing.start(screenshots=True, snapshots=True, sources=False)
            self._page = self._context.new_page()
        return self._page

    @property
    def has_browser(self) -> bool:
        return self._page is not None

    @property
    def visit_screen(self):
        return self.target.visit_screen(self.page)

    @step_title("{self.role_word} skriver \"{text}\" i chatten")
    def write_in_chat(self, text: str) -> None:
        self.visit_screen.send_message(text)

    @step_title("{self.role_word} ser meddelandet \"{text}\" i chatten")
    def expect_chat_message(self, text: str) -> None:
        self.visit_screen.expect_message(text)

    @step_title("{self.role_word} tittar och lyssnar på den andra parten")
    def observe_call(self) -> MediaObservation:
        """Waits for the first remote frame and two sampled seconds after it, then judges them."""
        self.visit_screen.expect_remote_video()
        observation = eventually(self._complete_observation, timeout=MEDIA_START_TIMEOUT_S,
                                 description=f"video och ljud hos {self.role_word}")
        self.evidence.attach_media_stats(f"Mediastatistik {self.role_word} besök {self.visit_id}",
                                         observation.as_dict())
        return observation

    def _complete_observation(self) -> MediaObservation | None:
        raw = self.page.evaluate(SERIES_SCRIPT)
        observation = MediaObservation(parse_series(self.role_word, raw, origin_of([raw]) or 0))
        return observation if observation.complete() else None

    @step_title("{self.role_word} är på nätet {profile.name}")
    def use_network(self, profile: NetworkProfile) -> None:
        """Must come before the call starts: Chromium throttles only sockets created under emulation."""
        if self._network is None:
            self._network = NetworkEmulation(self.page)
        self._network.apply(profile)

    @step_title("{self.role_word} tappar nätet i {seconds} s, sedan kommer det tillbaka")
    def lose_network_for(self, seconds: float) -> None:
        # Chromium applies a change to a call's sockets only if they were created under an impairing profile.
        if self._network is None or not self._network.profile.impairs:
            raise NetworkNotInEffect(f"{self.role_word} har inget emulerat nät, så nätet kan inte tas bort mitt i "
                                     f"besöket: ange ett nät som begränsar (till exempel \"4g\") innan samtalet "
                                     f"börjar")
        started = time.time() * 1000
        self._network.drop()
        pause(seconds)
        self._network.restore()
        self._drops.append((started, time.time() * 1000))

    @step_title("besöket pågår i {seconds} s")
    def stay_in_call(self, seconds: float) -> None:
        pause(seconds)

    def media_report(self) -> MediaReport:
        """Everything this participant's page has sampled, and the network the platform put it on."""
        raw = self.page.evaluate(SERIES_SCRIPT) if self.has_browser else {"peers": [], "samples": []}
        return MediaReport(self.role_word, raw, self._network.profile if self._network else None,
                           tuple(self._drops))

    @step_title("{self.role_word} ser att besöket är avslutat")
    def expect_visit_over(self) -> None:
        self.visit_screen.expect_closed()

    def capture_screenshot(self, label: str) -> None:
        if self._page is not None and not self._page.is_closed():
            self.evidence.attach_png(f"Skärmbild {self.role_word}: {label}", self._page.screenshot(full_page=True))

    def close(self, keep_trace_as: str | None) -> None:
        """Ends the browser context; keeps its Playwright trace (attached to Allure) when asked to."""
        if self._context is None:
            return
        if keep_trace_as:
            path = self.evidence.trace_path(keep_trace_as)
            self._context.tracing.stop(path=str(path))
            self.evidence.attach_file(f"Playwright-spårning {self.role_word}", path, "zip")
        else:
            self._context.tracing.stop()
        self._context.close()
        self._context = self._page = None
