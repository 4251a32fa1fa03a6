"""A unit's settings page: its SMS texts and which pages require consent."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S
from ...interface import SmsText

_UI_MS = UI_TIMEOUT_S * 1000
_TEXT_LABELS = {SmsText.INVITATION: "Kallelsetext", SmsText.REMINDER: "Påminnelsetext"}


class UnitSettingsPage:
    def __init__(self, page: Page, base_url: str, slug_of: Callable[[str], str]):
        self.page = page
        self.base_url = base_url
        self._slug_of = slug_of
        self._heading = page.get_by_role("heading", level=1)

    def open(self, unit_name: str) -> None:
        self.page.goto(f"{self.base_url}/mottagning/{self._slug_of(unit_name)}/installningar")
        expect(self._heading).to_be_visible(timeout=_UI_MS)

    def is_allowed(self) -> bool:
        return self._heading.inner_text().startswith("Inställningar för")

    def save_text(self, which: SmsText, text: str) -> None:
        self.page.get_by_label(_TEXT_LABELS[which]).fill(text)
        self.page.get_by_role("button", name="Spara texterna").click()
        self.page.wait_for_load_state()

    def refusal(self) -> str | None:
        """The page's error message after saving, or None when it reports the texts saved."""
        outcome = self.page.get_by_role("alert").or_(self.page.get_by_role("status"))
        expect(outcome.first).to_be_visible(timeout=_UI_MS)
        alert = self.page.get_by_role("alert")
        return alert.inner_text() if alert.count() else None
