"""HTTP client for the sandbox's JSON API. Returns domain dataclasses; never logs a password."""

from __future__ import annotations

import secrets

import requests

from ...waiting import API_TIMEOUT_S
from ..interface import (ConsentPage, Errand, PersonalData, Sms, SmsText, StaffAccount, StaffRole, TargetError, Visit,
                         VisitKind, VisitStatus)

_STATUS = {"ko": VisitStatus.QUEUED, "bokat": VisitStatus.BOOKED, "vantar": VisitStatus.WAITING,
           "pagar": VisitStatus.IN_PROGRESS,
           "avslutat": VisitStatus.CLOSED}
_KIND = {"video": VisitKind.VIDEO, "chatt": VisitKind.CHAT}


_ROLE = {StaffRole.CLINICIAN: "vardpersonal", StaffRole.SECRETARY: "sekreterare",
         StaffRole.UNIT_ADMIN: "enhetsadmin"}
_CONSENT_PAGE = {ConsentPage.ERRAND_PAGE: "arende", ConsentPage.VISIT_PAGE: "besok"}
_TEXT_FIELD = {SmsText.INVITATION: "invitation_text", SmsText.REMINDER: "reminder_text"}


def _visit(data: dict) -> Visit:
    return Visit(id=data["id"], unit_name=data["unit_name"], patient_name=data["patient_name"],
                 status=_STATUS[data["status"]], kind=_KIND[data["kind"]], starts_at=data["starts_at"],
                 errand=data.get("errand"), interpreter_language=data.get("interpreter_language"))


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
            raise TargetError(f"{method} {path}: HTTP {response.status_code} {detail}")
        return response.json()

    def log_in_staff(self, username: str, password: str) -> "SandboxApi":
        self._call("POST", "/api/session/staff", json={"username": username, "password": password})
        return self

    def log_in_patient(self, personnummer: str) -> "SandboxApi":
        self._call("POST", "/api/session/bankid", json={"personnummer": personnummer})
        return self

    def units(self) -> list[dict]:
        return self._call("GET", "/api/units")

    def unit(self, slug_or_name: str) -> dict:
        """The unit by its slug (environment files) or its name (feature files)."""
        for unit in self.units():
            if slug_or_name in (unit["slug"], unit["name"]):
                return unit
        raise TargetError(f"mottagningen {slug_or_name} finns inte i målmiljön")

    def unit_id(self, slug_or_name: str) -> int:
        return self.unit(slug_or_name)["id"]

    def book_visit(self, unit: str, personnummer: str, starts_at: str, kind: VisitKind) -> Visit:
        body = {"unit_id": self.unit_id(unit), "personnummer": personnummer, "starts_at": starts_at,
                "kind": kind.value}
        return _visit(self._call("POST", "/api/visits", json=body))

    def visit(self, visit_id: int) -> Visit:
        return _visit(self._call("GET", f"/api/visits/{visit_id}"))

    def invitations_for(self, visit_id: int) -> list[Sms]:
        rows = self._call("GET", "/api/sms-outbox", params={"visit_id": visit_id})
        return [Sms(phone=row["phone"], text=row["text"], visit_id=row["visit_id"]) for row in rows]

    # -- clinician --------------------------------------------------------------------------------------
    def pick_up(self, visit_id: int) -> Visit:
        return _visit(self._call("POST", f"/api/visits/{visit_id}/pick-up"))

    # -- patient ----------------------------------------------------------------------------------------
    def start_errand(self, unit: str, text: str, kind: VisitKind, interpreter_language: str | None) -> Errand:
        body = {"unit_id": self.unit_id(unit), "errand": text, "kind": kind.value,
                "interpreter_language": interpreter_language}
        data = self._call("POST", "/api/errands", json=body)
        return Errand(data["id"], data["unit_name"], text, kind, interpreter_language)

    def withdraw_consent(self, unit: str, page: ConsentPage) -> None:
        self._call("DELETE", f"/api/consents/{self.unit_id(unit)}/{_CONSENT_PAGE[page]}")

    # -- administration ---------------------------------------------------------------------------------
    def create_staff(self, unit: str, role: StaffRole) -> StaffAccount:
        username = f"vmqa.{_ROLE[role]}.{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(12)
        self._call("POST", "/api/admin/staff", json={
            "username": username, "name": f"Test {role.value.capitalize()} {username[-4:]}", "title": role.value,
            "password": password, "roles": [{"unit_id": self.unit_id(unit), "role": _ROLE[role]}]})
        return StaffAccount(username, password)

    def unit_texts(self, unit: str) -> dict[SmsText, str]:
        data = self._call("GET", f"/api/units/{self.unit_id(unit)}/texts")
        return {which: data[field] for which, field in _TEXT_FIELD.items()}

    def set_unit_text(self, unit: str, which: SmsText, text: str) -> None:
        self._call("PUT", f"/api/units/{self.unit_id(unit)}/texts", json={_TEXT_FIELD[which]: text})

    def consent_pages(self, unit: str) -> dict[ConsentPage, str]:
        data = self._call("GET", f"/api/units/{self.unit_id(unit)}/consent-pages")
        return {page: data[name] for page, name in _CONSENT_PAGE.items() if name in data}

    def require_consent(self, unit: str, page: ConsentPage, text: str | None) -> None:
        self._call("PUT", f"/api/units/{self.unit_id(unit)}/consent-pages/{_CONSENT_PAGE[page]}", json={"text": text})

    def personal_data(self, visit_id: int) -> PersonalData:
        data = self._call("GET", f"/api/admin/visits/{visit_id}/personal-data")
        return PersonalData(data["personnummer"], data["namn"], data["telefon"], data["aktiva_sessioner"], data["sms"])

    def set_faults(self, **switches) -> dict:
        return self._call("POST", "/api/admin/faults", json=switches)
