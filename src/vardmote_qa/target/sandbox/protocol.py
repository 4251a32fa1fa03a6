"""The sandbox's wire protocol, written once: routes, request bodies, response fields, status words and the
visit WebSocket's messages.

Everything that speaks to the sandbox without a browser takes its words from here: the API client
(api.py), the load clients and behaviours (load/), the load video users (load/video.py) and the
benchmarks (bench/). A real environment's adapter replaces this module (and the page objects); the
callers stay as they are. The truth is the sandbox itself (vardmote_sandbox/api*.py, realtime.py), which
the platform never imports.
"""

from __future__ import annotations

from ..interface import (ConsentPage, OpenVisit, OpenVisitPage, PersonalData, Sms, SmsText, StaffRole, TriageStep,
                         UnitSettings, Visit, VisitKind, VisitStatus)
from ..interface import GuestInvitation, GuestKind
from ..interface import PatientNames, VideoEngine

# -- routes ----------------------------------------------------------------------------------------------
HEALTH = "/health"
VERSION = "/version"
STAFF_LOGIN = "/api/session/staff"
PATIENT_LOGIN = "/api/session/bankid"
ANONYMOUS_LOGIN = "/api/session/anonymous"
SESSION = "/api/session"  # DELETE logs out
ME = "/api/me"
UNITS = "/api/units"
VISITS = "/api/visits"  # POST books; GET lists, filtered by ?status=<status word>
QUEUE = "/api/queue"
ERRANDS = "/api/errands"
INTERPRETER_LANGUAGES = "/api/interpreter-languages"  # the languages an errand may ask an interpreter for
CONSENTS = "/api/consents"
SMS_OUTBOX = "/api/sms-outbox"
ADMIN_STAFF = "/api/admin/staff"
FAULTS = "/api/admin/faults"
OPEN_VISITS = "/api/open-visits"  # ?older_than_s=&offset=&limit= (at most OPEN_VISITS_MAX_PAGE)
OPEN_VISITS_MAX_PAGE = 1000
AUTO_CLOSE = "/api/admin/auto-close"  # PUT {"after_hours": h | null}
TRIAGE = "/api/triage"  # POST the answers so far; public


def visit_backdate(visit_id: int) -> str:
    """Test data: the visit becomes due `hours` ago (the sandbox's admin route; a real service has none)."""
    return f"/api/admin/visits/{visit_id}/backdate"


def visit(visit_id: int) -> str:
    return f"{VISITS}/{visit_id}"


def visit_check_in(visit_id: int) -> str:
    return f"{visit(visit_id)}/check-in"


def visit_admit(visit_id: int) -> str:
    return f"{visit(visit_id)}/admit"


def visit_close(visit_id: int) -> str:
    return f"{visit(visit_id)}/close"


def visit_pick_up(visit_id: int) -> str:
    return f"{visit(visit_id)}/pick-up"


def visit_reminder(visit_id: int) -> str:
    return f"{visit(visit_id)}/reminder"


def visit_messages(visit_id: int) -> str:
    return f"{visit(visit_id)}/messages"


def consent(unit_id: int, page: ConsentPage) -> str:
    """DELETE withdraws the logged-in person's consent to the page."""
    return f"{CONSENTS}/{unit_id}/{CONSENT_PAGE_WORDS[page]}"


def unit_texts(unit_id: int) -> str:
    return f"{UNITS}/{unit_id}/texts"


def unit_consent_pages(unit_id: int) -> str:
    return f"{UNITS}/{unit_id}/consent-pages"


def unit_consent_page(unit_id: int, page: ConsentPage) -> str:
    return f"{unit_consent_pages(unit_id)}/{CONSENT_PAGE_WORDS[page]}"


def personal_data(visit_id: int) -> str:
    return f"/api/admin/visits/{visit_id}/personal-data"


def visit_page(visit_id: int) -> str:
    """The visit's page, where the browser runs the call (the page objects hold its screens)."""
    return f"/besok/{visit_id}"


def visit_socket(base_url: str, visit_id: int) -> str:
    """The visit's WebSocket address: chat, call signalling and status, for whoever may see the visit."""
    return base_url.rstrip("/").replace("http", "ws", 1) + f"/ws/visits/{visit_id}"


