"""The JSON API of unit configuration (texts, consent pages), reminders, and staff accounts."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from . import consent, texts, visits
from .auth import User, api_user
from .db import hash_password
from .roles import RIGHTS

router = APIRouter(prefix="/api")


class UnitTexts(BaseModel):
    invitation_text: str | None = Field(None, description="Kallelse; fält: {patient} {unit} {starts_at} {link}")
    reminder_text: str | None = Field(None, description="Påminnelse; samma fält")


class ConsentPage(BaseModel):
    text: str | None = Field(description="Samtyckestexten, eller null om sidan inte ska kräva samtycke")


class RoleAtUnit(BaseModel):
    unit_id: int | None = Field(description="Mottagningen, eller null för alla")
    role: str


class NewStaff(BaseModel):
    username: str
    name: str
    title: str
    password: str
    roles: list[RoleAtUnit]


def _require_right(user: User, right: str, unit_id: int) -> None:
    if not user.may(right, unit_id):
        raise HTTPException(status_code=403, detail="Din roll på mottagningen får inte göra det.")


@router.get("/units/{unit_id}/texts")
def read_texts(unit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="Bara personal ser mottagningens texter.")
    return texts.unit_texts(request.app.state.database, unit_id)


@router.put("/units/{unit_id}/texts")
def configure_texts(unit_id: int, body: UnitTexts, request: Request, user: User = Depends(api_user)) -> dict:
    _require_right(user, "konfigurera", unit_id)
    changes = {column: value for column, value in body.model_dump().items() if value is not None}
    return texts.configure(request.app.state.database, unit_id, changes, allow_format_specs=request.app.state.weaknesses.sms_format_specs)


@router.get("/units/{unit_id}/consent-pages")
def read_consent_pages(unit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="Bara personal ser mottagningens inställningar.")
    return consent.pages_of(request.app.state.database, unit_id)


@router.put("/units/{unit_id}/consent-pages/{page}")
def configure_consent(unit_id: int, page: str, body: ConsentPage, request: Request,
                      user: User = Depends(api_user)) -> dict:
    _require_right(user, "konfigurera", unit_id)
    return consent.configure(request.app.state.database, unit_id, page, body.text)


@router.post("/visits/{visit_id}/reminder", status_code=201)
def send_reminder(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    database = request.app.state.database
    visit = visits.visit_for(database, user, visit_id)
    _require_right(user, "boka", visit["unit_id"])
    return {"text": texts.send_sms(database, visit, "reminder_text", str(request.base_url), as_format=request.app.state.weaknesses.sms_format_specs)}


@router.post("/admin/staff", status_code=201)
def create_staff(body: NewStaff, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="Kräver administratörsroll.")
    unknown = [role.role for role in body.roles if role.role not in RIGHTS]
    if unknown:
        raise HTTPException(status_code=422, detail=f"Okänd roll: {', '.join(unknown)}.")
    database = request.app.state.database
    if database.query_one("SELECT 1 FROM staff WHERE username = ?", (body.username,)):
        raise HTTPException(status_code=409, detail="Användarnamnet är upptaget.")
    salt = secrets.token_hex(8)
    staff_id = database.execute(
        "INSERT INTO staff (username, name, title, password_salt, password_hash) VALUES (?, ?, ?, ?, ?)",
        (body.username, body.name, body.title, salt, hash_password(body.password, salt)))
    for role in body.roles:
        database.execute("INSERT INTO staff_roles (staff_id, unit_id, role) VALUES (?, ?, ?)",
                         (staff_id, role.unit_id, role.role))
    return {"id": staff_id, "username": body.username}
