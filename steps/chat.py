"""Steps about chat inside a visit."""

from pytest_bdd import parsers, then, when


@when(parsers.parse('{role} skriver "{text}" i chatten'))
def write_in_chat(cast, role, text):
    cast.by_role(role).write_in_chat(text)


@then(parsers.parse('ser {role} meddelandet "{text}" i chatten'))
def sees_chat_message(cast, role, text):
    cast.by_role(role).expect_chat_message(text)
