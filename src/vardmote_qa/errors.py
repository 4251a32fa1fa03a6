"""Errors a user caused or can fix: one Swedish sentence, never a traceback."""

from __future__ import annotations

from .exitcodes import BAD_INPUT


class UserError(Exception):
    """Bad input or a missing precondition. The message is the whole sentence the user sees."""

    exit_code = BAD_INPUT

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
