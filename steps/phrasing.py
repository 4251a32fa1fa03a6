"""Shared pieces of step phrasing (not a step module): typed parameters, what a step needs, and whom it is for.

`{role:Roll}` matches exactly one role word of the cast, so that "ser kollegan inte ärendet i kön" can never
be read as a role called "kollegan inte". `{roles:Roller}` matches "patienten och vårdpersonalen" and "både
patienten och vårdpersonalen".

Marks on a step function tell the vocabulary check (`vmqa vocabulary --check`) what a step asks of the
scenario before it: `needs("visit", "errand")` (one of these must have been given by an earlier step's
target_fixture; a fixture parameter of the function is a need by itself), `duty(Duty.BOOK)` (the role in it
must be one the role table lets do that) and `refuses(Duty.BOOK)` (a "cannot" step: the role must be one the
table does not let do it, otherwise the step cannot hold).
"""

import re

import pytest
from parse import with_pattern
from pytest_bdd import parsers

from vardmote_qa.actors.roles import GUEST_WORDS, ROLE_WORDS, Duty
from vardmote_qa.target.interface import Refused, VisitKind

_ONE_ROLE = "|".join(re.escape(word) for word in sorted(ROLE_WORDS, key=len, reverse=True))
_ROLES = rf"(?:både )?(?:{_ONE_ROLE})(?:(?:, | och )(?:{_ONE_ROLE}))*"

VISIT_KINDS = {"videomöte": VisitKind.VIDEO, "chattmöte": VisitKind.CHAT}
ERRAND_KINDS = {"chatt": VisitKind.CHAT, "video": VisitKind.VIDEO}


@with_pattern(_ONE_ROLE)
def _role(text: str) -> str:
    return text


@with_pattern(_ROLES)
def _roles(text: str) -> str:
    return text


@with_pattern("|".join(VISIT_KINDS))
def _visit_kind(text: str) -> str:
    return text


@with_pattern("|".join(ERRAND_KINDS))
def _errand_kind(text: str) -> str:
    return text


@with_pattern("|".join(GUEST_WORDS))
def _guest(text: str) -> str:
    return text


@with_pattern("kallelsen|påminnelsen")
def _sms_kind(text: str) -> str:
    return text


TYPES = {"Roll": _role, "Roller": _roles, "Mötesform": _visit_kind, "Ärendeform": _errand_kind, "Sms": _sms_kind, "Gäst": _guest}


def phrase(text: str) -> parsers.parse:
    """A step parser that knows the role and form types."""
    return parsers.parse(text, extra_types=TYPES)


def needs(*any_of: str):
    """The step needs one of these (target fixtures of earlier steps), the first that the scenario has."""
    def mark(step_function):
        step_function.vmqa_needs = any_of
        return step_function
    return mark


def duty(what: Duty):
    def mark(step_function):
        step_function.vmqa_duty = what
        return step_function
    return mark


def refuses(what: Duty):
    def mark(step_function):
        step_function.vmqa_refuses = what
        return step_function
    return mark


def engages(step_function):
    """The step gives the role in it an account at a unit ("arbetar på"); until then a staff role without a
    standing account has none."""
    step_function.vmqa_engages = True
    return step_function


def columns(**header: str):
    """The table the step reads: each column's header, as testers write it, and the parameter whose values
    its cells take ("mottagning": "unit"); "text" takes any text."""
    def mark(step_function):
        step_function.vmqa_columns = tuple(header.items())
        return step_function
    return mark


def given_earlier(request, *any_of: str):
    """'besöket', 'ärendet': the first of these names an earlier step gave (the latest of that kind, since a
    later step giving the same name replaces it). The vocabulary check refuses a scenario where none is given;
    the sentence here is for a run without the check."""
    for name in any_of:
        try:
            return name, request.getfixturevalue(name)
        except pytest.FixtureLookupError:
            continue
    raise AssertionError(f"inget tidigare steg i scenariot gav {' eller '.join(WHAT_IS_GIVEN[n] for n in any_of)}")


def visit_id_of(request) -> int:
    """'besöket': the scenario's latest booked (or met) visit, else the visit its latest errand became."""
    name, value = given_earlier(request, "visit", "errand")
    return value.id if name == "visit" else value.visit_id


# What each thing a step gives is called in a sentence to a tester (the check's messages use these too).
WHAT_IS_GIVEN = {"visit": "ett besök", "errand": "ett ärende", "invitation": "en kallelse",
                 "sent_message": "ett skickat meddelande", "consent_text": "ett samtyckeskrav",
                 "sms_template": "en SMS-text", "refusal": "ett försök att spara en text",
                 "units_offered": "startsidans mottagningar", "open_queue": "en öppen kö",
                 "other_visit": "ett annat besök", "answer": "tjänstens svar"}


def assert_refused(refusal: Refused | None, role: str, what: str) -> None:
    """A "cannot" holds only on a refusal for want of access: 403 or 404 with the service's sentence."""
    assert refusal is not None, f"tjänsten lät {role} {what}"
    assert refusal.is_access_refusal, (
        f"tjänsten svarade HTTP {refusal.status} ({refusal.detail}) när {role} försökte {what}: "
        f"det är inget nej till rollen (bara 403 eller 404 räknas)")
