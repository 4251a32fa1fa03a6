"""Steps about chat inside a visit: writing, reading, order, long text, markup and history."""

from pytest_bdd import given, then, when

from steps.phrasing import phrase

# A long message of Swedish text at the chat's limit (4000 characters): letters the region's
# patients write, typographic quotes and dashes, nothing a browser counts as two characters.
_SWEDISH = "Räksmörgås med blåbär och ÅÄÖ åäö – é ü ß «citat» ”citat” 1–2 "
LONG_MESSAGE = (_SWEDISH * (4000 // len(_SWEDISH) + 1))[:3999] + "."


@given(phrase("att patienten och vårdpersonalen chattar i ett ärende hos {unit}"), target_fixture="visit")
def chatting_in_errand(cast, unit):
    cast.engage("vårdpersonalen", unit)
    return cast.clinician.meet_in_chat(cast.patient, unit)


@when(phrase('{role:Roll} skriver "{text}" i chatten'))
def write_in_chat(cast, role, text):
    cast.by_role(role).post_in_chat(text)


@when(phrase("{role:Roll} skriver ett långt meddelande med svenska tecken"), target_fixture="sent_message")
def write_long_message(cast, role):
    cast.by_role(role).post_in_chat(LONG_MESSAGE)
    return LONG_MESSAGE


@when(phrase("{role:Roll} laddar om besöket"))
def reload_visit(cast, role):
    cast.by_role(role).reload_visit()


@then(phrase('ser {role:Roll} meddelandet "{text}" i chatten'))
def sees_chat_message(cast, role, text):
    cast.by_role(role).expect_chat_message(text)


@then(phrase("ser {role:Roll} exakt samma meddelande i chatten"))
def sees_exact_message(cast, role, sent_message):
    last = cast.by_role(role).chat_once_arrived(sent_message)[-1].text
    assert last == sent_message, f"meddelandet ändrades på vägen: {len(last)} tecken kom fram av {len(sent_message)}"


@then(phrase("ser {roles:Roller} chatten i den här ordningen:"))
def sees_chat_in_order(cast, roles, datatable):
    expected = [(cast.by_role(sender).chat_sender, text) for sender, text in datatable[1:]]
    for actor in cast.by_roles(roles):
        shown = [(line.sender, line.text) for line in actor.chat_once_arrived(expected[-1][1])]
        assert shown == expected, f"{actor.role_word} ser chatten i en annan ordning: {shown}"


@then(phrase("har ingen kod från chatten körts hos {role:Roll}"))
def no_code_ran(cast, role):
    problems = cast.by_role(role).injected_code_problems()
    assert not problems, f"chattmeddelandet tolkades som kod hos {role}: " + "; ".join(problems)
