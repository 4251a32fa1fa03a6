"""The people of one scenario, found by the Swedish role word the steps use; closed on teardown."""

from __future__ import annotations

import re
from typing import Callable

from playwright.sync_api import BrowserContext

from ..config import Environment, StaffAccount
from ..evidence import Evidence
from ..target.interface import AdminApi, GuestKind, Target
from .actor import Actor
from .administrator import Administrator
from .guest import Guest
from .interpreter import Interpreter
from .logins import AnonymousLogin, BankIdLogin, GuestLinkLogin, StaffLogin
from .patient import Patient
from .roles import ROLES, Part, Role, UnknownRole, role_named
from .staff import Staff

__all__ = ["Cast", "UnknownRole"]


class Cast:
    def __init__(self, target: Target, new_context: Callable[..., BrowserContext], environment: Environment,
                 evidence: Evidence):
        self._target = target
        self._new_context = new_context
        self._environment = environment
        self._evidence = evidence
        self._actors: dict[str, Actor] = {}
        self._patient_of_visit: dict[int, str] = {}  # who a booked visit is for, by the role word

    def _common(self, role: Role) -> dict:
        return {"target": self._target, "new_context": self._new_context, "environment": self._environment,
                "evidence": self._evidence, "role_word": role.word}

    def _admin_api(self) -> AdminApi:
        admin = self._environment.admin
        return self._target.admin_api(admin.username, admin.password)

    def _build(self, role: Role) -> Actor:
        if role.part is Part.PATIENT:
            login = (AnonymousLogin() if role.test_patient is None
                     else BankIdLogin(self._environment.patients[role.test_patient]))
            return Patient(**self._common(role), login=login, phone=self._admin_api())
        if role.part is Part.GUEST:
            kind = Interpreter if role.guest_kind is GuestKind.INTERPRETER else Guest
            return kind(**self._common(role), login=GuestLinkLogin(), kind=role.guest_kind, phone=self._admin_api())
        if role.part is Part.ADMINISTRATOR:
            return Administrator(**self._common(role), login=StaffLogin(self._environment.admin),
                                 api=self._admin_api())
        if role.standing_account:
            return self._staff(role, self._environment.clinician)
        raise UnknownRole(f"{role.word} har inget konto: skriv först \"Givet att {role.word} arbetar på "
                          f"<mottagning>\"")

    def _staff(self, role: Role, account: StaffAccount) -> Staff:
        return Staff(**self._common(role), account=account, role=role.staff_role,
                     api=self._target.staff_api(account.username, account.password))

    def engage(self, word: str, unit: str) -> Staff:
        """A staff member with a new account whose role (from the role word) is at this unit only."""
        role = role_named(word)
        if role.part is not Part.STAFF:
            staff_words = [known.word for known in ROLES.values() if known.part is Part.STAFF]
            raise UnknownRole(f"Okänd personalroll '{role.word}' (kända: {', '.join(staff_words)})")
        account = self.administrator.create_staff(unit, role.staff_role)
        if role.word in self._actors:  # the scenario's standing clinician, now given an account of its own
            self._actors[role.word].close(keep_trace_as=None)
        self._actors[role.word] = self._staff(role, account)
        return self._actors[role.word]

    def by_role(self, word: str) -> Actor:
        role = role_named(word)
        if role.word not in self._actors:
            self._actors[role.word] = self._build(role)
        return self._actors[role.word]

    def by_roles(self, phrase: str) -> list[Actor]:
        """'patienten och vårdpersonalen', 'både patienten och vårdpersonalen' -> both actors."""
        words = re.split(r",|\boch\b", re.sub(r"^\s*både\s+", "", phrase))
        return [self.by_role(word) for word in words if word.strip()]

    def note_booking(self, visit_id: int, patient_word: str) -> None:
        """Remembers whom a booked visit is for, so that "kallelsen" is read and followed by that patient."""
        self._patient_of_visit[visit_id] = role_named(patient_word).word

    def patient_of(self, visit_id: int) -> Patient:
        """The patient a visit was booked for in this scenario (the first test patient if not booked here)."""
        return self.by_role(self._patient_of_visit.get(visit_id, "patienten"))

    @property
    def patient(self) -> Patient:
        return self.by_role("patienten")

    @property
    def clinician(self) -> Staff:
        return self.by_role("vårdpersonalen")

    @property
    def administrator(self) -> Administrator:
        return self.by_role("administratören")

    def present(self) -> list[Actor]:
        return list(self._actors.values())

    def close(self, failed_test_name: str | None) -> None:
        # Staff and patients first, the administrator (who puts configuration back) last.
        for actor in sorted(self._actors.values(), key=lambda actor: isinstance(actor, Administrator)):
            actor.close(keep_trace_as=f"{failed_test_name}-{actor.role_word}" if failed_test_name else None)
