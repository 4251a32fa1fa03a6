"""A guest's link, opened in the guest's browser: it leads straight into the visit (no login screen)."""

from __future__ import annotations

from playwright.sync_api import Page


class GuestLinkPage:
    def __init__(self, page: Page):
        self.page = page

    def open(self, link: str) -> None:
        self.page.goto(link)
        self.page.wait_for_load_state()
