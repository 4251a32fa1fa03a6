"""The sandbox's SQLite store: schema, seeding and the queries the routes need.

One connection per thread (the event loop's and each worker thread's): in WAL mode readers never wait,
so the event loop is not held up by a worker thread's query. Writes are serialised by a lock (one writer
avoids "database is locked" under bursts). Measured at the design load with `make bench-load`.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from . import seed, units_catalogue

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL, name TEXT NOT NULL, administration TEXT NOT NULL,
    patient_initiated INTEGER NOT NULL, on_start_page INTEGER NOT NULL,
    invitation_text TEXT NOT NULL,
    reminder_text TEXT NOT NULL DEFAULT 'Påminnelse från {unit}: du har ett digitalt vårdmöte {starts_at}. Anslut här: {link}',
    allows_anonymous INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS staff (
    id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL, name TEXT NOT NULL, title TEXT NOT NULL,
    password_salt TEXT NOT NULL, password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS staff_roles (
    staff_id INTEGER NOT NULL REFERENCES staff(id), unit_id INTEGER REFERENCES units(id),
    role TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS patients (
    id INTEGER PRIMARY KEY, personnummer TEXT UNIQUE NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id INTEGER NOT NULL, created_at REAL NOT NULL,
    last_seen_at REAL
);
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id),
    patient_id INTEGER REFERENCES patients(id), clinician_id INTEGER REFERENCES staff(id),
    starts_at TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, origin TEXT NOT NULL,
    invite_token TEXT UNIQUE NOT NULL, created_at REAL NOT NULL,
    checked_in_at REAL, admitted_at REAL, closed_at REAL,
    -- patient-initiated errands: what the patient wrote, and the interpreter language (NULL = no need);
    -- an anonymous patient (no patients row) is known only by a random alias
    errand TEXT, interpreter_language TEXT, anonymous_id INTEGER REFERENCES anonymous_clients(id),
    anonymous_alias TEXT
);
CREATE TABLE IF NOT EXISTS anonymous_clients (
    id INTEGER PRIMARY KEY, alias TEXT NOT NULL, unit_id INTEGER NOT NULL REFERENCES units(id)
);
CREATE TABLE IF NOT EXISTS consent_pages (
    unit_id INTEGER NOT NULL REFERENCES units(id), page TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (unit_id, page)
);
CREATE TABLE IF NOT EXISTS consents (
    user_kind TEXT NOT NULL, user_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, page TEXT NOT NULL,
    given_at REAL NOT NULL, PRIMARY KEY (user_kind, user_id, unit_id, page)
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY, visit_id INTEGER NOT NULL REFERENCES visits(id), sender_kind TEXT NOT NULL,
    sender_name TEXT NOT NULL, text TEXT NOT NULL, sender_seq INTEGER, sent_at REAL,
    stored_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_visit ON messages(visit_id, id);
CREATE TABLE IF NOT EXISTS sms_outbox (
    id INTEGER PRIMARY KEY, visit_id INTEGER REFERENCES visits(id), phone TEXT NOT NULL,
    text TEXT NOT NULL, created_at REAL NOT NULL
);
"""

DEFAULT_INVITATION_TEXT = (
    "Hej {patient}! Du har ett digitalt vårdmöte med {unit} {starts_at}. "
    "Logga in med BankID och anslut här: {link}"
)


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 20_000).hex()


# Indexes for the lookups the routes make per request under load (a visit list by unit and status, a
# patient's visits, a staff member's roles); kept apart from SCHEMA, which describes the data.
PERFORMANCE_INDEXES = """
CREATE INDEX IF NOT EXISTS visits_by_unit_status ON visits(unit_id, status);
CREATE INDEX IF NOT EXISTS visits_by_patient ON visits(patient_id);
CREATE INDEX IF NOT EXISTS staff_roles_by_staff ON staff_roles(staff_id);
CREATE INDEX IF NOT EXISTS sms_outbox_by_visit ON sms_outbox(visit_id);
"""


class Database:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()  # one writer at a time
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._connection = self._mine()
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.executescript(SCHEMA)
        self._connection.executescript(PERFORMANCE_INDEXES)

    def _mine(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA busy_timeout=5000")  # a checkpoint may briefly hold the file
            self._local.connection = connection
            with self._all_lock:
                self._all.append(connection)
        return connection

    def query(self, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._mine().execute(sql, params).fetchall()]

    def query_one(self, sql: str, params: tuple = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: tuple = ()) -> int:
        """Runs one write and returns the new row id."""
        with self._lock:
            return self._mine().execute(sql, params).lastrowid

    def execute_many(self, sql: str, rows: list[tuple]) -> None:
        """Runs one write for each row in one transaction (bulk seeding)."""
        with self._lock:
            connection = self._mine()
            connection.execute("BEGIN")
            connection.executemany(sql, rows)
            connection.execute("COMMIT")

    def close(self) -> None:
        with self._lock, self._all_lock:
            for connection in self._all:
                connection.close()

    # -- seeding ---------------------------------------------------------------------------------------
    def seed_if_empty(self) -> None:
        if self.query_one("SELECT id FROM units LIMIT 1"):
            return
        for unit in seed.ALL_UNITS:
            self.execute(
                "INSERT INTO units (slug, name, administration, patient_initiated, on_start_page, invitation_text)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (unit.slug, unit.name, unit.administration, int(unit.patient_initiated),
                 int(unit.on_start_page), DEFAULT_INVITATION_TEXT))
        for staff in seed.STAFF:
            salt = secrets.token_hex(8)
            staff_id = self.execute(
                "INSERT INTO staff (username, name, title, password_salt, password_hash) VALUES (?, ?, ?, ?, ?)",
                (staff.username, staff.name, staff.title, salt, hash_password(seed.SANDBOX_STAFF_PASSWORD, salt)))
            for unit_slug, role in staff.roles:
                unit = self.query_one("SELECT id FROM units WHERE slug = ?", (unit_slug,))
                self.execute("INSERT INTO staff_roles (staff_id, unit_id, role) VALUES (?, ?, ?)",
                             (staff_id, unit["id"] if unit else None, role))
        for patient in seed.PATIENTS:
            self.execute("INSERT INTO patients (personnummer, name, phone) VALUES (?, ?, ?)",
                         (patient.personnummer, patient.name, patient.phone))
        units_catalogue.seed(self, DEFAULT_INVITATION_TEXT)


def open_database(path: str | os.PathLike) -> Database:
    database = Database(Path(path))
    database.seed_if_empty()
    return database


def now() -> float:
    return time.time()
