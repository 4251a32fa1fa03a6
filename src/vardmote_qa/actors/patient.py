"""The patient: receives the invitation, logs in (with BankID, or anonymously), contacts units, waits, meets."""

from __future__ import annotations

from ..target.interface import ConsentPage, Errand, PatientApi, Sms, StaffApi, Visit, VisitKind
from ..waiting import SMS_DELIVERY_TIMEOUT_S, expect_within
from .logins import PatientLogin
from .narration import step_title
from .participant import Participant


class Patient(Participant):
    role_word = "patienten"

    def __init__(self, *args, login: PatientLogin, phone: StaffApi, **kwargs):
        super().__init__(*args, login=login, **kwargs)
        # The sandbox's SMS outbox stands in for the patient's phone.
        self.phone = phone
        self._api: PatientApi | None = None
        self._unit: str | None = None  # the unit whose page the patient has open

    @property
    def personnummer(self) -> str | None:
        """Who the patient says they are; None for an anonymous patient."""
        return self.login.personnummer

    @property
    def api(self) -> PatientApi:
        if self._api is None:
            self._api = self.target.patient_api(self.personnummer)
        return self._api

    @step_title("{self.role_word} får kallelsen i SMS")
    def expect_invitation(self, visit: Visit) -> Sms:
        self.visit_id = visit.id
        return self._texts_for(visit, at_least=1, what=f"en kallelse i SMS för besök {visit.id}")[0]

    @step_title("{self.role_word} får en påminnelse i SMS")
    def expect_reminder(self, visit: Visit) -> Sms:
        """The reminder is the newest SMS of the visit after its invitation (the outbox keeps them in order)."""
        self.visit_id = visit.id
        return self._texts_for(visit, at_least=2, what=f"en påminnelse i SMS för besök {visit.id}")[-1]

    @step_title("{self.role_word} läser sina SMS om besöket")
    def texts_about(self, visit: Visit) -> list[Sms]:
        """Every SMS about the visit to this patient's phone, the number as the service holds it (an audit
        read): others of the visit (a guest's link) are not the patient's."""
        number = self.phone.personal_data(visit.id).phone
        return [sms for sms in self.phone.invitations_for(visit.id) if sms.phone == number]

    def _texts_for(self, visit: Visit, at_least: int, what: str) -> list[Sms]:
        return expect_within(lambda: self.phone.invitations_for(visit.id), lambda texts: len(texts) >= at_least,
                             bound_s=SMS_DELIVERY_TIMEOUT_S, what=what,
                             describe=lambda texts: f"{len(texts)} SMS" if isinstance(texts, list) else str(texts))

    @step_title("{self.role_word} öppnar länken i SMS:et och loggar in med BankID")
    def open_invitation(self, invitation: Sms) -> None:
        screen = self.target.login_screen(self.page)
        screen.open_invitation(invitation.link)
        self.login.log_in_here(screen)
        self._logged_in = True
        self.visit_id = self.visit_screen.visit_id()

    @step_title("{self.role_word} checkar in i väntrummet")
    def check_in(self) -> None:
        if self.visit_id is not None:
            assert self.on_visit(self.visit_id), f"{self.role_word} kommer inte åt besök {self.visit_id}"
        self.visit_screen.click_check_in()
        self.visit_screen.expect_waiting_room()

    # -- patient-initiated errands ------------------------------------------------------------------
    @step_title("{self.role_word} läser vilka mottagningar startsidan erbjuder")
    def units_on_start_page(self) -> list[str]:
        self._log_in()
        start = self.target.patient_start_screen(self.page)
        start.open()
        return start.unit_names()

    @step_title("{self.role_word} öppnar {unit} från startsidan")
    def open_unit_from_start_page(self, unit: str) -> None:
        self._log_in()
        start = self.target.patient_start_screen(self.page)
        start.open()
        start.click_unit(unit)
        self._unit = unit

    @step_title("{self.role_word} öppnar direktlänken till {unit}")
    def open_unit_link(self, unit: str) -> None:
        self._log_in()
        self.target.unit_screen(self.page).open_direct(unit)
        self._unit = unit

    @step_title("den anonyma patienten fortsätter anonymt")
    def continue_anonymously(self) -> None:
        self.target.unit_screen(self.page).click_continue_anonymously()

    @step_title("den anonyma patienten ser att mottagningen inte erbjuder anonym kontakt")
    def expect_no_anonymous_option(self) -> None:
        self.target.unit_screen(self.page).expect_no_anonymous_option()

    @step_title("{self.role_word} lämnar ärendet \"{text}\" som {kind.value}")
    def leave_errand(self, text: str, kind: VisitKind, interpreter_language: str | None = None) -> Errand:
        self.target.unit_screen(self.page).submit_errand(text, kind, interpreter_language,
                                                         needs_interpreter=interpreter_language is not None)
        self.visit_id = self.visit_screen.visit_id()
        return Errand(self.visit_id, self._unit, text, kind, interpreter_language)

    @step_title("{self.role_word} har lämnat ärendet \"{text}\" hos {unit}")
    def has_left_errand(self, unit: str, text: str, interpreter_language: str | None = None) -> Errand:
        """An errand arranged through the API, for scenarios about what staff do with it."""
        return self.api.start_errand(unit, text, VisitKind.CHAT, interpreter_language)

    @step_title("{self.role_word} försöker lämna ett ärende med tolkbehov men utan språk")
    def try_errand_without_interpreter_language(self, text: str) -> None:
        self.target.unit_screen(self.page).submit_errand(text, VisitKind.CHAT, None, needs_interpreter=True)

    @step_title("{self.role_word} ombeds välja tolkspråk")
    def expect_asked_for_interpreter_language(self) -> None:
        self.target.unit_screen(self.page).expect_asked_for_interpreter_language()

    @step_title("{self.role_word} ser att ärendet står i kön")
    def expect_errand_queued(self) -> None:
        self.visit_screen.expect_queued()

    # -- consent ------------------------------------------------------------------------------------
    @step_title("{self.role_word} har inte samtyckt på {page.value} hos {unit}")
    def withdraw_consent(self, unit: str, page: ConsentPage) -> None:
        self.api.withdraw_consent(unit, page)

    @step_title("{self.role_word} ombeds samtycka: \"{text}\"")
    def expect_consent_request(self, text: str) -> None:
        self.target.consent_screen(self.page).expect_shown(text)

    @step_title("{self.role_word} samtycker")
    def consent(self) -> None:
        self.target.consent_screen(self.page).click_consent()

    @step_title("{self.role_word} ser inte ärendeformuläret")
    def expect_no_errand_form(self) -> None:
        self.target.unit_screen(self.page).expect_no_errand_form()

    @step_title("{self.role_word} ser ärendeformuläret")
    def expect_errand_form(self) -> None:
        self.target.unit_screen(self.page).expect_errand_form()

    @step_title("{self.role_word} ser inget av besöket")
    def expect_no_visit_content(self) -> None:
        self.visit_screen.expect_no_visit_content()

    # -- what the patient may reach -------------------------------------------------------------------
    @step_title("{self.role_word} räknar besöken på sin startsida")
    def my_visit_count(self) -> int:
        start = self.target.patient_start_screen(self.page)
        start.open()
        return start.my_visit_count()
