"""The browser ability: an actor's own browser context and page, opened on first use."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import BrowserContext, Page


class Browsing:
    """One context per actor, so that people in a scenario never share cookies, sessions or media devices.

    Other abilities prepare the context (an init script, a trace) through prepare_each_context(); the
    context and its page are created the first time `page` is asked for, so an actor that never opens a
    screen costs no browser.
    """

    def __init__(self, new_context: Callable[..., BrowserContext]):
        self._new_context = new_context
        self._preparations: list[Callable[[BrowserContext], None]] = []
        self._context: BrowserContext | None = None
        self._page: Page | None = None

    def prepare_each_context(self, preparation: Callable[[BrowserContext], None]) -> None:
        """Runs `preparation` on the context before its first page is created."""
        self._preparations.append(preparation)

    @property
    def page(self) -> Page:
        if self._page is None:
            self._context = self._new_context()
            for preparation in self._preparations:
                preparation(self._context)
            self._page = self._context.new_page()
        return self._page

    @property
    def is_open(self) -> bool:
        return self._page is not None

    def screenshot(self) -> bytes | None:
        """The whole page as PNG, or None when no page is open (any more)."""
        if self._page is None or self._page.is_closed():
            return None
        return self._page.screenshot(full_page=True)

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
        self._context = self._page = None
