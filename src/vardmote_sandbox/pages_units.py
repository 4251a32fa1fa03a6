"""Pages of the patient's ways in: a unit's errand page (with consent and anonymous login), and the
form actions of the visit page (consent, reminder, picking an errand up from the queue)."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from . import anonymous, consent, errands, texts, throttle, visits
from .auth import User, current_user, session_user, start_session
from .pages import templates

router = APIRouter(include_in_schema=False)


def _optional_user(request: Request) -> User | None:
    return session_user(request)


def _render_unit(request: Request, unit: dict, user: User | None, error: str | None = None,
                 status_code: int = 200) -> HTMLResponse:
    database = request.app.state.database
    consent_text = consent.missing(database, user, unit["id"], "arende") if user else None
    wrong_unit = user is not None and user.kind == "anonym" and not database.query_one(
        "SELECT 1 FROM anonymous_clients WHERE id = ? AND unit_id = ?", (user.id, unit["id"]))
    return templates.TemplateResponse(request, "unit.html", {
        "user": user, "unit": unit, "consent_text": consent_text, "error": error, "wrong_unit": wrong_unit,
        "languages": errands.INTERPRETER_LANGUAGES}, status_code=status_code)


@router.get("/mottagning/{slug}", response_class=HTMLResponse)
def unit_page(slug: str, request: Request) -> HTMLResponse:
    try:
        unit = errands.unit_by_slug(request.app.state.database, slug)
    except HTTPException as error:
        return templates.TemplateResponse(request, "message.html", {
            "user": _optional_user(request), "title": "Mottagningen finns inte", "text": error.detail},
            status_code=404)
    return _render_unit(request, unit, _optional_user(request))


@router.post("/mottagning/{slug}/anonym")
def start_anonymously(slug: str, request: Request):
    database = request.app.state.database
    unit = errands.unit_by_slug(database, slug)
    if not unit["allows_anonymous"]:
        return _render_unit(request, unit, None, "Mottagningen tar inte emot anonyma ärenden.", 403)
    try:
        throttle.admit_anonymous_session(request)
    except HTTPException as refused:
        return _render_unit(request, unit, None, refused.detail, refused.status_code)
    response = RedirectResponse(f"/mottagning/{slug}", status_code=303)
    start_session(database, request, response, "anonym", anonymous.create_client(database, unit["id"]))
    return response


@router.post("/mottagning/{slug}/samtycke")
def consent_to_errand_page(slug: str, request: Request):
    unit = errands.unit_by_slug(request.app.state.database, slug)
    consent.give(request.app.state.database, current_user(request), unit["id"], "arende")
    return RedirectResponse(f"/mottagning/{slug}", status_code=303)


@router.post("/mottagning/{slug}/arende")
def submit_errand(slug: str, request: Request, errand: str = Form(""), kind: str = Form("chatt"),
                  needs_interpreter: str = Form(""), language: str = Form("")):
    database = request.app.state.database
    user = current_user(request)
    unit = errands.unit_by_slug(database, slug)
    if needs_interpreter and not language:
        return _render_unit(request, unit, user, "Välj vilket språk tolken ska tala.", 422)
    try:
        visit = errands.create(database, user, unit["id"], errand, kind, language if needs_interpreter else None)
    except HTTPException as error:
        return _render_unit(request, unit, user, error.detail, error.status_code)
    return RedirectResponse(f"/besok/{visit['id']}", status_code=303)


@router.post("/besok/{visit_id}/samtycke")
def consent_to_visit_page(visit_id: int, request: Request):
    user = current_user(request)
    visit = visits.visit_for(request.app.state.database, user, visit_id)
    consent.give(request.app.state.database, user, visit["unit_id"], "besok")
    return RedirectResponse(f"/besok/{visit_id}", status_code=303)


@router.post("/besok/{visit_id}/paminnelse")
def send_reminder(visit_id: int, request: Request):
    database = request.app.state.database
    user = current_user(request)
    visit = visits.visit_for(database, user, visit_id)
    if not user.may("boka", visit["unit_id"]):
        raise HTTPException(status_code=403, detail="Din roll får inte skicka påminnelser.")
    texts.send_sms(database, visit, "reminder_text", str(request.base_url), as_format=request.app.state.weaknesses.sms_format_specs)
    return RedirectResponse(f"/besok/{visit_id}?paminnelse=skickad", status_code=303)


@router.post("/besok/{visit_id}/ta")
async def pick_up(visit_id: int, request: Request):
    visit = errands.pick_up(request.app.state.database, current_user(request), visit_id)
    await request.app.state.rooms.announce_status(visit_id, visit["status"])
    return RedirectResponse(f"/besok/{visit_id}", status_code=303)


def _settings_unit(request: Request, slug: str) -> tuple[User, dict] | HTMLResponse:
    user = current_user(request)
    unit = request.app.state.database.query_one("SELECT id, slug, name FROM units WHERE slug = ?", (slug,))
    if unit is None or not user.may("konfigurera", unit["id"]):
        return templates.TemplateResponse(request, "message.html", {
            "user": user, "title": "Ingen behörighet",
            "text": "Din roll får inte ändra mottagningens inställningar."}, status_code=403)
    return user, unit


def _render_settings(request: Request, user: User, unit: dict, error: str | None = None, saved: str | None = None,
                     status_code: int = 200) -> HTMLResponse:
    database = request.app.state.database
    return templates.TemplateResponse(request, "unit_settings.html", {
        "user": user, "unit": unit, "texts": texts.unit_texts(database, unit["id"]),
        "consent_pages": consent.pages_of(database, unit["id"]), "pages": consent.PAGES,
        "placeholders": texts.PLACEHOLDERS, "error": error, "saved": saved}, status_code=status_code)


@router.get("/mottagning/{slug}/installningar", response_class=HTMLResponse)
def settings_page(slug: str, request: Request) -> HTMLResponse:
    found = _settings_unit(request, slug)
    return found if isinstance(found, HTMLResponse) else _render_settings(request, *found,
                                                                           saved=request.query_params.get("sparat"))


@router.post("/mottagning/{slug}/installningar/texter")
def save_texts(slug: str, request: Request, invitation_text: str = Form(...), reminder_text: str = Form(...)):
    found = _settings_unit(request, slug)
    if isinstance(found, HTMLResponse):
        return found
    try:
        texts.configure(request.app.state.database, found[1]["id"],
                        {"invitation_text": invitation_text, "reminder_text": reminder_text},
                        allow_format_specs=request.app.state.weaknesses.sms_format_specs)
    except HTTPException as error:
        return _render_settings(request, *found, error=error.detail, status_code=error.status_code)
    return RedirectResponse(f"/mottagning/{slug}/installningar?sparat=texter", status_code=303)


@router.post("/mottagning/{slug}/installningar/samtycke")
async def save_consent(slug: str, request: Request):
    found = _settings_unit(request, slug)
    if isinstance(found, HTMLResponse):
        return found
    form = await request.form()
    try:
        for page in consent.PAGES:
            text = str(form.get(f"text_{page}", "")) if form.get(f"require_{page}") else None
            consent.configure(request.app.state.database, found[1]["id"], page, text)
    except HTTPException as error:
        return _render_settings(request, *found, error=error.detail, status_code=error.status_code)
    return RedirectResponse(f"/mottagning/{slug}/installningar?sparat=samtycke", status_code=303)
