"""Steps about guests and physical meetings.

The physical meeting (DVM-06): the patient is in the room and gets nothing digital. Guests (a relative, an
interpreter) join by a link of their own, without BankID, to that one visit only, until it ends.
`{guest:Gäst}` matches only the guests' role words.
"""

from pytest_bdd import given, then, when

from steps.phrasing import duty, needs, phrase, visit_id_of

from vardmote_qa.actors.roles import Duty
from vardmote_qa.target.interface import VisitKind
from vardmote_qa.target.sandbox import protocol


# -- arranging ----------------------------------------------------------------------------------------------
@given(phrase("att {role:Roll} har bokat ett fysiskt besök med {patient:Roll}"), target_fixture="visit")
@duty(Duty.BOOK)
def booked_physical(cast, role, patient):
    visit = cast.by_role(role).book_physical_visit_with(cast.by_role(patient))
    cast.note_booking(visit.id, patient)
    return visit


@given(phrase("att {role:Roll} har startat det fysiska besöket"))
@duty(Duty.MEET)
def started_physical(cast, role, visit):
    cast.by_role(role).has_started(visit.id)


@given(phrase("att {role:Roll} har bjudit in {guest:Gäst} till besöket"))
@duty(Duty.BOOK)
@needs("visit", "errand")
def has_invited(cast, role, guest, request):
    cast.by_role(role).has_invited(cast.by_role(guest), visit_id_of(request))


@given(phrase("att {role:Roll} har ett annat besök med {patient:Roll}"), target_fixture="other_visit")
@duty(Duty.BOOK)
def other_visit(cast, role, patient):
    return cast.by_role(role).book_visit_with(cast.by_role(patient), VisitKind.VIDEO)


@given(phrase('att {patient:Roll} har lämnat ärendet "{text}" med tolk på {language} hos {unit}'),
       target_fixture="errand")
def errand_with_interpreter(cast, patient, text, unit, language):
    return cast.by_role(patient).has_left_errand(unit, text, language)


# -- acting -------------------------------------------------------------------------------------------------
@when(phrase("{role:Roll} startar det fysiska besöket"))
@duty(Duty.MEET)
def start_physical(cast, role, visit):
    cast.by_role(role).start_physical_visit(visit.id)


@when(phrase("{role:Roll} bjuder in {guest:Gäst} till besöket"))
@duty(Duty.BOOK)
@needs("visit", "errand")
def invite(cast, role, guest, request):
    cast.by_role(role).invite(cast.by_role(guest), visit_id_of(request))


@when(phrase("{guest:Gäst} ansluter till besöket med sin länk"))
@needs("visit", "errand")
def join_by_link(cast, guest, request):
    cast.by_role(guest).join_by_link(visit_id_of(request))


@when(phrase("{role:Roll} ansluter digitalt till besöket"))
@needs("visit", "errand")
def join_digitally(cast, role, request):
    cast.by_role(role).open_visit(visit_id_of(request))


@when(phrase("{guest:Gäst} öppnar sin gästlänk"), target_fixture="answer")
@needs("visit", "errand")
def open_guest_link(cast, probes, guest, request):
    link = cast.by_role(guest).link(visit_id_of(request))  # read first: the probe opens with the link's session
    return probes.of(guest).open_guest_link(link)


# -- checking -----------------------------------------------------------------------------------------------
@then(phrase("har {guest:Gäst} fått en länk till besöket i SMS"))
@needs("visit", "errand")
def guest_has_link(cast, guest, request):
    sms = cast.by_role(guest).expect_link(visit_id_of(request))
    assert "/k/" not in sms.link, f"{guest} fick patientens kallelselänk, inte en egen: {sms.text}"


@then(phrase("har {patient:Roll} inte fått något SMS om besöket"))
def patient_got_no_sms(cast, patient, visit):
    texts = cast.by_role(patient).texts_about(visit)
    assert not texts, (f"{patient} fick SMS om det fysiska besöket, fast hen är på plats: "
                       + "; ".join(f"'{sms.text}' till {sms.phone}" for sms in texts))


@then(phrase("ser {role:Roll} att {guest:Gäst} är inbjuden"))
@duty(Duty.BOOK)
@needs("visit", "errand")
def guest_listed(cast, role, guest, request):
    invited, name = cast.by_role(role).invited_guests(visit_id_of(request)), cast.by_role(guest).name
    assert any(name in entry for entry in invited), f"{role} ser inte {guest} bland de inbjudna: {invited}"


@then(phrase("kommer {guest:Gäst} inte åt det andra besöket"))
def other_visit_refused(probes, guest, other_visit):
    probing = probes.of(guest)
    answers = {"API:t": probing.read_visit(other_visit.id), "besökssidan": probing.visit_page(other_visit.id)}
    wrong = {where: str(answer) for where, answer in answers.items()
             if answer.status != 404 or protocol.VISIT_NOT_FOUND not in answer.detail}
    code = probing.open_socket(other_visit.id)
    if code != protocol.REFUSED_SOCKET_CODES["not_found"]:
        wrong["mötets förbindelse"] = f"kod {code}"
    assert not wrong, f"hål: {guest}s gästlänk öppnar ett annat besök än det egna: {wrong}"


@then("säger tjänsten att gästlänken inte gäller")
def guest_link_ended(answer):
    assert answer.status == protocol.GUEST_LINK_ENDED_STATUS and protocol.GUEST_LINK_ENDED in answer.detail, \
        f"hål: gästlänken fungerar efter att mötet avslutats (svar: {answer})"


@then(phrase("ser {guest:Gäst} att mötet behöver tolk på {language}"))
@needs("visit", "errand")
def interpreter_sees_language(cast, guest, language, request):
    cast.by_role(guest).expect_language_of_meeting(visit_id_of(request), language)


@then(phrase("får {guest:Gäst} inte veta patientens personnummer"))
@needs("visit", "errand")
def no_identity_for_guest(cast, guest, request):
    visit_id = visit_id_of(request)
    number = cast.patient_of(visit_id).personnummer
    shown = cast.by_role(guest).visit_text(visit_id)
    assert number not in shown and number[2:] not in shown, f"{guest} ser patientens personnummer i besöket"


@when(phrase("{role:Roll} öppnar besöket"))
@needs("visit", "errand")
def open_visit(cast, role, request):
    cast.by_role(role).open_visit(visit_id_of(request))
