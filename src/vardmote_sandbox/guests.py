"""Digital participants who are not the patient: a relative or an interpreter invited by a link of their own,
and the physical meeting (DVM-06), where the patient sits in the room and gets no digital invitation at all.

A guest has no BankID and no account. The link in the guest's SMS is the only way in: opening it starts a
guest session that reaches that one visit and nothing else, and both the link and the session end when the
visit ends (a weakened sandbox keeps them alive: weaknesses.guest_links_outlive_visit, and one sends the
patient of a physical meeting the invitation anyway: physical_meeting_sends_sms).
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import HTTPException

from .auth import User
from .db import Database, now

SCHEMA = """
CREATE TABLE IF NOT EXISTS guest_links (
    id INTEGER PRIMARY KEY, visit_id INTEGER NOT NULL REFERENCES visits(id), token TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL, phone TEXT NOT NULL, guest_role TEXT NOT NULL, invited_by INTEGER REFERENCES staff(id),
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS guest_links_by_visit ON guest_links(visit_id);
"""

GUEST = "gast"  # the session kind and the chat's sender kind of every guest
PHYSICAL = "fysiskt"  # the origin of a physical meeting (the patient is in the room)
GUEST_ROLES = {"anhorig": "anhörig", "tolk": "tolk"}
GUEST_TEXT = ("Hej {name}! Du är inbjuden som {role} till ett digitalt vårdmöte med {unit} {starts_at}. "
              "Du behöver inte logga in: anslut med den här länken, som bara gäller för mötet: {link}")

LINK_UNKNOWN = "Gästlänken är ogiltig."
LINK_ENDED = "Gästlänken gäller inte längre: mötet är avslutat."
INVITE_REFUSED = "Din roll får inte bjuda in deltagare till besöket."
VISIT_ENDED = "Besöket är avslutat."
NOT_PHYSICAL = "Bara ett fysiskt besök startas utan väntrum."
START_REFUSED = "Bara vårdpersonal kan starta besöket."
ALREADY_STARTED = "Besöket har redan startat eller är avslutat."


def create_schema(database: Database) -> None:
    for statement in filter(str.strip, SCHEMA.split(";")):
        database.execute(statement)


def _link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/g/{token}"


def book_physical(database: Database, user: User, unit_id: int, personnummer: str, starts_at: str, *,
                  send_patient_sms) -> dict[str, Any]:
    """A meeting at the unit with digital participants: booked like a video visit, but nothing goes to the
    patient, who is in the room (send_patient_sms: a weakened sandbox that sends the invitation anyway)."""
    if not user.may("boka", unit_id):
        raise HTTPException(status_code=403, detail="Du har ingen roll på den mottagningen som får boka.")
    if database.query_one("SELECT id FROM units WHERE id = ?", (unit_id,)) is None:
        raise HTTPException(status_code=404, detail="Mottagningen finns inte.")
    patient = database.query_one("SELECT id FROM patients WHERE personnummer = ?", (personnummer.replace("-", ""),))
    if patient is None:
        raise HTTPException(status_code=404, detail="Patienten finns inte.")
    from . import video_engines, visits  # visits imports nothing of ours; importing late keeps the two modules apart
    visit_id = database.execute(
        "INSERT INTO visits (unit_id, patient_id, clinician_id, starts_at, kind, status, origin, invite_token,"
        " created_at) VALUES (?, ?, ?, ?, 'video', 'bokat', ?, ?, ?)",
        (unit_id, patient["id"], user.id, starts_at, PHYSICAL, secrets.token_urlsafe(16), now()))
    # more than two take part (staff in the room, a specialist, guests): the meeting runs on the SFU
    video_engines.set_visit_engine(database, visit_id, "sfu")
    visit = visits.get_visit(database, visit_id)
    if send_patient_sms is not None:
        send_patient_sms(visit)
    return visit


def start_physical(database: Database, user: User, visit: dict[str, Any]) -> None:
    """The clinician starts the meeting in the room: no waiting room, the patient is already there."""
    if not user.may("mota", visit["unit_id"]):
        raise HTTPException(status_code=403, detail=START_REFUSED)
    if visit["origin"] != PHYSICAL:
        raise HTTPException(status_code=409, detail=NOT_PHYSICAL)
    if visit["status"] != "bokat":
        raise HTTPException(status_code=409, detail=ALREADY_STARTED)
    database.execute("UPDATE visits SET status = 'pagar', admitted_at = ?, clinician_id = ? WHERE id = ?",
                     (now(), user.id, visit["id"]))


def invite(database: Database, user: User, visit: dict[str, Any], name: str, phone: str, guest_role: str,
           base_url: str) -> dict[str, Any]:
    """A link of the guest's own, sent by SMS to the guest's phone (never to the patient's)."""
    if not user.may("boka", visit["unit_id"]):
        raise HTTPException(status_code=403, detail=INVITE_REFUSED)
    if visit["status"] == "avslutat":
        raise HTTPException(status_code=409, detail=VISIT_ENDED)
    token = secrets.token_urlsafe(24)
    link_id = database.execute(
        "INSERT INTO guest_links (visit_id, token, name, phone, guest_role, invited_by, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (visit["id"], token, name, phone, guest_role, user.id, now()))
    text = GUEST_TEXT.format(name=name.split()[0], role=GUEST_ROLES[guest_role], unit=visit["unit_name"],
                             starts_at=visit["starts_at"].replace("T", " kl. "), link=_link(base_url, token))
    database.execute("INSERT INTO sms_outbox (visit_id, phone, text, created_at) VALUES (?, ?, ?, ?)",
                     (visit["id"], phone, text, now()))
    return _shown(database.query_one("SELECT * FROM guest_links WHERE id = ?", (link_id,)), visit["status"])


def _shown(row: dict[str, Any], visit_status: str) -> dict[str, Any]:
    return {"id": row["id"], "visit_id": row["visit_id"], "name": row["name"], "phone": row["phone"],
            "role": row["guest_role"], "active": visit_status != "avslutat"}


def guests_of(database: Database, visit: dict[str, Any]) -> list[dict[str, Any]]:
    rows = database.query("SELECT * FROM guest_links WHERE visit_id = ? ORDER BY id", (visit["id"],))
    return [_shown(row, visit["status"]) for row in rows]


def link_for(database: Database, token: str) -> dict[str, Any] | None:
    return database.query_one("SELECT g.id, g.visit_id, v.status FROM guest_links g JOIN visits v ON v.id = g.visit_id"
                              " WHERE g.token = ?", (token,))


def guest_user(database: Database, link_id: int, *, end_with_visit: bool = True) -> User | None:
    """The guest of a live guest session: reaches only its own visit, and only until that visit ends."""
    row = database.query_one("SELECT g.id, g.visit_id, g.name, g.guest_role, v.status FROM guest_links g"
                             " JOIN visits v ON v.id = g.visit_id WHERE g.id = ?", (link_id,))
    if row is None or (end_with_visit and row["status"] == "avslutat"):
        return None
    return User(GUEST, row["id"], f"{row['name']} ({GUEST_ROLES[row['guest_role']]})", visit_id=row["visit_id"])


def end_sessions(database: Database, visit_id: int) -> None:
    """The visit has ended: so have its guests' sessions."""
    database.execute("DELETE FROM sessions WHERE kind = ? AND user_id IN (SELECT id FROM guest_links WHERE"
                     " visit_id = ?)", (GUEST, visit_id))


def guest_view(visit: dict[str, Any]) -> dict[str, Any]:
    """What a guest reads of the visit: no identity number, no ids of people, no invitation token."""
    hidden = {"patient_personnummer", "patient_id", "invite_token", "clinician_id", "anonymous_id"}
    return {key: value for key, value in visit.items() if key not in hidden}
