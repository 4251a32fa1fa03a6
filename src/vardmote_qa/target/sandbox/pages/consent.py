"""The consent request a page shows instead of its content until the patient consents."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S


class ConsentForm:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._text = page.get_by_test_id("consent-text")
        self._agree = page.get_by_role("button", name="Jag samtycker")

    def expect_shown(self, text: str) -> None:
        expect(self._text).to_have_text(text, timeout=UI_TIMEOUT_S * 1000)

    def click_consent(self) -> None:
        self._agree.click()
        self.page.wait_for_load_state()
