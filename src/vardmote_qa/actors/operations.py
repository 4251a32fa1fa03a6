"""Operations (förvaltningen): the people who run the recurring audits of a service, through its API.

They need no browser: they list open visits and close them, set the service's automatic close, compare the
units with the region's catalogue and walk Sök vård's question tree. What they change (an automatic close,
a visit made old for a scenario) is put back when the scenario ends, so that scenarios sharing one target
stay independent.
"""

from __future__ import annotations

import functools
from typing import Callable

from ..audit import open_visits, triage, units
from ..audit.capability import operations_api, triage_api
from ..config import Environment
from ..target.interface import OperationsApi, StaffApi, Target, UnitSettings, Visit
from .narration import step_title


class Operations:
    role_word = "förvaltningen"

    def __init__(self, target: Target, environment: Environment):
        self.target = target
        self.environment = environment
        self._undo: list[Callable[[], None]] = []

    @functools.cached_property
    def api(self) -> OperationsApi:
        return operations_api(self.target, self.environment)

    @functools.cached_property
    def _staff_api(self) -> StaffApi:
        admin = self.environment.admin
        return self.target.staff_api(admin.username, admin.password)

    @step_title("besök {visit.id} har stått öppet i {hours} timmar")
    def make_old(self, visit: Visit, hours: float) -> None:
        self.api.backdate_visit(visit.id, hours)
        self._undo.append(lambda: self.api.close_visit(visit.id))

    @step_title("förvaltningen granskar öppna besök äldre än {hours} timmar")
    def audit_open_visits(self, hours: float) -> open_visits.OpenVisitsAudit:
        return open_visits.audit_open_visits(self.api, hours * 3600)

    @step_title("förvaltningen stänger besöken i granskningen")
    def close_found(self, audit: open_visits.OpenVisitsAudit) -> open_visits.OpenVisitsAudit:
        return open_visits.close_visits(self.api, audit)

    @step_title("förvaltningen låter tjänsten stänga besök öppna längre än {hours} timmar")
    def let_service_close_after(self, hours: float) -> None:
        self.api.set_auto_close(hours)
        self._undo.append(lambda: self.api.set_auto_close(None))

    @step_title("förvaltningen läser besök {visit.id}")
    def visit_now(self, visit: Visit) -> Visit:
        return self._staff_api.visit(visit.id)

    @step_title("förvaltningen jämför miljöns enheter med enhetskatalogen")
    def compare_units(self, catalogue: list[UnitSettings]) -> units.UnitsAudit:
        return units.audit_units(catalogue, self.api)

    @step_title("förvaltningen provar varje väg genom {spec.name}")
    def walk_triage(self, spec: triage.TriageSpec) -> triage.TriageAudit:
        return triage.verify(spec, triage_api(self.target, self.environment))

    def close(self) -> None:
        while self._undo:
            self._undo.pop()()
