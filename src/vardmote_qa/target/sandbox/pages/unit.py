"""A unit's errand page: login or anonymous start, and the errand form (errand, meeting form, interpreter)."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import Page, expect

from ....waiting import UI_TIMEOUT_S
from ...interface import VisitKind

_UI_MS = UI_TIMEOUT_S * 1000
_KIND_LABELS = {VisitKind.CHAT: "Chatt", VisitKind.VIDEO: "Video"}


class UnitPage:
    def __init__(self, page: Page, base_url: str, slug_of: Callable[[str], str]):
        self.page = page
        self.base_url = base_url
        self._slug_of = slug_of
        self._anonymous = page.get_by_role("button", name="Fortsätt anonymt")
        self._form = page.get_by_test_id("errand-form")
        self._error = page.get_by_role("alert")

    def open_direct(self, unit_name: str) -> None:
        self.page.goto(f"{self.base_url}/mottagning/{self._slug_of(unit_name)}")

    def click_continue_anonymously(self) -> None:
        self._anonymous.click()
        self.page.wait_for_load_state()

    def expect_no_anonymous_option(self) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_be_visible(timeout=_UI_MS)
        expect(self._anonymous).to_have_count(0)

    def expect_errand_form(self) -> None:
        expect(self._form).to_be_visible(timeout=_UI_MS)

    def expect_no_errand_form(self) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_be_visible(timeout=_UI_MS)
        expect(self._form).to_have_count(0)

    def submit_errand(self, text: str, kind: VisitKind, interpreter_language: str | None,
                      needs_interpreter: bool) -> None:
        self.page.get_by_label("Beskriv ditt ärende").fill(text)
        self._form.get_by_label(_KIND_LABELS[kind], exact=True).check()
        if needs_interpreter:
            self.page.get_by_label("Jag behöver tolk").check()
        if interpreter_language:
            self.page.get_by_label("Tolkspråk").select_option(interpreter_language)
        self.page.get_by_role("button", name="Skicka ärendet").click()
        self.page.wait_for_load_state()

    def expect_asked_for_interpreter_language(self) -> None:
        expect(self._error).to_contain_text("Välj vilket språk tolken ska tala", timeout=_UI_MS)
