"""Removes network addresses from stats before anything is stored: artefacts must not carry IPs."""

from __future__ import annotations

import re

# Keys under which getStats() (or a page) puts addresses, ports and ICE credentials.
_ADDRESS_KEYS = {"address", "ip", "relatedaddress", "port", "relatedport", "url", "candidate",
                 "usernamefragment", "localcandidateid", "remotecandidateid"}
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b", re.IGNORECASE)
REMOVED = "[borttagen]"


def scrub(value):
    """A copy of value with address-like keys dropped and address-like strings replaced."""
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items() if str(key).lower() not in _ADDRESS_KEYS}
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return _IPV6.sub(REMOVED, _IPV4.sub(REMOVED, value))
    return value