# -- words -----------------------------------------------------------------------------------------------
STATUS_WORDS = {VisitStatus.QUEUED: "ko", VisitStatus.BOOKED: "bokat", VisitStatus.WAITING: "vantar",
                VisitStatus.IN_PROGRESS: "pagar", VisitStatus.CLOSED: "avslutat"}
_STATUS_OF_WORD = {word: status for status, word in STATUS_WORDS.items()}
KIND_WORDS = {VisitKind.VIDEO: "video", VisitKind.CHAT: "chatt"}
_KIND_OF_WORD = {word: kind for kind, word in KIND_WORDS.items()}
ROLE_WORDS = {StaffRole.CLINICIAN: "vardpersonal", StaffRole.SECRETARY: "sekreterare",
              StaffRole.UNIT_ADMIN: "enhetsadmin"}
CONSENT_PAGE_WORDS = {ConsentPage.ERRAND_PAGE: "arende", ConsentPage.VISIT_PAGE: "besok"}
TEXT_FIELDS = {SmsText.INVITATION: "invitation_text", SmsText.REMINDER: "reminder_text"}


def visit_status(word: str) -> VisitStatus:
    return _STATUS_OF_WORD[word]


# -- request bodies --------------------------------------------------------------------------------------
def staff_login(username: str, password: str) -> dict:
    return {"username": username, "password": password}


def patient_login(personnummer: str) -> dict:
    return {"personnummer": personnummer}


def booking(unit_id: int, personnummer: str, starts_at: str, kind: VisitKind,
            engine: VideoEngine | None = None) -> dict:
    """A provider-initiated meeting; starts_at as target.meeting_time.meeting_start() writes it. Without an
    engine the unit's own is used."""
    body = {"unit_id": unit_id, "personnummer": personnummer, "starts_at": starts_at, "kind": KIND_WORDS[kind]}
    return body if engine is None else {**body, "videomotor": engine.value}


CONFERENCES = "/api/conferences"  # POST books a group meeting: one visit, several patients, always SFU
PATIENT_NAME_WORDS = {PatientNames.FULL: "namn", PatientNames.FIRST: "fornamn", PatientNames.NUMBERED: "deltagare"}


def conference(unit_id: int, personnummers: list[str], starts_at: str) -> dict:
    return {"unit_id": unit_id, "personnummer": list(personnummers), "starts_at": starts_at}


def unit_video(unit_id: int) -> str:
    return f"/api/units/{unit_id}/videomotor"


def visit_video_room(visit_id: int) -> str:
    """GET: what a participant's page needs to join the meeting's SFU room (server, room, pin, own key)."""
    return f"{visit(visit_id)}/videorum"


def is_sfu_room(data: dict) -> bool:
    """The video room answer is the SFU's (a p2p meeting's answer names only its engine)."""
    return data.get("videomotor") == "sfu" and all(key in data for key in ("server", "room", "pin", "self"))


def unit_video_settings(engine: VideoEngine | None, patient_names: PatientNames | None) -> dict:
    body = {}
    if engine is not None:
        body["videomotor"] = engine.value
    if patient_names is not None:
        body["patienter_ser_varandra"] = PATIENT_NAME_WORDS[patient_names]
    return body


def errand(unit_id: int, text: str, kind: VisitKind, interpreter_language: str | None) -> dict:
    return {"unit_id": unit_id, "errand": text, "kind": KIND_WORDS[kind], "interpreter_language": interpreter_language}


def new_staff(username: str, name: str, title: str, password: str, unit_id: int, role: StaffRole) -> dict:
    return {"username": username, "name": name, "title": title, "password": password,
            "roles": [{"unit_id": unit_id, "role": ROLE_WORDS[role]}]}


def unit_text(which: SmsText, text: str) -> dict:
    return {TEXT_FIELDS[which]: text}


def consent_text(text: str | None) -> dict:
    return {"text": text}


def open_visits_query(older_than_s: float, offset: int, limit: int) -> dict:
    return {"older_than_s": older_than_s, "offset": offset, "limit": limit}


def auto_close(after_hours: float | None) -> dict:
    return {"after_hours": after_hours}


