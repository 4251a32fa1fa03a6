"""coturn's configuration for one sandbox run: a relay on 127.0.0.1 that relays only to 127.0.0.1.

Why a relay at all: Chromium 150 selects the pair on this machine's own address even with
--allow-loopback-in-peer-connection, so without it p2p media run from that address to the same address. Through this relay (SANDBOX_TURN=på) every selected pair of a p2p call is relay 127.0.0.1 on
both ends: the pages ask for relay candidates only (iceTransportPolicy "relay") and the relay refuses every
peer address but loopback (denied-peer-ip). Not on the SFU: Janus cannot reach a relay on loopback
(janus/config.py). (No IPv6 range is denied: coturn 4.6.1 compares an IPv4 peer with an IPv6 range too,
and "::-ffff:…" denies 127.0.0.1; the relay address is IPv4 alone, so an IPv6 peer is refused as another
address family anyway.)

Credentials are coturn's "TURN REST API" kind: a per-run secret that only coturn and the sandbox process
know (it stays in the private folder), and per-page credentials derived from it with a time limit
(credentials.py). No CLI, no TLS, no TCP, no STUN behaviour discovery, no software name, no database but a
private one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
REALM = "vardmote-sandbox"
CONFIG_NAME = "turnserver.conf"
LOG_NAME = "turnserver.log"


@dataclass(frozen=True)
class RelaySettings:
    port: int
    secret: str


def write_config(folder: Path, settings: RelaySettings) -> Path:
    """Writes coturn's whole configuration into folder (private: it holds the secret); returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CONFIG_NAME
    path.write_text(f"""listening-ip={LOOPBACK}
relay-ip={LOOPBACK}
listening-port={settings.port}
allow-loopback-peers
denied-peer-ip=0.0.0.0-126.255.255.255
denied-peer-ip=128.0.0.0-255.255.255.255
no-multicast-peers
no-cli
no-tls
no-dtls
no-tcp
no-tcp-relay
no-rfc5780
no-stun-backward-compatibility
no-software-attribute
fingerprint
use-auth-secret
static-auth-secret={settings.secret}
realm={REALM}
userdb={folder / "turndb"}
pidfile={folder / "turnserver.pid"}
log-file={folder / LOG_NAME}
simple-log
no-stdout-log
""", encoding="utf-8")
    path.chmod(0o600)
    return path
