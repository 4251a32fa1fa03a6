"""What the sandbox does alike for every process it owns (Janus, the TURN relay): a free loopback port,
a child that dies with its parent, a bounded stop, and copies of its files fit for the run folder."""

from __future__ import annotations

import ctypes
import re
import signal
import socket
import subprocess
from pathlib import Path

STOP_TIMEOUT_S = 5.0
_PR_SET_PDEATHSIG = 1

# IPv6 addresses in a log ("fd00::2", "fe80::1%eth0"): at least one "::" or seven colons.
_IPV6 = re.compile(r"\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4})*::[0-9a-f:]*(?:%\w+)?|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
                   re.IGNORECASE)


def cleaned(text: str, secrets_and_addresses: list[str]) -> str:
    """A copy fit for the run folder: no address of this machine and no secret (they must not leave the run)."""
    for value in secrets_and_addresses:
        text = text.replace(value, "[dold]")
    return _IPV6.sub(lambda m: m.group(0) if m.group(0) in ("::", "::1") else "[dold]", text)


def keep_cleaned_copies(live: Path, folder: Path, names: tuple[str, ...], hidden: list[str]) -> None:
    """Copies these files of a private folder into the run folder, cleaned."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = live / name
        if source.exists():
            (folder / name).write_text(cleaned(source.read_text(encoding="utf-8", errors="replace"), hidden),
                                       encoding="utf-8")


def own_ipv4_addresses() -> list[str]:
    """This machine's IPv4 addresses but loopback (Janus cannot gather on loopback, see janus/config.py)."""
    try:
        listing = subprocess.run(["ip", "-4", "-o", "addr", "show", "scope", "global"], capture_output=True,
                                 text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split()[3].split("/")[0] for line in listing.splitlines() if len(line.split()) > 3]


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def die_with_parent() -> None:
    """preexec_fn: should the sandbox die without its shutdown (the `crash` fault, a kill), the kernel sends
    the child SIGTERM as its parent goes (PR_SET_PDEATHSIG)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def stop(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
