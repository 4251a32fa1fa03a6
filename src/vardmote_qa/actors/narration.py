"""Gives each public actor method its Swedish Allure step title, filled from the call's arguments."""

from __future__ import annotations

import functools
import inspect

from .. import allure_safe


def step_title(template: str):
    """@step_title("{self.role_word} checkar in i väntrummet") names the Allure step of a method."""

    def decorate(method):
        signature = inspect.signature(method)

        @functools.wraps(method)
        def narrated(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            with allure_safe.step(template.format(**bound.arguments)):
                return method(*args, **kwargs)

        return narrated

    return decorate
