"""Patient-initiated meetings: the patient describes an errand at a unit that offers it and waits in the
unit's queue; staff at that unit with the right to meet patients pick it up, and it runs as a meeting."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from fastapi import HTTPException

from . import consent, visits
from .auth import User
from .db import Database, now

MAX_ERRAND_LENGTH = 2000
INTERPRETER_LANGUAGES = ["arabiska", "dari", "engelska", "finska", "persiska", "polska", "somaliska",
                         "teckenspråk", "tigrinja", "turkiska", "ukrainska"]


def unit_by_slug(database: Database, slug: str) -> dict[str, Any]:
    unit = database.query_one("SELECT id, slug, name, patient_initiated, on_start_page, allows_anonymous"
                              " FROM units WHERE slug = ?", (slug,))
    if unit is None or not unit["patient_initiated"]:
        raise HTTPException(status_code=404, detail="Mottagningen tar inte emot ärenden här.")
    return unit


def start_page_units(database: Database) -> list[dict[str, Any]]:
    return database.query("SELECT id, slug, name FROM units WHERE patient_initiated = 1 AND on_start_page = 1"
                          " ORDER BY name")


def create(database: Database, user: User, unit_id: int, errand: str, kind: str,
           interpreter_language: str | None) -> dict[str, Any]:
    unit = database.query_one("SELECT id, patient_initiated FROM units WHERE id = ?", (unit_id,))
    if unit is None or not unit["patient_initiated"]:
        raise HTTPException(status_code=404, detail="Mottagningen tar inte emot ärenden här.")
    if not user.is_patient:
        raise HTTPException(status_code=403, detail="Bara patienter kan lämna ett ärende.")
    if user.kind == "anonym" and not _anonymous_client_of(database, user.id, unit_id):
        raise HTTPException(status_code=403, detail="Den anonyma inloggningen gäller en annan mottagning.")
    consent.require(database, user, unit_id, "arende")
    errand = errand.strip()
    if not errand or len(errand) > MAX_ERRAND_LENGTH:
        raise HTTPException(status_code=422, detail=f"Beskriv ärendet med 1–{MAX_ERRAND_LENGTH} tecken.")
    if kind not in visits.KIND_LABELS:
        raise HTTPException(status_code=422, detail="Mötesformen måste vara video eller chatt.")
    if interpreter_language is not None and interpreter_language not in INTERPRETER_LANGUAGES:
        raise HTTPException(status_code=422, detail="Välj vilket språk tolken ska tala.")
    patient_id, anonymous_id = (user.id, None) if user.kind == "patient" else (None, user.id)
    alias = database.query_one("SELECT alias FROM anonymous_clients WHERE id = ?", (anonymous_id,))["alias"] \
        if anonymous_id else None
    visit_id = database.execute(
        "INSERT INTO visits (unit_id, patient_id, starts_at, kind, status, origin, invite_token, created_at,"
        " errand, interpreter_language, anonymous_id, anonymous_alias)"
        " VALUES (?, ?, ?, ?, 'ko', 'patient', ?, ?, ?, ?, ?, ?)",
        (unit_id, patient_id, dt.datetime.now().strftime("%Y-%m-%dT%H:%M"), kind, secrets.token_urlsafe(16),
         now(), errand, interpreter_language, anonymous_id, alias))
    return visits.get_visit(database, visit_id)


def _anonymous_client_of(database: Database, client_id: int, unit_id: int) -> bool:
    return database.query_one("SELECT 1 FROM anonymous_clients WHERE id = ? AND unit_id = ?",
                              (client_id, unit_id)) is not None


def queue(database: Database, user: User) -> list[dict[str, Any]]:
    """The errands waiting in the queues of the units whose visits this user may read, oldest first.
    Reading is not taking: pick_up() asks for the right to meet patients."""
    rows = database.query(f"SELECT {visits.VISIT_COLUMNS} {visits.VISIT_FROM} WHERE v.status = 'ko'"
                          " ORDER BY v.created_at, v.id")
    return [row for row in rows if user.may("lasa_besok", row["unit_id"])]


def pick_up(database: Database, user: User, visit_id: int) -> dict[str, Any]:
    visit = visits.visit_for(database, user, visit_id)
    if not user.may("mota", visit["unit_id"]):
        raise HTTPException(status_code=403, detail="Din roll på mottagningen får inte ta ärenden ur kön.")
    if visit["status"] != "ko":
        raise HTTPException(status_code=409, detail="Ärendet står inte längre i kön.")
    database.execute("UPDATE visits SET status = 'pagar', admitted_at = ?, clinician_id = ? WHERE id = ?"
                     " AND status = 'ko'", (now(), user.id, visit_id))
    visit = visits.get_visit(database, visit_id)
    if visit["clinician_id"] != user.id:  # a colleague took it between our read and our write
        raise HTTPException(status_code=409, detail="Ärendet står inte längre i kön.")
    return visit
