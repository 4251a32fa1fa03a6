"""Consent per web page and unit: a unit may require the patient's consent before a page shows content.

Pages: "arende" (the unit's errand page, where an errand is started) and "besok" (the visit page).
Consent is given once per patient, unit and page, and applies to patients with and without identity.
"""

from __future__ import annotations

from fastapi import HTTPException

from .auth import User
from .db import Database, now

PAGES = {"arende": "ärendesidan", "besok": "besökssidan"}


def required_text(database: Database, unit_id: int, page: str) -> str | None:
    row = database.query_one("SELECT text FROM consent_pages WHERE unit_id = ? AND page = ?", (unit_id, page))
    return row["text"] if row else None


def missing(database: Database, user: User, unit_id: int, page: str) -> str | None:
    """The consent text the user has still to agree to before the page shows content, or None."""
    if not user.is_patient:
        return None
    text = required_text(database, unit_id, page)
    if text is None:
        return None
    given = database.query_one("SELECT 1 FROM consents WHERE user_kind = ? AND user_id = ? AND unit_id = ?"
                               " AND page = ?", (user.kind, user.id, unit_id, page))
    return None if given else text


def give(database: Database, user: User, unit_id: int, page: str) -> None:
    if not user.is_patient:
        raise HTTPException(status_code=403, detail="Bara patienter lämnar samtycke.")
    database.execute("INSERT OR IGNORE INTO consents (user_kind, user_id, unit_id, page, given_at)"
                     " VALUES (?, ?, ?, ?, ?)", (user.kind, user.id, unit_id, page, now()))


def configure(database: Database, unit_id: int, page: str, text: str | None) -> dict:
    """Requires consent on the page with this text, or (text None) stops requiring it."""
    if page not in PAGES:
        raise HTTPException(status_code=422, detail=f"Okänd sida '{page}' (kända: {', '.join(PAGES)}).")
    if text is None:
        database.execute("DELETE FROM consent_pages WHERE unit_id = ? AND page = ?", (unit_id, page))
    elif not text.strip():
        raise HTTPException(status_code=422, detail="Samtyckestexten får inte vara tom.")
    else:
        database.execute("INSERT OR REPLACE INTO consent_pages (unit_id, page, text) VALUES (?, ?, ?)",
                         (unit_id, page, text))
    return pages_of(database, unit_id)


def pages_of(database: Database, unit_id: int) -> dict:
    rows = database.query("SELECT page, text FROM consent_pages WHERE unit_id = ?", (unit_id,))
    return {row["page"]: row["text"] for row in rows}


def require(database: Database, user: User, unit_id: int, page: str) -> None:
    if missing(database, user, unit_id, page):
        raise HTTPException(status_code=403, detail=f"Samtycke saknas för {PAGES[page]}.")


def require_on_visit(state, user: User, visit: dict) -> None:
    """The visit page's consent holds for everything that shows the visit, the API and the socket too
    (a weakened sandbox asks for it on the HTML page only)."""
    if not state.weaknesses.consent_pages_only:
        require(state.database, user, visit["unit_id"], "besok")
