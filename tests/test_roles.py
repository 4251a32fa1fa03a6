"""The one table of role words builds the cast: who each word is, and how that person logs in."""

import pytest

from vardmote_qa.actors.cast import Cast
from vardmote_qa.actors.logins import AnonymousLogin, BankIdLogin, StaffLogin
from vardmote_qa.actors.patient import Patient
from vardmote_qa.actors.roles import DUTIES, ROLES, Duty, Part, UnknownRole, may, roles_that_may
from vardmote_qa.actors.staff import Staff
from vardmote_qa.config import load_environment
from vardmote_qa.target.interface import StaffRole


class NoService:
    """Building an actor asks the target for API clients, which log in lazily elsewhere; none is used here."""

    def admin_api(self, username, password):
        return None

    def staff_api(self, username, password):
        return None


@pytest.fixture
def cast():
    # No browser either: an actor opens its context only when it first uses a page.
    return Cast(NoService(), new_context=None, environment=load_environment("local"), evidence=None)


def test_the_anonymous_patient_is_a_patient_with_another_login(cast):
    anonymous, patient = cast.by_role("den anonyma patienten"), cast.by_role("patienten")
    assert type(anonymous) is Patient and isinstance(anonymous.login, AnonymousLogin)
    assert anonymous.personnummer is None and anonymous.chat_sender is not patient.chat_sender
    assert isinstance(patient.login, BankIdLogin)
    assert patient.personnummer != cast.by_role("den andra patienten").personnummer


def test_staff_of_any_role_is_one_class_and_the_standing_clinician_needs_no_engagement(cast):
    clinician = cast.by_role(" Vårdpersonalen ")
    assert type(clinician) is Staff and clinician.role is StaffRole.CLINICIAN
    assert clinician.login == StaffLogin(load_environment("local").clinician)
    assert cast.clinician is clinician


def test_a_staff_word_without_an_account_says_which_step_gives_one(cast):
    with pytest.raises(UnknownRole, match="Givet att sekreteraren arbetar på"):
        cast.by_role("sekreteraren")


def test_an_unknown_word_names_the_known_ones(cast):
    with pytest.raises(UnknownRole, match="Okänd roll 'läkaren'.*vårdpersonalen"):
        cast.by_role("läkaren")


def test_every_staff_word_has_a_role_and_every_role_a_duty():
    staff = [role for role in ROLES.values() if role.part is Part.STAFF]
    assert {role.staff_role for role in staff} == set(StaffRole) == set(DUTIES)
    assert all(role.staff_role is None for role in ROLES.values() if role.part is not Part.STAFF)


def test_the_role_table_says_what_each_role_may_do():
    assert roles_that_may(Duty.MEET) == ["vårdpersonalen", "kollegan", "specialisten"]
    assert roles_that_may(Duty.READ) == ["vårdpersonalen", "kollegan", "sekreteraren", "specialisten"]  # a secretary reads the queue
    assert roles_that_may(Duty.CONFIGURE) == ["enhetsadministratören"]
    assert not any(may(role, duty) for role in ROLES.values() if role.part is not Part.STAFF for duty in Duty)
