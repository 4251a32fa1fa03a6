"""The sandbox's TURN relay (turn/): real coturn on loopback, driven by coturn's own test client
(turnutils_uclient) with credentials the sandbox derives; no browser. It listens on 127.0.0.1 alone, relays
to a loopback peer, refuses this machine's own address as a peer (the fence that keeps a pair towards
Janus's host candidate from succeeding), refuses a credential not derived from the run's secret, and leaves a
log in the run folder without the secret. Mutations: the machine's address as peer, a forged credential, no
coturn on the PATH; each refused with its own message."""

from __future__ import annotations

import re
import shutil
import subprocess
import time

import psutil
import pytest

from vardmote_sandbox.owned_process import own_ipv4_addresses
from vardmote_sandbox.turn.credentials import credential
from vardmote_sandbox.turn.process import RelayUnavailable, TurnRelay

pytestmark = pytest.mark.skipif(shutil.which("turnserver") is None, reason="coturn saknas (make setup)")
PEER_PORT = 3481


@pytest.fixture
def relay(tmp_path):
    started = TurnRelay(tmp_path / "turn").start()
    yield started
    started.stop()


@pytest.fixture
def loopback_peer():
    # coturn's echo peer, on loopback and (to be refused) this machine's own address
    listening = [arg for address in ["127.0.0.1", *own_ipv4_addresses()] for arg in ("-L", address)]
    peer = subprocess.Popen(["turnutils_peer", *listening, "-p", str(PEER_PORT)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    yield
    peer.terminate()
    peer.wait(timeout=5)


def allocate(relay: TurnRelay, peer: str, username: str, password: str) -> str:
    """Ten messages through an allocation on the relay to the echo peer at `peer`; coturn's client's output."""
    done = subprocess.run(["turnutils_uclient", "-u", username, "-w", password, "-p", str(relay.port), "-e", peer,
                           "-r", str(PEER_PORT), "-n", "10", "-m", "1", "127.0.0.1"],
                          capture_output=True, text=True, timeout=30)
    return done.stdout + done.stderr


def delivered(output: str) -> bool:
    """Whether every message the client sent came back (and some were sent)."""
    totals = re.search(r"start_mclient: tot_send_msgs=(\d+), tot_recv_msgs=(\d+)", output)
    return bool(totals) and int(totals[1]) > 0 and totals[1] == totals[2]


def test_the_relay_listens_on_loopback_alone(relay):
    process, = [p for p in psutil.process_iter(["name", "cwd"]) if p.info["name"] == "turnserver"
                and p.info["cwd"] == str(relay.live)]
    sockets = process.net_connections(kind="inet")
    assert sockets and {s.laddr.ip for s in sockets} == {"127.0.0.1"}, sockets
    assert all(s.type == 2 for s in sockets), "UDP only: no TCP or TLS listener"  # socket.SOCK_DGRAM


def test_a_page_credential_relays_to_a_loopback_peer_and_the_machines_address_is_refused(relay, loopback_peer):
    page = relay.page_credential()
    through = allocate(relay, "127.0.0.1", page.username, page.password)
    assert delivered(through), through
    for address in own_ipv4_addresses():
        refused = allocate(relay, address, page.username, page.password)
        assert "403 (Forbidden IP)" in refused and not delivered(refused), refused


def test_a_credential_not_derived_from_the_runs_secret_is_refused(relay, loopback_peer):
    forged = credential("inte-hemligheten", 3600)
    refused = allocate(relay, "127.0.0.1", forged.username, forged.password)
    assert "Cannot complete Allocation" in refused, refused


def test_the_run_folder_keeps_the_log_without_the_secret_and_the_private_folder_goes(tmp_path, loopback_peer):
    relay = TurnRelay(tmp_path / "turn").start()
    page = relay.page_credential()
    allocate(relay, "127.0.0.1", page.username, page.password)
    relay.stop()
    log = (tmp_path / "turn" / "turnserver.log").read_text(encoding="utf-8")
    assert "Relay address to use: 127.0.0.1" in log
    assert relay.settings.secret not in log and relay.settings.secret not in "".join(
        path.read_text(errors="replace") for path in (tmp_path / "turn").iterdir())
    assert not any(address in log for address in own_ipv4_addresses())
    assert not relay.live.exists()


def test_without_coturn_the_sandbox_says_so_in_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    relay = TurnRelay(tmp_path / "turn")
    with pytest.raises(RelayUnavailable) as missing:
        relay.start()
    assert str(missing.value).startswith("coturn saknas på datorn") and "apt-get install coturn" in str(missing.value)
    assert not relay.live.exists()

