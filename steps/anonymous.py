"""Steps about anonymous login: no identity shown, nothing kept that ties the visit to a person."""

from pytest_bdd import then, when

from steps.phrasing import phrase


@when(phrase("{role:Roll} fortsätter anonymt"))
def continue_anonymously(cast, role):
    cast.by_role(role).continue_anonymously()


@then(phrase("erbjuds {role:Roll} inte att fortsätta anonymt"))
def no_anonymous_option(cast, role):
    cast.by_role(role).expect_no_anonymous_option()


@then(phrase("ser {role:Roll} ingen identitet för patienten"))
def no_identity_shown(cast, role, errand):
    problems = cast.by_role(role).identity_shown_for(errand)
    assert not problems, "patientens identitet syns: " + "; ".join(problems)


@then("knyter inget i tjänsten besöket till en person")
def nothing_ties_the_visit(cast, errand):
    ties = cast.administrator.personal_data_of(errand.visit_id).ties()
    assert not ties, "besöket går att knyta till en person genom: " + ", ".join(ties)


@then(phrase("ser {role:Roll} bara sitt eget ärende"))
def only_own_errand(cast, role):
    count = cast.by_role(role).my_visit_count()
    assert count == 1, f"{role} ser {count} besök, inte bara sitt eget ärende"
