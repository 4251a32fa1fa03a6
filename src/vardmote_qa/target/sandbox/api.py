"""HTTP client for the sandbox's JSON API. Returns domain dataclasses; never logs a password."""

from __future__ import annotations

import secrets

import requests

from ...waiting import API_TIMEOUT_S
from ..interface import (ConsentPage, Errand, OpenVisitPage, PersonalData, Refused, Sms, SmsText, StaffAccount,
                         StaffRole, TargetError, TriageStep, UnitSettings, Visit, VisitKind)
from ..interface import GuestInvitation, GuestKind
from ..interface import PatientNames, VideoEngine
from . import protocol


class SandboxApi:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()

    def _call(self, method: str, path: str, **kwargs) -> object:
        try:
            response = self.session.request(method, f"{self.base_url}{path}", timeout=API_TIMEOUT_S, **kwargs)
        except requests.RequestException as error:
            raise TargetError(f"{method} {path}: målmiljön svarar inte ({type(error).__name__})") from None
        if response.status_code >= 400:
            detail = response.json().get("detail") if "json" in response.headers.get("content-type", "") else ""
            message = f"{method} {path}: HTTP {response.status_code} {detail}"
            if response.status_code < 500:
                raise Refused(message, response.status_code, str(detail or ""))
            raise TargetError(message)
        return response.json()

    def log_in_staff(self, username: str, password: str) -> "SandboxApi":
        self._call("POST", protocol.STAFF_LOGIN, json=protocol.staff_login(username, password))
        return self

    def log_in_patient(self, personnummer: str) -> "SandboxApi":
        self._call("POST", protocol.PATIENT_LOGIN, json=protocol.patient_login(personnummer))
        return self

    def units(self) -> list[dict]:
        return self._call("GET", protocol.UNITS)

    def unit(self, slug_or_name: str) -> dict:
        """The unit by its slug (environment files) or its name (feature files)."""
        found = protocol.unit_with(self.units(), slug_or_name)
        if found is not None:
            return found
        raise TargetError(f"mottagningen {slug_or_name} finns inte i målmiljön")

    def unit_id(self, slug_or_name: str) -> int:
        return self.unit(slug_or_name)["id"]

    def book_visit(self, unit: str, personnummer: str, starts_at: str, kind: VisitKind,
                   engine: VideoEngine | None = None) -> Visit:
        body = protocol.booking(self.unit_id(unit), personnummer, starts_at, kind, engine)
        return protocol.read_visit(self._call("POST", protocol.VISITS, json=body))

    def book_conference(self, unit: str, personnummers: list[str], starts_at: str) -> Visit:
        body = protocol.conference(self.unit_id(unit), personnummers, starts_at)
        return protocol.read_visit(self._call("POST", protocol.CONFERENCES, json=body))

    def set_unit_video(self, unit: str, engine: VideoEngine | None = None,
                       patient_names: PatientNames | None = None) -> None:
        self._call("PUT", protocol.unit_video(self.unit_id(unit)),
                   json=protocol.unit_video_settings(engine, patient_names))

    def visit(self, visit_id: int) -> Visit:
        return protocol.read_visit(self._call("GET", protocol.visit(visit_id)))

    def invitations_for(self, visit_id: int) -> list[Sms]:
        rows = self._call("GET", protocol.SMS_OUTBOX, params={"visit_id": visit_id})
        return [protocol.read_sms(row) for row in rows]

    # -- clinician --------------------------------------------------------------------------------------
    def pick_up(self, visit_id: int) -> Visit:
        return protocol.read_visit(self._call("POST", protocol.visit_pick_up(visit_id)))

    def admit(self, visit_id: int) -> Visit:
        return protocol.read_visit(self._call("POST", protocol.visit_admit(visit_id)))

    # -- physical meetings and guests ---------------------------------------------------------------------
    def book_physical_visit(self, unit: str, personnummer: str, starts_at: str) -> Visit:
        body = protocol.physical_booking(self.unit_id(unit), personnummer, starts_at)
        return protocol.read_visit(self._call("POST", protocol.PHYSICAL_VISITS, json=body))

    def start_visit(self, visit_id: int) -> Visit:
        return protocol.read_visit(self._call("POST", protocol.visit_start(visit_id)))

    def invite_guest(self, visit_id: int, name: str, phone: str, kind: GuestKind) -> GuestInvitation:
        body = protocol.guest_invitation(name, phone, kind)
        return protocol.read_guest(self._call("POST", protocol.visit_guests(visit_id), json=body))

    def open_guest_link(self, link: str) -> "SandboxApi":
        """A guest's session: the link itself logs in (no BankID, no account), for its own visit only."""
        try:
            response = self.session.get(link, timeout=API_TIMEOUT_S, allow_redirects=False)
        except requests.RequestException as error:
            raise TargetError(f"gästlänken: målmiljön svarar inte ({type(error).__name__})") from None
        response.close()  # whatever the link answered, the steps judge it (an ended link starts no session)
        return self


    # -- patient ----------------------------------------------------------------------------------------
    def start_errand(self, unit: str, text: str, kind: VisitKind, interpreter_language: str | None) -> Errand:
        body = protocol.errand(self.unit_id(unit), text, kind, interpreter_language)
        data = self._call("POST", protocol.ERRANDS, json=body)
        return Errand(data["id"], data["unit_name"], text, kind, interpreter_language)

    def withdraw_consent(self, unit: str, page: ConsentPage) -> None:
        self._call("DELETE", protocol.consent(self.unit_id(unit), page))

    # -- administration ---------------------------------------------------------------------------------
    def create_staff(self, unit: str, role: StaffRole) -> StaffAccount:
        username = f"vmqa.{protocol.ROLE_WORDS[role]}.{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(12)
        name = f"Test {role.value.capitalize()} {username[-4:]}"
        self._call("POST", protocol.ADMIN_STAFF,
                   json=protocol.new_staff(username, name, role.value, password, self.unit_id(unit), role))
        return StaffAccount(username, password)

    def unit_texts(self, unit: str) -> dict[SmsText, str]:
        return protocol.read_unit_texts(self._call("GET", protocol.unit_texts(self.unit_id(unit))))

    def set_unit_text(self, unit: str, which: SmsText, text: str) -> None:
        self._call("PUT", protocol.unit_texts(self.unit_id(unit)), json=protocol.unit_text(which, text))

    def consent_pages(self, unit: str) -> dict[ConsentPage, str]:
        return protocol.read_consent_pages(self._call("GET", protocol.unit_consent_pages(self.unit_id(unit))))

    def require_consent(self, unit: str, page: ConsentPage, text: str | None) -> None:
        self._call("PUT", protocol.unit_consent_page(self.unit_id(unit), page), json=protocol.consent_text(text))

    def personal_data(self, visit_id: int) -> PersonalData:
        return protocol.read_personal_data(self._call("GET", protocol.personal_data(visit_id)))

    def unit_name(self, slug_or_name: str) -> str:
        return self.unit(slug_or_name)["name"]

    def interpreter_languages(self) -> list[str]:
        return self._call("GET", protocol.INTERPRETER_LANGUAGES)

    # -- operations -------------------------------------------------------------------------------------
    def open_visits(self, older_than_s: float, offset: int, limit: int) -> OpenVisitPage:
        query = protocol.open_visits_query(older_than_s, offset, min(limit, protocol.OPEN_VISITS_MAX_PAGE))
        return protocol.read_open_visits(self._call("GET", protocol.OPEN_VISITS, params=query))

    def close_visit(self, visit_id: int) -> None:
        self._call("POST", protocol.visit_close(visit_id))

    def unit_settings(self) -> list[UnitSettings]:
        return [protocol.read_unit_settings(row) for row in self.units()]

    def set_auto_close(self, after_hours: float | None) -> None:
        self._call("PUT", protocol.AUTO_CLOSE, json=protocol.auto_close(after_hours))

    def backdate_visit(self, visit_id: int, hours: float) -> None:
        self._call("POST", protocol.visit_backdate(visit_id), json=protocol.backdate(hours))

    def triage(self, answers: tuple[str, ...]) -> TriageStep:
        return protocol.read_triage_step(self._call("POST", protocol.TRIAGE, json=protocol.triage_answers(answers)))

    def set_faults(self, **switches) -> dict:
        return self._call("POST", protocol.FAULTS, json=switches)

    def set_weaknesses(self, **switches) -> dict:
        """Test only: opens (True) or closes one of the sandbox's security holes."""
        return self._call("POST", protocol.WEAKNESSES, json=switches)
