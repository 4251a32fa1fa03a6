"""Sessions and who may do what: staff by username and password, patients by simulated BankID.

A session is a random token in an HttpOnly, SameSite=Lax cookie (Secure whenever the request came over
HTTPS), stored server-side so that logging out ends it. It also ends by itself: after SESSION_LIFETIME_S
whatever happens, and after IDLE_TIMEOUT_S without a request (both can be shortened through the
environment, SANDBOX_SESSION_LIFETIME_S and SANDBOX_SESSION_IDLE_S, so that a test need not wait).
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass, field

from fastapi import HTTPException, Request, Response, WebSocket

from .db import Database, hash_password, now
from .identities import is_valid_personnummer
from .roles import rights_of

SESSION_COOKIE = "vardmote_session"
SESSION_LIFETIME_S = float(os.environ.get("SANDBOX_SESSION_LIFETIME_S", 8 * 3600))  # one working day
IDLE_TIMEOUT_S = float(os.environ.get("SANDBOX_SESSION_IDLE_S", 30 * 60))
_TOUCH_EVERY_S = 5.0  # the last-seen time is written at most this often, not on every request


@dataclass(frozen=True)
class User:
    kind: str  # "staff", "patient" or "anonym" (a patient without identity, see anonymous.py)
    id: int
    name: str
    unit_roles: dict[int | None, str] = field(default_factory=dict)  # unit id (None = all units) -> role
    visit_id: int | None = None  # a guest (guests.py): the one visit its link leads to

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


def verify_staff_login(request: Request, username: str, password: str) -> int | None:
    """verify_staff_password, throttled per account: after too many failures even the right password waits."""
    state = request.app.state
    throttle = None if state.weaknesses.no_login_throttle else state.throttles.login_failures
    account = username.strip().lower()
    if throttle is not None:
        throttle.check(account)
    staff_id = verify_staff_password(state.database, username, password)
    if staff_id is None and throttle is not None:
        throttle.count(account)
    return staff_id


def find_patient(database: Database, personnummer: str) -> int | None:
    digits = personnummer.replace("-", "").replace("+", "").strip()
    if not is_valid_personnummer(digits):
        return None
    row = database.query_one("SELECT id FROM patients WHERE personnummer = ?", (digits,))
    return row["id"] if row else None


def start_session(database: Database, request: Request, response: Response, kind: str, user_id: int) -> None:
    token = secrets.token_urlsafe(32)
    database.execute("INSERT INTO sessions (token, kind, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                     (token, kind, user_id, now(), now()))
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def end_session(database: Database, request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        database.execute("DELETE FROM sessions WHERE token = ?", (token,))
    response.delete_cookie(SESSION_COOKIE, path="/")


def user_for_token(database: Database, token: str | None, *, expire: bool = True,
                   guests_end_with_visit: bool = True) -> User | None:
    """The user of a live session; an expired one is ended here (expire=False: a weakened sandbox)."""
    if not token:
        return None
    session = database.query_one("SELECT kind, user_id, created_at, last_seen_at FROM sessions WHERE token = ?",
                                 (token,))
    if session is None:
        return None
    moment = now()
    last_seen = session["last_seen_at"] or session["created_at"]
    if expire and (moment - session["created_at"] > SESSION_LIFETIME_S or moment - last_seen > IDLE_TIMEOUT_S):
        database.execute("DELETE FROM sessions WHERE token = ?", (token,))
        return None
    if moment - last_seen > _TOUCH_EVERY_S:
        database.execute("UPDATE sessions SET last_seen_at = ? WHERE token = ?", (moment, token))
    if session["kind"] == "staff":
        staff = database.query_one("SELECT id, name FROM staff WHERE id = ?", (session["user_id"],))
        roles = database.query("SELECT unit_id, role FROM staff_roles WHERE staff_id = ?", (staff["id"],))
        return User("staff", staff["id"], staff["name"], {row["unit_id"]: row["role"] for row in roles})
    from . import guests  # guests.py builds its User from this module: imported here, not at the top
    if session["kind"] == guests.GUEST:
        return guests.guest_user(database, session["user_id"], end_with_visit=guests_end_with_visit)
    if session["kind"] == "anonym":
        client = database.query_one("SELECT id, alias FROM anonymous_clients WHERE id = ?", (session["user_id"],))
        return User("anonym", client["id"], f"Anonym patient {client['alias']}") if client else None
    patient = database.query_one("SELECT id, name FROM patients WHERE id = ?", (session["user_id"],))
    return User("patient", patient["id"], patient["name"])


def session_user(connection: Request | WebSocket) -> User | None:
    """The user whose live session cookie came with this request or socket, or None."""
    state = connection.app.state
    return user_for_token(state.database, connection.cookies.get(SESSION_COOKIE),
                          expire=not state.weaknesses.sessions_never_expire,
                          guests_end_with_visit=not state.weaknesses.guest_links_outlive_visit)


def current_user(request: Request) -> User:
    user = session_user(request)
    if user is None:
        raise NotLoggedIn()
    return user


def api_user(request: Request) -> User:
    user = session_user(request)
    if user is None:
        raise HTTPException(status_code=401, detail="Du behöver logga in.")
    return user
