"""Builds the sandbox application: database, rooms, faults, routes and the login guard."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request, WebSocket
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from . import api_guests, guests, pages_guests
from . import VERSION, api, api_errands, api_units, api_video, open_visits, pages, pages_units, seed, triage
from . import video_engines
from .janus.rooms import JanusRooms
from .auth import NotLoggedIn
from .db import open_database
from .faults import Faults, parse_fault_spec
from .guards import guard
from .realtime import Rooms, serve_visit_socket
from .throttle import Throttles
from .weaknesses import Weaknesses, parse_weakness_spec

NOT_FOUND = "Finns inte."


def create_app(database_path: str | os.PathLike, fault_spec: str = "", weakness_spec: str = "") -> FastAPI:
    app = FastAPI(title="Digitala vårdmöten – sandlåda", version=VERSION,
                  description="Referensmiljö för vardmote-qa: ett litet men verkligt system för digitala vårdmöten.")
    app.state.database = open_database(database_path)
    _apply_unit_settings(app.state.database)
    guests.create_schema(app.state.database)
    video_engines.ensure_schema(app.state.database)
    # The routed engine: `python -m vardmote_sandbox` starts Janus and replaces this (janus/process.py).
    app.state.janus_rooms = JanusRooms(None, "Den routade videomotorn (Janus) är inte startad i den här sandlådan.")
    # The TURN relay on loopback, likewise (turn/process.py); None: pages use host candidates.
    app.state.turn_relay = None
    app.state.rooms = Rooms(app.state.database)
    app.state.faults = Faults()
    app.state.faults.update(parse_fault_spec(fault_spec))
    app.state.weaknesses = Weaknesses()
    app.state.weaknesses.update(parse_weakness_spec(weakness_spec))
    app.state.throttles = Throttles()
    app.middleware("http")(guard)

    @app.middleware("http")
    async def inject_faults(request: Request, call_next):
        faults: Faults = request.app.state.faults
        if request.url.path.startswith("/api/") and not request.url.path.startswith("/api/admin/"):
            if faults.crash:
                os._exit(70)
            if faults.slow_api_ms:
                await asyncio.sleep(faults.slow_api_ms / 1000)
            if faults.should_fail_request(request.url.path):
                return JSONResponse({"detail": "Tjänsten är tillfälligt otillgänglig (felinjicering)."},
                                    status_code=503)
        return await call_next(request)

    @app.exception_handler(NotLoggedIn)
    async def redirect_to_login(request: Request, _: NotLoggedIn):
        return RedirectResponse(f"/logga-in?next={quote(request.url.path)}", status_code=303)

    @app.exception_handler(OverflowError)
    async def id_out_of_range(request: Request, error: OverflowError):
        # An id beyond what the database can hold names nothing: not found, never a server error.
        if request.app.state.weaknesses.bad_input_crashes:
            raise error
        return JSONResponse({"detail": NOT_FOUND}, status_code=404)

    @app.websocket("/ws/visits/{visit_id}")
    async def visit_socket(websocket: WebSocket, visit_id: int):
        await serve_visit_socket(websocket, visit_id)

    app.openapi = lambda: _documented_errors(app)
    app.include_router(api.public_router)
    app.include_router(api.router)
    app.include_router(api_errands.router)
    app.include_router(api_units.router)
    app.include_router(api_guests.router)
    app.include_router(api_video.router)
    app.include_router(pages.router)
    app.include_router(pages_units.router)
    app.include_router(pages_guests.router)
    app.include_router(open_visits.router)
    app.include_router(triage.router)
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    return app


def _documented_errors(app: FastAPI) -> dict:
    """The OpenAPI description, saying what a 422 really holds: pydantic's list of field errors, or the
    service's own sentence when a value is well-formed but not allowed (an unknown meeting form, say)."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        validation = schema.get("components", {}).get("schemas", {}).get("HTTPValidationError")
        if validation:
            detail = validation["properties"]["detail"]
            validation["properties"]["detail"] = {"title": "Detail", "anyOf": [
                {"type": "array", "items": detail["items"]}, {"type": "string"}]}
        app.openapi_schema = schema
    return app.openapi_schema


def _apply_unit_settings(database) -> None:
    # Settings beyond the base seed (idempotent, so a reused database keeps its own changes otherwise).
    slugs = seed.ANONYMOUS_UNIT_SLUGS
    database.execute(f"UPDATE units SET allows_anonymous = 1 WHERE slug IN ({','.join('?' * len(slugs))})",
                     slugs)
