"""Removes network addresses from stats and text before anything is stored: artefacts must not carry IPs.

IPv4 and IPv6 in every written form (`::1`, `fd00::2`, `fe80::1%eth0`, `::ffff:10.0.0.1`), mDNS host names
of ICE candidates, and whole SDP candidate lines (`a=candidate:…`, which also carry ports and credentials).
"""

from __future__ import annotations

import ipaddress
import re

# Keys under which getStats() (or a page) puts addresses, ports and ICE credentials.
_ADDRESS_KEYS = {"address", "ip", "relatedaddress", "port", "relatedport", "url", "candidate",
                 "usernamefragment", "localcandidateid", "remotecandidateid"}
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
# A run of hex digits, colons and dots with at least two colons (or "::"), checked by ipaddress below, so
# that a clock time "12:34:56" or a label "a:b" is left alone
_IPV6_LIKE = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?:%[\w.-]+)?(?![\w:])")
_MDNS_NAME = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.local\b", re.IGNORECASE)
_CANDIDATE = re.compile(r"(a=)?candidate:[^\r\n\"\\]*")
REMOVED = "[borttagen]"


def _ipv6_or_keep(match: re.Match) -> str:
    text = match.group(0)
    try:
        ipaddress.IPv6Address(text.split("%", 1)[0])
    except ValueError:
        return text
    return REMOVED


def scrub_text(text: str) -> str:
    """The text with every address-like part replaced."""
    text = _CANDIDATE.sub(lambda m: (m.group(1) or "") + "candidate:" + REMOVED, text)
    text = _MDNS_NAME.sub(REMOVED, text)
    text = _IPV6_LIKE.sub(_ipv6_or_keep, text)
    return _IPV4.sub(REMOVED, text)


def scrub(value):
    """A copy of value with address-like keys dropped and address-like strings replaced."""
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items() if str(key).lower() not in _ADDRESS_KEYS}
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value
