"""The anonymous patient (MiniMaria): contacts a unit that allows it without logging in or saying who they are."""

from __future__ import annotations

from .narration import step_title
from .patient import Patient


class AnonymousPatient(Patient):
    role_word = "den anonyma patienten"
    chat_sender = "anonym"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, personnummer=None, **kwargs)

    def _log_in(self) -> None:
        """Never logs in: being without identity is the point."""

    @step_title("den anonyma patienten fortsätter anonymt")
    def continue_anonymously(self) -> None:
        self.target.unit_screen(self.page).click_continue_anonymously()

    @step_title("den anonyma patienten ser att mottagningen inte erbjuder anonym kontakt")
    def expect_no_anonymous_option(self) -> None:
        self.target.unit_screen(self.page).expect_no_anonymous_option()
