"""Shared pieces of step phrasing (not a step module): typed role words and meeting forms.

`{role:Roll}` matches exactly one role word of the cast, so that "ser kollegan inte ärendet i kön"
can never be read as a role called "kollegan inte". `{roles:Roller}` matches "patienten och
vårdpersonalen" and "både patienten och vårdpersonalen".
"""

import re

from parse import with_pattern
from pytest_bdd import parsers

from vardmote_qa.actors.roles import ROLE_WORDS
from vardmote_qa.target.interface import VisitKind

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


TYPES = {"Roll": _role, "Roller": _roles}


def phrase(text: str) -> parsers.parse:
    """A step parser that knows the role types."""
    return parsers.parse(text, extra_types=TYPES)
