"""What every participant of a visit does, patient or staff: open it, follow its status, chat, call."""

from __future__ import annotations

from ..media.conference import MEETING_WINDOW_SAMPLES, Page as MeetingPage
from ..media.observation import MediaObservation
from ..media.profiles import NetworkProfile
from ..target.interface import ChatLine, ChatSender, VisitScreen, VisitStatus
from ..waiting import WAITING_ROOM_WATCH_S, expect_throughout, pause
from .actor import Actor
from .narration import step_title


class Participant(Actor):
    @property
    def chat_sender(self) -> ChatSender:
        """Who this participant is in the chat: the target marks chat lines by the kind of login."""
        return self.login.chat_sender

    @property
    def visit_screen(self) -> VisitScreen:
        return self.target.visit_screen(self.page)

    @step_title("{self.role_word} öppnar besök {visit_id}")
    def open_visit(self, visit_id: int) -> None:
        self._log_in()
        self.visit_screen.open(visit_id)
        self.visit_id = visit_id

    def on_visit(self, visit_id: int) -> bool:
        """Makes sure this person's page shows the visit, however they got there (queue, link, booking):
        opens it when the page is elsewhere. False when the service does not show it to this person."""
        if self.visit_id != visit_id or f"/besok/{visit_id}" not in self.page.url:
            self._log_in()
            self.visit_screen.open(visit_id)
        shown = self.visit_screen.is_shown()
        if shown:
            self.visit_id = visit_id
        return shown

    @step_title("{self.role_word} försöker öppna besök {visit_id}")
    def expect_visit_unreachable(self, visit_id: int) -> None:
        self._log_in()
        self.visit_screen.open(visit_id)
        self.visit_screen.expect_not_found()

    @step_title("{self.role_word} ser att mötet pågår")
    def expect_meeting_in_progress(self, visit_id: int) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.expect_status(VisitStatus.IN_PROGRESS)

    @step_title("{self.role_word} lämnar besöket")
    def leave_visit(self) -> None:
        self.visit_screen.leave()

    @step_title("{self.role_word} försöker skriva i chatten i besök {visit_id}")
    def chat_still_offered(self, visit_id: int) -> str | None:
        """Why this person could still write in the visit's chat (after a reload too); None when they cannot.
        A visit this person cannot even open is the stronger "cannot"."""
        if not self.on_visit(visit_id):
            return None
        self.visit_screen.expect_closed()
        if self.visit_screen.offers_chat_input():
            return "chattfältet visas fortfarande"
        self.visit_screen.reload()
        self.visit_screen.expect_closed()
        return "chattfältet visas igen efter omladdning" if self.visit_screen.offers_chat_input() else None

    @step_title("{self.role_word} väntar och ser ingen bild från den andra parten")
    def expect_no_picture_while_waiting(self) -> None:
        """Watched for a while, not once: a picture that arrives after a second is still a picture too early."""
        self.visit_screen.expect_waiting_room()
        expect_throughout(self.visit_screen.remote_picture, lambda seen: seen == "ingen bild",
                          duration_s=WAITING_ROOM_WATCH_S, what=f"{self.role_word} i väntrummet utan bild")

    @step_title("{self.role_word} ser att besöket är avslutat")
    def expect_visit_over(self, visit_id: int) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.expect_closed()

    @step_title("{self.role_word} laddar om besöket")
    def reload_visit(self) -> None:
        self.visit_screen.reload()

    # -- the chat ------------------------------------------------------------------------------------
    @step_title("{self.role_word} skriver \"{text}\" i chatten")
    def write_in_chat(self, text: str) -> None:
        self.visit_screen.send_message(text)

    @step_title("{self.role_word} ser meddelandet \"{text}\" i chatten")
    def expect_chat_message(self, text: str) -> None:
        self.visit_screen.expect_message(text)

    @step_title("{self.role_word} skickar \"{text}\" och ser det i chatten")
    def post_in_chat(self, text: str) -> None:
        # Waiting for our own message to come back keeps the order of a conversation as people write it.
        self.write_in_chat(text)
        self.expect_chat_message(text)

    @step_title("{self.role_word} läser chatten när \"{last_text}\" har kommit fram")
    def chat_once_arrived(self, last_text: str) -> list[ChatLine]:
        self.expect_chat_message(last_text)
        return self.visit_screen.chat_lines()

    @step_title("{self.role_word} kontrollerar att ingen kod från chatten har körts")
    def injected_code_problems(self) -> list[str]:
        """What the browser shows of chat markup having been treated as code; empty when none."""
        problems = []
        if self.visit_screen.code_from_chat_ran():
            problems.append("kod från ett chattmeddelande kördes i webbläsaren")
        elements = self.visit_screen.markup_elements_in_chat()
        if elements:
            problems.append(f"{elements} HTML-element skapades av chattmeddelanden")
        return problems

    # -- the call --------------------------------------------------------------------------------------
    @step_title("{self.role_word} tittar och lyssnar på den andra parten")
    def observe_call(self) -> MediaObservation:
        """Waits for the first remote frame and two sampled seconds after it, then judges them."""
        self.visit_screen.expect_remote_video()
        observation = self.media.observe()
        self.evidence.attach_media_stats(f"Mediastatistik {self.role_word} besök {self.visit_id}",
                                         observation.as_dict())
        return observation

    # -- a meeting of several (conference) -------------------------------------------------------------
    def in_meeting(self, visit_id: int) -> bool:
        """Whether this person's page is on the visit now (a participant who left is on another page)."""
        return self.browsing.is_open and self.visit_id == visit_id and f"/besok/{visit_id}" in self.page.url

    def meeting_page(self) -> MeetingPage:
        """What this person's page sampled in the last seconds, for the per-sender check (no step title: it is
        polled). A window, not the whole visit: what matters is what flows now, and reading it stays cheap."""
        return MeetingPage(self.role_word, self.media.recent_raw(MEETING_WINDOW_SAMPLES))

    @step_title("{self.role_word} läser namnen som visas för de andra i mötet")
    def shown_names(self) -> dict[str, str]:
        return self.visit_screen.participant_names()

    @step_title("{self.role_word} kommer tillbaka till besök {visit_id}")
    def return_to_visit(self, visit_id: int) -> None:
        self.visit_screen.open(visit_id)
        self.visit_id = visit_id

    @step_title("{self.role_word} är på nätet {profile.name}")
    def use_network(self, profile: NetworkProfile) -> None:
        self.media.use_network(profile)

    @step_title("{self.role_word} tappar nätet i {seconds} s, sedan kommer det tillbaka")
    def lose_network_for(self, seconds: float) -> None:
        self.media.lose_network_for(seconds)

    @step_title("besöket pågår i {seconds} s")
    def stay_in_call(self, seconds: float) -> None:
        pause(seconds)
