"""The staff start page: the live waiting room and queue of the staff member's units, booking, visits."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S
from ...interface import VisitKind
from .visit import ANONYMOUS_PATIENT

_UI_MS = UI_TIMEOUT_S * 1000
_KIND_LABELS = {VisitKind.VIDEO: "Videomöte", VisitKind.CHAT: "Chattmöte"}


class StaffStartPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._waiting_list = page.get_by_test_id("waiting-room-list")
        self._queue = page.get_by_test_id("queue-list")
        self._no_queue_right = page.get_by_test_id("queue-no-right")
        self._visits = page.get_by_test_id("staff-visits").locator("tbody tr")

    def open(self) -> None:
        self.page.goto(f"{self.base_url}/")
        # Loaded before anything is counted: an empty list on a page still loading proves nothing.
        expect(self.page.get_by_role("heading", name="Mina mottagningar")).to_be_visible(timeout=_UI_MS)

    def patient_register_entries(self) -> list[str]:
        """The patients (name and identity number) the booking form offers: the register as this role sees it."""
        return self.page.locator("#patient option").all_inner_texts()

    def _waiting_entry(self, visit_id: int):
        # By visit, not by name: the same test patient may wait in several visits of a shared target.
        return self._waiting_list.locator(f"li[data-visit-id='{int(visit_id)}']")

    def expect_waiting(self, visit_id: int, patient_name: str) -> None:
        expect(self._waiting_entry(visit_id)).to_contain_text(patient_name, timeout=UI_TIMEOUT_S * 1000)

    def click_open_waiting_visit(self, visit_id: int) -> None:
        self._waiting_entry(visit_id).get_by_role("link", name="Öppna besöket").click()
        self.page.wait_for_load_state()

    def _queue_entry(self, visit_id: int):
        return self._queue.locator(f"li[data-visit-id='{int(visit_id)}']")

    def expect_in_queue(self, visit_id: int, errand: str) -> None:
        expect(self._queue_entry(visit_id).locator(".errand")).to_have_text(errand, timeout=_UI_MS)

    def expect_not_in_queue(self, visit_id: int) -> None:
        expect(self._queue_entry(visit_id)).to_have_count(0, timeout=_UI_MS)

    def queue_entry_text(self, visit_id: int) -> str:
        return self._queue_entry(visit_id).inner_text()

    def queue_entry_says_anonymous(self, visit_id: int) -> bool:
        return ANONYMOUS_PATIENT in self.queue_entry_text(visit_id)

    def expect_interpreter_in_queue(self, visit_id: int, language: str) -> None:
        expect(self._queue_entry(visit_id).locator(".interpreter")).to_have_text(f"Tolk: {language}", timeout=_UI_MS)

    def expect_no_interpreter_in_queue(self, visit_id: int) -> None:
        expect(self._queue_entry(visit_id)).to_be_visible(timeout=_UI_MS)
        expect(self._queue_entry(visit_id).locator(".interpreter")).to_have_count(0)

    def click_pick_up(self, visit_id: int) -> None:
        self._queue_entry(visit_id).get_by_role("button", name="Ta ärendet").click()
        self.page.wait_for_load_state()

    def expect_no_queue_right(self) -> None:
        expect(self._no_queue_right).to_be_visible(timeout=_UI_MS)
        expect(self._queue.get_by_role("button", name="Ta ärendet")).to_have_count(0)

    def queue_visit_ids(self) -> list[int]:
        """The errands the live queue shows now (none when the role reads no queue)."""
        return [int(item.get_attribute("data-visit-id")) for item in self._queue.locator("li[data-visit-id]").all()]

    def waiting_visit_ids(self) -> list[int]:
        return [int(item.get_attribute("data-visit-id")) for item in self._waiting_list.locator("li[data-visit-id]").all()]

    def offers_pick_up(self, visit_id: int) -> bool:
        return self._queue_entry(visit_id).get_by_role("button", name="Ta ärendet").count() > 0

    def offers_booking_at(self, unit_name: str) -> bool:
        return self.page.get_by_label("Mottagning").locator("option", has_text=unit_name).count() > 0

    def visit_count(self) -> int:
        return self._visits.count()

    def book(self, unit_name: str, personnummer: str, starts_at: str, kind: VisitKind) -> None:
        self.page.get_by_label("Mottagning").select_option(label=unit_name)
        self.page.get_by_label("Patient").select_option(value=personnummer)
        self.page.get_by_label("Tid").fill(starts_at)
        self.page.get_by_label("Mötesform").select_option(label=_KIND_LABELS[kind])
        self.page.get_by_role("button", name="Boka och skicka kallelse").click()
        self.page.wait_for_url("**/besok/*", timeout=_UI_MS)

    def code_from_errands_ran(self) -> bool:
        # The payloads of the injection scenarios set this flag if the browser ever runs them.
        return bool(self.page.evaluate("() => window.vmqaInjected === true"))

    def markup_elements_in_queue(self) -> int:
        """Elements inside errand texts in the queue: an errand shown as text has none."""
        return self._queue.locator(".errand *").count()
