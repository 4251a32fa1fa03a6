"""Pages of physical meetings and guests: the guest link (the guest's only way in) and starting a physical
meeting from its visit page. The visit page itself is pages.py's; templates/guests_panel.html is its part
for inviting guests."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from . import guests, visits
from .auth import current_user, start_session
from .pages import templates

router = APIRouter(include_in_schema=False)


def _refusal(request: Request, status_code: int, text: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "message.html", {"user": None, "title": "Länken gäller inte",
                                                                "text": text}, status_code=status_code)


@router.get("/g/{token}")
def guest_link(token: str, request: Request):
    """Opens the guest's own visit in a guest session (no BankID); refused once the visit has ended."""
    database = request.app.state.database
    link = guests.link_for(database, token)
    if link is None:
        return _refusal(request, 404, guests.LINK_UNKNOWN)
    if link["status"] == "avslutat" and not request.app.state.weaknesses.guest_links_outlive_visit:
        return _refusal(request, 410, guests.LINK_ENDED)
    response = RedirectResponse(f"/besok/{link['visit_id']}", status_code=303)
    start_session(database, request, response, guests.GUEST, link["id"])
    return response


@router.post("/besok/{visit_id}/starta")
async def start_physical(visit_id: int, request: Request):
    user = current_user(request)
    database = request.app.state.database
    guests.start_physical(database, user, visits.visit_for(database, user, visit_id))
    await request.app.state.rooms.announce_status(visit_id, "pagar")
    return RedirectResponse(f"/besok/{visit_id}", status_code=303)
