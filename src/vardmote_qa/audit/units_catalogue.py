"""The units catalogue file (units/catalogue.csv) read and written, and compared with a target's units.

One row per unit: slug, namn, förvaltning, patientinitierat, startsida, anonym (ja/nej). CSV because
operations keep it in a spreadsheet; every row is checked on reading, and a bad one is refused in one
Swedish sentence naming the line.
"""

from __future__ import annotations

import csv
import enum
import io
from dataclasses import dataclass, fields
from pathlib import Path

from ..config import PROJECT_ROOT
from ..errors import UserError
from ..target.interface import UnitSettings

CATALOGUE_PATH = PROJECT_ROOT / "units" / "catalogue.csv"
NAMED_PATH = PROJECT_ROOT / "units" / "named.csv"  # the units the report and the suites name; the sandbox's own
COLUMNS = {"slug": "slug", "name": "namn", "administration": "förvaltning", "patient_initiated": "patientinitierat",
           "on_start_page": "startsida", "allows_anonymous": "anonym"}
SETTING_LABELS = {"name": "namn", "administration": "förvaltning", "patient_initiated": "patientinitierat",
                  "on_start_page": "visas på startsidan", "allows_anonymous": "anonym inloggning"}
_YES_NO = {"ja": True, "nej": False}


def _cell(value) -> str:
    return ("ja" if value else "nej") if isinstance(value, bool) else str(value)


def write_catalogue(units: list[UnitSettings], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS.values())
    for unit in units:
        writer.writerow(_cell(getattr(unit, name)) for name in COLUMNS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def read_catalogue(path: Path = CATALOGUE_PATH) -> list[UnitSettings]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise UserError(f"Enhetskatalogen {path} finns inte.") from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != list(COLUMNS.values()):
        raise UserError(f"Enhetskatalogen {Path(path).name} ska ha kolumnerna {', '.join(COLUMNS.values())} "
                        f"(har {', '.join(reader.fieldnames or []) or 'inga'}).")
    units, seen = [], set()
    for line, row in enumerate(reader, start=2):
        values = {}
        for field in fields(UnitSettings):
            cell = (row.get(COLUMNS[field.name]) or "").strip()
            if field.type in (bool, "bool"):
                if cell not in _YES_NO:
                    raise UserError(f"Enhetskatalogen {Path(path).name} rad {line}: {COLUMNS[field.name]} ska vara "
                                    f"ja eller nej, inte '{cell}'.")
                values[field.name] = _YES_NO[cell]
            elif not cell:
                raise UserError(f"Enhetskatalogen {Path(path).name} rad {line}: {COLUMNS[field.name]} saknas.")
            else:
                values[field.name] = cell
        if values["slug"] in seen:
            raise UserError(f"Enhetskatalogen {Path(path).name} rad {line}: enheten {values['slug']} står två gånger.")
        seen.add(values["slug"])
        units.append(UnitSettings(**values))
    return units


class DifferenceKind(enum.Enum):
    MISSING = "saknas"
    EXTRA = "finns inte i katalogen"
    WRONG_SETTING = "fel inställning"


@dataclass(frozen=True)
class UnitDifference:
    kind: DifferenceKind
    slug: str
    name: str
    setting: str | None = None  # the Swedish label of the setting, for WRONG_SETTING
    expected: str | None = None
    actual: str | None = None

    def sentence(self) -> str:
        if self.kind is DifferenceKind.WRONG_SETTING:
            return f"{self.name} ({self.slug}): {self.setting} är {self.actual}, ska vara {self.expected}"
        return f"{self.name} ({self.slug}): {self.kind.value}"


def compare(catalogue: list[UnitSettings], actual: list[UnitSettings]) -> list[UnitDifference]:
    """Missing, extra and wrongly set units, in the catalogue's order (extras last)."""
    found = {unit.slug: unit for unit in actual}
    expected_slugs = {unit.slug for unit in catalogue}
    differences = []
    for expected in catalogue:
        unit = found.get(expected.slug)
        if unit is None:
            differences.append(UnitDifference(DifferenceKind.MISSING, expected.slug, expected.name))
            continue
        for name, label in SETTING_LABELS.items():
            want, have = getattr(expected, name), getattr(unit, name)
            if want != have:
                differences.append(UnitDifference(DifferenceKind.WRONG_SETTING, expected.slug, expected.name, label,
                                                  _cell(want), _cell(have)))
    differences += [UnitDifference(DifferenceKind.EXTRA, unit.slug, unit.name)
                    for unit in actual if unit.slug not in expected_slugs]
    return differences
