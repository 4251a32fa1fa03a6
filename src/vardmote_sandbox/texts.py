"""The texts a unit sends by SMS (invitation and reminder): configurable per unit, filled per visit.

A text may use only the placeholders below. The personal identity number is deliberately not one of
them: an SMS can be read by anyone holding the phone.
"""

from __future__ import annotations

import string
from typing import Any

from fastapi import HTTPException

from .db import Database, now

PLACEHOLDERS = {
    "patient": "patientens förnamn",
    "unit": "mottagningens namn",
    "starts_at": "mötets tid",
    "link": "länken till mötet",
}
TEXT_COLUMNS = {"invitation_text": "kallelsetexten", "reminder_text": "påminnelsetexten"}
MAX_TEXT_LENGTH = 640  # four SMS segments


def check_text(label: str, text: str) -> None:
    """Refuses a text with an unknown placeholder or without the link, in one Swedish sentence."""
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        raise HTTPException(status_code=422, detail=f"Klamrarna i {label} stämmer inte.") from None
    unknown = sorted(used - PLACEHOLDERS.keys())
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise HTTPException(status_code=422, detail=f"{label.capitalize()} använder okända fält "
                                                    f"{', '.join(unknown)} (tillåtna: {known}).")
    if "link" not in used:
        raise HTTPException(status_code=422, detail=f"{label.capitalize()} måste innehålla {{link}}.")
    if not text.strip() or len(text) > MAX_TEXT_LENGTH:
        raise HTTPException(status_code=422, detail=f"{label.capitalize()} måste ha 1–{MAX_TEXT_LENGTH} tecken.")


def unit_texts(database: Database, unit_id: int) -> dict[str, str]:
    row = database.query_one("SELECT invitation_text, reminder_text FROM units WHERE id = ?", (unit_id,))
    if row is None:
        raise HTTPException(status_code=404, detail="Mottagningen finns inte.")
    return row


def configure(database: Database, unit_id: int, changes: dict[str, str]) -> dict[str, str]:
    unit_texts(database, unit_id)
    for column, text in changes.items():
        check_text(TEXT_COLUMNS[column], text)
    for column, text in changes.items():
        database.execute(f"UPDATE units SET {column} = ? WHERE id = ?", (text, unit_id))
    return unit_texts(database, unit_id)


def fill(template: str, visit: dict[str, Any], base_url: str) -> str:
    return template.format(patient=(visit["patient_name"] or "").split()[0], unit=visit["unit_name"],
                           starts_at=visit["starts_at"].replace("T", " kl. "),
                           link=f"{base_url.rstrip('/')}/k/{visit['invite_token']}")


def send_sms(database: Database, visit: dict[str, Any], column: str, base_url: str) -> str:
    """Puts the unit's text of this kind, filled for the visit, in the outbox for the patient's phone."""
    patient = database.query_one("SELECT phone FROM patients WHERE id = ?", (visit["patient_id"],))
    if patient is None:
        raise HTTPException(status_code=409, detail="Patienten har inget telefonnummer (anonym patient).")
    text = fill(unit_texts(database, visit["unit_id"])[column], visit, base_url)
    database.execute("INSERT INTO sms_outbox (visit_id, phone, text, created_at) VALUES (?, ?, ?, ?)",
                     (visit["id"], patient["phone"], text, now()))
    return text
