"""Janus's lifetime: the sandbox process starts it with its own configuration and stops it when it stops.

The sandbox owns Janus (not the platform's runner), so that every way of stopping the sandbox stops Janus:
the runner's terminate, SIGTERM to `vmqa sandbox`, Ctrl+C. Should the sandbox die without its shutdown
(the `crash` fault, a kill), the kernel sends Janus SIGTERM as its parent goes (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import json
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .config import JanusPorts, own_ipv4_addresses, write_config

# Janus answers its info request within a second here; ten allow for a loaded machine.
READY_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
_PR_SET_PDEATHSIG = 1


# IPv6 addresses in Janus's log ("fd00::2", "fe80::1%eth0"): at least one "::" or seven colons.
_IPV6 = re.compile(r"\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4})*::[0-9a-f:]*(?:%\w+)?|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
                   re.IGNORECASE)


def cleaned(text: str, secrets_and_addresses: list[str]) -> str:
    """A copy fit for the run folder: no address of this machine and no admin key (they must not leave the run)."""
    for value in secrets_and_addresses:
        text = text.replace(value, "[dold]")
    return _IPV6.sub(lambda m: m.group(0) if m.group(0) in ("::", "::1") else "[dold]", text)


class JanusUnavailable(Exception):
    """Janus is missing or did not start: the message is one Swedish sentence for a person."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


def janus_binary() -> str | None:
    return shutil.which("janus")


class JanusProcess:
    def __init__(self, folder: Path):
        # Janus runs from a private folder of its own: its configuration holds this machine's addresses and
        # the room admin key. The run folder (`folder`) gets cleaned copies of the configuration and the log
        # when Janus stops.
        self.folder = Path(folder)
        self.live = Path(tempfile.mkdtemp(prefix="vmqa-janus-"))
        self.ports = JanusPorts(_free_port(), _free_port())
        self.admin_key = secrets.token_urlsafe(16)
        self.log_path = self.live / "janus.log"
        self._process: subprocess.Popen | None = None
        self._ready = False

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.http}/janus"

    @property
    def websocket_url(self) -> str:
        return f"ws://127.0.0.1:{self.ports.websockets}"

    def start(self) -> "JanusProcess":
        binary = janus_binary()
        if binary is None:
            raise JanusUnavailable("Janus saknas på datorn: kör 'make setup' (eller 'sudo apt-get install janus "
                                   "libjs-janus-gateway') för att få den routade videomotorn.")
        config = write_config(self.live, self.ports, self.admin_key)
        log = self.log_path.open("ab")
        self._process = subprocess.Popen([binary, "-C", str(config), "-F", str(self.live), "--disable-colors"],
                                         stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         preexec_fn=_die_with_parent)
        return self

    def wait_ready(self) -> None:
        """Bounded: a Janus that exits or does not answer within READY_TIMEOUT_S is one sentence, not a hang."""
        if self._ready:
            return
        if self._process is None:
            raise JanusUnavailable("Den routade videomotorn (Janus) är inte startad i den här sandlådan.")
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise JanusUnavailable(f"Den routade videomotorn (Janus) avslutades direkt med kod "
                                       f"{self._process.returncode}; se loggen {self.log_path}.")
            try:
                with urllib.request.urlopen(f"{self.http_url}/info", timeout=1) as answer:
                    if json.load(answer).get("janus") == "server_info":
                        self._ready = True
                        return
            except (OSError, ValueError):
                time.sleep(0.1)
        raise JanusUnavailable(f"Den routade videomotorn (Janus) svarade inte inom {READY_TIMEOUT_S:.0f} s; "
                               f"se loggen {self.log_path}.")

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._keep_cleaned_copies()

    def _keep_cleaned_copies(self) -> None:
        if not self.live.exists():
            return
        hidden = [self.admin_key, *own_ipv4_addresses()]
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in ("janus.jcfg", "janus.log"):
            source = self.live / name
            if source.exists():
                (self.folder / name).write_text(cleaned(source.read_text(encoding="utf-8", errors="replace"), hidden),
                                                encoding="utf-8")
        shutil.rmtree(self.live, ignore_errors=True)
