"""Steps about what the participants see and hear."""

from pytest_bdd import parsers, then


@then(parsers.parse("ser och hör {roles} varandra"))
def see_and_hear_each_other(cast, roles):
    for actor in cast.by_roles(roles):
        problems = actor.observe_call().problems()
        assert not problems, f"{actor.role_word} ser eller hör inte den andra parten: " + "; ".join(problems)
