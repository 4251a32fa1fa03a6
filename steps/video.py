"""Steps about what the participants see and hear, and the measured quality of the video visit."""

import pytest
from pytest_bdd import given, parsers, then

from vardmote_qa.media.assessment import VisitAssessment
from vardmote_qa.media.tiers import Tier
from vardmote_qa.media.verdict import LABELS_SV
from vardmote_qa.waiting import VIDEO_RECOVERY_TIMEOUT_S, NotYet, expect_within


def _scenario_label(request) -> str:
    """The scenario's name with the outline's example values filled in: stable, so file names are too."""
    name = (request.node.function.__doc__ or request.node.name).split(": ", 1)[-1]
    example = request.getfixturevalue("_pytest_bdd_example") if "_pytest_bdd_example" in request.fixturenames else {}
    for key, value in (example or {}).items():
        name = name.replace(f"<{key}>", str(value))
    return name


@pytest.fixture
def video_visit(request, cast, run_dir) -> VisitAssessment:
    tags = tuple(sorted({marker.name for marker in request.node.iter_markers()}))
    return VisitAssessment(cast.present, run_dir, _scenario_label(request), tags)


@pytest.fixture
def sandbox_faults(target, environment):
    """The sandbox's fault switches, all turned off again after the scenario."""
    admin = target.staff_api(environment.admin.username, environment.admin.password)
    if not hasattr(admin, "set_faults"):
        pytest.skip("Målmiljön har inga felinjiceringar (det har bara sandlådan).")
    yield admin
    admin.set_faults(degrade_video=False)


@then(parsers.parse("ser och hör {roles} varandra"))
def see_and_hear_each_other(cast, roles):
    for actor in cast.by_roles(roles):
        problems = actor.observe_call().problems()
        assert not problems, f"{actor.role_word} ser eller hör inte den andra parten: " + "; ".join(problems)


@given("att videomotorn är försämrad")
def degraded_video_engine(sandbox_faults):
    sandbox_faults.set_faults(degrade_video=True)


@then(parsers.parse('är videokvaliteten "{tier}"'))
def video_quality_is(video_visit, tier):
    result = video_visit.result()
    assert result.tier is Tier.from_swedish(tier), (
        f"Videokvaliteten blev {result.tier.swedish}, inte {tier}. {result.verdict.reason}")


@then(parsers.parse('är videokvaliteten "{tier}" på grund av {label}'))
def video_quality_is_because_of(video_visit, tier, label):
    """Only that measure may carry the verdict: a visit that failed for another reason fails the step."""
    result = video_visit.result()
    expected = Tier.from_swedish(tier)
    measure_ids = [mid for mid, text in LABELS_SV.items() if text == label.strip()]
    assert measure_ids, f"Okänt mått '{label}' (kända: {', '.join(LABELS_SV.values())})"
    resting_on = {measure_id for _role, measure_id in result.verdict.measures_at_worst()}
    assert result.tier is expected and resting_on == {measure_ids[0]}, (
        f"Videokvaliteten blev {result.tier.swedish} på grund av "
        f"{', '.join(LABELS_SV[m] for m in sorted(resting_on)) or 'inget mått'}, inte {tier} på grund av "
        f"{label}. {result.verdict.reason}")


@then(parsers.parse('är videokvaliteten minst "{tier}" för {role}'))
def video_quality_at_least_for(video_visit, cast, tier, role):
    result = video_visit.result()
    actor = cast.by_role(role)
    by_measure = result.verdict.measures.get(actor.role_word, {})
    too_low = [m for m in by_measure.values() if m.tier.rank > Tier.from_swedish(tier).rank]
    assert by_measure and not too_low, (
        f"Videokvaliteten hos {actor.role_word} är inte minst {tier}. {result.verdict.reason}")


@then(parsers.parse('återhämtar sig videon minst "{tier}" efter avbrottet'))
def video_recovers(video_visit, tier):
    """Waits, up to a named bound, for every participant's recovery to reach the tier: written right after
    the network comes back, the recovery has not happened yet, and judging what was sampled so far would
    say "never"."""
    wanted = Tier.from_swedish(tier).rank

    def recovery_per_role():
        verdict = video_visit.so_far().verdict
        return {role: by_measure.get("recovery_s") for role, by_measure in verdict.measures.items()}

    def recovered(recovery) -> bool:
        return bool(recovery) and all(m is not None and m.tier.rank <= wanted for m in recovery.values())

    def describe(recovery) -> str:
        return ", ".join(f"{role}: {'aldrig' if m is None or m.value is None else f'{m.value:.1f} s'}"
                         for role, m in recovery.items()) or "inga deltagare"

    try:
        expect_within(recovery_per_role, recovered, bound_s=VIDEO_RECOVERY_TIMEOUT_S,
                      what=f"videon återhämtad minst {tier} efter avbrottet", describe=describe)
    except NotYet as not_yet:
        raise AssertionError(f"Videon återhämtade sig inte {tier}: {not_yet}. "
                             f"{video_visit.result().verdict.reason}") from None
    video_visit.result()  # the verdict kept and written as evidence; refuses a visit that cannot be judged
