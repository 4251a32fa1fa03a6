"""Steps about the participants' networks: which profile each is on, and a drop in the middle of a visit."""

from pytest_bdd import given, parsers, when

from vardmote_qa.media.profiles import profile_named


@given(parsers.parse('att {role} är på nätet "{profile}"'))
def on_network(cast, role, profile):
    cast.by_role(role).use_network(profile_named(profile))


@when(parsers.parse("besöket pågår i {seconds:d} sekunder"))
def visit_goes_on(cast, seconds):
    cast.present()[0].stay_in_call(seconds)


@when(parsers.parse("nätet försvinner för {role} i {seconds:d} sekunder och kommer tillbaka"))
def network_drops(cast, role, seconds):
    cast.by_role(role).lose_network_for(seconds)
