"""Seed data: units, staff with roles, and synthetic test patients.

Units: the fourteen that offer patient-initiated meetings in the region's final report, a set of ordinary
units (provider-initiated meetings only) and MiniMaria, read from units/named.csv.
"""

from __future__ import annotations

from dataclasses import dataclass

from .identities import synthetic_personnummer
from .units_catalogue import YES, named_rows

# The sandbox's well-known password for every seeded staff account. It is a sandbox: documented here
# and printed by `vmqa sandbox`. Real environments take their secrets from environment variables.
SANDBOX_STAFF_PASSWORD = "sandlada"


@dataclass(frozen=True)
class UnitSeed:
    slug: str
    name: str
    administration: str
    patient_initiated: bool
    on_start_page: bool


# The units the region's report and the acceptance suites name: the fourteen patient-initiated units (two
# of them reached by direct link only), the ordinary units the scenarios book at, and MiniMaria (addiction
# care for young people, the one unit that lets a patient in without identity). They are written once, in
# units/named.csv, which the platform's catalogue generator starts from too.
_NAMED = named_rows()
ALL_UNITS = [UnitSeed(row["slug"], row["namn"], row["förvaltning"], row["patientinitierat"] == YES,
                      row["startsida"] == YES) for row in _NAMED]
ANONYMOUS_UNIT_SLUGS = tuple(row["slug"] for row in _NAMED if row["anonym"] == YES)


@dataclass(frozen=True)
class StaffSeed:
    username: str
    name: str
    title: str
    roles: tuple[tuple[str, str], ...]  # (unit slug, role)


STAFF = [
    StaffSeed("anna.lund", "Anna Lund", "Distriktssköterska",
              (("vardcentralen-hisingen", "vardpersonal"), ("halsocoach-online", "vardpersonal"))),
    StaffSeed("erik.berg", "Erik Berg", "Läkare", (("vardcentralen-hisingen", "vardpersonal"),)),
    StaffSeed("sara.holm", "Sara Holm", "Barnmorska", (("barnmorskemottagningen-online", "vardpersonal"),)),
    StaffSeed("omar.nilsson", "Omar Nilsson", "Kurator", (("ungdomsmottagningen", "vardpersonal"),)),
    StaffSeed("lena.ek", "Lena Ek", "Tandhygienist", (("folktandvarden", "vardpersonal"),)),
    StaffSeed("mira.lind", "Mira Lind", "Behandlare", (("minimaria", "vardpersonal"),)),
    StaffSeed("ida.sjo", "Ida Sjö", "Medicinsk sekreterare", (("ungdomsmottagningen", "sekreterare"),)),
    StaffSeed("per.ahl", "Per Åhl", "Enhetsadministratör", (("ungdomsmottagningen", "enhetsadmin"),)),
    StaffSeed("admin", "Maria Admin", "Systemförvaltare", (("*", "admin"),)),
]


@dataclass(frozen=True)
class PatientSeed:
    personnummer: str
    name: str
    phone: str


PATIENT_NAMES = ["Tove Testsson", "Ali Provare", "Karin Exempel", "Nils Sandlåda", "Fatima Fiktiv",
                 "Olle Påhittad", "Ebba Övning", "Johan Demo"]

PATIENTS = [PatientSeed(synthetic_personnummer(index), name, f"+4670000{index:04d}")
            for index, name in enumerate(PATIENT_NAMES)]
