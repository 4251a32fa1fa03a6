"""Steps about consent per page: a unit requires it, the patient has not given it, then gives it."""

from pytest_bdd import given, then, when

from steps.phrasing import phrase

from vardmote_qa.target.interface import ConsentPage


@given(phrase("att {unit} kräver samtycke på {page:w}"), target_fixture="consent_text")
def unit_requires_consent(cast, unit, page):
    text = f"Jag samtycker till att {unit} behandlar mina uppgifter i det här ärendet."
    cast.administrator.require_consent(unit, ConsentPage(page), text)
    return text


@given(phrase("att {role:Roll} inte har samtyckt på {page:w} hos {unit}"))
def consent_not_given(cast, role, page, unit):
    cast.by_role(role).withdraw_consent(unit, ConsentPage(page))


@when(phrase("{role:Roll} samtycker"))
def gives_consent(cast, role):
    cast.by_role(role).consent()


@then(phrase("ombeds {role:Roll} samtycka men ser inte ärendeformuläret"))
def consent_before_errand_form(cast, role, consent_text):
    cast.by_role(role).expect_consent_request(consent_text)
    cast.by_role(role).expect_no_errand_form()


@then(phrase("ombeds {role:Roll} samtycka men ser inget av besöket"))
def consent_before_visit(cast, role, consent_text):
    cast.by_role(role).expect_consent_request(consent_text)
    cast.by_role(role).expect_no_visit_content()


@then(phrase("ser {role:Roll} ärendeformuläret"))
def errand_form_shown(cast, role):
    cast.by_role(role).expect_errand_form()
