"""DVM-10: the open visits older than a limit, per unit, and closing them.

Bounded so that it is safe from cron or a CI schedule: at most `max_visits` visits in pages of PAGE_SIZE,
at most `time_limit_s` in all (each request has the API's own timeout too). Reaching a bound makes the
audit incomplete, which is said and has its own exit code, never a silent partial answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..target.interface import OpenVisit, OperationsApi, TargetError
from .durations import spoken
from .render import AuditTable

PAGE_SIZE = 500
DEFAULT_MAX_VISITS = 5000
DEFAULT_TIME_LIMIT_S = 60.0


@dataclass(frozen=True)
class OpenVisitsAudit:
    older_than_s: float
    visits: list[OpenVisit]
    requests: int
    seconds: float
    incomplete: str | None = None  # why the list may be short, in Swedish
    closed: list[int] = field(default_factory=list)
    not_closed: list[str] = field(default_factory=list)  # one sentence per visit that could not be closed

    def per_unit(self) -> dict[str, list[OpenVisit]]:
        units: dict[str, list[OpenVisit]] = {}
        for visit in self.visits:
            units.setdefault(visit.unit_name, []).append(visit)
        return dict(sorted(units.items()))


def audit_open_visits(api: OperationsApi, older_than_s: float, max_visits: int = DEFAULT_MAX_VISITS,
                      time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> OpenVisitsAudit:
    started = time.monotonic()
    visits: list[OpenVisit] = []
    requests, fetched, incomplete = 0, 0, None
    while True:
        if time.monotonic() - started > time_limit_s:
            incomplete = f"tidsgränsen {spoken(time_limit_s)} nåddes efter {len(visits)} besök"
            break
        try:
            page = api.open_visits(older_than_s, fetched, min(PAGE_SIZE, max_visits - fetched))
        except TargetError as error:
            incomplete = f"målmiljön svarade inte som väntat: {error}"
            break
        requests += 1
        fetched += len(page.visits)
        visits += [visit for visit in page.visits if visit.age_s > older_than_s]  # the limit is ours, not only the service's
        if fetched >= page.total or not page.visits:
            break
        if fetched >= max_visits:
            incomplete = f"gränsen {max_visits} besök nåddes; målmiljön har {page.total}"
            break
    return OpenVisitsAudit(older_than_s, visits, requests, time.monotonic() - started, incomplete)


def close_visits(api: OperationsApi, audit: OpenVisitsAudit) -> OpenVisitsAudit:
    """The audit with each of its visits closed (or the reason it could not be)."""
    closed, not_closed = [], []
    for visit in audit.visits:
        try:
            api.close_visit(visit.id)
            closed.append(visit.id)
        except TargetError as error:
            not_closed.append(f"besök {visit.id} på {visit.unit_name}: {error}")
    return OpenVisitsAudit(audit.older_than_s, audit.visits, audit.requests + len(audit.visits), audit.seconds,
                           audit.incomplete, closed, not_closed)


def as_table(audit: OpenVisitsAudit, environment: str) -> AuditTable:
    limit = spoken(audit.older_than_s)
    summary = [f"Miljö: {environment}",
               f"Öppna besök äldre än {limit}: {len(audit.visits)} på {len(audit.per_unit())} enhet(er)",
               f"Frågor till tjänsten: {audit.requests}, tid {audit.seconds:.2f} s"]
    summary += [f"{unit}: {len(visits)} öppna, äldst {spoken(visits[0].age_s)}"
                for unit, visits in audit.per_unit().items()]
    if audit.closed or audit.not_closed:
        summary.append(f"Stängda nu: {len(audit.closed)}; kunde inte stängas: {len(audit.not_closed)}")
        summary += audit.not_closed
    if audit.incomplete:
        summary.append(f"OFULLSTÄNDIG: {audit.incomplete}")
    rows = [[visit.unit_name, str(visit.id), visit.status.value, visit.opened_at, spoken(visit.age_s),
             "stängt" if visit.id in audit.closed else "öppet"]
            for visits in audit.per_unit().values() for visit in visits]
    verdict = (f"Ofullständig granskning: {audit.incomplete}" if audit.incomplete
               else f"{len(audit.visits)} öppna besök äldre än {limit}" if audit.visits
               else f"Inga öppna besök äldre än {limit}")
    return AuditTable("Öppna besök", summary, ["Enhet", "Besök", "Status", "Öppet sedan", "Ålder", "Nu"], rows,
                      verdict, ok=not audit.visits and not audit.incomplete)
