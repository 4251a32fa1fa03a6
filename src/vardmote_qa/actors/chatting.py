"""What every participant of a visit does beyond the base actor: follow its status, use its chat."""

from __future__ import annotations

from ..target.interface import ChatLine, VisitStatus
from .narration import step_title


class ChatParticipant:
    """Mixed into actors that take part in a visit's chat. `chat_sender` is how the target labels them."""

    chat_sender = ""

    @step_title("{self.role_word} ser att mötet pågår")
    def expect_meeting_in_progress(self) -> None:
        self.visit_screen.expect_status(VisitStatus.IN_PROGRESS)

    @step_title("{self.role_word} skickar \"{text}\" och ser det i chatten")
    def post_in_chat(self, text: str) -> None:
        # Waiting for our own message to come back keeps the order of a conversation as people write it.
        self.write_in_chat(text)
        self.expect_chat_message(text)

    @step_title("{self.role_word} läser chatten när \"{last_text}\" har kommit fram")
    def chat_once_arrived(self, last_text: str) -> list[ChatLine]:
        self.expect_chat_message(last_text)
        return self.visit_screen.chat_lines()

    @step_title("{self.role_word} laddar om besöket")
    def reload_visit(self) -> None:
        self.visit_screen.reload()

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
