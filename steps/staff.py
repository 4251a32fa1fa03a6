"""Steps about staff: where they work, what their role lets them do, what they may reach."""

from pytest_bdd import given, then

from steps.phrasing import phrase

@given(phrase("att {role:Roll} arbetar på {unit}"))
def works_at(cast, role, unit):
    cast.engage(role, unit)

@then(phrase("ser {role:Roll} att rollen inte ger behörighet att ta ärenden"))
def no_queue_right(cast, role):
    cast.by_role(role).expect_no_queue_right()

@then(phrase("kan {role:Roll} inte ta ärendet"))
def cannot_pick_up(cast, role, errand):
    cast.by_role(role).expect_cannot_pick_up_on_screen(errand)
    assert cast.by_role(role).pick_up_refused_by_service(errand), f"tjänsten lät {role} ta ärendet"

@then(phrase("ser {role:Roll} inga besök"))
def sees_no_visits(cast, role):
    count = cast.by_role(role).visible_visit_count()
    assert count == 0, f"{role} ser {count} besök"

@then(phrase("kan {role:Roll} inte öppna ärendet"))
def cannot_open_errand(cast, role, errand):
    cast.by_role(role).expect_visit_unreachable(errand.visit_id)

@then(phrase("kan {role:Roll} inte öppna besöket"))
def cannot_open_visit(cast, role, visit):
    cast.by_role(role).expect_visit_unreachable(visit.id)

@then(phrase("kan {role:Roll} inte längre öppna sitt ärende"))
def cannot_reopen_errand(cast, role, errand):
    cast.by_role(role).expect_visit_unreachable(errand.visit_id)
