"""DVM-11: every unit of the catalogue exists in the target with the expected settings, timed."""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass

from ..target.interface import OperationsApi, UnitSettings
from .render import AuditTable
from .units_catalogue import DifferenceKind, UnitDifference, compare


@dataclass(frozen=True)
class UnitsAudit:
    catalogue_units: int
    target_units: int
    differences: list[UnitDifference]
    seconds: float

    def count(self, kind: DifferenceKind) -> int:
        return sum(1 for difference in self.differences if difference.kind is kind)


def audit_units(catalogue: list[UnitSettings], api: OperationsApi) -> UnitsAudit:
    started = time.monotonic()
    actual = api.unit_settings()
    return UnitsAudit(len(catalogue), len(actual), compare(catalogue, actual), time.monotonic() - started)


def as_table(audit: UnitsAudit, environment: str, catalogue: list[UnitSettings]) -> AuditTable:
    administrations = collections.Counter(unit.administration for unit in catalogue)
    summary = [f"Miljö: {environment}",
               f"Enheter i katalogen: {audit.catalogue_units}, i miljön: {audit.target_units}",
               "Förvaltningar: " + ", ".join(f"{name} {count}" for name, count in sorted(administrations.items())),
               f"Patientinitierade: {sum(unit.patient_initiated for unit in catalogue)}, "
               f"varav ej på startsidan: {sum(unit.patient_initiated and not unit.on_start_page for unit in catalogue)}",
               f"Saknas: {audit.count(DifferenceKind.MISSING)}, fel inställning: "
               f"{audit.count(DifferenceKind.WRONG_SETTING)}, inte i katalogen: {audit.count(DifferenceKind.EXTRA)}",
               f"Tid för {audit.catalogue_units} enheter genom API:t: {audit.seconds:.2f} s"]
    rows = [[d.kind.value, d.slug, d.name, d.setting or "", d.expected or "", d.actual or ""]
            for d in audit.differences]
    verdict = (f"{len(audit.differences)} skillnad(er) mellan katalogen och miljön" if audit.differences
               else f"Alla {audit.catalogue_units} enheter finns med rätt inställningar")
    return AuditTable("Enheter mot katalogen", summary, ["Skillnad", "Slug", "Enhet", "Inställning", "Ska vara", "Är"],
                      rows, verdict, ok=not audit.differences)
