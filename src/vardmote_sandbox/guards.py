"""Guards every HTTP request passes: state-changing requests only from the service's own pages (Origin),
and the security headers on every answer (CSP with a per-request nonce, no framing, nosniff, no-store).

A browser sends Origin (or Sec-Fetch-Site) with every POST, PUT and DELETE, so a form or fetch on another
site that rides on the session cookie is refused here. Clients that are not browsers (the platform's API
client, Locust) send neither and are let through: they cannot carry a victim's cookie.
"""

from __future__ import annotations

import secrets

from fastapi import Request
from fastapi.responses import JSONResponse

CHANGING_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
FOREIGN_ORIGIN = "Begäran kom från en annan webbplats och togs inte emot."
_OWN_FETCH_SITES = {"same-origin", "none"}
_UNGUARDED_PAGES = ("/docs", "/redoc", "/openapi.json")  # FastAPI's own API pages load their scripts from a CDN


def own_origin(connection) -> str:
    scheme = "https" if connection.url.scheme in ("https", "wss") else "http"
    return f"{scheme}://{connection.headers.get('host', connection.url.netloc)}"


def comes_from_elsewhere(connection) -> bool:
    """True when a browser says the request or socket was started by a page of another site."""
    origin = connection.headers.get("origin")
    if origin is not None:
        return origin != own_origin(connection)
    site = connection.headers.get("sec-fetch-site")
    return site is not None and site not in _OWN_FETCH_SITES


def content_security_policy(nonce: str, host: str, also_connect: str = "") -> str:
    """also_connect: the routed video engine's own WebSocket (Janus on loopback), when there is one."""
    return "; ".join([
        "default-src 'self'", f"script-src 'self' 'nonce-{nonce}'", "style-src 'self'", "img-src 'self' data:",
        "media-src 'self' blob: mediastream:", f"connect-src 'self' ws://{host} wss://{host}{also_connect}",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"])


async def guard(request: Request, call_next):
    weaknesses = request.app.state.weaknesses
    if request.method in CHANGING_METHODS and not weaknesses.no_origin_check and comes_from_elsewhere(request):
        return JSONResponse({"detail": FOREIGN_ORIGIN}, status_code=403)
    request.state.csp_nonce = secrets.token_urlsafe(16)
    response = await call_next(request)
    if weaknesses.no_security_headers:
        return response
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    # Invitation links carry their token in the path: no referrer to other sites (to our own, so that the
    # browser still names our origin on a form post; with no-referrer it sends "Origin: null").
    response.headers["Referrer-Policy"] = "same-origin"
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"  # visit pages and answers hold patient data
    if not request.url.path.startswith(_UNGUARDED_PAGES):
        response.headers["Content-Security-Policy"] = content_security_policy(
            request.state.csp_nonce, request.headers.get("host", request.url.netloc),
            request.app.state.janus_rooms.connect_source())
    return response
