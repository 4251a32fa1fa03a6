"""Staff of any role (vårdpersonal, sekreterare, enhetsadministratör): book, work the queue, meet, close.

One class for every role: the role is data, and the service decides what it allows. A secretary is
offered the same acts as a clinician, so that negative scenarios can have them try and read the refusal.
"""

from __future__ import annotations

import datetime as dt
import re

from typing import Callable

from ..target.interface import Errand, Refused, StaffAccount, StaffApi, StaffRole, Visit, VisitKind, VisitStatus
from ..target.interface import VideoEngine
from ..target.meeting_time import meeting_start
from ..waiting import QUEUE_UPDATE_TIMEOUT_S, expect_within
from .logins import StaffLogin
from .narration import step_title
from .participant import Participant
from .patient import Patient
from .sms_texts import filled_text_pattern
from .unit_settings import UnitSettings
from .hosting import GuestHosting

_PERSONNUMMER = re.compile(r"\b(18|19|20)\d{6}[-+]?\d{4}\b")


class Staff(GuestHosting, UnitSettings, Participant):
    role_word = "vårdpersonalen"

    def __init__(self, *args, account: StaffAccount, role: StaffRole, api: StaffApi, **kwargs):
        super().__init__(*args, login=StaffLogin(account), **kwargs)
        self.role = role
        self.api = api

    @step_title("{self.role_word} bokar ett {kind.value}möte med {patient.role_word}")
    def book_visit_with(self, patient: Patient, kind: VisitKind, unit: str | None = None,
                        engine: VideoEngine | None = None) -> Visit:
        starts_at = meeting_start(dt.timedelta(hours=1))
        visit = self.api.book_visit(unit or self.environment.default_unit, patient.personnummer, starts_at, kind,
                                    engine)
        self.visit_id = visit.id
        return visit

    @step_title("{self.role_word} bokar ett gruppmöte med {names}")
    def book_conference_with(self, patients: list[Patient], names: str = "", unit: str | None = None) -> Visit:
        """One meeting, several patients, each invited: a conference (always on the routed engine)."""
        starts_at = meeting_start(dt.timedelta(hours=1))
        visit = self.api.book_conference(unit or self.environment.default_unit,
                                         [patient.personnummer for patient in patients], starts_at)
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
        patient.expect_meeting_in_progress(errand.visit_id)
        return self.api.visit(errand.visit_id)

    @step_title("{self.role_word} ser att {visit.patient_name} väntar i väntrummet")
    def expect_patient_waiting(self, visit: Visit) -> None:
        self._start_screen().expect_waiting(visit.id, visit.patient_name)

    @step_title("{self.role_word} ser inte att {visit.patient_name} väntar i väntrummet")
    def expect_patient_not_waiting(self, visit: Visit) -> None:
        start = self._start_screen()  # loaded: an empty list on a loading page would prove nothing
        expect_within(start.waiting_visit_ids, lambda ids: visit.id not in ids, bound_s=QUEUE_UPDATE_TIMEOUT_S,
                      what=f"besök {visit.id} inte i väntrummet hos {self.role_word}",
                      describe=lambda ids: f"väntar {ids}" if isinstance(ids, list) else str(ids))

    @step_title("{self.role_word} släpper in {visit.patient_name}")
    def admit(self, visit: Visit) -> None:
        # From the waiting room on the start page, wherever this person's page was before.
        self._start_screen().click_open_waiting_visit(visit.id)
        self.visit_id = visit.id
        self.visit_screen.click_admit()
        self.visit_screen.expect_status(VisitStatus.IN_PROGRESS)

    @step_title("{self.role_word} avslutar besök {visit_id}")
    def close_visit(self, visit_id: int) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.click_close_visit()
        self.visit_screen.expect_closed()

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
        # The page as it is when it already shows the queue (the live list); otherwise the queue opened now.
        start = self.target.start_screen(self.page) if self.page.url.rstrip("/") == self.target.base_url \
            else self._start_screen()
        problems = ["kod från ett ärende kördes i webbläsaren"] if start.code_from_errands_ran() else []
        elements = start.markup_elements_in_queue()
        return problems + ([f"{elements} HTML-element skapades av ärendetexter"] if elements else [])

    @step_title("{self.role_word} ser inte ärendet i kön")
    def expect_errand_not_in_queue(self, errand: Errand) -> None:
        self._start_screen().expect_not_in_queue(errand.visit_id)

    @step_title("{self.role_word} ser att kön är tom")
    def expect_queue_empty(self) -> None:
        start = self._start_screen()
        expect_within(start.queue_visit_ids, lambda ids: not ids, bound_s=QUEUE_UPDATE_TIMEOUT_S,
                      what=f"tom kö hos {self.role_word}",
                      describe=lambda ids: f"ärenden {ids}" if isinstance(ids, list) else str(ids))

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
    def expect_interpreter_in_meeting(self, errand: Errand, language: str) -> None:
        assert self.on_visit(errand.visit_id), f"{self.role_word} kommer inte åt ärendets möte"
        self.visit_screen.expect_interpreter_need(language)

    @step_title("{self.role_word} letar efter patientens identitet i kön och i mötet")
    def identity_shown_for(self, errand: Errand) -> list[str]:
        """What on the staff's screens could identify the patient, wherever the errand is now (still in the
        queue, or already a meeting); empty when the patient is anonymous on every screen that shows it."""
        start = self._start_screen()
        shown = {}
        if errand.visit_id in start.queue_visit_ids():
            shown["kön"] = (start.queue_entry_text(errand.visit_id), start.queue_entry_says_anonymous(errand.visit_id))
        if self.on_visit(errand.visit_id):
            shown["mötet"] = (self.visit_screen.visible_text(), self.visit_screen.says_patient_anonymous())
        if not shown:
            return [f"{self.role_word} ser ärendet varken i kön eller som möte"]
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

    # -- what a role may not do: the screen does not offer it, and the service refuses it --------------------
    @step_title("{self.role_word} ser om ärendet går att ta, i kön och i mötet")
    def pick_up_offered(self, errand: Errand) -> str | None:
        """Where this person's screens offer to take the errand; None when none does (or none shows it)."""
        if self._start_screen().offers_pick_up(errand.visit_id):
            return "kön erbjuder knappen Ta ärendet"
        if self.on_visit(errand.visit_id) and self.visit_screen.offers_pick_up():
            return "besöket erbjuder knappen Ta ärendet"
        return None

    @step_title("{self.role_word} ser om besöket går att släppa in eller avsluta")
    def visit_action_offered(self, visit_id: int, action: str) -> str | None:
        """'admit' or 'close': whether the visit page offers it to this person (not at all if it is not shown)."""
        if not self.on_visit(visit_id):
            return None
        offered = {"admit": self.visit_screen.offers_admit, "close": self.visit_screen.offers_close}[action]()
        return f"besöket erbjuder knappen för att {'släppa in' if action == 'admit' else 'avsluta'}" if offered else None

    @step_title("{self.role_word} ser om bokningen erbjuder {unit}")
    def booking_offered_at(self, unit: str) -> str | None:
        return f"bokningen erbjuder {unit}" if self._start_screen().offers_booking_at(unit) else None

    def _service_refusal(self, attempt: Callable[[], object]) -> Refused | None:
        """The service's answer to trying it anyway: its refusal, or None when it let this person do it.
        Anything that is no answer (a timeout, a 5xx) is raised, never taken for a refusal."""
        try:
            attempt()
        except Refused as refused:
            return refused
        return None

    @step_title("{self.role_word} försöker ta ärendet direkt i tjänstens API")
    def pick_up_refusal(self, errand: Errand) -> Refused | None:
        return self._service_refusal(lambda: self.api.pick_up(errand.visit_id))

    @step_title("{self.role_word} försöker släppa in patienten direkt i tjänstens API")
    def admit_refusal(self, visit_id: int) -> Refused | None:
        return self._service_refusal(lambda: self.api.admit(visit_id))

    @step_title("{self.role_word} försöker avsluta besöket direkt i tjänstens API")
    def close_refusal(self, visit_id: int) -> Refused | None:
        return self._service_refusal(lambda: self.api.close_visit(visit_id))

    @step_title("{self.role_word} försöker boka på {unit} direkt i tjänstens API")
    def booking_refusal(self, patient: Patient, unit: str, kind: VisitKind) -> Refused | None:
        return self._service_refusal(lambda: self.api.book_visit(unit, patient.personnummer,
                                                                 meeting_start(dt.timedelta(hours=1)), kind))

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