def backdate(hours: float) -> dict:
    return {"hours": hours}


def triage_answers(answers: tuple[str, ...]) -> dict:
    return {"answers": list(answers)}


def waiting_filter() -> dict:
    """Query parameters of the visit list that show the waiting room."""
    return {"status": STATUS_WORDS[VisitStatus.WAITING]}


# -- response fields -------------------------------------------------------------------------------------
def read_visit(data: dict) -> Visit:
    return Visit(id=data["id"], unit_name=data["unit_name"], patient_name=data["patient_name"],
                 status=visit_status(data["status"]), kind=_KIND_OF_WORD[data["kind"]], starts_at=data["starts_at"],
                 errand=data.get("errand"), interpreter_language=data.get("interpreter_language"))


def read_sms(row: dict) -> Sms:
    return Sms(phone=row["phone"], text=row["text"], visit_id=row["visit_id"])


def read_personal_data(data: dict) -> PersonalData:
    return PersonalData(data["personnummer"], data["namn"], data["telefon"], data["aktiva_sessioner"], data["sms"])


def read_unit_texts(data: dict) -> dict[SmsText, str]:
    return {which: data[field] for which, field in TEXT_FIELDS.items()}


def read_consent_pages(data: dict) -> dict[ConsentPage, str]:
    return {page: data[word] for page, word in CONSENT_PAGE_WORDS.items() if word in data}


def read_open_visits(data: dict) -> OpenVisitPage:
    return OpenVisitPage([OpenVisit(row["id"], row["unit_slug"], row["unit_name"], visit_status(row["status"]),
                                    row["opened_at"], row["age_s"]) for row in data["visits"]], data["total"])


def read_unit_settings(row: dict) -> UnitSettings:
    return UnitSettings(row["slug"], row["name"], row["administration"], bool(row["patient_initiated"]),
                        bool(row["on_start_page"]), bool(row["allows_anonymous"]))


def read_triage_step(data: dict) -> TriageStep:
    question = data.get("question") or {}
    return TriageStep(question.get("id"), question.get("text"), tuple(question.get("answers", ())),
                      data.get("priority"))


def unit_with(units: list[dict], slug_or_name: str) -> dict | None:
    """The unit by its slug (environment files) or its name (feature files), among GET /api/units."""
    return next((unit for unit in units if slug_or_name in (unit["slug"], unit["name"])), None)


# -- the visit WebSocket ---------------------------------------------------------------------------------
# Who is who on the socket: the room's role words, and the chat's sender kinds.
CLINICIAN_IN_ROOM, PATIENT_IN_ROOM = "clinician", "patient"
STAFF_SENDER, PATIENT_SENDER = "staff", "patient"
JOIN_CALL = {"type": "join-call"}


def chat(text: str, seq: int, sent_at: float) -> dict:
    """A chat message carrying the sender's clock and per-sender sequence (load accounting reads them back)."""
    return {"type": "chat", "text": text, "seq": seq, "sent_at": sent_at}


def description(kind: str, sdp: str) -> dict:
    """A WebRTC session description ("offer" or "answer"), relayed to the other side."""
    return {"type": "signal", "data": {"description": {"type": kind, "sdp": sdp}}}


def candidate(line: str, media_line: int = 0) -> dict:
    return {"type": "signal", "data": {"candidate": {"candidate": line, "sdpMLineIndex": media_line}}}


def is_hello(message: dict) -> bool:
    return message.get("type") == "hello"


def is_chat(message: dict) -> bool:
    return message.get("type") == "chat"


def chat_of(message: dict) -> dict:
    """The stored chat line of a chat message: sender_kind, sender_seq, sent_at, text."""
    return message["message"]


def has_status(status: VisitStatus):
    """Matches the greeting or a status change that says the visit is now `status`."""
    word = STATUS_WORDS[status]
    return lambda m: m.get("type") in ("hello", "status") and m.get("status") == word


def peer_in_call(role: str):
    """Matches the message that says `role` (CLINICIAN_IN_ROOM or PATIENT_IN_ROOM) is in the call."""
    return lambda m: (m.get("type") == "call-members" and role in m.get("in_call", [])) or (
        m.get("type") == "peer-joined" and m.get("role") == role)


