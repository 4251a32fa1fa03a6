"""The base of every actor: a role word, the target and environment, evidence, its abilities and notes."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import BrowserContext, Page

from ..config import Environment
from ..evidence import Evidence
from ..media.visit import MediaReport
from ..target.interface import Target
from .browsing import Browsing
from .call_media import CallMedia
from .logins import Login
from .tracing import Tracing


class Actor:
    """A role with abilities (Screenplay): its own browser, media sampling and network, a trace, and a login.

    What a person does lives in the subclasses; the abilities know how, the actor knows what and why.
    """

    role_word = "aktören"  # the Swedish word steps use for this actor, in definite form

    def __init__(self, target: Target, new_context: Callable[..., BrowserContext], environment: Environment,
                 evidence: Evidence, *, login: Login, role_word: str | None = None):
        self.target = target
        self.environment = environment
        self.evidence = evidence
        if role_word:
            self.role_word = role_word
        self.login = login
        self.browsing = Browsing(new_context)
        self.media = CallMedia(self.browsing, participant=self.role_word)
        self.tracing = Tracing(evidence, owner=self.role_word)
        self.browsing.prepare_each_context(self.tracing.start)
        self.visit_id: int | None = None  # notes: the visit this actor is in
        self._logged_in = False

    @property
    def page(self) -> Page:
        return self.browsing.page

    def _log_in(self) -> None:
        if not self._logged_in:
            self.login.log_in(self.target.login_screen(self.page))
            self._logged_in = True

    def media_report(self) -> MediaReport:
        """Everything this participant's page has sampled, and the network the platform put it on."""
        return self.media.report()

    def capture_screenshot(self, label: str) -> None:
        png = self.browsing.screenshot()
        if png is not None:
            self.evidence.attach_png(f"Skärmbild {self.role_word}: {label}", png)

    def close(self, keep_trace_as: str | None) -> None:
        """Ends the browser context; keeps its Playwright trace (attached to Allure) when asked to."""
        self.tracing.stop(keep_as=keep_trace_as)
        self.browsing.close()
