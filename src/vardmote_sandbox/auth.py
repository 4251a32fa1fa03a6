"""Sessions and who may do what: staff by username and password, patients by simulated BankID.

A session is a random token in an HttpOnly, SameSite=Lax cookie (Secure whenever the request came over
HTTPS), stored server-side so that logging out ends it.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from fastapi import HTTPException, Request, Response

from .db import Database, hash_password, now
from .identities import is_valid_personnummer
from .roles import rights_of

SESSION_COOKIE = "vardmote_session"


@dataclass(frozen=True)
class User:
    kind: str  # "staff", "patient" or "anonym" (a patient without identity, see anonymous.py)
    id: int
    name: str
    unit_roles: dict[int | None, str] = field(default_factory=dict)  # unit id (None = all units) -> role

    @property
    def is_staff(self) -> bool:
        return self.kind == "staff"

    @property
    def is_admin(self) -> bool:
        return "admin" in self.unit_roles.values()

    @property
    def is_patient(self) -> bool:
        """A patient with or without identity: someone who is cared for, not staff."""
        return self.kind in ("patient", "anonym")

    def works_at(self, unit_id: int) -> bool:
        return self.is_staff and (unit_id in self.unit_roles or None in self.unit_roles)

    def may(self, right: str, unit_id: int | None) -> bool:
        """True if one of this staff user's roles at the unit (or at all units) gives the right."""
        if not self.is_staff:
            return False
        return right in rights_of(self.unit_roles.get(unit_id)) or right in rights_of(self.unit_roles.get(None))


class NotLoggedIn(Exception):
    """Raised when a page or API needs a session and the request has none."""


def verify_staff_password(database: Database, username: str, password: str) -> int | None:
    row = database.query_one("SELECT id, password_salt, password_hash FROM staff WHERE username = ?", (username,))
    if row is None:
        return None
    if not hmac.compare_digest(hash_password(password, row["password_salt"]), row["password_hash"]):
        return None
    return row["id"]


def find_patient(database: Database, personnummer: str) -> int | None:
    digits = personnummer.replace("-", "").replace("+", "").strip()
    if not is_valid_personnummer(digits):
        return None
    row = database.query_one("SELECT id FROM patients WHERE personnummer = ?", (digits,))
    return row["id"] if row else None


def start_session(database: Database, request: Request, response: Response, kind: str, user_id: int) -> None:
    token = secrets.token_urlsafe(32)
    database.execute("INSERT INTO sessions (token, kind, user_id, created_at) VALUES (?, ?, ?, ?)",
                     (token, kind, user_id, now()))
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def end_session(database: Database, request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        database.execute("DELETE FROM sessions WHERE token = ?", (token,))
    response.delete_cookie(SESSION_COOKIE, path="/")


def user_for_token(database: Database, token: str | None) -> User | None:
    if not token:
        return None
    session = database.query_one("SELECT kind, user_id FROM sessions WHERE token = ?", (token,))
    if session is None:
        return None
    if session["kind"] == "staff":
        staff = database.query_one("SELECT id, name FROM staff WHERE id = ?", (session["user_id"],))
        roles = database.query("SELECT unit_id, role FROM staff_roles WHERE staff_id = ?", (staff["id"],))
        return User("staff", staff["id"], staff["name"], {row["unit_id"]: row["role"] for row in roles})
    if session["kind"] == "anonym":
        client = database.query_one("SELECT id, alias FROM anonymous_clients WHERE id = ?", (session["user_id"],))
        return User("anonym", client["id"], f"Anonym patient {client['alias']}") if client else None
    patient = database.query_one("SELECT id, name FROM patients WHERE id = ?", (session["user_id"],))
    return User("patient", patient["id"], patient["name"])


def current_user(request: Request) -> User:
    user = user_for_token(request.app.state.database, request.cookies.get(SESSION_COOKIE))
    if user is None:
        raise NotLoggedIn()
    return user


def api_user(request: Request) -> User:
    user = user_for_token(request.app.state.database, request.cookies.get(SESSION_COOKIE))
    if user is None:
        raise HTTPException(status_code=401, detail="Du behöver logga in.")
    return user
