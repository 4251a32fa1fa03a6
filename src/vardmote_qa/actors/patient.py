"""The patient: receives the invitation, logs in with BankID, waits, meets the clinician."""

from __future__ import annotations

from ..target.interface import Sms, StaffApi, Visit
from ..waiting import CHAT_DELIVERY_TIMEOUT_S, eventually
from .actor import Actor
from .narration import step_title


class Patient(Actor):
    role_word = "patienten"

    def __init__(self, *args, personnummer: str, phone: StaffApi, **kwargs):
        super().__init__(*args, **kwargs)
        self.personnummer = personnummer
        # The sandbox's SMS outbox stands in for the patient's phone.
        self.phone = phone

    @step_title("patienten får kallelsen i SMS")
    def expect_invitation(self, visit: Visit) -> Sms:
        self.visit_id = visit.id
        return eventually(lambda: next(iter(self.phone.invitations_for(visit.id)), None),
                          timeout=CHAT_DELIVERY_TIMEOUT_S, description="kallelsen i SMS")

    @step_title("patienten öppnar länken i kallelsen och loggar in med BankID")
    def open_invitation(self, invitation: Sms) -> None:
        self.page.goto(invitation.link)
        self.target.login_screen(self.page).log_in_with_bankid(self.personnummer)
        self.visit_id = self.visit_screen.visit_id()

    @step_title("patienten checkar in i väntrummet")
    def check_in(self) -> None:
        self.visit_screen.click_check_in()
        self.visit_screen.expect_waiting_room()
