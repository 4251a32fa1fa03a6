"""Steps about the visit itself: booking, invitation and reminder, waiting room, admission, leaving, closing.

"besöket" is the scenario's latest booked visit, else the visit its latest errand became; "kallelsen" and
"påminnelsen" are that visit's. Each person-step is for every role the role table lets do it.
"""

from pytest_bdd import given, then, when

from steps.phrasing import VISIT_KINDS, assert_refused, duty, needs, phrase, refuses, visit_id_of

from vardmote_qa.actors.roles import Duty


@given(phrase("att {role:Roll} har bokat ett {kind:Mötesform} med {patient:Roll}"), target_fixture="visit")
@duty(Duty.BOOK)
def booked_visit(cast, role, kind, patient):
    visit = cast.by_role(role).book_visit_with(cast.by_role(patient), VISIT_KINDS[kind])
    cast.note_booking(visit.id, patient)
    return visit


@given(phrase("att {role:Roll} har bokat ett {kind:Mötesform} med {patient:Roll} på {unit}"), target_fixture="visit")
@duty(Duty.BOOK)
def booked_visit_at(cast, role, kind, patient, unit):
    visit = cast.by_role(role).book_visit_with(cast.by_role(patient), VISIT_KINDS[kind], unit)
    cast.note_booking(visit.id, patient)
    return visit


@when(phrase("{role:Roll} bokar ett {kind:Mötesform} med {patient:Roll} på {unit}"), target_fixture="visit")
@duty(Duty.BOOK)
def books_in_browser(cast, role, kind, patient, unit):
    visit = cast.by_role(role).book_visit_in_browser(cast.by_role(patient), unit, VISIT_KINDS[kind])
    cast.note_booking(visit.id, patient)
    return visit


@then(phrase("kan {role:Roll} inte boka ett {kind:Mötesform} med {patient:Roll} på {unit}"))
@refuses(Duty.BOOK)
def cannot_book(cast, role, kind, patient, unit):
    staff = cast.by_role(role)
    offered = staff.booking_offered_at(unit)
    assert offered is None, f"{role} kan boka: {offered}"
    assert_refused(staff.booking_refusal(cast.by_role(patient), unit, VISIT_KINDS[kind]), role, f"boka på {unit}")


@then(phrase("har {patient:Roll} fått en kallelse i SMS med en länk till mötet"), target_fixture="invitation")
def invitation_received(cast, patient, visit):
    invitation = cast.by_role(patient).expect_invitation(visit)
    assert invitation.link, f"kallelsen har ingen länk: {invitation.text}"
    return invitation


@then(phrase("har {patient:Roll} fått en påminnelse i SMS med en länk till mötet"))
def reminder_received(cast, patient, visit):
    reminder = cast.by_role(patient).expect_reminder(visit)
    assert reminder.link, f"påminnelsen har ingen länk: {reminder.text}"


@then(phrase('innehåller påminnelsen texten "{fragment}"'))
def reminder_contains(cast, visit, fragment):
    reminder = cast.patient_of(visit.id).expect_reminder(visit)
    assert fragment in reminder.text, f"påminnelsen lyder: {reminder.text}"


@then(phrase("leder länken i {sms:Sms} till besöket"))
def link_leads_to_visit(cast, sms, visit):
    patient = cast.patient_of(visit.id)
    text = patient.expect_invitation(visit) if sms == "kallelsen" else patient.expect_reminder(visit)
    patient.open_invitation(text)
    assert patient.visit_id == visit.id, f"länken i {sms} ledde till besök {patient.visit_id}, inte {visit.id}"


@when(phrase("{patient:Roll} öppnar länken i kallelsen och loggar in med BankID"))
def open_invitation(cast, patient, visit):
    person = cast.by_role(patient)
    person.open_invitation(person.expect_invitation(visit))


@when(phrase("{patient:Roll} checkar in i väntrummet"))
def check_in(cast, patient):
    cast.by_role(patient).check_in()


@then(phrase("ser {patient:Roll} ingen bild från personalen innan hen släpps in"))
def no_picture_before_admission(cast, patient):
    cast.by_role(patient).expect_no_picture_while_waiting()


@then(phrase("ser {role:Roll} att {patient:Roll} väntar i väntrummet"))
@duty(Duty.READ)
def patient_waiting(cast, role, patient, visit):
    cast.by_role(role).expect_patient_waiting(visit)


@then(phrase("ser {role:Roll} inte att {patient:Roll} väntar i väntrummet"))
def patient_not_waiting(cast, role, patient, visit):
    cast.by_role(role).expect_patient_not_waiting(visit)


@when(phrase("{role:Roll} släpper in {patient:Roll}"))
@duty(Duty.MEET)
def admit(cast, role, patient, visit):
    cast.by_role(role).admit(visit)


@then(phrase("kan {role:Roll} inte släppa in {patient:Roll}"))
@refuses(Duty.MEET)
def cannot_admit(cast, role, patient, visit):
    staff = cast.by_role(role)
    offered = staff.visit_action_offered(visit.id, "admit")
    assert offered is None, f"{role} kan släppa in {patient}: {offered}"
    assert_refused(staff.admit_refusal(visit.id), role, f"släppa in {patient}")


@when(phrase("{role:Roll} avslutar besöket"))
@duty(Duty.MEET)
@needs("visit", "errand")
def close_visit(cast, role, request):
    cast.by_role(role).close_visit(visit_id_of(request))


@then(phrase("kan {role:Roll} inte avsluta besöket"))
@refuses(Duty.MEET)
@needs("visit", "errand")
def cannot_close(cast, role, request):
    staff, visit_id = cast.by_role(role), visit_id_of(request)
    offered = staff.visit_action_offered(visit_id, "close")
    assert offered is None, f"{role} kan avsluta besöket: {offered}"
    assert_refused(staff.close_refusal(visit_id), role, "avsluta besöket")


@when(phrase("{role:Roll} lämnar besöket"))
def leave_visit(cast, role):
    cast.by_role(role).leave_visit()


@then(phrase("ser {roles:Roller} att besöket är avslutat"))
@needs("visit", "errand")
def visit_over(cast, roles, request):
    visit_id = visit_id_of(request)
    for actor in cast.by_roles(roles):
        actor.expect_visit_over(visit_id)


@then(phrase("kan {role:Roll} inte längre skriva i chatten"))
@needs("visit", "errand")
def cannot_chat_after_close(cast, role, request):
    still = cast.by_role(role).chat_still_offered(visit_id_of(request))
    assert still is None, f"{role} kan fortfarande skriva i chatten efter avslutat besök: {still}"
