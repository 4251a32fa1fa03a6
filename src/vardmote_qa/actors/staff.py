"""Staff of any role (vårdpersonal, sekreterare, enhetsadministratör): book, work the queue, meet, close.

One class for every role: the role is data, and the service decides what it allows. A secretary is
offered the same acts as a clinician, so that negative scenarios can have them try and read the refusal.
"""

from __future__ import annotations

import datetime as dt
import re

from ..target.interface import Errand, Refused, StaffAccount, StaffApi, StaffRole, Visit, VisitKind, VisitStatus
from .logins import StaffLogin
from ..target.meeting_time import meeting_start
from .narration import step_title
from .participant import Participant
from .patient import Patient
from .sms_texts import filled_text_pattern
from .unit_settings import UnitSettings

_PERSONNUMMER = re.compile(r"\b(18|19|20)\d{6}[-+]?\d{4}\b")


class Staff(UnitSettings, Participant):
    role_word = "vårdpersonalen"

    def __init__(self, *args, account: StaffAccount, role: StaffRole, api: StaffApi, **kwargs):
        super().__init__(*args, login=StaffLogin(account), **kwargs)
        self.role = role
        self.api = api

    @step_title("vårdpersonalen bokar ett {kind.value}möte med {patient.role_word}")
    def book_visit_with(self, patient: Patient, kind: VisitKind, unit: str | None = None) -> Visit:
        starts_at = meeting_start(dt.timedelta(hours=1))
        visit = self.api.book_visit(unit or self.environment.default_unit, patient.personnummer, starts_at, kind)
        self.visit_id = visit.id
        return visit

    def _start_screen(self):
        self._log_in()
        start = self.target.start_screen(self.page)
        start.open()
        return start

    @step_title("{self.role_word} chattar med {patient.role_word} i ett ärende hos {unit}")
    def meet_in_chat(self, patient: Patient, unit: str) -> Visit:
        """The patient leaves a chat errand, this clinician picks it up, and both open it in their browsers."""
        errand = patient.has_left_errand(unit, "Jag har en fråga.")
        self.api.pick_up(errand.visit_id)
        patient.open_visit(errand.visit_id)
        self.open_visit(errand.visit_id)
        patient.expect_meeting_in_progress()
        return self.api.visit(errand.visit_id)

    @step_title("vårdpersonalen ser att {visit.patient_name} väntar i väntrummet")
    def expect_patient_waiting(self, visit: Visit) -> None:
        self._start_screen().expect_waiting(visit.patient_name)

    @step_title("vårdpersonalen släpper in {visit.patient_name}")
    def admit(self, visit: Visit) -> None:
        self.target.start_screen(self.page).click_open_waiting_visit(visit.patient_name)
        self.visit_screen.click_admit()

    @step_title("vårdpersonalen avslutar besöket")
    def close_visit(self) -> None:
        self.visit_screen.click_close_visit()

    # -- the unit's queue --------------------------------------------------------------------------------
    @step_title("{self.role_word} ser ärendet \"{errand.text}\" i kön")
    def expect_errand_in_queue(self, errand: Errand) -> None:
        self._start_screen().expect_in_queue(errand.visit_id, errand.text)

    @step_title("{self.role_word} har kön öppen")
    def watch_queue(self) -> None:
        self._start_screen()

    @step_title("{self.role_word} ser ärendet \"{errand.text}\" dyka upp i den öppna kön")
    def expect_errand_arriving(self, errand: Errand) -> None:
        """Without reloading: the live queue must show the new errand by itself."""
        self.target.start_screen(self.page).expect_in_queue(errand.visit_id, errand.text)

    @step_title("{self.role_word} kontrollerar att ingen kod från ärenden har körts")
    def injected_code_in_queue(self) -> list[str]:
        start = self.target.start_screen(self.page)
        problems = ["kod från ett ärende kördes i webbläsaren"] if start.code_from_errands_ran() else []
        elements = start.markup_elements_in_queue()
        return problems + ([f"{elements} HTML-element skapades av ärendetexter"] if elements else [])

    @step_title("{self.role_word} ser inte ärendet i kön")
    def expect_errand_not_in_queue(self, errand: Errand) -> None:
        self._start_screen().expect_not_in_queue(errand.visit_id)

    @step_title("{self.role_word} ser tolkbehovet {language} i kön")
    def expect_interpreter_in_queue(self, errand: Errand, language: str) -> None:
        self._start_screen().expect_interpreter_in_queue(errand.visit_id, language)

    @step_title("{self.role_word} ser att ärendet inte har något tolkbehov")
    def expect_no_interpreter_in_queue(self, errand: Errand) -> None:
        self._start_screen().expect_no_interpreter_in_queue(errand.visit_id)

    @step_title("{self.role_word} tar ärendet ur kön")
    def pick_up(self, errand: Errand) -> None:
        self._start_screen().click_pick_up(errand.visit_id)
        self.visit_id = errand.visit_id
        self.visit_screen.expect_status(VisitStatus.IN_PROGRESS)

    @step_title("{self.role_word} ser tolkbehovet {language} i mötet")
    def expect_interpreter_in_meeting(self, language: str) -> None:
        self.visit_screen.expect_interpreter_need(language)

    @step_title("{self.role_word} letar efter patientens identitet i kön och i mötet")
    def identity_shown_for(self, errand: Errand) -> list[str]:
        """What on the staff's screens could identify the patient; empty when the patient is anonymous."""
        start = self._start_screen()
        shown = {"kön": (start.queue_entry_text(errand.visit_id), start.queue_entry_says_anonymous(errand.visit_id))}
        self.visit_screen.open(errand.visit_id)
        shown["mötet"] = (self.visit_screen.visible_text(), self.visit_screen.says_patient_anonymous())
        problems = [f"personnummer {match.group(0)} i {where}"
                    for where, (text, _) in shown.items() for match in _PERSONNUMMER.finditer(text)]
        problems += [f"{where} visar inte att patienten är anonym" for where, (_, anonymous) in shown.items()
                     if not anonymous]
        return problems

    # -- what a role may do -----------------------------------------------------------------------------
    @step_title("{self.role_word} ser att rollen inte ger behörighet att ta ärenden")
    def expect_no_queue_right(self) -> None:
        self._start_screen().expect_no_queue_right()

    @step_title("{self.role_word} räknar besöken på sin startsida")
    def visible_visit_count(self) -> int:
        return self._start_screen().visit_count()

    @step_title("{self.role_word} öppnar ärendet och ser att det inte går att ta")
    def expect_cannot_pick_up_on_screen(self, errand: Errand) -> None:
        self._log_in()
        self.visit_screen.open(errand.visit_id)
        self.visit_screen.expect_no_pick_up()

    @step_title("{self.role_word} försöker ta ärendet direkt i tjänstens API")
    def pick_up_refused_by_service(self, errand: Errand) -> bool:
        """True only on the service's refusal (403/404); any other error (a 500, a timeout) is raised as it is."""
        try:
            self.api.pick_up(errand.visit_id)
        except Refused:
            return True
        return False

    # -- texts ---------------------------------------------------------------------------------------------
    @step_title("{self.role_word} bokar ett {kind.value}möte med {patient.role_word} på {unit}")
    def book_visit_in_browser(self, patient: Patient, unit: str, kind: VisitKind) -> Visit:
        starts_at = meeting_start(dt.timedelta(days=1), at=dt.time(10, 0))
        self._start_screen().book(unit, patient.personnummer, starts_at, kind)
        self.visit_id = self.visit_screen.visit_id()
        return self.api.visit(self.visit_id)

    @step_title("{self.role_word} skickar en påminnelse om besöket")
    def send_reminder(self, visit: Visit) -> None:
        self._log_in()
        self.visit_screen.open(visit.id)
        self.visit_screen.click_send_reminder()

    @step_title("{self.role_word} läser SMS-utkorgen")
    def outbox_texts(self) -> list[str]:
        self._log_in()
        outbox = self.target.sms_outbox_screen(self.page)
        outbox.open()
        return outbox.texts()

    @step_title("{self.role_word} letar i SMS-utkorgen efter texten \"{template}\" ifylld för besöket")
    def outbox_text_filled_from(self, template: str, visit: Visit) -> str | None:
        """The outbox SMS that is exactly the template filled with this visit's details, if there is one."""
        pattern = filled_text_pattern(template, visit)
        return next((text for text in self.outbox_texts() if pattern.fullmatch(text)), None)
