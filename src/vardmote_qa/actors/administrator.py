"""The administrator (förvaltning): creates staff accounts, configures units, audits what a visit leaves.

Everything it changes in a unit's configuration it puts back when the scenario ends, so that scenarios
sharing one target stay independent of each other's order.
"""

from __future__ import annotations

from typing import Callable

from ..target.interface import AdminApi, ConsentPage, PersonalData, SmsText, StaffAccount, StaffRole
from .actor import Actor
from .narration import step_title


class Administrator(Actor):
    role_word = "administratören"

    def __init__(self, *args, api: AdminApi, **kwargs):
        super().__init__(*args, **kwargs)
        self.api = api
        self._undo: list[Callable[[], None]] = []

    @step_title("administratören ger ett konto rollen {role.value} på {unit}")
    def create_staff(self, unit: str, role: StaffRole) -> StaffAccount:
        return self.api.create_staff(unit, role)

    @step_title("administratören ger {unit} {which.value} \"{text}\"")
    def set_unit_text(self, unit: str, which: SmsText, text: str) -> None:
        before = self.api.unit_texts(unit)[which]
        self.api.set_unit_text(unit, which, text)
        self._undo.append(lambda: self.api.set_unit_text(unit, which, before))

    @step_title("administratören kräver samtycke på {page.value} hos {unit}")
    def require_consent(self, unit: str, page: ConsentPage, text: str) -> None:
        before = self.api.consent_pages(unit).get(page)
        self.api.require_consent(unit, page, text)
        self._undo.append(lambda: self.api.require_consent(unit, page, before))

    @step_title("administratören går igenom vad tjänsten sparat om besök {visit_id}")
    def personal_data_of(self, visit_id: int) -> PersonalData:
        return self.api.personal_data(visit_id)

    def close(self, keep_trace_as: str | None) -> None:
        while self._undo:
            self._undo.pop()()
        super().close(keep_trace_as)
