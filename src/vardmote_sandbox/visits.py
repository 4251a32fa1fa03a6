"""Meetings: booking, invitation by SMS, check-in to the waiting room, admission, closing, chat history."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import HTTPException

from . import anonymous, guests, texts
from .auth import User
from .db import Database, now

STATUS_LABELS = {
    "ko": "I kön",
    "bokat": "Bokat",
    "vantar": "I väntrummet",
    "pagar": "Pågår",
    "avslutat": "Avslutat",
}
KIND_LABELS = {"video": "Videomöte", "chatt": "Chattmöte"}

VISIT_COLUMNS = """
    v.id, v.unit_id, u.name AS unit_name, u.slug AS unit_slug, v.patient_id,
    COALESCE(p.name, 'Anonym patient ' || v.anonymous_alias) AS patient_name,
    p.personnummer AS patient_personnummer, v.clinician_id, s.name AS clinician_name, v.starts_at, v.kind,
    v.status, v.origin, v.invite_token, v.created_at, v.checked_in_at, v.admitted_at, v.closed_at,
    v.errand, v.interpreter_language, v.anonymous_id, v.anonymous_id IS NOT NULL AS anonymous
"""
VISIT_FROM = """
    FROM visits v JOIN units u ON u.id = v.unit_id LEFT JOIN patients p ON p.id = v.patient_id
    LEFT JOIN staff s ON s.id = v.clinician_id
"""


def get_visit(database: Database, visit_id: int) -> dict[str, Any] | None:
    visit = database.query_one(f"SELECT {VISIT_COLUMNS} {VISIT_FROM} WHERE v.id = ?", (visit_id,))
    if visit is not None:
        visit["co_patient_ids"] = [row["patient_id"] for row in database.query(
            "SELECT patient_id FROM visit_patients WHERE visit_id = ? ORDER BY position", (visit_id,))]
    return visit


def may_see(user: User, visit: dict[str, Any]) -> bool:
    """A patient sees their own visits, an anonymous patient only their own errand, staff their units'."""
    if user.kind == "patient":
        return visit["patient_id"] == user.id or _in_conference(visit, user)
    if user.kind == "anonym":
        return visit["anonymous_id"] == user.id
    if user.kind == guests.GUEST:
        return visit["id"] == user.visit_id
    return user.may("lasa_besok", visit["unit_id"])


def _in_conference(visit: dict[str, Any], user: User) -> bool:
    """A conference's other patients (video_engines.co_patients) see it too."""
    return user.id in (visit.get("co_patient_ids") or ())


def visit_for(database: Database, user: User, visit_id: int) -> dict[str, Any]:
    """The visit if this user may see it; 404 otherwise (no hint that it exists)."""
    visit = get_visit(database, visit_id)
    if visit is None or not may_see(user, visit):
        raise HTTPException(status_code=404, detail="Besöket finns inte.")
    return visit


def visits_for_patient(database: Database, patient_id: int) -> list[dict[str, Any]]:
    return database.query(f"SELECT {VISIT_COLUMNS} {VISIT_FROM} WHERE v.patient_id = ? OR v.id IN"
                          " (SELECT visit_id FROM visit_patients WHERE patient_id = ?) ORDER BY v.starts_at",
                          (patient_id, patient_id))


def visits_for_anonymous(database: Database, anonymous_id: int) -> list[dict[str, Any]]:
    return database.query(f"SELECT {VISIT_COLUMNS} {VISIT_FROM} WHERE v.anonymous_id = ? ORDER BY v.id",
                          (anonymous_id,))


def visits_for_user(database: Database, user: User) -> list[dict[str, Any]]:
    if user.kind == "patient":
        return visits_for_patient(database, user.id)
    if user.kind == "anonym":
        return visits_for_anonymous(database, user.id)
    return visits_for_staff(database, user)


def visits_for_staff(database: Database, user: User, status: str | None = None) -> list[dict[str, Any]]:
    readable = [unit for unit in user.unit_roles if unit is not None and user.may("lasa_besok", unit)]
    unit_filter = "" if user.may("lasa_besok", None) else \
        f"AND v.unit_id IN ({','.join(str(int(unit)) for unit in readable) or 'NULL'})"
    status_filter = "AND v.status = ?" if status else ""
    params = (status,) if status else ()
    return database.query(
        f"SELECT {VISIT_COLUMNS} {VISIT_FROM} WHERE 1=1 {unit_filter} {status_filter} ORDER BY v.starts_at, v.id",
        params)


