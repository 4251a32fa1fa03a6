"""Seed data: units, staff with roles, and synthetic test patients.

Units: the fourteen that offer patient-initiated meetings in the region's final report, and a set of
ordinary units (provider-initiated meetings only) so that lists look like the real catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from .identities import synthetic_personnummer

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


PATIENT_INITIATED_UNITS = [
    UnitSeed("folktandvarden", "Folktandvården", "Folktandvården", True, True),
    UnitSeed("halsocoach-online", "Hälsocoach online", "Primärvården", True, True),
    UnitSeed("far-mottagningen-online", "FaR-mottagningen online", "Primärvården", True, True),
    UnitSeed("amningsmottagningen", "Amningsmottagningen (NÄL, SäS, SU)", "Sjukhusen", True, True),
    UnitSeed("barnmorskemottagningen-online",
             "Barnmorskemottagningen online (Fyrbodal, Göteborg, Skaraborg och Södra Älvsborg)",
             "Primärvården", True, True),
    UnitSeed("graviditetsdiabetesmottagningen", "Graviditetsdiabetesmottagningen", "Sjukhusen", True, True),
    UnitSeed("foraldraradgivning-online", "Föräldrarådgivning online", "Primärvården", True, True),
    UnitSeed("neonatal-sjukvard-i-hemmet", "Neonatal sjukvård i hemmet", "Sjukhusen", True, True),
    UnitSeed("mottagningen-for-unga-man", "Mottagningen för unga män", "Primärvården", True, True),
    UnitSeed("ungas-psykiska-halsa", "Ungas psykiska hälsa", "Primärvården", True, True),
    UnitSeed("ungdomsmottagningen", "Ungdomsmottagningen", "Primärvården", True, True),
    UnitSeed("ung-utsatt", "Ung utsatt", "Primärvården", True, True),
    UnitSeed("substitutionsmottagningen", "Substitutionsmottagningen", "Sjukhusen", True, False),
    UnitSeed("utbildningskliniken-ftv", "Utbildningskliniken (FTV)", "Folktandvården", True, False),
]

ORDINARY_UNITS = [
    UnitSeed("vardcentralen-hisingen", "Vårdcentralen Hisingen", "Primärvården", False, False),
    UnitSeed("vardcentralen-majorna", "Vårdcentralen Majorna", "Primärvården", False, False),
    UnitSeed("vardcentralen-boras-norrby", "Vårdcentralen Borås Norrby", "Primärvården", False, False),
    UnitSeed("hudmottagningen-su", "Hudmottagningen, Sahlgrenska Universitetssjukhuset", "Sjukhusen", False, False),
    UnitSeed("diabetesmottagningen-nal", "Diabetesmottagningen, NÄL", "Sjukhusen", False, False),
    UnitSeed("psykiatriska-mottagningen-skovde", "Psykiatriska mottagningen Skövde", "Sjukhusen", False, False),
    UnitSeed("barnhalsovarden-trollhattan", "Barnhälsovården Trollhättan", "Primärvården", False, False),
    UnitSeed("logopedmottagningen-sas", "Logopedmottagningen, SäS", "Sjukhusen", False, False),
    UnitSeed("privat-vardcentral-lerum", "Läkarhuset Lerum (privat vårdgivare)", "Privata vårdgivare", False, False),
]

# MiniMaria (addiction care for young people) asked for anonymous login (a remaining item of the report):
# patient-initiated, reached by direct link, and the one unit that lets a patient in without identity.
ANONYMOUS_UNITS = [UnitSeed("minimaria", "MiniMaria", "Beroendevården", True, False)]
ANONYMOUS_UNIT_SLUGS = tuple(unit.slug for unit in ANONYMOUS_UNITS)

ALL_UNITS = PATIENT_INITIATED_UNITS + ORDINARY_UNITS + ANONYMOUS_UNITS


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
