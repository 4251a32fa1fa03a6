"""Steps about the visit itself: booking, invitation, waiting room, admission, closing."""

from pytest_bdd import given, then, when

from steps.phrasing import VISIT_KINDS, phrase


@given(phrase("att vårdpersonalen har bokat ett {kind} med patienten"), target_fixture="visit")
def booked_visit(cast, kind):
    return cast.clinician.book_visit_with(cast.patient, VISIT_KINDS[kind])


@then("har patienten fått en kallelse i SMS med en länk till mötet", target_fixture="invitation")
def invitation_received(cast, visit):
    return cast.patient.expect_invitation(visit)


@when("patienten öppnar länken i kallelsen och loggar in med BankID")
def open_invitation(cast, invitation):
    cast.patient.open_invitation(invitation)


@when("patienten checkar in i väntrummet")
def check_in(cast):
    cast.patient.check_in()


@then("ser vårdpersonalen att patienten väntar i väntrummet")
def patient_waiting(cast, visit):
    cast.clinician.expect_patient_waiting(visit)


@when("vårdpersonalen släpper in patienten")
def admit(cast, visit):
    cast.clinician.admit(visit)


@when("vårdpersonalen avslutar besöket")
def close_visit(cast):
    cast.clinician.close_visit()


@then(phrase("ser {roles:Roller} att besöket är avslutat"))
def visit_over(cast, roles):
    for actor in cast.by_roles(roles):
        actor.expect_visit_over()
