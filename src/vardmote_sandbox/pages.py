"""Server-rendered pages for people: login, start page, the visit (waiting room, call, chat), SMS outbox."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from . import consent, errands, guests, media_faults, seed, video_engines, visits
from .auth import User, current_user, end_session, find_patient, start_session, verify_staff_login
from .identities import display_form

router = APIRouter(include_in_schema=False)
INVITATION_LINK_INVALID = "Kallelselänken är ogiltig eller har gått ut."
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(status_labels=visits.STATUS_LABELS, kind_labels=visits.KIND_LABELS,
                             display_form=display_form)


def _render(request: Request, name: str, user: User | None = None, status_code: int = 200,
            **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"user": user, **context}, status_code=status_code)


def _safe_next(target: str | None) -> str:
    # Only local paths: an invitation link must not become an open redirect.
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


def _login_again(request: Request, next: str, error: str, status_code: int = 200) -> HTMLResponse:
    return _render(request, "login.html", status_code=status_code, next=_safe_next(next), error=error,
                   test_identities=[(p.personnummer, p.name) for p in seed.PATIENTS])


@router.get("/logga-in", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return _render(request, "login.html", next=_safe_next(next), error=None,
                   test_identities=[(p.personnummer, p.name) for p in seed.PATIENTS])


@router.post("/logga-in/personal")
def login_staff(request: Request, username: str = Form(...), password: str = Form(...), next: str = Form("/")):
    try:
        staff_id = verify_staff_login(request, username, password)
    except HTTPException as refused:  # throttled: the page says so, with the API's status
        return _login_again(request, next, refused.detail, refused.status_code)
    if staff_id is None:
        return _login_again(request, next, "Fel användarnamn eller lösenord.")
    response = RedirectResponse(_safe_next(next), status_code=303)
    start_session(request.app.state.database, request, response, "staff", staff_id)
    return response


@router.post("/logga-in/bankid")
def login_bankid(request: Request, personnummer: str = Form(...), next: str = Form("/")):
    patient_id = find_patient(request.app.state.database, personnummer)
    if patient_id is None:
        return _login_again(request, next, "BankID-inloggningen misslyckades: okänd testidentitet.")
    response = RedirectResponse(_safe_next(next), status_code=303)
    start_session(request.app.state.database, request, response, "patient", patient_id)
    return response


@router.post("/logga-ut")
def logout(request: Request):
    response = RedirectResponse("/logga-in", status_code=303)
    end_session(request.app.state.database, request, response)
    return response


@router.get("/logga-ut")
def logout_link(request: Request):
    """A GET never logs out (a link or an image on another site could); a weakened sandbox does."""
    if request.app.state.weaknesses.logout_by_get:
        return logout(request)
    return _render(request, "message.html", None, title="Logga ut med knappen",
                   text="Utloggning sker med knappen Logga ut, inte med en länk.", status_code=405)


@router.get("/k/{token}")
def invitation_link(token: str, request: Request):
    visit = request.app.state.database.query_one("SELECT id, status FROM visits WHERE invite_token = ?", (token,))
    ended = visit is not None and visit["status"] == "avslutat" and not request.app.state.weaknesses.links_outlive_visit
    if visit is None or ended:  # a link read later from an old SMS must not lead into the visit
        return _render(request, "message.html", status_code=410 if ended else 404, title="Länken gäller inte",
                       text=INVITATION_LINK_INVALID)
    target = quote(f"/besok/{visit['id']}")
    return RedirectResponse(f"/logga-in?next={target}", status_code=303)


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> HTMLResponse:
    user = current_user(request)
    database = request.app.state.database
    if user.kind == guests.GUEST:  # a guest has one visit and no start page
        return RedirectResponse(f"/besok/{user.visit_id}", status_code=303)
    if user.is_patient:
        # An anonymous login is for one errand at one unit: it gets no list of other units.
        return _render(request, "patient_start.html", user, visits=visits.visits_for_user(database, user),
                       units=errands.start_page_units(database) if user.kind == "patient" else [])
    units = database.query("SELECT id, name FROM units ORDER BY name")
    my_units = [unit for unit in units if user.may("boka", unit["id"])]
    may_meet = any(user.may("mota", unit["id"]) for unit in units)
    may_read = any(user.may("lasa_besok", unit["id"]) for unit in units)
    return _render(request, "staff_start.html", user, visits=visits.visits_for_staff(database, user),
                   units=my_units, patients=database.query("SELECT personnummer, name FROM patients ORDER BY name")
                   if visits.may_read_register(request, user) else [],
                   queue=errands.queue(database, user), may_meet=may_meet, may_read=may_read,
                   configurable=database.query("SELECT slug, name FROM units ORDER BY name") if user.is_admin
                   else [unit for unit in database.query("SELECT id, slug, name FROM units ORDER BY name")
                         if user.may("konfigurera", unit["id"])])


@router.get("/besok/{visit_id}", response_class=HTMLResponse)
def visit_page(visit_id: int, request: Request) -> HTMLResponse:
    user = current_user(request)
    database = request.app.state.database
    visit = visits.visit_for(database, user, visit_id)
    consent_text = consent.missing(database, user, visit["unit_id"], "besok")
    if consent_text:
        return _render(request, "consent.html", user, visit=visit, consent_text=consent_text)
    # Staff who may read but not meet (a secretary) follow the visit as observers: no buttons, no camera.
    role = "patient" if user.is_patient else "guest" if user.kind == guests.GUEST \
        else "clinician" if user.may("mota", visit["unit_id"]) else "observer"
    return _render(request, "visit.html", user, visit=visit, messages=visits.messages(database, visit_id),
                   role=role, may_remind=user.may("boka", visit["unit_id"]) and visit["patient_id"] is not None,
                   reminder_sent=request.query_params.get("paminnelse") == "skickad",
                   degrade_video=request.app.state.faults.degrade_video,
                   answer_any_offer=request.app.state.weaknesses.page_answers_any_offer,
                   media_faults=media_faults.plan_for(request.app.state.faults, visit_id, video_engines.engine_of(database, visit)),
                   guests=guests.guests_of(database, visit) if user.may("boka", visit["unit_id"]) else [],
                   may_invite=user.may("boka", visit["unit_id"]) and visit["status"] != "avslutat",
                   may_start=user.may("mota", visit["unit_id"]) and visit["origin"] == guests.PHYSICAL
                   and visit["status"] == "bokat",
                   video_engine=video_engines.engine_of(database, visit))


@router.get("/sms", response_class=HTMLResponse)
def sms_page(request: Request) -> HTMLResponse:
    user = current_user(request)
    if not visits.may_read_outbox(request, user):
        return _render(request, "message.html", user, status_code=403, title="Ingen behörighet",
                       text=visits.OUTBOX_REFUSED)
    return _render(request, "sms.html", user, messages=visits.sms_outbox(request, user))
