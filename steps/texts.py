"""Steps about the texts a unit sends: configured invitation and reminder SMS, filled for the visit."""

from pytest_bdd import given, then, when

from steps.phrasing import duty, phrase, refuses

from vardmote_qa.actors.roles import Duty

from vardmote_qa.target.interface import SmsText


@given(phrase('att {unit} har {which:w} "{text}"'), target_fixture="sms_template")
def unit_has_text(cast, unit, which, text):
    cast.administrator.set_unit_text(unit, SmsText(which), text)
    return text


@when(phrase("{role:Roll} skickar en påminnelse om besöket"))
@duty(Duty.BOOK)
def sends_reminder(cast, role, visit):
    cast.by_role(role).send_reminder(visit)


@when(phrase('{role:Roll} försöker ge {unit} {which:w} "{text}"'), target_fixture="refusal")
def tries_text(cast, role, unit, which, text):
    return cast.by_role(role).try_set_unit_text(unit, SmsText(which), text)


@then(phrase("visar SMS-utkorgen för {role:Roll} exakt texten ifylld med besökets uppgifter"))
@duty(Duty.READ)
def outbox_shows_filled_text(cast, role, sms_template, visit):
    found = cast.by_role(role).outbox_text_filled_from(sms_template, visit)
    assert found, f"inget SMS är exakt \"{sms_template}\" ifylld för besök {visit.id}"


@then("innehåller kallelsen inte patientens personnummer")
def no_personnummer_in_invitation(cast, visit):
    patient = cast.patient_of(visit.id)
    text, number = patient.expect_invitation(visit).text, patient.personnummer
    assert number not in text and number[2:] not in text, text


@then(phrase('innehåller kallelsen inte texten "{fragment}"'))
def invitation_without(cast, visit, fragment):
    invitation = cast.patient_of(visit.id).expect_invitation(visit)
    assert fragment not in invitation.text, invitation.text


@then(phrase('nekas texten med beskedet "{message}"'))
def text_refused(refusal, message):
    assert refusal and message in refusal, f"texten nekades inte som väntat: {refusal}"


@then(phrase("kan {role:Roll} inte ändra inställningarna för {unit}"))
@refuses(Duty.CONFIGURE)
def cannot_configure(cast, role, unit):
    assert not cast.by_role(role).may_configure(unit), f"{role} kommer åt inställningarna för {unit}"
