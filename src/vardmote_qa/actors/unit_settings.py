"""A unit's settings as staff reach them in the browser: what the unit administrator does.

A mixin of Staff rather than a class of its own: any staff member may try, and the service refuses
those whose role does not configure the unit (a negative scenario reads that refusal).
"""

from __future__ import annotations

from ..target.interface import SmsText
from .narration import step_title


class UnitSettings:
    @step_title("{self.role_word} försöker ge {unit} {which.value} \"{text}\"")
    def try_set_unit_text(self, unit: str, which: SmsText, text: str) -> str | None:
        """The settings page's refusal, or None if the text was saved."""
        self._log_in()
        settings = self.target.unit_settings_screen(self.page)
        settings.open(unit)
        settings.save_text(which, text)
        return settings.refusal()

    @step_title("{self.role_word} öppnar inställningarna för {unit}")
    def may_configure(self, unit: str) -> bool:
        self._log_in()
        settings = self.target.unit_settings_screen(self.page)
        settings.open(unit)
        return settings.is_allowed()
