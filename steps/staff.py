"""Steps about staff: where they work, what their role lets them do, what they may reach."""

from pytest_bdd import given, then

from steps.phrasing import assert_refused, engages, needs, phrase, refuses, visit_id_of

from vardmote_qa.actors.roles import Duty


@given(phrase("att {role:Roll} arbetar på {unit}"))
@engages
def works_at(cast, role, unit):
    cast.engage(role, unit)


@then(phrase("ser {role:Roll} att rollen inte ger behörighet att ta ärenden"))
@refuses(Duty.MEET)
def no_queue_right(cast, role):
    cast.by_role(role).expect_no_queue_right()


@then(phrase("kan {role:Roll} inte ta ärendet"))
@refuses(Duty.MEET)
def cannot_pick_up(cast, role, errand):
    # Holds whatever the reason: a role that cannot even see the errand cannot take it either (stronger).
    staff = cast.by_role(role)
    offered = staff.pick_up_offered(errand)
    assert offered is None, f"{role} erbjuds att ta ärendet: {offered}"
    assert_refused(staff.pick_up_refusal(errand), role, "ta ärendet")


@then(phrase("ser {role:Roll} inga besök"))
def sees_no_visits(cast, role):
    count = cast.by_role(role).visible_visit_count()
    assert count == 0, f"{role} ser {count} besök"


@then(phrase("kan {role:Roll} inte öppna ärendet"))
def cannot_open_errand(cast, role, errand):
    cast.by_role(role).expect_visit_unreachable(errand.visit_id)


@then(phrase("kan {role:Roll} inte öppna besöket"))
@needs("visit", "errand")
def cannot_open_visit(cast, role, request):
    cast.by_role(role).expect_visit_unreachable(visit_id_of(request))


@then(phrase("kan {role:Roll} inte längre öppna sitt ärende"))
def cannot_reopen_errand(cast, role, errand):
    cast.by_role(role).expect_visit_unreachable(errand.visit_id)
