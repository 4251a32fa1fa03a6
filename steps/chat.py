"""Steps about chat inside a visit: writing, reading, order, long text, markup and history."""

from pytest_bdd import given, then, when

from steps.phrasing import columns, duty, engages, needs, phrase, visit_id_of

from vardmote_qa.actors.roles import Duty

# A long message of Swedish text at the chat's limit (4000 characters): letters the region's
# patients write, typographic quotes and dashes, nothing a browser counts as two characters.
_SWEDISH = "Räksmörgås med blåbär och ÅÄÖ åäö – é ü ß «citat» ”citat” 1–2 "
LONG_MESSAGE = (_SWEDISH * (4000 // len(_SWEDISH) + 1))[:3999] + "."


def _in_the_visit(cast, role, request):
    """The person, on the page of the visit they are in, or else of the scenario's visit ("besöket")."""
    actor = cast.by_role(role)
    visit_id = actor.visit_id or visit_id_of(request)
    assert actor.on_visit(visit_id), f"{role} kommer inte åt besök {visit_id}"
    return actor


@given(phrase("att {patient:Roll} och {role:Roll} chattar i ett ärende hos {unit}"), target_fixture="visit")
@duty(Duty.MEET)
@engages
def chatting_in_errand(cast, patient, role, unit):
    return cast.engage(role, unit).meet_in_chat(cast.by_role(patient), unit)


@when(phrase('{role:Roll} skriver "{text}" i chatten'))
@needs("visit", "errand")
def write_in_chat(cast, role, text, request):
    _in_the_visit(cast, role, request).post_in_chat(text)


@when(phrase("{role:Roll} skriver ett långt meddelande med svenska tecken"), target_fixture="sent_message")
@needs("visit", "errand")
def write_long_message(cast, role, request):
    _in_the_visit(cast, role, request).post_in_chat(LONG_MESSAGE)
    return LONG_MESSAGE


@when(phrase("{role:Roll} laddar om besöket"))
def reload_visit(cast, role):
    cast.by_role(role).reload_visit()


@then(phrase('ser {role:Roll} meddelandet "{text}" i chatten'))
@needs("visit", "errand")
def sees_chat_message(cast, role, text, request):
    _in_the_visit(cast, role, request).expect_chat_message(text)


@then(phrase("ser {role:Roll} exakt samma meddelande i chatten"))
def sees_exact_message(cast, role, sent_message):
    last = cast.by_role(role).chat_once_arrived(sent_message)[-1].text
    assert last == sent_message, f"meddelandet ändrades på vägen: {len(last)} tecken kom fram av {len(sent_message)}"


@then(phrase("ser {roles:Roller} chatten i den här ordningen:"))
@columns(avsändare="role", meddelande="text")
def sees_chat_in_order(cast, roles, datatable):
    expected = [(cast.by_role(sender).chat_sender, text) for sender, text in datatable[1:]]
    for actor in cast.by_roles(roles):
        shown = [(line.sender, line.text) for line in actor.chat_once_arrived(expected[-1][1])]
        assert shown == expected, f"{actor.role_word} ser chatten i en annan ordning: {shown}"


@then(phrase("har ingen kod från chatten körts hos {role:Roll}"))
def no_code_ran(cast, role):
    problems = cast.by_role(role).injected_code_problems()
    assert not problems, f"chattmeddelandet tolkades som kod hos {role}: " + "; ".join(problems)
