"""The people of one scenario, found by the Swedish role word the steps use; closed on teardown."""

from __future__ import annotations

import re
from typing import Callable

from playwright.sync_api import BrowserContext

from ..config import Environment
from ..evidence import Evidence
from ..target.interface import Target
from .actor import Actor
from .clinician import Clinician
from .patient import Patient


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
        self._builders = {"patienten": self._build_patient, "vårdpersonalen": self._build_clinician}

    def _common(self) -> tuple:
        return (self._target, self._new_context, self._environment, self._evidence)

    def _build_patient(self) -> Patient:
        admin = self._environment.admin
        return Patient(*self._common(), personnummer=self._environment.patients[0],
                       phone=self._target.staff_api(admin.username, admin.password))

    def _build_clinician(self) -> Clinician:
        account = self._environment.clinician
        return Clinician(*self._common(), api=self._target.staff_api(account.username, account.password))

    def by_role(self, word: str) -> Actor:
        word = word.strip().lower()
        if word not in self._builders:
            raise UnknownRole(f"Okänd roll '{word}' (kända: {', '.join(self._builders)})")
        if word not in self._actors:
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

    def present(self) -> list[Actor]:
        return list(self._actors.values())

    def close(self, failed_test_name: str | None) -> None:
        for actor in self._actors.values():
            actor.close(keep_trace_as=f"{failed_test_name}-{actor.role_word}" if failed_test_name else None)
