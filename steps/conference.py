"""Steps about meetings on the routed video engine (SFU): booking on it, and where its media ran."""

from pytest_bdd import given, parsers, then

from steps.phrasing import VISIT_KINDS, duty, phrase

from vardmote_qa.actors.roles import Duty
from vardmote_qa.media.series import media_stayed_on_this_machine
from vardmote_qa.target.interface import VideoEngine

ENGINES = {"p2p": VideoEngine.P2P, "sfu": VideoEngine.SFU}


@given(phrase('att {role:Roll} har bokat ett {kind:Mötesform} med {patient:Roll} med videomotorn "{engine}"'),
       target_fixture="visit")
@duty(Duty.BOOK)
def booked_visit_on_engine(cast, role, kind, patient, engine):
    assert engine in ENGINES, f"Okänd videomotor '{engine}' (kända: {', '.join(ENGINES)})"
    visit = cast.by_role(role).book_visit_with(cast.by_role(patient), VISIT_KINDS[kind], engine=ENGINES[engine])
    cast.note_booking(visit.id, patient)
    return visit


@then(parsers.parse("gick all media mellan deltagarna inom den här datorn"))
def media_stayed_here(cast):
    for actor in cast.present():
        report = actor.media_report()
        verdict = media_stayed_on_this_machine(report.raw)
        assert verdict is True, (f"{actor.role_word}s media gick inte bara inom den här datorn: "
                                 + ("inget valt kandidatpar i statistiken" if verdict is None
                                    else "ett valt kandidatpar var inte loopback eller datorns egen adress (IPv4)"))
