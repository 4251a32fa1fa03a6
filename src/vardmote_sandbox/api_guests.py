"""The JSON API of physical meetings and guest links (guests.py): typed, so that the OpenAPI description says
exactly what is asked and answered and the fuzzer checks the answers against it."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from . import guests, texts, visits
from .auth import User, api_user

router = APIRouter(prefix="/api")

PHONE_PATTERN = r"^\+?[0-9 ]{6,20}$"


class PhysicalVisitBooking(BaseModel):
    unit_id: int
    personnummer: str = Field(max_length=20)
    starts_at: str = Field(max_length=40, description="ISO-tid, t.ex. 2026-11-26T09:30")


class GuestInvitation(BaseModel):
    name: str = Field(min_length=1, max_length=80, pattern=r"\S", description="gästens namn, som det visas i mötet")
    phone: str = Field(pattern=PHONE_PATTERN, description="gästens mobilnummer: länken skickas dit i SMS")
    role: Literal["anhorig", "tolk"] = Field(description="anhörig eller tolk")


class GuestLink(BaseModel):
    id: int
    visit_id: int
    name: str
    phone: str
    role: Literal["anhorig", "tolk"]
    active: bool = Field(description="false när besöket är avslutat: länken leder då ingenstans")


class PhysicalVisit(BaseModel):
    id: int
    unit_id: int
    unit_name: str
    patient_name: str
    starts_at: str
    kind: Literal["video"]
    status: Literal["bokat", "pagar", "avslutat"]
    origin: Literal["fysiskt"]


def _database(request: Request):
    return request.app.state.database


@router.post("/physical-visits", status_code=201, response_model=PhysicalVisit)
def book_physical(body: PhysicalVisitBooking, request: Request, user: User = Depends(api_user)) -> dict:
    """Books a meeting where the patient is in the room and others join digitally: no SMS to the patient."""
    database = _database(request)
    def send_invitation(visit):
        texts.send_sms(database, visit, "invitation_text", str(request.base_url))

    weakened = request.app.state.weaknesses.physical_meeting_sends_sms  # the patient gets an SMS anyway
    return guests.book_physical(database, user, body.unit_id, body.personnummer, body.starts_at,
                                send_patient_sms=send_invitation if weakened else None)


@router.post("/visits/{visit_id}/start", response_model=PhysicalVisit)
async def start(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    """Starts a physical meeting (no waiting room: the patient is in the room)."""
    database = _database(request)
    guests.start_physical(database, user, visits.visit_for(database, user, visit_id))
    await request.app.state.rooms.announce_status(visit_id, "pagar")
    return visits.get_visit(database, visit_id)


@router.post("/visits/{visit_id}/guests", status_code=201, response_model=GuestLink)
def invite_guest(visit_id: int, body: GuestInvitation, request: Request, user: User = Depends(api_user)) -> dict:
    """Invites a relative or an interpreter: a link of their own, by SMS to their phone, for this visit only."""
    database = _database(request)
    visit = visits.visit_for(database, user, visit_id)
    return guests.invite(database, user, visit, body.name.strip(), body.phone, body.role, str(request.base_url))


@router.get("/visits/{visit_id}/guests", response_model=list[GuestLink])
def list_guests(visit_id: int, request: Request, user: User = Depends(api_user)) -> list[dict]:
    database = _database(request)
    visit = visits.visit_for(database, user, visit_id)
    if not user.may("boka", visit["unit_id"]):
        raise HTTPException(status_code=403, detail=guests.INVITE_REFUSED)
    return guests.guests_of(database, visit)
