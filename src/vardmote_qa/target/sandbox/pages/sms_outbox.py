"""The SMS outbox: what the service would have sent, per phone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S


class SmsOutboxPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._rows = page.get_by_test_id("sms-outbox").locator("tbody tr")

    def open(self) -> None:
        self.page.goto(f"{self.base_url}/sms")
        expect(self.page.get_by_test_id("sms-outbox")).to_be_visible(timeout=UI_TIMEOUT_S * 1000)

    def texts(self) -> list[str]:
        return [row.locator("td").nth(1).text_content() or "" for row in self._rows.all()]
