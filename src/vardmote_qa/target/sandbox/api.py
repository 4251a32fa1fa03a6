"""HTTP client for the sandbox's JSON API. Returns domain dataclasses; never logs a password."""

from __future__ import annotations

import requests

from ...waiting import API_TIMEOUT_S
from ..interface import Sms, TargetError, Visit, VisitKind, VisitStatus

_STATUS = {"bokat": VisitStatus.BOOKED, "vantar": VisitStatus.WAITING, "pagar": VisitStatus.IN_PROGRESS,
           "avslutat": VisitStatus.CLOSED}
_KIND = {"video": VisitKind.VIDEO, "chatt": VisitKind.CHAT}


def _visit(data: dict) -> Visit:
    return Visit(id=data["id"], unit_name=data["unit_name"], patient_name=data["patient_name"],
                 status=_STATUS[data["status"]], kind=_KIND[data["kind"]], starts_at=data["starts_at"])


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

    def unit_id(self, slug: str) -> int:
        for unit in self._call("GET", "/api/units"):
            if unit["slug"] == slug:
                return unit["id"]
        raise TargetError(f"mottagningen {slug} finns inte i målmiljön")

    def book_visit(self, unit: str, personnummer: str, starts_at: str, kind: VisitKind) -> Visit:
        body = {"unit_id": self.unit_id(unit), "personnummer": personnummer, "starts_at": starts_at,
                "kind": kind.value}
        return _visit(self._call("POST", "/api/visits", json=body))

    def visit(self, visit_id: int) -> Visit:
        return _visit(self._call("GET", f"/api/visits/{visit_id}"))

    def invitations_for(self, visit_id: int) -> list[Sms]:
        rows = self._call("GET", "/api/sms-outbox", params={"visit_id": visit_id})
        return [Sms(phone=row["phone"], text=row["text"], visit_id=row["visit_id"]) for row in rows]

    def set_faults(self, **switches) -> dict:
        return self._call("POST", "/api/admin/faults", json=switches)
