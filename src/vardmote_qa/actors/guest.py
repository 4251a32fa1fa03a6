"""A guest: a relative (or, in interpreter.py, an interpreter) who joins one visit digitally by a link of
their own, sent by SMS to their phone. No BankID and no account: the link is the login, and it leads into
that one visit only, until the visit ends.
"""

from __future__ import annotations

from ..target.interface import GuestApi, GuestKind, Sms, StaffApi
from ..waiting import SMS_DELIVERY_TIMEOUT_S, expect_within
from .narration import step_title
from .participant import Participant

# Who each guest is (synthetic): the phone numbers are from the series PTS keeps for fiction,
# 070-174 06 05 to 070-174 06 99, so that no SMS from a test can reach a real person.
GUEST_PEOPLE = {GuestKind.RELATIVE: ("Eva Närstående", "+46701740605"),
                GuestKind.INTERPRETER: ("Samir Tolkare", "+46701740606")}


class Guest(Participant):
    role_word = "den anhöriga"

    def __init__(self, *args, kind: GuestKind, phone: StaffApi, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.name, self.phone_number = GUEST_PEOPLE[kind]
        self.phone = phone  # the service's SMS outbox stands in for the guest's phone, as for the patient
        self._link: str | None = None
        self._api: GuestApi | None = None

    @property
    def api(self) -> GuestApi:
        """The guest's own session, started by its link (the security probes use it as the guest would)."""
        if self._api is None:
            assert self._link, f"{self.role_word} har ingen länk ännu"
            self._api = self.target.guest_api(self._link)
        return self._api

    @step_title("{self.role_word} får sin länk till besöket i SMS")
    def expect_link(self, visit_id: int) -> Sms:
        texts = expect_within(lambda: [sms for sms in self.phone.invitations_for(visit_id)
                                       if sms.phone == self.phone_number],
                              lambda found: len(found) >= 1 and found[-1].link is not None,
                              bound_s=SMS_DELIVERY_TIMEOUT_S, what=f"en länk i SMS till {self.role_word}",
                              describe=lambda found: f"{len(found)} SMS" if isinstance(found, list) else str(found))
        self._link = texts[-1].link
        return texts[-1]

    @step_title("{self.role_word} ansluter till besöket med sin länk")
    def join_by_link(self, visit_id: int) -> None:
        """Opens the link from the SMS in the guest's own browser: it leads straight into the visit."""
        self.expect_link(visit_id)
        self.target.guest_link_screen(self.page).open(self._link)
        self.visit_id = self.visit_screen.visit_id()
        assert self.visit_id == visit_id, f"{self.role_word}s länk ledde till besök {self.visit_id}, inte {visit_id}"

    @step_title("{self.role_word} läser vad besöket visar")
    def visit_text(self, visit_id: int) -> str:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        return self.visit_screen.visible_text()

    def link(self, visit_id: int) -> str:
        """The guest's link (read from the SMS if not read yet)."""
        return self._link or self.expect_link(visit_id).link
