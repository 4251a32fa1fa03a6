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


# The longest each field may be once filled (a long unit name, a long first name, the link with its token),
# so that a text is refused when it would be too long for some visit, not only for the shortest one.
LONGEST_FILLED = {"patient": "x" * 40, "unit": "x" * 80, "starts_at": "2026-11-26 kl. 09:30", "link": "x" * 120}


def fields_of(text: str) -> list[tuple[str, str | None, str, str | None]]:
    """(literal, field, format spec, conversion) pieces of a text, as str.format would read them."""
    return list(string.Formatter().parse(text))


def check_text(label: str, text: str, *, allow_format_specs: bool = False) -> None:
    """Refuses, in one Swedish sentence, a text that is not the template language: plain text with the
    fields {patient} {unit} {starts_at} {link} (never an index, attribute, conversion or format spec such as
    {link:>100000} or {link:d}), with the link, and at most MAX_TEXT_LENGTH characters once filled."""
    Label = label[:1].upper() + label[1:]
    try:
        pieces = fields_of(text)
    except ValueError:
        raise HTTPException(status_code=422, detail=f"Klamrarna i {label} stämmer inte.") from None
    used = {name for _, name, _, _ in pieces if name is not None}
    unknown = sorted(used - PLACEHOLDERS.keys())
    if unknown:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        raise HTTPException(status_code=422, detail=f"{Label} använder okända fält "
                                                    f"{', '.join(unknown)} (tillåtna: {known}).")
    formatted = [f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
                 for _, name, spec, conversion in pieces if name is not None and (spec or conversion)]
    if formatted and not allow_format_specs:
        raise HTTPException(status_code=422, detail=f"{Label} får bara ha fält utan formatering; "
                                                    f"{', '.join(formatted)} går inte.")
    if "link" not in used:
        raise HTTPException(status_code=422, detail=f"{Label} måste innehålla {{link}}.")
    filled_length = len(text) if allow_format_specs else len(_join(pieces, LONGEST_FILLED))
    if not text.strip() or filled_length > MAX_TEXT_LENGTH:
        raise HTTPException(status_code=422, detail=f"{Label} måste ha 1–{MAX_TEXT_LENGTH} tecken "
                                                    f"ifylld (den blir upp till {filled_length}).")


def unit_texts(database: Database, unit_id: int) -> dict[str, str]:
    row = database.query_one("SELECT invitation_text, reminder_text FROM units WHERE id = ?", (unit_id,))
    if row is None:
        raise HTTPException(status_code=404, detail="Mottagningen finns inte.")
    return row


def configure(database: Database, unit_id: int, changes: dict[str, str], *,
              allow_format_specs: bool = False) -> dict[str, str]:
    """allow_format_specs: a weakened sandbox, whose texts are str.format templates (a booking then fails)."""
    unit_texts(database, unit_id)
    for column, text in changes.items():
        check_text(TEXT_COLUMNS[column], text, allow_format_specs=allow_format_specs)
    for column, text in changes.items():
        database.execute(f"UPDATE units SET {column} = ? WHERE id = ?", (text, unit_id))
    return unit_texts(database, unit_id)


def _join(pieces, values: dict[str, str]) -> str:
    return "".join(literal + (values[name] if name is not None else "") for literal, name, _, _ in pieces)


def fill(template: str, visit: dict[str, Any], base_url: str, *, as_format: bool = False) -> str:
    """The text for this visit: each field replaced by its value, nothing else interpreted."""
    values = {"patient": ((visit["patient_name"] or "").split() or [""])[0], "unit": visit["unit_name"],
              "starts_at": visit["starts_at"].replace("T", " kl. "),
              "link": f"{base_url.rstrip('/')}/k/{visit['invite_token']}"}
    return template.format(**values) if as_format else _join(fields_of(template), values)


def send_sms(database: Database, visit: dict[str, Any], column: str, base_url: str, *, as_format: bool = False) -> str:
    """Puts the unit's text of this kind, filled for the visit, in the outbox for the patient's phone."""
    patient = database.query_one("SELECT phone FROM patients WHERE id = ?", (visit["patient_id"],))
    if patient is None:
        raise HTTPException(status_code=409, detail="Patienten har inget telefonnummer (anonym patient).")
    text = fill(unit_texts(database, visit["unit_id"])[column], visit, base_url, as_format=as_format)
    database.execute("INSERT INTO sms_outbox (visit_id, phone, text, created_at) VALUES (?, ?, ?, ?)",
                     (visit["id"], patient["phone"], text, now()))
    return text