def book_visit(database: Database, user: User, unit_id: int, personnummer: str, starts_at: str,
               kind: str, base_url: str, *, texts_as_format: bool = False) -> dict[str, Any]:
    if not user.may("boka", unit_id):
        raise HTTPException(status_code=403, detail="Du har ingen roll på den mottagningen som får boka.")
    if kind not in KIND_LABELS:
        raise HTTPException(status_code=422, detail="Mötesformen måste vara video eller chatt.")
    patient = database.query_one("SELECT id, name, phone FROM patients WHERE personnummer = ?",
                                 (personnummer.replace("-", ""),))
    if patient is None:
        raise HTTPException(status_code=404, detail="Patienten finns inte.")
    token = secrets.token_urlsafe(16)
    visit_id = database.execute(
        "INSERT INTO visits (unit_id, patient_id, clinician_id, starts_at, kind, status, origin, invite_token,"
        " created_at) VALUES (?, ?, ?, ?, ?, 'bokat', 'vardgivare', ?, ?)",
        (unit_id, patient["id"], user.id, starts_at, kind, token, now()))
    visit = get_visit(database, visit_id)
    texts.send_sms(database, visit, "invitation_text", base_url, as_format=texts_as_format)
    return visit


def check_in(database: Database, user: User, visit_id: int) -> dict[str, Any]:
    visit = visit_for(database, user, visit_id)
    if not user.is_patient:
        raise HTTPException(status_code=403, detail="Bara patienten kan checka in.")
    if visit["status"] == "avslutat":
        raise HTTPException(status_code=409, detail="Besöket är avslutat.")
    if visit["status"] == "bokat":
        database.execute("UPDATE visits SET status = 'vantar', checked_in_at = ? WHERE id = ?", (now(), visit_id))
    return get_visit(database, visit_id)


def admit(database: Database, user: User, visit_id: int) -> dict[str, Any]:
    visit = visit_for(database, user, visit_id)
    if not user.may("mota", visit["unit_id"]):
        raise HTTPException(status_code=403, detail="Bara vårdpersonal kan släppa in.")
    if visit["status"] != "vantar":
        raise HTTPException(status_code=409, detail="Patienten väntar inte i väntrummet.")
    database.execute("UPDATE visits SET status = 'pagar', admitted_at = ?, clinician_id = ? WHERE id = ?",
                     (now(), user.id, visit_id))
    return get_visit(database, visit_id)


def close(database: Database, user: User, visit_id: int) -> dict[str, Any]:
    visit = visit_for(database, user, visit_id)
    if not user.may("mota", visit["unit_id"]):
        raise HTTPException(status_code=403, detail="Bara vårdpersonal kan avsluta besöket.")
    if visit["status"] != "avslutat":
        database.execute("UPDATE visits SET status = 'avslutat', closed_at = ? WHERE id = ?", (now(), visit_id))
    if visit["anonymous_id"] is not None:
        anonymous.forget(database, visit["anonymous_id"])
    guests.end_sessions(database, visit_id)
    return get_visit(database, visit_id)


def store_message(database: Database, visit_id: int, user: User, text: str, sender_seq: int | None,
                  sent_at: float | None) -> dict[str, Any]:
    stored_at = now()
    message_id = database.execute(
        "INSERT INTO messages (visit_id, sender_kind, sender_name, text, sender_seq, sent_at, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (visit_id, user.kind, user.name, text, sender_seq, sent_at, stored_at))
    return {"id": message_id, "visit_id": visit_id, "sender_kind": user.kind, "sender_name": user.name,
            "text": text, "sender_seq": sender_seq, "sent_at": sent_at, "stored_at": stored_at}


def messages(database: Database, visit_id: int) -> list[dict[str, Any]]:
    return database.query("SELECT id, visit_id, sender_kind, sender_name, text, sender_seq, sent_at, stored_at"
                          " FROM messages WHERE visit_id = ? ORDER BY id", (visit_id,))


OUTBOX_REFUSED = "Din roll får inte läsa SMS-utkorgen."


def _reads_patient_data(request, user: User, unit_id: int | None) -> bool:
    """Names, phone numbers and links are patient data: only a role that reads the unit's visits sees them
    (a weakened sandbox lets anyone working at the unit, a unit administrator too)."""
    if request.app.state.weaknesses.unit_admin_reads_patient_data:
        return user.is_admin or user.works_at(unit_id)
    return user.may("lasa_besok", unit_id)


def may_read_outbox(request, user: User) -> bool:
    return user.is_staff and any(_reads_patient_data(request, user, unit) for unit in user.unit_roles)


def may_read_register(request, user: User) -> bool:
    """The patient register (names and identity numbers) is for those who book."""
    if request.app.state.weaknesses.unit_admin_reads_patient_data:
        return user.is_staff
    return any(user.may("boka", unit) for unit in user.unit_roles)


def sms_outbox(request, user: User, phone: str | None = None, visit_id: int | None = None) -> list[dict[str, Any]]:
    rows = request.app.state.database.query(
        "SELECT o.id, o.visit_id, o.phone, o.text, o.created_at, v.unit_id FROM sms_outbox o"
        " LEFT JOIN visits v ON v.id = o.visit_id ORDER BY o.id")
    return [row for row in rows
            if _reads_patient_data(request, user, row["unit_id"])
            and (phone is None or row["phone"] == phone) and (visit_id is None or row["visit_id"] == visit_id)]
