"""Which Chromium to launch, and how: Debian's chromium with fake media devices (see README)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import UserError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

# Every host name but loopback resolves to nothing inside Chromium itself, so no lookup leaves the machine
# whatever Chromium's own services try (it asks for accounts.google.com and www.google.com at start, even
# with background networking off). The target is reached by IP literal or localhost.
LOOPBACK_ONLY_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
# Fake camera and microphone, no permission prompt, loopback ICE candidates; no background traffic to
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
    "--allow-loopback-in-peer-connection",
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


# Set to a file path to have Chromium write its net log there (every lookup and connection it made)
NET_LOG_VARIABLE = "VMQA_CHROMIUM_NET_LOG"


def launch_options(headless: bool = True) -> dict:
    args = list(CHROMIUM_ARGS)
    net_log = os.environ.get(NET_LOG_VARIABLE)
    if net_log:
        args.append(f"--log-net-log={net_log}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    return {"executable_path": chromium_executable(), "args": args, "headless": headless}
