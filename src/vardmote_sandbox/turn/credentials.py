"""Time-limited TURN credentials derived from the run's secret (coturn's use-auth-secret): the username is
"<expiry>:<random>", the password the base64 HMAC-SHA1 of the username under the secret. A page gets
its own; the secret itself never leaves the sandbox process and coturn's private folder."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

# A page's credential must outlast its meeting: coturn checks the expiry on every refresh of an allocation.
PAGE_LIFETIME_S = 12 * 3600


@dataclass(frozen=True)
class Credential:
    username: str
    password: str


def credential(secret: str, lifetime_s: int, now: float | None = None) -> Credential:
    expiry = int((time.time() if now is None else now) + lifetime_s)
    username = f"{expiry}:{secrets.token_hex(6)}"
    digest = hmac.new(secret.encode("utf-8"), username.encode("utf-8"), hashlib.sha1).digest()
    return Credential(username, base64.b64encode(digest).decode("ascii"))
