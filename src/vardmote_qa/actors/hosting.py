"""What staff do with digital participants (a part of Staff, like unit_settings.py): book a physical
meeting, start it in the room, and invite a relative or an interpreter by a link of their own."""

from __future__ import annotations

import datetime as dt

from ..target.interface import Visit, VisitStatus
from ..target.meeting_time import meeting_start
from .guest import Guest
from .narration import step_title
from .patient import Patient


class GuestHosting:
    @step_title("{self.role_word} bokar ett fysiskt besök med {patient.role_word}")
    def book_physical_visit_with(self, patient: Patient, unit: str | None = None) -> Visit:
        """The patient will be in the room: the service must send them nothing."""
        starts_at = meeting_start(dt.timedelta(hours=1))
        visit = self.api.book_physical_visit(unit or self.environment.default_unit, patient.personnummer, starts_at)
        self.visit_id = visit.id
        return visit

    @step_title("{self.role_word} startar det fysiska besöket")
    def start_physical_visit(self, visit_id: int) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.expect_physical_meeting()
        self.visit_screen.click_start_meeting()
        self.visit_screen.expect_status(VisitStatus.IN_PROGRESS)

    @step_title("{self.role_word} har startat besök {visit_id}")
    def has_started(self, visit_id: int) -> None:
        self.api.start_visit(visit_id)

    @step_title("{self.role_word} bjuder in {guest.role_word} till besök {visit_id}")
    def invite(self, guest: Guest, visit_id: int) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.invite_guest(guest.name, guest.phone_number, guest.kind)

    @step_title("{self.role_word} har bjudit in {guest.role_word} till besök {visit_id}")
    def has_invited(self, guest: Guest, visit_id: int) -> None:
        self.api.invite_guest(visit_id, guest.name, guest.phone_number, guest.kind)

    @step_title("{self.role_word} läser vilka som är inbjudna till besök {visit_id}")
    def invited_guests(self, visit_id: int) -> list[str]:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        return self.visit_screen.invited_guests()
