"""The patient's start page: their visits, and the units that take errands from patients."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S


class PatientStartPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._units = page.get_by_test_id("patient-initiated-units")
        self._my_visits = page.get_by_test_id("my-visits").locator("tbody tr")

    def open(self) -> None:
        self.page.goto(f"{self.base_url}/")
        expect(self.page.get_by_role("heading", level=1)).to_be_visible(timeout=UI_TIMEOUT_S * 1000)

    def unit_names(self) -> list[str]:
        return [name.strip() for name in self._units.get_by_role("link").all_inner_texts()]

    def click_unit(self, unit_name: str) -> None:
        self._units.get_by_role("link", name=unit_name, exact=True).click()
        self.page.wait_for_load_state()

    def my_visit_count(self) -> int:
        return self._my_visits.count()
