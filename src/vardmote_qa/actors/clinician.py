"""The clinician (vårdpersonal): books, lets the patient in, meets and closes the visit."""

from __future__ import annotations

import datetime as dt

from ..target.interface import StaffApi, Visit, VisitKind
from .actor import Actor
from .narration import step_title
from .patient import Patient


class Clinician(Actor):
    role_word = "vårdpersonalen"

    def __init__(self, *args, api: StaffApi, **kwargs):
        super().__init__(*args, **kwargs)
        self.api = api
        self._logged_in = False

    @step_title("vårdpersonalen bokar ett {kind.value}möte med {patient.role_word}")
    def book_visit_with(self, patient: Patient, kind: VisitKind) -> Visit:
        starts_at = (dt.datetime.now() + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
        visit = self.api.book_visit(self.environment.default_unit, patient.personnummer, starts_at, kind)
        self.visit_id = visit.id
        return visit

    def _log_in(self) -> None:
        if not self._logged_in:
            login = self.target.login_screen(self.page)
            login.open()
            login.log_in_as_staff(self.environment.clinician.username, self.environment.clinician.password)
            self._logged_in = True

    @step_title("vårdpersonalen ser att {visit.patient_name} väntar i väntrummet")
    def expect_patient_waiting(self, visit: Visit) -> None:
        self._log_in()
        start = self.target.start_screen(self.page)
        start.open()
        start.expect_waiting(visit.patient_name)

    @step_title("vårdpersonalen släpper in {visit.patient_name}")
    def admit(self, visit: Visit) -> None:
        self.target.start_screen(self.page).click_open_waiting_visit(visit.patient_name)
        self.visit_screen.click_admit()

    @step_title("vårdpersonalen avslutar besöket")
    def close_visit(self) -> None:
        self.visit_screen.click_close_visit()
