"""The staff start page: the live waiting room of the clinician's units and the visit list."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S


class StaffStartPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._waiting_list = page.get_by_test_id("waiting-room-list")

    def open(self) -> None:
        self.page.goto(f"{self.base_url}/")

    def _waiting_entry(self, patient_name: str):
        return self._waiting_list.locator("li", has_text=patient_name)

    def expect_waiting(self, patient_name: str) -> None:
        expect(self._waiting_entry(patient_name)).to_be_visible(timeout=UI_TIMEOUT_S * 1000)

    def click_open_waiting_visit(self, patient_name: str) -> None:
        self._waiting_entry(patient_name).get_by_role("link", name="Öppna besöket").click()
        self.page.wait_for_load_state()
