"""The JSON API: what the pages call, and what tests use to arrange their data (OpenAPI at /docs)."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from . import VERSION, consent, guests, messages, video_engines, visits
from .auth import User, api_user, end_session, find_patient, start_session, verify_staff_login

router = APIRouter(prefix="/api")
public_router = APIRouter()


class StaffLogin(BaseModel):
    username: str
    password: str


class BankIdLogin(BaseModel):
    personnummer: str = Field(description="Testidentitetens personnummer, ÅÅÅÅMMDDNNNK")


class VisitBooking(BaseModel):
    unit_id: int
    personnummer: str
    starts_at: str = Field(description="ISO-tid, t.ex. 2026-11-26T09:30")
    kind: str = Field("video", description="video eller chatt")
    videomotor: str | None = Field(None, description="p2p eller sfu; utan värde mottagningens videomotor")


class FaultSettings(BaseModel):
    model_config = {"extra": "allow"}


def _database(request: Request):
    return request.app.state.database


@public_router.get("/health")
def health(request: Request) -> dict:
    return {"status": "ok", "websockets": request.app.state.rooms.connection_count()}


@public_router.get("/ws-schema")
def visit_socket_schema() -> dict:
    """The JSON schema of the messages a client may send on the visit WebSocket (/ws/visits/{id})."""
    return messages.json_schema()


@public_router.get("/version")
def version() -> dict:
    return {"service": "vardmote-sandbox", "version": VERSION, "video_engine": "webrtc-p2p"}


@router.post("/session/staff")
def login_staff(body: StaffLogin, request: Request, response: Response) -> dict:
    staff_id = verify_staff_login(request, body.username, body.password)
    if staff_id is None:
        raise HTTPException(status_code=401, detail="Fel användarnamn eller lösenord.")
    start_session(_database(request), request, response, "staff", staff_id)
    return {"kind": "staff", "id": staff_id}


@router.post("/session/bankid")
def login_bankid(body: BankIdLogin, request: Request, response: Response) -> dict:
    patient_id = find_patient(_database(request), body.personnummer)
    if patient_id is None:
        raise HTTPException(status_code=401, detail="Identiteten finns inte bland testidentiteterna.")
    start_session(_database(request), request, response, "patient", patient_id)
    return {"kind": "patient", "id": patient_id}


@router.delete("/session")
def logout(request: Request, response: Response) -> dict:
    end_session(_database(request), request, response)
    return {"status": "utloggad"}


@router.get("/me")
def me(user: User = Depends(api_user)) -> dict:
    return {"kind": user.kind, "id": user.id, "name": user.name,
            "units": [unit for unit in user.unit_roles if unit is not None], "admin": user.is_admin}


@router.get("/units")
def units(request: Request, user: User = Depends(api_user)) -> list[dict]:
    return _database(request).query("SELECT id, slug, name, administration, patient_initiated, on_start_page,"
                                     " allows_anonymous FROM units ORDER BY name")


@router.post("/visits", status_code=201)
def book(body: VisitBooking, request: Request, user: User = Depends(api_user)) -> dict:
    engine = video_engines.checked_engine(body.videomotor)
    visit = visits.book_visit(_database(request), user, body.unit_id, body.personnummer, body.starts_at,
                              body.kind, str(request.base_url), texts_as_format=request.app.state.weaknesses.sms_format_specs)
    video_engines.set_visit_engine(_database(request), visit["id"], engine)
    return {**visit, "videomotor": video_engines.engine_of(_database(request), visit)}


@router.get("/visits")
def list_visits(request: Request, status: str | None = None, user: User = Depends(api_user)) -> list[dict]:
    if user.is_patient:
        return visits.visits_for_user(_database(request), user)
    return visits.visits_for_staff(_database(request), user, status)


def _visit_shown(request: Request, user: User, visit_id: int) -> dict:
    visit = visits.visit_for(_database(request), user, visit_id)
    consent.require_on_visit(request.app.state, user, visit)
    return guests.guest_view(visit) if user.kind == guests.GUEST else visit


@router.get("/visits/{visit_id}")
def show_visit(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    return _visit_shown(request, user, visit_id)


@router.post("/visits/{visit_id}/check-in")
async def check_in(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    visit = visits.check_in(_database(request), user, visit_id)
    await request.app.state.rooms.announce_status(visit_id, visit["status"])
    return visit


@router.post("/visits/{visit_id}/admit")
async def admit(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    visit = visits.admit(_database(request), user, visit_id)
    await request.app.state.rooms.announce_status(visit_id, visit["status"])
    return visit


@router.post("/visits/{visit_id}/close")
async def close(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    visit = visits.close(_database(request), user, visit_id)
    await request.app.state.rooms.announce_status(visit_id, visit["status"])
    return visit


@router.get("/visits/{visit_id}/messages")
def visit_messages(visit_id: int, request: Request, user: User = Depends(api_user)) -> list[dict]:
    _visit_shown(request, user, visit_id)
    return visits.messages(_database(request), visit_id)


@router.get("/sms-outbox")
def outbox(request: Request, phone: str | None = None, visit_id: int | None = None,
           user: User = Depends(api_user)) -> list[dict]:
    if not visits.may_read_outbox(request, user):
        raise HTTPException(status_code=403, detail=visits.OUTBOX_REFUSED)
    return visits.sms_outbox(request, user, phone, visit_id)


@router.get("/admin/faults")
def read_faults(request: Request, user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    return request.app.state.faults.as_dict()


@router.post("/admin/faults")
def set_faults(body: FaultSettings, request: Request, after_answer: BackgroundTasks,
               user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    faults = request.app.state.faults
    answer = _switched(faults, body)
    if faults.crash:
        # `crash` ends the process at the next request. Armed once this answer is sent (a background task runs
        # after the response): a request arriving between the switch and its answer ended the process before
        # the admin who asked for the crash heard that it was set (seen in make test: a reset connection).
        faults.crash = False
        after_answer.add_task(setattr, faults, "crash", True)
    return answer


@router.get("/admin/weaknesses")
def read_weaknesses(request: Request, user: User = Depends(api_user)) -> dict:
    """Test-only: which security holes are open (all closed unless a test opened one)."""
    _require_admin(user)
    return request.app.state.weaknesses.as_dict()


@router.post("/admin/weaknesses")
def set_weaknesses(body: FaultSettings, request: Request, user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    return _switched(request.app.state.weaknesses, body)


def _switched(switches, body: FaultSettings) -> dict:
    """Sets the faults' or the weaknesses' switches; an unknown name or a bad value is a 422."""
    try:
        switches.update(body.model_dump())
    except (ValueError, TypeError) as error:
        raise HTTPException(status_code=422, detail=str(error))
    return switches.as_dict()


def _require_admin(user: User) -> None:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="Kräver administratörsroll.")
