"""The one table of role words: the Swedish word a step uses for a person, and who that person is.

The cast builds actors from it, steps/phrasing.py matches exactly these words, and the step vocabulary
(docs/vocabulary.md) lists them. A new participant is a new row here, not a copy of another actor.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..target.interface import GuestKind, StaffRole


class Part(enum.Enum):
    PATIENT = "patient"
    STAFF = "staff"
    ADMINISTRATOR = "administrator"  # the platform's own administrator (förvaltning), through the API
    GUEST = "guest"  # joins one visit by a link of their own: no BankID, no account


@dataclass(frozen=True)
class Role:
    word: str  # definite form, as steps write it
    part: Part
    test_patient: int | None = None  # a patient: which of the environment's test patients; None is anonymous
    staff_role: StaffRole | None = None  # staff: the role their account gets at the unit where they work
    standing_account: bool = False  # staff: acts on the environment's own clinician account until engaged
    guest_kind: GuestKind | None = None  # a guest: a relative or an interpreter


ROLES: dict[str, Role] = {role.word: role for role in (
    Role("patienten", Part.PATIENT, test_patient=0),
    Role("den andra patienten", Part.PATIENT, test_patient=1),
    Role("den anonyma patienten", Part.PATIENT),
    # A conference's other patients, by number ("patienten" is the first): the environment's next test patients.
    Role("patient 2", Part.PATIENT, test_patient=1),
    Role("patient 3", Part.PATIENT, test_patient=2),
    Role("administratören", Part.ADMINISTRATOR),
    Role("vårdpersonalen", Part.STAFF, staff_role=StaffRole.CLINICIAN, standing_account=True),
    Role("kollegan", Part.STAFF, staff_role=StaffRole.CLINICIAN),
    Role("sekreteraren", Part.STAFF, staff_role=StaffRole.SECRETARY),
    Role("enhetsadministratören", Part.STAFF, staff_role=StaffRole.UNIT_ADMIN),
    # a clinician of the unit (or consulted by it) who joins a physical meeting digitally (DVM-06)
    Role("specialisten", Part.STAFF, staff_role=StaffRole.CLINICIAN),
    Role("den anhöriga", Part.GUEST, guest_kind=GuestKind.RELATIVE),
    Role("tolken", Part.GUEST, guest_kind=GuestKind.INTERPRETER),
)}

ROLE_WORDS = tuple(ROLES)
GUEST_WORDS = tuple(role.word for role in ROLES.values() if role.part is Part.GUEST)


class Duty(enum.Enum):
    """What a person-step asks of a staff role. The service decides in the end; this table says what the
    domain lets each role do, so that the vocabulary check can refuse "enhetsadministratören bokar" before
    a run, and the refusal steps know which roles they are about."""
    BOOK = "boka möten"
    MEET = "möta patienter"
    READ = "läsa besök och kö"
    CONFIGURE = "konfigurera mottagningen"

    @property
    def details(self) -> str:
        return DUTY_DETAILS[self]


DUTY_DETAILS = {Duty.BOOK: "boka möten och skicka påminnelser",
                Duty.MEET: "möta patienter: ta ärenden ur kön, släppa in från väntrummet, avsluta besök",
                Duty.READ: "läsa mottagningens besök, väntrum och kö",
                Duty.CONFIGURE: "ändra mottagningens texter och samtycken"}

DUTIES: dict[StaffRole, frozenset[Duty]] = {
    StaffRole.CLINICIAN: frozenset({Duty.BOOK, Duty.MEET, Duty.READ}),
    StaffRole.SECRETARY: frozenset({Duty.BOOK, Duty.READ}),
    StaffRole.UNIT_ADMIN: frozenset({Duty.CONFIGURE}),
}


def may(role: Role, duty: Duty) -> bool:
    """Whether this role may do the duty; only staff roles have duties (patients act on their own visits)."""
    return role.staff_role is not None and duty in DUTIES[role.staff_role]


def roles_that_may(duty: Duty) -> list[str]:
    return [role.word for role in ROLES.values() if may(role, duty)]


class UnknownRole(LookupError):
    pass


def role_named(word: str) -> Role:
    word = word.strip().lower()
    if word not in ROLES:
        raise UnknownRole(f"Okänd roll '{word}' (kända: {', '.join(sorted(ROLES))})")
    return ROLES[word]
