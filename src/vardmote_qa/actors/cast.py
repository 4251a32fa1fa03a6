"""The people of one scenario, found by the Swedish role word the steps use; closed on teardown."""

from __future__ import annotations

import re
from typing import Callable

from playwright.sync_api import BrowserContext

from ..config import Environment
from ..evidence import Evidence
from ..target.interface import StaffRole, Target
from .actor import Actor
from .administrator import Administrator
from .anonymous_patient import AnonymousPatient
from .clinician import Clinician
from .patient import Patient

# Staff role words, and the role each gets when a scenario says where they work.
STAFF_ROLES = {
    "vårdpersonalen": StaffRole.CLINICIAN,
    "kollegan": StaffRole.CLINICIAN,
    "sekreteraren": StaffRole.SECRETARY,
    "enhetsadministratören": StaffRole.UNIT_ADMIN,
}


# Every role word a step may use.
ROLE_WORDS = ("patienten", "den andra patienten", "den anonyma patienten", "administratören", *STAFF_ROLES)


class UnknownRole(LookupError):
    pass


class Cast:
    def __init__(self, target: Target, new_context: Callable[..., BrowserContext], environment: Environment,
                 evidence: Evidence):
        self._target = target
        self._new_context = new_context
        self._environment = environment
        self._evidence = evidence
        self._actors: dict[str, Actor] = {}
        self._builders = {"patienten": self._build_patient, "vårdpersonalen": self._build_clinician,
                          "den andra patienten": self._build_other_patient,
                          "den anonyma patienten": self._build_anonymous_patient,
                          "administratören": self._build_administrator}

    def _common(self) -> tuple:
        return (self._target, self._new_context, self._environment, self._evidence)

    def _admin_api(self):
        admin = self._environment.admin
        return self._target.admin_api(admin.username, admin.password)

    def _build_patient(self) -> Patient:
        return Patient(*self._common(), personnummer=self._environment.patients[0], phone=self._admin_api())

    def _build_other_patient(self) -> Patient:
        return Patient(*self._common(), personnummer=self._environment.patients[1], phone=self._admin_api(),
                       role_word="den andra patienten")

    def _build_anonymous_patient(self) -> AnonymousPatient:
        return AnonymousPatient(*self._common(), phone=self._admin_api())

    def _build_clinician(self) -> Clinician:
        account = self._environment.clinician
        return Clinician(*self._common(), api=self._target.staff_api(account.username, account.password))

    def _build_administrator(self) -> Administrator:
        return Administrator(*self._common(), api=self._admin_api())

    def engage(self, word: str, unit: str) -> Clinician:
        """A staff member with a new account whose role (from the role word) is at this unit only."""
        word = word.strip().lower()
        if word not in STAFF_ROLES:
            raise UnknownRole(f"Okänd personalroll '{word}' (kända: {', '.join(STAFF_ROLES)})")
        login = self.administrator.create_staff(unit, STAFF_ROLES[word])
        self._actors[word] = Clinician(*self._common(), api=self._target.clinician_api(login), login=login,
                                       role_word=word)
        return self._actors[word]

    def by_role(self, word: str) -> Actor:
        word = word.strip().lower()
        if word in self._actors:
            return self._actors[word]
        if word not in self._builders:
            known = sorted(set(self._builders) | set(STAFF_ROLES))
            raise UnknownRole(f"Okänd roll '{word}' (kända: {', '.join(known)})")
        self._actors[word] = self._builders[word]()
        return self._actors[word]

    def by_roles(self, phrase: str) -> list[Actor]:
        """'patienten och vårdpersonalen', 'både patienten och vårdpersonalen' -> both actors."""
        words = re.split(r",|\boch\b", re.sub(r"^\s*både\s+", "", phrase))
        return [self.by_role(word) for word in words if word.strip()]

    @property
    def patient(self) -> Patient:
        return self.by_role("patienten")

    @property
    def clinician(self) -> Clinician:
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
