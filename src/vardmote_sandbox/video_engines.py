"""Which video engine a meeting uses: peer to peer (p2p) or the routed engine (sfu, Janus).

A unit has a default (`videomotor`), a booking may choose its own, and a meeting of more than two always
uses the SFU whatever the unit's setting, because the p2p engine joins exactly two: a conference (several
patients), a physical meeting (staff in the room, a specialist and guests joining digitally: guests.py books
it on the SFU), and a visit with an interpreter need (patient, staff and the interpreter invited by link). The participants of an SFU meeting are known to each other in the room only by an
opaque key; each page is told the names it may show for the keys (display names, never an identity
number), so that what a patient sees of the other patients follows the unit's setting.
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import HTTPException

from . import guests
from .auth import User
from .db import Database

ENGINES = ("p2p", "sfu")
# How patients of a conference see each other: full name, first name only, or "Deltagare N".
PATIENT_NAMES = {"namn": "fullständigt namn", "fornamn": "förnamn", "deltagare": "Deltagare och ett nummer"}
DEFAULT_PATIENT_NAMES = "fornamn"
UNKNOWN_ENGINE = "Videomotorn måste vara p2p eller sfu."
GUEST_KEY = "guest"  # the kind in a guest's participant key (a guest link's id, guests.py)

_SCHEMA = [
    "ALTER TABLE units ADD COLUMN video_engine TEXT NOT NULL DEFAULT 'p2p'",
    "ALTER TABLE units ADD COLUMN patients_see_each_other TEXT NOT NULL DEFAULT 'fornamn'",
    "ALTER TABLE visits ADD COLUMN video_engine TEXT",
    "CREATE TABLE IF NOT EXISTS visit_patients (visit_id INTEGER NOT NULL REFERENCES visits(id),"
    " patient_id INTEGER NOT NULL REFERENCES patients(id), position INTEGER NOT NULL,"
    " PRIMARY KEY (visit_id, patient_id))",
]


def ensure_schema(database: Database) -> None:
    """Idempotent: a reused database already has the columns."""
    for statement in _SCHEMA:
        try:
            database.execute(statement)
        except Exception as error:  # sqlite3.OperationalError: duplicate column name
            if "duplicate column" not in str(error):
                raise


def checked_engine(engine: str | None) -> str | None:
    if engine is not None and engine not in ENGINES:
        raise HTTPException(status_code=422, detail=UNKNOWN_ENGINE)
    return engine


def unit_engine(database: Database, unit_id: int) -> dict[str, str]:
    row = database.query_one("SELECT video_engine, patients_see_each_other FROM units WHERE id = ?", (unit_id,))
    if row is None:
        raise HTTPException(status_code=404, detail="Mottagningen finns inte.")
    return {"videomotor": row["video_engine"], "patienter_ser_varandra": row["patients_see_each_other"]}


def configure_unit(database: Database, unit_id: int, engine: str | None, patient_names: str | None) -> dict:
    unit_engine(database, unit_id)
    if engine is not None:
        database.execute("UPDATE units SET video_engine = ? WHERE id = ?", (checked_engine(engine), unit_id))
    if patient_names is not None:
        if patient_names not in PATIENT_NAMES:
            raise HTTPException(status_code=422, detail="Hur patienterna ser varandra måste vara "
                                                        + ", ".join(PATIENT_NAMES) + ".")
        database.execute("UPDATE units SET patients_see_each_other = ? WHERE id = ?", (patient_names, unit_id))
    return unit_engine(database, unit_id)


def set_visit_engine(database: Database, visit_id: int, engine: str | None) -> None:
    if engine is not None:
        database.execute("UPDATE visits SET video_engine = ? WHERE id = ?", (checked_engine(engine), visit_id))


def co_patients(database: Database, visit_id: int) -> list[dict[str, Any]]:
    """The conference's patients beyond the booked one, in the order they were added."""
    return database.query("SELECT p.id, p.name FROM visit_patients vp JOIN patients p ON p.id = vp.patient_id"
                          " WHERE vp.visit_id = ? ORDER BY vp.position", (visit_id,))


def is_conference(database: Database, visit_id: int) -> bool:
    return database.query_one("SELECT 1 FROM visit_patients WHERE visit_id = ? LIMIT 1", (visit_id,)) is not None


def engine_of(database: Database, visit: dict[str, Any]) -> str:
    # An interpreter need is known when the errand is left, before any page opens the call: every page of
    # the visit (patient, staff, the interpreter's) then joins the same SFU room.
    if is_conference(database, visit["id"]) or visit.get("interpreter_language"):
        return "sfu"
    row = database.query_one("SELECT v.video_engine AS own, u.video_engine AS unit FROM visits v"
                             " JOIN units u ON u.id = v.unit_id WHERE v.id = ?", (visit["id"],))
    return (row["own"] or row["unit"]) if row else "p2p"


def participant_key(visit_id: int, kind: str, user_id: int) -> str:
    """Opaque and stable per visit: what Janus shows every participant of the room as a display name."""
    return "d" + hashlib.sha256(f"{visit_id}:{kind}:{user_id}".encode()).hexdigest()[:12]


def _first_name(name: str) -> str:
    return name.split()[0] if name.strip() else name


def names_for(database: Database, visit: dict[str, Any], viewer: User) -> dict[str, str]:
    """Key -> the name this viewer may see: staff see patients' names; a patient sees the other patients
    as the unit allows. Never an identity number."""
    setting = unit_engine(database, visit["unit_id"])["patienter_ser_varandra"]
    names: dict[str, str] = {}
    staff = database.query("SELECT DISTINCT s.id, s.name FROM staff s JOIN staff_roles r ON r.staff_id = s.id"
                           " WHERE r.unit_id = ? OR r.unit_id IS NULL", (visit["unit_id"],))
    for person in staff:
        names[participant_key(visit["id"], "staff", person["id"])] = person["name"]
    patients = []
    if visit["patient_id"] is not None:
        patients.append({"id": visit["patient_id"], "name": visit["patient_name"]})
    patients += co_patients(database, visit["id"])
    for number, patient in enumerate(patients, start=1):
        key = participant_key(visit["id"], "patient", patient["id"])
        if viewer.is_staff or (viewer.is_patient and viewer.id == patient["id"]) or setting == "namn":
            names[key] = patient["name"]
        elif setting == "fornamn":
            names[key] = _first_name(patient["name"])
        else:
            names[key] = f"Deltagare {number}"
    # the meeting's guests (a relative, an interpreter) by the name they were invited with and their role
    for guest in database.query("SELECT id, name, guest_role FROM guest_links WHERE visit_id = ?", (visit["id"],)):
        role = guests.GUEST_ROLES.get(guest["guest_role"], guest["guest_role"])
        names[participant_key(visit["id"], GUEST_KEY, guest["id"])] = f"{guest['name']} ({role})"
    return names
