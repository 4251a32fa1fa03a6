"""Steps about patient-initiated meetings: units on the start page, errands, the unit's queue, interpreter need."""

from pytest_bdd import given, then, when

from steps.phrasing import ERRAND_KINDS, columns, duty, needs, phrase, visit_id_of

from vardmote_qa.actors.roles import Duty


@given(phrase('att {patient:Roll} har lämnat ärendet "{text}" hos {unit}'), target_fixture="errand")
def errand_left(cast, patient, text, unit):
    return cast.by_role(patient).has_left_errand(unit, text)


@given(phrase("att {role:Roll} har mottagningens kö öppen"), target_fixture="open_queue")
@duty(Duty.READ)
def queue_open(cast, role):
    cast.by_role(role).watch_queue()
    return role


@when(phrase("{role:Roll} loggar in och öppnar startsidan"), target_fixture="units_offered")
def open_start_page(cast, role):
    return cast.by_role(role).units_on_start_page()


@when(phrase("{role:Roll} öppnar {unit} från startsidan"))
def open_unit_from_start_page(cast, role, unit):
    cast.by_role(role).open_unit_from_start_page(unit)


@when(phrase("{role:Roll} öppnar direktlänken till {unit}"))
def open_unit_link(cast, role, unit):
    cast.by_role(role).open_unit_link(unit)


@when(phrase('{role:Roll} lämnar ärendet "{text}" som {kind:Ärendeform}'), target_fixture="errand")
def leave_errand(cast, role, text, kind):
    return cast.by_role(role).leave_errand(text, ERRAND_KINDS[kind])


@when(phrase('{role:Roll} lämnar ärendet "{text}" som {kind:Ärendeform} med tolk på {language}'),
      target_fixture="errand")
def leave_errand_with_interpreter(cast, role, text, kind, language):
    return cast.by_role(role).leave_errand(text, ERRAND_KINDS[kind], language)


@when(phrase('{role:Roll} försöker lämna ärendet "{text}" med tolkbehov men utan språk'))
def errand_without_language(cast, role, text):
    cast.by_role(role).try_errand_without_interpreter_language(text)


@when(phrase("{role:Roll} tar ärendet ur kön"))
@duty(Duty.MEET)
def pick_up(cast, role, errand):
    cast.by_role(role).pick_up(errand)


@then(phrase("erbjuds precis de här mottagningarna:"))
@columns(mottagning="unit")
def exactly_these_units(units_offered, datatable):
    expected = sorted(row[0] for row in datatable[1:])
    assert sorted(units_offered) == expected, f"startsidan erbjuder {sorted(units_offered)}"


@then(phrase("erbjuds inte {unit}"))
def unit_not_offered(units_offered, unit):
    assert unit not in units_offered, f"{unit} syns på startsidan"


@then(phrase("ser {role:Roll} att ärendet står i kön"))
def errand_queued(cast, role):
    cast.by_role(role).expect_errand_queued()


@then(phrase("ser {role:Roll} ärendet i kön"))
@duty(Duty.READ)
def errand_in_queue(cast, role, errand):
    cast.by_role(role).expect_errand_in_queue(errand)


@then(phrase("ser {role:Roll} inte ärendet i kön"))
def errand_not_in_queue(cast, role, errand):
    cast.by_role(role).expect_errand_not_in_queue(errand)


@then(phrase("ser {role:Roll} att kön är tom"))
@duty(Duty.READ)
def queue_empty(cast, role):
    cast.by_role(role).expect_queue_empty()


@then(phrase("ser {role:Roll} att mötet pågår"))
@needs("visit", "errand")
def meeting_in_progress(cast, role, request):
    cast.by_role(role).expect_meeting_in_progress(visit_id_of(request))


@then(phrase("ser {role:Roll} tolkbehovet {language} i kön"))
@duty(Duty.READ)
def interpreter_in_queue(cast, role, language, errand):
    cast.by_role(role).expect_interpreter_in_queue(errand, language)


@then(phrase("ser {role:Roll} tolkbehovet {language} i mötet"))
@duty(Duty.READ)
def interpreter_in_meeting(cast, role, language, errand):
    cast.by_role(role).expect_interpreter_in_meeting(errand, language)


@then(phrase("ser {role:Roll} att ärendet inte har något tolkbehov"))
@duty(Duty.READ)
def no_interpreter(cast, role, errand):
    cast.by_role(role).expect_no_interpreter_in_queue(errand)


@then(phrase("ombeds {role:Roll} välja tolkspråk"))
def asked_for_language(cast, role):
    cast.by_role(role).expect_asked_for_interpreter_language()


@then(phrase("dyker ärendet upp i kön hos {role:Roll}"))
@duty(Duty.READ)
def errand_arrives(cast, role, errand, open_queue):
    assert open_queue == role, f"det är {open_queue} som har kön öppen, inte {role}"
    cast.by_role(role).expect_errand_arriving(errand)


@then(phrase("har ingen kod från ärendet körts hos {role:Roll}"))
@duty(Duty.READ)
def no_code_from_errand(cast, role, errand):
    problems = cast.by_role(role).injected_code_in_queue()
    assert not problems, f"ärendetexten tolkades som kod hos {role}: " + "; ".join(problems)
