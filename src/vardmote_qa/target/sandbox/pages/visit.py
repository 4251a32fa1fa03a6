"""The visit screen: waiting room, call, chat and closing, for patient and staff alike."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from ....waiting import MEDIA_START_TIMEOUT_S, UI_TIMEOUT_S
from ...interface import ChatLine, ChatSender, GuestKind, VisitStatus

_STATUS_LABELS = {VisitStatus.QUEUED: "I kön", VisitStatus.BOOKED: "Bokat", VisitStatus.WAITING: "I väntrummet",
                  VisitStatus.IN_PROGRESS: "Pågår", VisitStatus.CLOSED: "Avslutat"}
_SENDERS = {"patient": ChatSender.PATIENT, "anonym": ChatSender.ANONYMOUS_PATIENT, "staff": ChatSender.STAFF,
            "gast": ChatSender.GUEST}
_GUEST_KIND_OPTIONS = {GuestKind.RELATIVE: "Anhörig", GuestKind.INTERPRETER: "Tolk"}
_UI_MS = UI_TIMEOUT_S * 1000
_VISIT_ADDRESS = re.compile(r"^https?://[^/]+/besok/(\d+)")
# How the service names a patient who has not said who they are ("Anonym patient 4F2A"), on every staff screen.
ANONYMOUS_PATIENT = "Anonym patient"


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
        # The p2p call's one remote video, or the first participant's video of an SFU meeting.
        self._remote_video = page.locator("[data-testid=remote-video]:visible, [data-testid=participant-video]").first
        self._closed = page.get_by_test_id("visit-closed")
        self._queue = page.get_by_test_id("queue")
        self._pick_up = page.get_by_role("button", name="Ta ärendet")
        self._reminder = page.get_by_role("button", name="Skicka påminnelse")
        self._interpreter = page.get_by_test_id("interpreter-need")

    def open(self, visit_id: int) -> None:
        self.page.goto(f"{self.base_url}/besok/{visit_id}")

    def visit_id(self) -> int:
        # From the address: a page that asks for consent first has no visit element yet.
        self.page.wait_for_url(_VISIT_ADDRESS, timeout=_UI_MS)
        return int(_VISIT_ADDRESS.match(self.page.url).group(1))

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
            lines.append(ChatLine(sender=_SENDERS.get(item.get_attribute("data-sender") or ""),
                                  text=item.locator(".text").inner_text()))
        return lines

    def reload(self) -> None:
        self.page.reload()
        self.page.wait_for_load_state()

    def expect_queued(self) -> None:
        expect(self._queue).to_be_visible(timeout=_UI_MS)
        self.expect_status(VisitStatus.QUEUED)

    def click_pick_up(self) -> None:
        self._pick_up.click()

    def expect_no_pick_up(self) -> None:
        expect(self._root).to_be_visible(timeout=_UI_MS)
        expect(self._pick_up).to_be_hidden()

    def click_send_reminder(self) -> None:
        self._reminder.click()
        expect(self.page.get_by_role("status").filter(has_text="Påminnelsen är skickad")).to_be_visible(timeout=_UI_MS)

    def expect_interpreter_need(self, language: str) -> None:
        expect(self._interpreter).to_have_text(f"Tolkbehov: {language}", timeout=_UI_MS)

    def expect_not_found(self) -> None:
        # Unreachable is either "no such visit" or, for someone whose session has ended, the login page.
        expect(self.page.locator("body")).to_contain_text(re.compile("Besöket finns inte|Logga in"), timeout=_UI_MS)
        expect(self._root).to_have_count(0)

    def is_shown(self) -> bool:
        """After open(): True when the visit page is shown, False when the service said it is not there
        for this person ("Besöket finns inte", or the login page): the strongest "cannot"."""
        outcome = self._root.or_(self.page.locator("body", has_text=re.compile("Besöket finns inte|Logga in")))
        expect(outcome.first).to_be_visible(timeout=_UI_MS)
        return self._root.count() > 0

    def offers_pick_up(self) -> bool:
        return self._pick_up.is_visible()

    def offers_admit(self) -> bool:
        return self._admit.is_visible()

    def offers_close(self) -> bool:
        return self._close.is_visible()

    def offers_chat_input(self) -> bool:
        return self._message.is_visible()

    def remote_picture(self) -> str:
        """What the remote video element shows: "ingen bild", or its frame size and decoded frame count."""
        return self.page.evaluate("""() => {
            const video = document.querySelector("[data-testid=remote-video]");
            if (!video || !video.srcObject || video.videoWidth === 0) return "ingen bild";
            const quality = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
            return `bild ${video.videoWidth}x${video.videoHeight}, ${quality} bildrutor`;
        }""")

    def participant_names(self) -> dict[str, str]:
        """The names an SFU meeting's page shows for the other participants, by their opaque sender key."""
        return self.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
            "[data-participant]")].map((figure) => [figure.dataset.participant,
            (figure.querySelector("[data-testid=participant-name]") || {}).textContent || ""]))""")

    def leave(self) -> None:
        """Leaves the visit page (the browser goes to the start page): the socket closes, the visit stays."""
        self.page.goto(f"{self.base_url}/")

    def expect_no_visit_content(self) -> None:
        expect(self._root).to_have_count(0)
        expect(self._chat_log).to_have_count(0)

    def visible_text(self) -> str:
        return self._root.inner_text()

    def says_patient_anonymous(self) -> bool:
        return ANONYMOUS_PATIENT in self.visible_text()

    def code_from_chat_ran(self) -> bool:
        # The payloads of the injection scenarios set this flag if the browser ever runs them.
        return bool(self.page.evaluate("() => window.vmqaInjected === true"))

    def markup_elements_in_chat(self) -> int:
        """Elements inside chat messages: a message shown as text has none."""
        return self._chat_log.locator(".text *").count()

    # -- physical meetings and guests ------------------------------------------------------------------
    def expect_physical_meeting(self) -> None:
        expect(self.page.get_by_test_id("physical-meeting")).to_be_visible(timeout=_UI_MS)

    def click_start_meeting(self) -> None:
        self.page.get_by_role("button", name="Starta mötet").click()

    def invite_guest(self, name: str, phone: str, kind: GuestKind) -> None:
        """Fills the invitation and waits for the service's answer that the guest has the link."""
        self.page.get_by_label("Namn", exact=True).fill(name)
        self.page.get_by_label("Mobilnummer").fill(phone)
        self.page.get_by_label("Deltar som").select_option(label=_GUEST_KIND_OPTIONS[kind])
        self.page.get_by_role("button", name="Bjud in").click()
        expect(self.page.locator("#guest-result")).to_contain_text(f"{name} har fått en länk", timeout=_UI_MS)

    def invited_guests(self) -> list[str]:
        return [item.inner_text() for item in self.page.get_by_test_id("guest-list").locator("li").all()]
