"""The JSON API of the patient's ways in: errands and the unit queue, anonymous login, consent."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from . import anonymous, consent, errands, throttle
from .auth import User, api_user, start_session

router = APIRouter(prefix="/api")


class ErrandRequest(BaseModel):
    unit_id: int
    errand: str = Field(description="Patientens beskrivning av ärendet")
    kind: str = Field("chatt", description="video eller chatt")
    interpreter_language: str | None = Field(None, description="Språk om patienten behöver tolk, annars tomt")


class AnonymousLogin(BaseModel):
    unit_id: int


class ConsentGiven(BaseModel):
    unit_id: int
    page: str = Field(description="arende eller besok")


@router.post("/errands", status_code=201)
def create_errand(body: ErrandRequest, request: Request, user: User = Depends(api_user)) -> dict:
    return errands.create(request.app.state.database, user, body.unit_id, body.errand, body.kind,
                          body.interpreter_language)


@router.get("/interpreter-languages")
def interpreter_languages() -> list[str]:
    """The languages an errand may ask an interpreter for (the errand form offers the same)."""
    return errands.INTERPRETER_LANGUAGES


@router.get("/queue")
def read_queue(request: Request, user: User = Depends(api_user)) -> list[dict]:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="Bara vårdpersonal ser mottagningens kö.")
    return errands.queue(request.app.state.database, user)


@router.post("/visits/{visit_id}/pick-up")
async def pick_up(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    visit = errands.pick_up(request.app.state.database, user, visit_id)
    await request.app.state.rooms.announce_status(visit_id, visit["status"])
    return visit


@router.post("/session/anonymous")
def login_anonymous(body: AnonymousLogin, request: Request, response: Response) -> dict:
    database = request.app.state.database
    if not anonymous.unit_allows(database, body.unit_id):
        raise HTTPException(status_code=403, detail="Mottagningen tar inte emot anonyma ärenden.")
    throttle.admit_anonymous_session(request)
    client_id = anonymous.create_client(database, body.unit_id)
    start_session(database, request, response, "anonym", client_id)
    return {"kind": "anonym", "id": client_id, "alias": anonymous.alias_of(database, client_id)}


@router.post("/consents", status_code=201)
def give_consent(body: ConsentGiven, request: Request, user: User = Depends(api_user)) -> dict:
    consent.give(request.app.state.database, user, body.unit_id, body.page)
    return {"unit_id": body.unit_id, "page": body.page, "given": True}


@router.delete("/consents/{unit_id}/{page}")
def withdraw_consent(unit_id: int, page: str, request: Request, user: User = Depends(api_user)) -> dict:
    request.app.state.database.execute(
        "DELETE FROM consents WHERE user_kind = ? AND user_id = ? AND unit_id = ? AND page = ?",
        (user.kind, user.id, unit_id, page))
    return {"unit_id": unit_id, "page": page, "given": False}


@router.get("/admin/visits/{visit_id}/personal-data")
def personal_data(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="Kräver administratörsroll.")
    trace = anonymous.personal_data_trace(request.app.state.database, visit_id)
    if not trace:
        raise HTTPException(status_code=404, detail="Besöket finns inte.")
    return trace
