"""Anonymous login (MiniMaria): a patient without identity, known only by a random alias per errand.

No personal identity number, name or phone is asked for or stored. When the visit is closed the
anonymous session ends, so afterwards nothing in the service ties the visit to the person or browser.
"""

from __future__ import annotations

import secrets

from .db import Database

ALIAS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud over the phone


def new_alias() -> str:
    return "".join(secrets.choice(ALIAS_ALPHABET) for _ in range(4))


def unit_allows(database: Database, unit_id: int) -> bool:
    row = database.query_one("SELECT allows_anonymous FROM units WHERE id = ?", (unit_id,))
    return bool(row and row["allows_anonymous"])


def create_client(database: Database, unit_id: int) -> int:
    return database.execute("INSERT INTO anonymous_clients (alias, unit_id) VALUES (?, ?)", (new_alias(), unit_id))


def alias_of(database: Database, client_id: int) -> str:
    return database.query_one("SELECT alias FROM anonymous_clients WHERE id = ?", (client_id,))["alias"]


def forget(database: Database, client_id: int) -> None:
    """Ends every session of the anonymous client: the visit can no longer be reached from its browser."""
    database.execute("DELETE FROM sessions WHERE kind = 'anonym' AND user_id = ?", (client_id,))


def personal_data_trace(database: Database, visit_id: int) -> dict:
    """Everything the service holds that could tie a visit to a person or a browser (an admin audit)."""
    visit = database.query_one("SELECT patient_id, anonymous_id FROM visits WHERE id = ?", (visit_id,))
    if visit is None:
        return {}
    patient = database.query_one("SELECT personnummer, name, phone FROM patients WHERE id = ?",
                                 (visit["patient_id"],)) if visit["patient_id"] else None
    sessions = database.query_one("SELECT COUNT(*) AS n FROM sessions WHERE kind = 'anonym' AND user_id = ?",
                                  (visit["anonymous_id"],))["n"] if visit["anonymous_id"] else 0
    sms = database.query_one("SELECT COUNT(*) AS n FROM sms_outbox WHERE visit_id = ?", (visit_id,))["n"]
    return {"personnummer": patient["personnummer"] if patient else None,
            "namn": patient["name"] if patient else None, "telefon": patient["phone"] if patient else None,
            "aktiva_sessioner": sessions, "sms": sms}
