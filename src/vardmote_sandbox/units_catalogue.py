"""The migrated units (DVM-11): the region's units catalogue loaded into the seed.

The sandbox's own units (seed.py, from units/named.csv) are the ones the acceptance suites name; the catalogue
(units/catalogue.csv, or the file named by SANDBOX_UNITS_CATALOGUE) adds the rest of the region's
about 1,100 units, as the migration did. Loaded in one transaction, so that start-up stays fast.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

UNITS_FOLDER = Path(__file__).resolve().parents[2] / "units"
CATALOGUE_PATH = Path(os.environ.get("SANDBOX_UNITS_CATALOGUE", UNITS_FOLDER / "catalogue.csv"))
NAMED_PATH = UNITS_FOLDER / "named.csv"  # the sandbox's own units (seed.py); the catalogue starts with them
YES = "ja"


def named_rows() -> list[dict]:
    """The named units: without them the sandbox has none of the units its scenarios use, so none is no answer."""
    with NAMED_PATH.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def catalogue_rows(path: Path = CATALOGUE_PATH) -> list[dict]:
    if not path.is_file():  # a sandbox without the region's catalogue has only its own units
        return []
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def seed(database, invitation_text: str) -> int:
    """Adds the catalogue's units that the sandbox's own seed does not have; returns how many."""
    present = {row["slug"] for row in database.query("SELECT slug FROM units")}
    new = [(row["slug"], row["namn"], row["förvaltning"], int(row["patientinitierat"] == YES),
            int(row["startsida"] == YES), int(row["anonym"] == YES), invitation_text)
           for row in catalogue_rows() if row["slug"] not in present]
    database.execute_many(
        "INSERT INTO units (slug, name, administration, patient_initiated, on_start_page, allows_anonymous,"
        " invitation_text) VALUES (?, ?, ?, ?, ?, ?, ?)", new)
    return len(new)