def has_description(kind: str):
    return lambda m: m.get("type") == "signal" and ((m.get("data") or {}).get("description") or {}).get("type") == kind


def is_visit_closed(message: dict) -> bool:
    return message.get("type") == "visit-closed"


# -- security: what an attacker's hand-written requests meet, and the service's own refusals ---------------
LOGOUT_PAGE = "/logga-ut"  # POST logs out; a GET must not
WS_SCHEMA = "/ws-schema"  # the JSON schema of the client's socket messages
WEAKNESSES = "/api/admin/weaknesses"  # test only: reopens one security hole
ENDED_LINK_STATUSES = (404, 410)
THROTTLED = 429
REFUSED_SOCKET_CODES = {"session": 4401, "forbidden": 4403, "not_found": 4404}
SOCKET_CRASHED = 1011  # the server's own error: never a refusal
OBSERVER_REFUSED = "Din roll får följa besöket men inte skriva eller ringa i det."
VISIT_CLOSED_REFUSED = "Besöket är avslutat."
SESSION_REFUSED = "Sessionen har upphört; logga in igen."
UNREADABLE_REFUSED = "Meddelandet kunde inte läsas."
OUTBOX_REFUSED = "Din roll får inte läsa SMS-utkorgen."
CONSENT_REFUSED = "Samtycke saknas för besökssidan."
FOREIGN_ORIGIN_REFUSED = "Begäran kom från en annan webbplats och togs inte emot."
LOGIN_THROTTLED = "För många misslyckade inloggningar; försök igen om en minut."
ANONYMOUS_THROTTLED = "För många anonyma inloggningar härifrån; försök igen om en minut."
INVITATION_ENDED = "Kallelselänken är ogiltig eller har gått ut."
FORMAT_SPEC_REFUSED = "får bara ha fält utan formatering"
# The headers a visit page must carry, and what each must say.
SECURITY_HEADERS = {"Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY",
                    "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
FOREIGN_ORIGIN = "https://angripare.example"  # never contacted: only written in the Origin header
PROXIED_CLIENT = "X-Forwarded-For"  # the client address a loopback proxy hands on
DECLINE = {"type": "signal", "data": {"decline": True}}
LEAVE_CALL = {"type": "leave-call"}


def anonymous_login(unit_id: int) -> dict:
    return {"unit_id": unit_id}


def is_error(message: dict) -> bool:
    return message.get("type") == "error"


def is_decline(message: dict) -> bool:
    return message.get("type") == "signal" and (message.get("data") or {}).get("decline") is True


# -- physical meetings and guests (DVM-06, DVM-07): the sandbox's guests.py and api_guests.py ---------------
PHYSICAL_VISITS = "/api/physical-visits"  # POST books a meeting where the patient is in the room
GUEST_KIND_WORDS = {GuestKind.RELATIVE: "anhorig", GuestKind.INTERPRETER: "tolk"}
_GUEST_KIND_OF_WORD = {word: kind for kind, word in GUEST_KIND_WORDS.items()}
GUEST_LINK_ENDED = "Gästlänken gäller inte längre: mötet är avslutat."
GUEST_LINK_ENDED_STATUS = 410  # gone: the link was real, the meeting is over
VISIT_NOT_FOUND = "Besöket finns inte."
GUEST_SENDER = "gast"  # the chat's sender kind of a guest


def visit_start(visit_id: int) -> str:
    """POST starts a physical meeting (no waiting room)."""
    return f"{visit(visit_id)}/start"


def visit_guests(visit_id: int) -> str:
    """POST invites a guest (the link goes by SMS to the guest's phone); GET lists the invited."""
    return f"{visit(visit_id)}/guests"


def physical_booking(unit_id: int, personnummer: str, starts_at: str) -> dict:
    return {"unit_id": unit_id, "personnummer": personnummer, "starts_at": starts_at}


def guest_invitation(name: str, phone: str, kind: GuestKind) -> dict:
    return {"name": name, "phone": phone, "role": GUEST_KIND_WORDS[kind]}


def read_guest(data: dict) -> GuestInvitation:
    return GuestInvitation(data["id"], data["visit_id"], data["name"], data["phone"], _GUEST_KIND_OF_WORD[data["role"]])
