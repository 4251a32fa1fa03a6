"""Which Chromium to launch, and how: Debian's chromium with fake media devices (see README)."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import psutil

from .errors import UserError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

# Every host name but loopback resolves to nothing inside Chromium itself, so no lookup leaves the machine
# whatever Chromium's own services try (it asks for accounts.google.com and www.google.com at start, even
# with background networking off). The target is reached by IP literal or localhost.
LOOPBACK_ONLY_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
# Fake camera and microphone, no permission prompt; no background traffic to
# the internet (the machines here have none, and a test must not depend on it). No --disable-features of
# our own: Chromium keeps only the last one given, which would undo Playwright's list.
CHROMIUM_ARGS = [
    LOOPBACK_ONLY_RESOLVER,
    "--no-pings",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--password-store=basic",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]


def chromium_executable() -> str:
    configured = os.environ.get("VMQA_CHROMIUM")
    if configured:
        if not Path(configured).is_file():
            raise UserError(f"VMQA_CHROMIUM pekar på {configured}, som inte finns.")
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    raise UserError("Chromium saknas: installera Debians paket med 'apt-get install chromium' "
                    "(eller ange sökvägen i VMQA_CHROMIUM).")


# Loopback ICE candidates, only on a machine with no other interface address (else there would be no
# candidate at all). Where there is one, Chromium selects it anyway, and a 127.0.0.1 candidate only makes
# Janus send its connectivity checks to 127.0.0.1 out of eth0 towards the gateway: libnice pins its sockets
# to their interface (IP_UNICAST_IF). Seen with tcpdump on eth0: 34 such packets in one SFU visit with
# this switch, none without it, the selected pairs the same (this machine's address on both ends).
LOOPBACK_CANDIDATES = "--allow-loopback-in-peer-connection"


def only_loopback_here() -> bool:
    """Whether this machine has no IPv4 address but loopback."""
    return not any(address.family == socket.AF_INET and not address.address.startswith("127.")
                   for addresses in psutil.net_if_addrs().values() for address in addresses)


# Set to a file path to have Chromium write its net log there (every lookup and connection it made)
NET_LOG_VARIABLE = "VMQA_CHROMIUM_NET_LOG"


def launch_options(headless: bool = True) -> dict:
    args = list(CHROMIUM_ARGS) + ([LOOPBACK_CANDIDATES] if only_loopback_here() else [])
    net_log = os.environ.get(NET_LOG_VARIABLE)
    if net_log:
        args.append(f"--log-net-log={net_log}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    return {"executable_path": chromium_executable(), "args": args, "headless": headless}
