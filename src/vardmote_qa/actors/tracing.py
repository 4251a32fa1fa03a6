"""The tracing ability: the Playwright trace of an actor's browser context, kept as evidence when asked."""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from ..evidence import Evidence


class Tracing:
    """Started with the context (screenshots and DOM snapshots only where the environment's data are
    synthetic, see evidence.py); stopped on close, and kept only for a scenario that failed, since a trace of
    every passing scenario would fill the run folder. A kept trace is cleaned of secrets, cookies and
    addresses before it is attached."""

    def __init__(self, evidence: Evidence, owner: str):
        self._evidence = evidence
        self._owner = owner  # the role word, to name the Allure attachment
        self._context: BrowserContext | None = None

    def start(self, context: BrowserContext) -> None:
        context.tracing.start(**self._evidence.trace_options())
        self._context = context

    def stop(self, keep_as: str | None) -> None:
        """Ends the trace; with `keep_as`, writes it to the run folder and attaches it to Allure."""
        if self._context is None:
            return
        if keep_as:
            path = self._evidence.trace_path(keep_as)
            self._context.tracing.stop(path=str(path))
            self._evidence.keep_trace(f"Playwright-spårning {self._owner}", path)
        else:
            self._context.tracing.stop()
        self._context = None
