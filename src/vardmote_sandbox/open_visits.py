"""Open visits (DVM-10): visits left open, per unit with their age; closing them, by hand or automatically.

A visit is open until it is closed. Its age counts from when it was due: a booked visit's start time, or
when a patient-initiated errand was created; a visit booked for later is open but not yet due (negative
age). The automatic close is off until an administrator sets a limit; then a sweep closes every visit
older than the limit now and every SWEEP_INTERVAL_S after.

    GET /api/open-visits?unit_id=&older_than_s=&offset=&limit=   staff: their units; admin: all units
    PUT /api/admin/auto-close {"after_hours": 24 | null}
    POST /api/admin/visits/{id}/backdate {"hours": 25}         test data: makes a visit due that long ago
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from . import anonymous, visits
from .auth import User, api_user
from .db import Database, now

SWEEP_INTERVAL_S = 2.0
MAX_PAGE = 1000
MAX_HOURS = 10 * 365 * 24  # ten years: beyond that a date is not a visit's

router = APIRouter(prefix="/api")


class AutoClose(BaseModel):
    after_hours: float | None = Field(gt=0, le=MAX_HOURS, description="Stäng besök som varit öppna längre än så; null stänger av")


class Backdate(BaseModel):
    hours: float = Field(gt=0, le=MAX_HOURS, description="Hur många timmar sedan besöket skulle ha börjat")


def _due_at(visit: dict[str, Any]) -> float:
    if visit["origin"] == "vardgivare":
        try:
            return dt.datetime.fromisoformat(visit["starts_at"]).timestamp()
        except ValueError:  # a start time the service cannot read counts from the booking
            pass
    return visit["created_at"]


def open_visits(database: Database, user: User, unit_id: int | None = None) -> list[dict[str, Any]]:
    """Every open visit the user may read, oldest first, with its age in seconds."""
    rows = database.query(
        "SELECT v.id, v.unit_id, u.slug AS unit_slug, u.name AS unit_name, v.status, v.origin, v.starts_at,"
        " v.created_at FROM visits v JOIN units u ON u.id = v.unit_id WHERE v.status != 'avslutat'"
        + (" AND v.unit_id = ?" if unit_id is not None else ""), (unit_id,) if unit_id is not None else ())
    clock = now()
    found = []
    for row in rows:
        if user.may("lasa_besok", row["unit_id"]):
            due = _due_at(row)
            found.append({**row, "opened_at": dt.datetime.fromtimestamp(due).isoformat(timespec="seconds"),
                          "age_s": round(clock - due, 1)})
    return sorted(found, key=lambda visit: (-visit["age_s"], visit["id"]))


@router.get("/open-visits")
def list_open_visits(request: Request, unit_id: int | None = None, older_than_s: float = Query(0, ge=0),
                     offset: int = Query(0, ge=0),
                     limit: int = Query(500, ge=1, le=MAX_PAGE), user: User = Depends(api_user)) -> dict:
    if not user.is_staff:
        raise HTTPException(status_code=403, detail="Bara personal ser mottagningens öppna besök.")
    found = [visit for visit in open_visits(request.app.state.database, user, unit_id)
             if visit["age_s"] > older_than_s]
    if request.app.state.faults.open_visits_hide_oldest and found:  # test-only fault switch
        found = found[1:]
    return {"visits": found[offset:offset + limit], "total": len(found), "offset": offset, "limit": limit}


async def sweep(app) -> list[int]:
    """Closes every open visit older than the automatic-close limit; returns their ids."""
    after_s = getattr(app.state, "auto_close_after_s", None)
    if after_s is None:
        return []
    database: Database = app.state.database
    system = User("staff", 0, "Automatisk stängning", {None: "admin"})
    closed = []
    for visit in open_visits(database, system):
        if visit["age_s"] > after_s:
            database.execute("UPDATE visits SET status = 'avslutat', closed_at = ? WHERE id = ?", (now(), visit["id"]))
            found = visits.get_visit(database, visit["id"])
            if found["anonymous_id"] is not None:
                anonymous.forget(database, found["anonymous_id"])
            await app.state.rooms.announce_status(visit["id"], "avslutat")
            closed.append(visit["id"])
    return closed


async def _sweep_forever(app) -> None:
    while getattr(app.state, "auto_close_after_s", None) is not None:
        await asyncio.sleep(SWEEP_INTERVAL_S)
        await sweep(app)


def _require_admin(user: User) -> None:
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="Kräver administratörsroll.")


@router.get("/admin/auto-close")
def read_auto_close(request: Request, user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    after_s = getattr(request.app.state, "auto_close_after_s", None)
    return {"after_hours": None if after_s is None else after_s / 3600}


@router.put("/admin/auto-close")
async def configure_auto_close(body: AutoClose, request: Request, user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    app = request.app
    app.state.auto_close_after_s = None if body.after_hours is None else body.after_hours * 3600
    closed = await sweep(app)
    task = getattr(app.state, "auto_close_task", None)
    if body.after_hours is not None and (task is None or task.done()):
        app.state.auto_close_task = asyncio.get_running_loop().create_task(_sweep_forever(app))
    return {"after_hours": body.after_hours, "closed": closed}


@router.post("/admin/visits/{visit_id}/backdate")
def backdate(visit_id: int, body: Backdate, request: Request, user: User = Depends(api_user)) -> dict:
    _require_admin(user)
    database: Database = request.app.state.database
    if visits.get_visit(database, visit_id) is None:
        raise HTTPException(status_code=404, detail="Besöket finns inte.")
    due = now() - body.hours * 3600
    database.execute("UPDATE visits SET created_at = ?, starts_at = ? WHERE id = ?",
                     (due, dt.datetime.fromtimestamp(due).isoformat(timespec="seconds"), visit_id))
    return visits.get_visit(database, visit_id)
