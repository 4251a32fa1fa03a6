"""Steps about meetings on the routed video engine (SFU): booking on it, conferences, where its media ran.

A conference is a meeting of several: who receives whom (every receiver, every sender) and the names shown."""

from pytest_bdd import given, parsers, then, when

from steps.phrasing import VISIT_KINDS, duty, needs, phrase, visit_id_of

from vardmote_qa.actors.meeting import expect_everyone_receives_everyone, identity_numbers_shown, judge_meeting
from vardmote_qa.actors.participant import Participant
from vardmote_qa.actors.patient import Patient
from vardmote_qa.actors.roles import Duty
from vardmote_qa.media.effect import MachineOverloaded
from vardmote_qa.media.series import media_stayed_on_this_machine, split_page
from vardmote_qa.media.tiers import Tier
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


@given(phrase("att {role:Roll} har bokat ett gruppmöte med {patients:Roller}"), target_fixture="visit")
@duty(Duty.BOOK)
def booked_conference(cast, role, patients):
    people = cast.by_roles(patients)
    visit = cast.by_role(role).book_conference_with(people, names=patients)
    cast.note_booking(visit.id, people[0].role_word)  # "kallelsen" of the visit is the first patient's
    return visit


def _in_meeting(cast, visit_id: int) -> list[Participant]:
    return [actor for actor in cast.present() if isinstance(actor, Participant) and actor.in_meeting(visit_id)]


def _at_least_two(present: list[Participant]) -> list[Participant]:
    assert len(present) >= 2, f"bara {len(present)} deltagare är i mötet: {', '.join(a.role_word for a in present)}"
    return present


@then(parsers.parse("ser och hör var och en i mötet alla andra i mötet"))
@needs("visit", "errand")
def everyone_receives_everyone(cast, request):
    """Everyone whose page is on the meeting now: each receiver checks each other sender, from its own stats."""
    expect_everyone_receives_everyone(_at_least_two(_in_meeting(cast, visit_id_of(request))))


@then(parsers.parse('är videokvaliteten "{tier}" för var och en i mötet från alla andra'))
@needs("visit", "errand")
def meeting_quality_is(cast, video_visit, tier, request):
    """The visit's verdict per receiver and per sender: every pair at the tier; a pair the machine could not
    judge refuses the verdict (counted and named), as a two-party visit's does."""
    expected = Tier.from_swedish(tier)
    result = judge_meeting(_at_least_two(_in_meeting(cast, visit_id_of(request))), video_visit)
    if result.cannot_judge:
        raise MachineOverloaded(f"Videokvaliteten kan inte bedömas för {len(result.not_judged())} av "
                                f"{len(result.pairs)} par: " + "; ".join(result.overloaded)
                                + ". Kör om scenariot när datorn är mindre belastad.")
    other = [pair for pair in result.pairs if pair.tier is not expected]
    assert not other, (f"Videokvaliteten är inte {tier} för var och en från alla andra: "
                       + "; ".join(f"{pair.reason} ({pair.tier.swedish})" for pair in other) + ".")


@then(parsers.parse("ser patienterna i mötet varandra med namn, aldrig med personnummer"))
def patients_see_names_only(cast, visit):
    present = _in_meeting(cast, visit.id)
    patients = [actor for actor in present if isinstance(actor, Patient)]
    assert len(patients) >= 2, f"bara {len(patients)} patienter är i mötet"
    numbers = [patient.personnummer for patient in patients]
    keys = {actor.role_word: split_page(actor.meeting_page().raw).self_key for actor in present}
    for patient in patients:
        names = patient.shown_names()
        others = [p.role_word for p in patients if p is not patient]
        unnamed = [other for other in others if not (names.get(keys[other]) or "").strip()]
        assert not unnamed, f"{patient.role_word} ser inget namn för {', '.join(unnamed)} (visas: {names})"
        shown = identity_numbers_shown(names, numbers)
        assert not shown, f"{patient.role_word} ser ett personnummer bland namnen i mötet: {shown}"


@when(phrase("{patient:Roll} kommer tillbaka till mötet"))
def returns_to_meeting(cast, patient, visit):
    cast.by_role(patient).return_to_visit(visit.id)
