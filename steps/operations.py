"""Steps about operations (förvaltningen): open visits found and closed, the migrated units, Sök vård's paths."""

import allure
import pytest
from pytest_bdd import given, then, when

from steps.phrasing import phrase

from vardmote_qa import allure_safe
from vardmote_qa.actors.operations import Operations
from vardmote_qa.audit import triage
from vardmote_qa.audit.durations import spoken
from vardmote_qa.audit.units_catalogue import read_catalogue
from vardmote_qa.target.interface import VisitStatus
from vardmote_qa.waiting import AUTO_CLOSE_TIMEOUT_S, eventually

AGE_MARGIN_S = 600  # the audit runs moments after the visit was made old; ten minutes covers a slow machine
SHOWN_DIFFERENCES = 12


@pytest.fixture
def operations(target, environment):
    people = Operations(target, environment)
    yield people
    people.close()


@given(phrase("att besöket har stått öppet i {hours:d} timmar"))
@when(phrase("besöket har stått öppet i {hours:d} timmar"))
def visit_left_open(operations, visit, hours):
    operations.make_old(visit, hours)


@given(phrase("att tjänsten stänger besök som varit öppna längre än {hours:d} timmar"))
def service_closes_after(operations, hours):
    operations.let_service_close_after(hours)


@when(phrase("förvaltningen granskar öppna besök äldre än {hours:d} timmar"), target_fixture="open_visits_audit")
def audit_open_visits(operations, hours):
    return operations.audit_open_visits(hours)


@when("förvaltningen stänger besöken i granskningen", target_fixture="open_visits_audit")
def close_found(operations, open_visits_audit):
    return operations.close_found(open_visits_audit)


@then(phrase("finns besöket i granskningen med sin mottagning och en ålder av {hours:d} timmar"))
def visit_found(open_visits_audit, visit, hours):
    found = next((entry for entry in open_visits_audit.visits if entry.id == visit.id), None)
    limit = spoken(open_visits_audit.older_than_s)
    assert found is not None, (f"granskningen av öppna besök äldre än {limit} missade besök {visit.id} på "
                               f"{visit.unit_name}, öppet i {hours} h (hittade {len(open_visits_audit.visits)} "
                               f"besök: {[entry.id for entry in open_visits_audit.visits][:20]})")
    assert found.unit_name == visit.unit_name, f"besök {visit.id} står på {found.unit_name}, inte {visit.unit_name}"
    assert hours * 3600 <= found.age_s < hours * 3600 + AGE_MARGIN_S, (
        f"besök {visit.id} har åldern {spoken(found.age_s)} i granskningen, inte {hours} h")


@then("finns besöket inte i granskningen")
def visit_not_found(open_visits_audit, visit):
    found = [entry for entry in open_visits_audit.visits if entry.id == visit.id]
    assert not found, (f"besök {visit.id} är yngre än gränsen {spoken(open_visits_audit.older_than_s)} men står i "
                       f"granskningen med åldern {spoken(found[0].age_s) if found else ''}")


@then("är besöket avslutat i tjänsten")
def visit_closed(operations, open_visits_audit, visit):
    assert visit.id in open_visits_audit.closed, f"besök {visit.id} stängdes inte: {open_visits_audit.not_closed}"
    status = operations.visit_now(visit).status
    assert status is VisitStatus.CLOSED, f"besök {visit.id} är {status.value} efter stängningen"


@then("stänger tjänsten besöket")
def service_closed(operations, visit):
    def closed():
        status = operations.visit_now(visit).status
        assert status is VisitStatus.CLOSED, f"besök {visit.id} är fortfarande {status.value}"
        return True
    eventually(closed, timeout=AUTO_CLOSE_TIMEOUT_S, description=f"att tjänsten stänger besök {visit.id}")


@given("regionens enhetskatalog", target_fixture="catalogue")
def units_catalogue():
    return read_catalogue()


@when("förvaltningen jämför miljöns enheter med enhetskatalogen", target_fixture="units_audit")
def compare_units(operations, catalogue):
    return operations.compare_units(catalogue)


@then("finns varje enhet i katalogen med rätt inställningar")
def every_unit_right(units_audit):
    differences = units_audit.differences
    shown = "; ".join(difference.sentence() for difference in differences[:SHOWN_DIFFERENCES])
    more = f" … och {len(differences) - SHOWN_DIFFERENCES} till" if len(differences) > SHOWN_DIFFERENCES else ""
    assert not differences, (f"{len(differences)} skillnad(er) mellan katalogens {units_audit.catalogue_units} "
                             f"enheter och miljöns {units_audit.target_units}: {shown}{more}")


@then(phrase("tog jämförelsen mindre än {seconds:d} sekunder"))
def compared_in_time(units_audit, seconds):
    assert units_audit.seconds < seconds, (f"jämförelsen av {units_audit.catalogue_units} enheter tog "
                                           f"{units_audit.seconds:.1f} s")


@then("erbjuds precis katalogens patientinitierade mottagningar med plats på startsidan")
def start_page_as_catalogue(units_offered, catalogue):
    expected = sorted(unit.name for unit in catalogue if unit.patient_initiated and unit.on_start_page)
    offered = sorted(units_offered)
    missing, extra = sorted(set(expected) - set(offered)), sorted(set(offered) - set(expected))
    assert not missing and not extra, f"startsidan saknar {missing} och visar {extra} utöver katalogen"


@given("Sök vårds specifikation av frågeträdet", target_fixture="triage_spec")
def triage_spec():
    return triage.load_spec()


@when("förvaltningen provar varje väg genom frågeträdet i tjänsten", target_fixture="triage_audit")
def walk_triage(operations, triage_spec):
    audit = operations.walk_triage(triage_spec)
    table = triage.as_table(audit, operations.environment.name)
    allure_safe.attach("\n".join(table.summary + [" | ".join(row) for row in table.rows]),
                       "Sök vård: vägtäckning", allure.attachment_type.TEXT)
    return audit


@then("ger varje väg den specificerade prioriteten")
def every_path_right(triage_audit):
    differing = triage_audit.differing
    assert not differing, (f"{len(differing)} av {len(triage_audit.verdicts)} vägar avviker från specifikationen: "
                           + "; ".join(f"{verdict.path.name()}: {verdict.difference}" for verdict in differing))


@then("är varje väg i specifikationen provad")
def every_path_tried(triage_audit):
    not_judged = triage_audit.not_judged
    assert not not_judged, (f"{triage_audit.coverage()}: "
                            + "; ".join(f"{verdict.path.name()}: {verdict.difference}" for verdict in not_judged))
