"""The interpreter: a guest invited by link to a visit whose patient stated an interpreter need (DVM-07)."""

from __future__ import annotations

from .guest import Guest
from .narration import step_title


class Interpreter(Guest):
    role_word = "tolken"

    @step_title("{self.role_word} ser att mötet behöver tolk på {language}")
    def expect_language_of_meeting(self, visit_id: int, language: str) -> None:
        assert self.on_visit(visit_id), f"{self.role_word} kommer inte åt besök {visit_id}"
        self.visit_screen.expect_interpreter_need(language)
