"""The video engines' API: a unit's engine and how its conference patients see each other, conference
bookings (one meeting, several patients), the SFU room a participant's page joins, and janus.js."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from . import consent, guests, texts, video_engines, visits
from .auth import User, api_user
from .db import now
from .janus.config import JANUS_JS
from .janus.process import JanusUnavailable
from .turn.process import ice_configuration

router = APIRouter()

MAX_CONFERENCE_PATIENTS = 8


class UnitVideo(BaseModel):
    videomotor: str | None = Field(None, description="p2p eller sfu: mottagningens videomotor")
    patienter_ser_varandra: str | None = Field(None, description="namn, fornamn eller deltagare")


class ConferenceBooking(BaseModel):
    unit_id: int
    personnummer: list[str] = Field(description="Patienterna, minst två")
    starts_at: str = Field(description="ISO-tid, t.ex. 2026-11-26T09:30")


@router.get("/api/units/{unit_id}/videomotor")
def read_unit_video(unit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="Bara personal ser mottagningens inställningar.")
    return video_engines.unit_engine(request.app.state.database, unit_id)


@router.put("/api/units/{unit_id}/videomotor")
def configure_unit_video(unit_id: int, body: UnitVideo, request: Request, user: User = Depends(api_user)) -> dict:
    if not user.may("konfigurera", unit_id):
        raise HTTPException(status_code=403, detail="Din roll på mottagningen får inte göra det.")
    return video_engines.configure_unit(request.app.state.database, unit_id, body.videomotor,
                                        body.patienter_ser_varandra)


@router.post("/api/conferences", status_code=201)
def book_conference(body: ConferenceBooking, request: Request, user: User = Depends(api_user)) -> dict:
    """A group meeting: the first patient is the visit's, the others join it; each gets an invitation."""
    database = request.app.state.database
    wanted = [number.replace("-", "") for number in body.personnummer]
    if not 2 <= len(set(wanted)) == len(wanted) <= MAX_CONFERENCE_PATIENTS:
        raise HTTPException(status_code=422, detail=f"Ett gruppmöte har 2 till {MAX_CONFERENCE_PATIENTS} "
                                                    "olika patienter.")
    others = []
    for number in wanted[1:]:
        patient = database.query_one("SELECT id FROM patients WHERE personnummer = ?", (number,))
        if patient is None:
            raise HTTPException(status_code=404, detail="Patienten finns inte.")
        others.append(patient["id"])
    visit = visits.book_visit(database, user, body.unit_id, wanted[0], body.starts_at, "video",
                              str(request.base_url))
    for position, patient_id in enumerate(others, start=1):
        database.execute("INSERT INTO visit_patients (visit_id, patient_id, position) VALUES (?, ?, ?)",
                         (visit["id"], patient_id, position))
        texts.send_sms(database, {**visit, "patient_id": patient_id}, "invitation_text", str(request.base_url))
    return {**visits.get_visit(database, visit["id"]), "videomotor": "sfu", "created_at": visit.get("created_at", now())}


@router.get("/api/visits/{visit_id}/videorum")
def video_room(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    """What this participant's page needs to join the meeting's SFU room: the room, its pin, the server,
    its own key and the names it may show. Only the meeting's patients, its guests (a relative or an
    interpreter by their own link: visit_for lets a guest reach only that visit) and staff who meet patients."""
    database = request.app.state.database
    visit = visits.visit_for(database, user, visit_id)
    consent.require_on_visit(request.app.state, user, visit)
    engine = video_engines.engine_of(database, visit)
    if engine != "sfu":
        return {"videomotor": engine}
    if not (user.is_patient or user.kind == guests.GUEST or user.may("mota", visit["unit_id"])):
        raise HTTPException(status_code=403, detail="Bara mötets deltagare kommer in i videorummet.")
    if visit["status"] != "pagar":
        raise HTTPException(status_code=409, detail="Besöket pågår inte.")
    rooms = request.app.state.janus_rooms
    try:
        room, pin = rooms.room_for(visit_id)
    except JanusUnavailable as error:
        raise HTTPException(status_code=503, detail=str(error))
    kind = "patient" if user.is_patient else video_engines.GUEST_KEY if user.kind == guests.GUEST else "staff"
    return {"videomotor": "sfu", "server": rooms.janus.websocket_url, "room": room, "pin": pin,
            "self": video_engines.participant_key(visit_id, kind, user.id),
            "names": video_engines.names_for(database, visit, user),
            "skip_video_from": _skipped_feed(request, database, visit, user)}


@router.get("/api/visits/{visit_id}/mediavag")
def media_path(visit_id: int, request: Request, user: User = Depends(api_user)) -> dict:
    """The RTCPeerConnection configuration of a p2p participant's page: the sandbox's TURN relay on 127.0.0.1
    with credentials of this page's own and relay candidates only, or (no relay, or the SFU) none."""
    database = request.app.state.database
    visit = visits.visit_for(database, user, visit_id)
    if not (user.is_patient or user.kind == guests.GUEST or user.may("mota", visit["unit_id"])):
        raise HTTPException(status_code=403, detail="Bara mötets deltagare får mötets mediaväg.")
    return ice_configuration(request.app.state.turn_relay, video_engines.engine_of(database, visit))


def _skipped_feed(request: Request, database, visit: dict, user: User) -> str | None:
    """Test-only (fault conference_drops_video): the conference's second patient does not take the
    clinician's video, so that one receiver misses one sender's video while everything else flows."""
    if not getattr(request.app.state.faults, "conference_drops_video", False) or not user.is_patient:
        return None
    others = video_engines.co_patients(database, visit["id"])
    if not others or others[0]["id"] != user.id or visit["clinician_id"] is None:
        return None
    return video_engines.participant_key(visit["id"], "staff", visit["clinician_id"])


@router.get("/videomotor/janus.js", include_in_schema=False)  # a static script, not an API
def janus_library() -> FileResponse:
    """Debian's janus.js (libjs-janus-gateway), served by the sandbox so that pages need no other origin."""
    if not JANUS_JS.exists():
        raise HTTPException(status_code=404, detail="janus.js saknas: installera libjs-janus-gateway.")
    return FileResponse(JANUS_JS, media_type="text/javascript")
