"""Janus's lifetime: the sandbox process starts it with its own configuration and stops it when it stops.

The sandbox owns Janus (not the platform's runner), so that every way of stopping the sandbox stops Janus:
the runner's terminate, SIGTERM to `vmqa sandbox`, Ctrl+C. Should the sandbox die without its shutdown
(the `crash` fault, a kill), the kernel sends Janus SIGTERM as its parent goes (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from ..owned_process import die_with_parent, free_port, keep_cleaned_copies, own_ipv4_addresses, stop
from .config import JanusPorts, write_config

# Janus answers its info request within a second here; ten allow for a loaded machine.
READY_TIMEOUT_S = 10.0


class JanusUnavailable(Exception):
    """Janus is missing or did not start: the message is one Swedish sentence for a person."""


def janus_binary() -> str | None:
    return shutil.which("janus")


class JanusProcess:
    def __init__(self, folder: Path):
        # Janus runs from a private folder of its own: its configuration holds this machine's addresses and
        # the room admin key. The run folder (`folder`) gets cleaned copies of the configuration and the log
        # when Janus stops.
        self.folder = Path(folder)
        self.live = Path(tempfile.mkdtemp(prefix="vmqa-janus-"))
        self.ports = JanusPorts(free_port(), free_port())
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
                                         preexec_fn=die_with_parent)
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
        stop(self._process)
        if self.live.exists():
            keep_cleaned_copies(self.live, self.folder, ("janus.jcfg", "janus.log"),
                                [self.admin_key, *own_ipv4_addresses()])
            shutil.rmtree(self.live, ignore_errors=True)
