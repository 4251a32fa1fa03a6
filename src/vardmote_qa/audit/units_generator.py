"""The units catalogue (DVM-11): about 1,100 units of the region, written reproducibly from a seed.

The report gives the shape: "ca 1100 mottagningar" in every administration but the supply administration,
private providers included, and fourteen units offering patient-initiated meetings (two of them not on the
start page). The named units (units/named.csv) are the ones the report and the acceptance suites name;
the rest are made from the region's towns and the kinds of unit each administration runs, drawn with
`random.Random(seed)` so that the same seed always writes the same file (`vmqa audit generate-units`, checked by a test).
"""

from __future__ import annotations

import random
import re
import unicodedata

from ..target.interface import UnitSettings
from .units_catalogue import NAMED_PATH, read_catalogue

TOTAL_UNITS = 1100
DEFAULT_SEED = 14

PRIMARY, DENTAL, HOSPITALS = "Primärvården", "Folktandvården", "Sjukhusen"
HABILITATION, ADDICTION, PRIVATE = "Habilitering och hälsa", "Beroendevården", "Privata vårdgivare"


def _unit(slug: str, name: str, administration: str, patient_initiated: bool = False, on_start_page: bool = False,
          allows_anonymous: bool = False) -> UnitSettings:
    return UnitSettings(slug, name, administration, patient_initiated, on_start_page, allows_anonymous)


# The report's patient-initiated units (1.1), MiniMaria (anonymous login), and the ordinary units the
# acceptance suites name: units/named.csv, the file the sandbox seeds its own units from too.
NAMED_UNITS = tuple(read_catalogue(NAMED_PATH))

TOWNS = (
    "Ale", "Alingsås", "Angered", "Askim", "Backa", "Bengtsfors", "Biskopsgården", "Bollebygd", "Borås", "Dals-Ed",
    "Essunga", "Falköping", "Frölunda", "Färgelanda", "Gamlestaden", "Grästorp", "Guldheden", "Gullspång",
    "Götene", "Herrljunga", "Hjo", "Högsbo", "Härryda", "Karlsborg", "Kortedala", "Kungälv", "Kviberg",
    "Lerum", "Lidköping", "Lilla Edet", "Linnéstaden", "Lundby", "Lysekil", "Mariestad", "Mark", "Mellerud",
    "Munkedal", "Mölndal", "Olskroken", "Orust", "Partille", "Skara", "Skövde", "Sotenäs", "Stenungsund",
    "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Torslanda", "Tranemo", "Trollhättan",
    "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vänersborg", "Vårgårda", "Åmål", "Öckerö",
)
HOSPITALS_SHORT = ("Sahlgrenska Universitetssjukhuset", "NÄL", "Uddevalla sjukhus", "SäS", "Skaraborgs Sjukhus",
                   "Alingsås lasarett", "Kungälvs sjukhus", "Frölunda Specialistsjukhus", "Angereds Närsjukhus")
SPECIALTIES = (
    "Hudmottagningen", "Diabetesmottagningen", "Ortopedmottagningen", "Hjärtmottagningen", "Neurologmottagningen",
    "Reumatologmottagningen", "Urologmottagningen", "Kvinnokliniken", "Barnmottagningen", "Ögonmottagningen",
    "Öron-näsa-halsmottagningen", "Lungmottagningen", "Njurmottagningen", "Smärtmottagningen",
    "Onkologmottagningen", "Psykiatriska mottagningen", "Logopedmottagningen", "Dietistmottagningen",
    "Arbetsterapin", "Fysioterapin", "Endokrinmottagningen", "Geriatriska mottagningen", "Infektionsmottagningen",
    "Hematologmottagningen", "Kirurgmottagningen", "Mag- och tarmmottagningen", "Audiologiska mottagningen",
    "Handkirurgiska mottagningen", "Plastikkirurgiska mottagningen", "Barn- och ungdomspsykiatrin",
    "Ätstörningsmottagningen", "Sömnmottagningen", "Allergimottagningen", "Kärlkirurgiska mottagningen",
    "Bröstmottagningen", "Palliativa mottagningen", "Rehabiliteringsmedicin",
)
# (administration, how many units, name patterns: {town} or {hospital} and {specialty})
GENERATED = (
    (PRIMARY, 372, ("Vårdcentralen {town}", "Barnavårdscentralen {town}", "Barnmorskemottagningen {town}",
                    "Rehabmottagningen {town}", "Psykosociala mottagningen {town}", "Ungdomsmottagningen {town}",
                    "Vårdcentralen {town} centrum")),
    (DENTAL, 118, ("Folktandvården {town}", "Folktandvården {town} barn- och ungdomstandvård")),
    (HOSPITALS, 310, ("{specialty}, {hospital}",)),
    (HABILITATION, 64, ("Barn- och ungdomshabiliteringen {town}", "Vuxenhabiliteringen {town}",
                        "Hörselverksamheten {town}", "Syncentralen {town}")),
    (ADDICTION, 20, ("Beroendemottagningen {town}",)),
    (PRIVATE, 192, ("Läkarhuset {town} (privat vårdgivare)", "Tandläkarna i {town} (privat vårdgivare)",
                    "Fysioterapeuterna {town} (privat vårdgivare)", "Psykoterapimottagningen {town} (privat vårdgivare)",
                    "Familjeläkarna {town} (privat vårdgivare)")),
)


def slug_of(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _names(patterns: tuple[str, ...]) -> list[str]:
    names = []
    for pattern in patterns:
        if "{hospital}" in pattern:
            names += [pattern.format(specialty=s, hospital=h) for h in HOSPITALS_SHORT for s in SPECIALTIES]
        else:
            names += [pattern.format(town=town) for town in TOWNS]
    return names


def generate(seed: int = DEFAULT_SEED) -> list[UnitSettings]:
    """The whole catalogue: the named units first, then each administration's drawn units, sorted by name."""
    chance = random.Random(seed)
    taken = {unit.name for unit in NAMED_UNITS} | {unit.slug for unit in NAMED_UNITS}
    drawn = []
    for administration, count, patterns in GENERATED:
        candidates = [name for name in _names(patterns) if name not in taken and slug_of(name) not in taken]
        for name in sorted(chance.sample(candidates, count)):
            taken |= {name, slug_of(name)}
            drawn.append(_unit(slug_of(name), name, administration))
    units = list(NAMED_UNITS) + sorted(drawn, key=lambda unit: unit.slug)
    if len(units) != TOTAL_UNITS:  # the counts above add up to the report's size
        raise ValueError(f"the catalogue has {len(units)} units, not {TOTAL_UNITS}")
    return units
