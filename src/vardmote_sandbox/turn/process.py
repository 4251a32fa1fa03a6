"""The TURN relay's lifetime: the sandbox process starts coturn on 127.0.0.1 with its own configuration and
stops it when it stops (like Janus, janus/process.py), and gives each p2p page its credentials."""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from ..owned_process import die_with_parent, free_port, keep_cleaned_copies, own_ipv4_addresses, stop
from .config import CONFIG_NAME, LOG_NAME, LOOPBACK, RelaySettings, write_config
from .credentials import PAGE_LIFETIME_S, Credential, credential

READY_TIMEOUT_S = 10.0
_BINDING_REQUEST = b"\x00\x01\x00\x00\x21\x12\xa4\x42"  # STUN binding request header without its id
_BINDING_SUCCESS = b"\x01\x01"


class RelayUnavailable(Exception):
    """coturn is missing or did not start: the message is one Swedish sentence for a person."""


def coturn_binary() -> str | None:
    return shutil.which("turnserver")


def _answers(port: int) -> bool:
    """Whether coturn answers a STUN binding request on its loopback port (it is up and listening)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.settimeout(0.3)
        try:
            probe.sendto(_BINDING_REQUEST + secrets.token_bytes(12), (LOOPBACK, port))
            return probe.recv(512)[:2] == _BINDING_SUCCESS
        except OSError:
            return False


class TurnRelay:
    def __init__(self, folder: Path):
        # Private folder: the configuration holds the run's secret. The run folder (`folder`) gets a cleaned
        # copy of the log when the relay stops.
        self.folder = Path(folder)
        self.live = Path(tempfile.mkdtemp(prefix="vmqa-turn-"))
        self.settings = RelaySettings(free_port(socket.SOCK_DGRAM), secrets.token_urlsafe(24))
        self._process: subprocess.Popen | None = None

    @property
    def port(self) -> int:
        return self.settings.port

    def start(self) -> "TurnRelay":
        binary = coturn_binary()
        if binary is None:
            self.stop()  # its private folder goes too
            raise RelayUnavailable("coturn saknas på datorn, så media går mellan datorns egen adress och sig själv "
                                   "i stället för genom TURN-reläet på 127.0.0.1: kör 'make setup' (eller "
                                   "'sudo apt-get install coturn').")
        config = write_config(self.live, self.settings)
        self._process = subprocess.Popen([binary, "-c", str(config)], cwd=self.live, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                         preexec_fn=die_with_parent)
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self.stop()
                raise RelayUnavailable(f"TURN-reläet (coturn) avslutades direkt med kod {self._process.returncode}; "
                                       f"se loggen {self.folder / LOG_NAME}.")
            if _answers(self.port):
                return self
            time.sleep(0.1)
        self.stop()
        raise RelayUnavailable(f"TURN-reläet (coturn) svarade inte inom {READY_TIMEOUT_S:.0f} s; "
                               f"se loggen {self.folder / LOG_NAME}.")

    def page_credential(self) -> Credential:
        return credential(self.settings.secret, PAGE_LIFETIME_S)

    def ice_configuration(self) -> dict:
        """What a page gives RTCPeerConnection: this relay only, and relay candidates only."""
        page = self.page_credential()
        return {"iceServers": [{"urls": f"turn:{LOOPBACK}:{self.port}?transport=udp", "username": page.username,
                                "credential": page.password}], "iceTransportPolicy": "relay"}

    def stop(self) -> None:
        stop(self._process)
        if self.live.exists():
            keep_cleaned_copies(self.live, self.folder, (LOG_NAME,),
                                [self.settings.secret, *own_ipv4_addresses()])
            shutil.rmtree(self.live, ignore_errors=True)


NO_RELAY = {"iceServers": [], "iceTransportPolicy": "all"}


def ice_configuration(relay: TurnRelay | None, engine: str) -> dict:
    """Host candidates and no servers without a relay (SANDBOX_TURN=av, the default, or coturn missing) and on
    the SFU, whose Janus cannot reach a relay on loopback (janus/config.py)."""
    return relay.ice_configuration() if relay is not None and engine == "p2p" else NO_RELAY
