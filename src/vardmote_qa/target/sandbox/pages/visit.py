"""The visit screen: waiting room, call, chat and closing, for patient and staff alike."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from ....waiting import MEDIA_START_TIMEOUT_S, UI_TIMEOUT_S
from ...interface import ChatLine, VisitStatus

_STATUS_LABELS = {VisitStatus.BOOKED: "Bokat", VisitStatus.WAITING: "I väntrummet",
                  VisitStatus.IN_PROGRESS: "Pågår", VisitStatus.CLOSED: "Avslutat"}
_UI_MS = UI_TIMEOUT_S * 1000


class VisitPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._root = page.locator("#visit")
        self._status = page.get_by_test_id("visit-status")
        self._waiting_room = page.get_by_test_id("waiting-room")
        self._check_in = page.get_by_role("button", name="Checka in till väntrummet")
        self._admit = page.get_by_role("button", name="Släpp in patienten")
        self._close = page.get_by_role("button", name="Avsluta besök")
        self._message = page.get_by_label("Meddelande")
        self._send = page.get_by_role("button", name="Skicka")
        self._chat_log = page.get_by_test_id("chat-log")
        self._remote_video = page.get_by_test_id("remote-video")
        self._closed = page.get_by_test_id("visit-closed")

    def open(self, visit_id: int) -> None:
        self.page.goto(f"{self.base_url}/besok/{visit_id}")

    def visit_id(self) -> int:
        return int(self._root.get_attribute("data-visit-id"))

    def click_check_in(self) -> None:
        self._check_in.click()

    def click_admit(self) -> None:
        self._admit.click()

    def click_close_visit(self) -> None:
        self._close.click()

    def send_message(self, text: str) -> None:
        self._message.fill(text)
        self._send.click()

    def expect_status(self, status: VisitStatus) -> None:
        expect(self._status).to_have_text(_STATUS_LABELS[status], timeout=_UI_MS)

    def expect_waiting_room(self) -> None:
        expect(self._waiting_room).to_be_visible(timeout=_UI_MS)

    def expect_message(self, text: str) -> None:
        expect(self._chat_log.locator(".text", has_text=text).last).to_have_text(text, timeout=_UI_MS)

    def expect_remote_video(self) -> None:
        expect(self._remote_video).to_be_visible(timeout=MEDIA_START_TIMEOUT_S * 1000)

    def expect_closed(self) -> None:
        expect(self._closed).to_be_visible(timeout=_UI_MS)
        expect(self._status).to_have_text(_STATUS_LABELS[VisitStatus.CLOSED], timeout=_UI_MS)

    def chat_lines(self) -> list[ChatLine]:
        lines = []
        for item in self._chat_log.locator("li").all():
            lines.append(ChatLine(sender=item.get_attribute("data-sender") or "",
                                  text=item.locator(".text").inner_text()))
        return lines
