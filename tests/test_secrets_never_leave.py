"""Secrets and addresses never leave a run, and the browsers send nothing off the machine.

One small partial nightly (one scenario, made to fail by the sandbox's broken check-in, so that its traces
are kept) with known secret values in the environment variables; then every file it produced is searched:
the run folder with every zip unpacked (traces, their Allure copies), the Allure results, the logs, the
reports and the history database. The sandbox's own database in the run folder is the system under test's
(it holds the session tokens by design) and is where the test reads the tokens to search for.
Then real visits on the sandbox's pages: a p2p call through the sandbox's TURN relay has every selected
candidate pair on 127.0.0.1 at both ends; without the relay (the default, and the SFU always) every pair is
on this machine, and the same loopback check names its ends on this machine's own address.
Mutations: an uncleaned trace and a browser without the loopback-only resolver, each caught by the same
search and the same net-log check; the relay off, caught by the loopback check."""

import io
import ipaddress
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil
import pytest
import requests

from vardmote_qa.browser import CHROMIUM_ARGS, LOOPBACK_ONLY_RESOLVER, NET_LOG_VARIABLE, launch_options
from vardmote_qa.evidence import clean_zip
from vardmote_qa.media import PEER_TRACKER_SCRIPT
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.target.interface import VideoEngine, VisitKind
from vardmote_qa.target.meeting_time import meeting_start
from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.api import SandboxApi
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_qa.waiting import MEDIA_START_TIMEOUT_S
from vardmote_sandbox.turn.credentials import PAGE_LIFETIME_S

PROJECT = Path(__file__).resolve().parents[1]
ACCEPTANCE_GATE = PROJECT / "tests" / "gates" / "acceptance-only.yaml"
# The sandbox's seeded password (it accepts no other), set explicitly as the secret variables' values
SECRET = "sandlada"
SECRET_VARIABLES = {"VMQA_LOCAL_STAFF_PASSWORD": SECRET, "VMQA_LOCAL_ADMIN_PASSWORD": SECRET}
SANDBOX_DATABASE = "sandbox.sqlite"
LOOPBACK = "127.0.0.1"


def machine_addresses() -> set[str]:
    """This machine's own non-loopback addresses: what a trace or a log must not carry."""
    found = set()
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            text = address.address.split("%", 1)[0]
            try:
                parsed = ipaddress.ip_address(text)
            except ValueError:
                continue  # a MAC address
            if not parsed.is_loopback:
                found.add(text)
    return found


def contents(root: Path):
    """(where, bytes) of every file under root, zips unpacked (a zip inside a zip too)."""
    def unpacked(where: str, data: bytes):
        yield where, data
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    yield from unpacked(f"{where}!{member}", archive.read(member))

    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield from unpacked(str(path.relative_to(root)), path.read_bytes())


def findings(root: Path, needles: set[str], skip=lambda where: False) -> list[str]:
    encoded = {needle: needle.encode("utf-8") for needle in needles if needle}
    return [f"{needle} i {where}" for where, data in contents(root) if not skip(where)
            for needle, raw in encoded.items() if raw in data]


def _outside(address: str) -> bool:
    return not ipaddress.ip_address(address.rsplit(":", 1)[0].strip("[]")).is_loopback


def outside_lookups(net_log: Path) -> list[str]:
    """Every host name Chromium's resolver was asked for that is not loopback (nor mapped to nothing), every
    TCP connection attempt to a non-loopback address, and every UDP socket that sent to one. (A UDP socket
    connected to 2001:4860:4860::8888 and never written to is WebRTC asking the kernel for its default
    route: no packet leaves for that.)"""
    log, _ = json.JSONDecoder().raw_decode(net_log.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    problems, udp_outside, udp_sent = [], {}, set()
    for event in log["events"]:
        kind, params = names.get(event["type"], ""), event.get("params") or {}
        source = (event.get("source") or {}).get("id")
        if kind == "HOST_RESOLVER_MANAGER_REQUEST" and "host" in params:
            host = params["host"].split("://", 1)[-1].rsplit(":", 1)[0].strip("[]")
            if host not in {"127.0.0.1", "localhost", "::1", "~notfound"}:
                problems.append(f"uppslagning av {params['host']}")
        elif kind == "TCP_CONNECT_ATTEMPT" and _outside(params.get("address", "127.0.0.1:0")):
            problems.append(f"anslutning till {params['address']}")
        elif kind == "UDP_CONNECT" and _outside(params.get("address", "127.0.0.1:0")):
            udp_outside[source] = params["address"]
        elif kind == "UDP_BYTES_SENT":
            udp_sent.add(source)
    problems += [f"UDP till {address}" for source, address in udp_outside.items() if source in udp_sent]
    return sorted(set(problems))


@pytest.fixture(scope="module")
def failing_nightly(tmp_path_factory):
    workspace = tmp_path_factory.mktemp("hemligheter")
    net_log = tmp_path_factory.mktemp("natlogg") / "netlog.json"  # the test's own instrument, not searched
    env = {**os.environ, **SECRET_VARIABLES, "VMQA_REPORTS": str(workspace / "reports"),
           NET_LOG_VARIABLE: str(net_log)}
    completed = subprocess.run(
        [sys.executable, "-m", "vardmote_qa.cli", "nightly", "--delar", "acceptance", "--urval",
         "smoke and video and chatt", "--omkorningar", "0", "--utan-pdf", "--sandlada-fel", "broken_paths=/check-in",
         "--gate", str(ACCEPTANCE_GATE), "--historik", str(workspace / "history.sqlite")],
        capture_output=True, text=True, env=env, cwd=PROJECT, timeout=600)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    return workspace, (workspace / "reports" / "latest").resolve(), net_log, completed


def session_tokens(run: Path) -> set[str]:
    with sqlite3.connect(RunLayout(run).sandbox / SANDBOX_DATABASE) as db:
        return {token for (token,) in db.execute("SELECT token FROM sessions")}


def test_no_secret_cookie_or_address_is_in_anything_the_run_wrote(failing_nightly):
    workspace, run, _, completed = failing_nightly
    layout = RunLayout(run)
    traces = list(layout.traces.glob("*.zip"))
    assert traces, "the failed scenario keeps its traces, so the search has something to search"
    tokens = session_tokens(run)
    assert tokens, "the scenario logged in: the sandbox holds its session tokens"
    needles = {SECRET, *tokens, *machine_addresses()}
    in_sandbox_database = lambda where: Path(where.split("!", 1)[0]).name.startswith(SANDBOX_DATABASE)  # noqa: E731
    assert findings(workspace, needles, skip=in_sandbox_database) == []
    assert SECRET not in completed.stdout + completed.stderr
    network = "".join(data.decode("utf-8", "replace") for where, data in contents(layout.traces)
                      if where.endswith("trace.network"))
    assert '"type": "resource-snapshot"' in network, "the kept trace recorded the pages' requests (cookies raw)"
    assert '{"name": "Cookie", "value": "[borttagen]"}' in network


def test_the_report_says_what_its_attachments_hold(failing_nightly):
    _, run, _, _ = failing_nightly
    html = RunLayout(run).report_html.read_text(encoding="utf-8")
    assert ("Playwright-spårningar med åtgärder, skärmbilder och sidornas DOM-ögonblicksbilder, och en skärmbild "
            "per underkänt steg (videoscenarier har inga skärmbilder i spårningen: de skulle belasta datorn som "
            "mäter videon); miljön har bara syntetiska data. Hemligheter är maskerade, cookies och "
            "nätverksadresser borttagna.") in html


def test_the_browser_looked_up_no_outside_name_during_the_visit(failing_nightly):
    _, _, net_log, _ = failing_nightly
    assert net_log.stat().st_size > 10_000, "Chromium wrote its net log"
    assert outside_lookups(net_log) == []


def test_an_uncleaned_trace_is_caught_by_the_same_search(playwright, sandbox, tmp_path):
    """Mutation: the trace as Playwright writes it, before evidence.py cleans it."""
    trace = tmp_path / "okand" / "trace.zip"
    browser = playwright.chromium.launch(**launch_options())
    context = browser.new_context()
    context.tracing.start(screenshots=True, snapshots=True)
    page = context.new_page()
    page.goto(f"{sandbox.base_url}/")
    response = page.request.post(f"{sandbox.base_url}{protocol.STAFF_LOGIN}",
                                 data=protocol.staff_login("anna.lund", SECRET))
    assert response.ok
    page.evaluate("secret => { const i = document.createElement('input'); i.type = 'password'; "
                  "document.body.append(i); }", SECRET)
    page.fill("input[type=password]", SECRET)
    page.goto(f"{sandbox.base_url}/")  # a request that carries the session cookie
    cookie = next(c["value"] for c in context.cookies() if c["name"] == "vardmote_session")
    context.tracing.stop(path=str(trace))
    browser.close()
    assert findings(trace.parent, {SECRET, cookie}) != [], "the raw trace holds the password and the cookie"
    clean_zip(trace, lambda text: text.replace(SECRET, "••••"))
    assert findings(trace.parent, {SECRET, cookie}) == []


def test_a_browser_without_the_loopback_resolver_is_caught_looking_up_outside_names(playwright, sandbox, tmp_path):
    """Mutation: Chromium's own services ask for Google's hosts at start unless the resolver refuses."""
    net_log = tmp_path / "netlog.json"
    options = launch_options()
    options["args"] = [arg for arg in options["args"] if arg != LOOPBACK_ONLY_RESOLVER] + [f"--log-net-log={net_log}"]
    assert LOOPBACK_ONLY_RESOLVER in CHROMIUM_ARGS
    browser = playwright.chromium.launch(**options)
    page = browser.new_page()
    page.goto(f"{sandbox.base_url}/")
    page.wait_for_timeout(3000)
    browser.close()
    assert any("google.com" in problem for problem in outside_lookups(net_log)), outside_lookups(net_log)


# Every selected candidate pair of every connected peer connection on a page, each end as "<type> <address>".
SELECTED_PAIRS = """async () => {
  const pairs = [];
  for (const entry of (window.__vmqa && window.__vmqa.peers) || []) {
    if (entry.peer.connectionState !== 'connected') continue;
    const stats = await entry.peer.getStats(), byId = {};
    stats.forEach(report => byId[report.id] = report);
    stats.forEach(report => {
      if (report.type !== 'transport' || !report.selectedCandidatePairId) return;
      const pair = byId[report.selectedCandidatePairId];
      const end = (id) => `${byId[id].candidateType} ${byId[id].address}`;
      pairs.push([end(pair.localCandidateId), end(pair.remoteCandidateId)]);
    });
  }
  return pairs;
}"""


# A page is in its call when this many of its connections are connected and it has decoded the other's video.
IN_CALL = """(connections) => {
  const state = window.__vmqa;
  const open = ((state && state.peers) || []).filter(e => e.peer.connectionState !== 'closed');
  return open.length === connections && open.every(e => e.peer.connectionState === 'connected') &&
    state.groups.some(g => g.firstFrameAt !== null);
}"""
CONNECTIONS_PER_PAGE = {VideoEngine.P2P: 1, VideoEngine.SFU: 2}  # on the SFU: sending, and receiving the other


def selected_pairs_of_a_visit(playwright, base_url: str, environment, engine: VideoEngine) -> list[list[str]]:
    """A real two-party video visit on the sandbox's own pages (visit.js, sfu_room.js) on this engine, booked
    and joined through the API; the selected pairs of both pages once both are in the call."""
    browser = playwright.chromium.launch(**launch_options())
    try:
        clinician, patient = contexts = [browser.new_context(base_url=base_url) for _ in range(2)]
        for context in contexts:
            context.add_init_script(PEER_TRACKER_SCRIPT)
        assert clinician.request.post(protocol.STAFF_LOGIN, data=protocol.staff_login(
            environment.clinician.username, environment.clinician.password)).ok
        unit = protocol.unit_with(clinician.request.get(protocol.UNITS).json(), environment.default_unit)["id"]
        booked = clinician.request.post(protocol.VISITS, data=protocol.booking(
            unit, environment.patients[0], meeting_start(), VisitKind.VIDEO, engine))
        assert booked.ok, booked.text()
        visit_id = booked.json()["id"]
        assert patient.request.post(protocol.PATIENT_LOGIN, data=protocol.patient_login(environment.patients[0])).ok
        pages = [context.new_page() for context in contexts]
        for page in pages:
            page.goto(protocol.visit_page(visit_id))
        assert patient.request.post(protocol.visit_check_in(visit_id)).ok
        assert clinician.request.post(protocol.visit_admit(visit_id)).ok
        for page in pages:
            page.wait_for_function(IN_CALL, arg=CONNECTIONS_PER_PAGE[engine], timeout=MEDIA_START_TIMEOUT_S * 1000)
        pairs = [pair for page in pages for pair in page.evaluate(SELECTED_PAIRS)]
        clinician.request.post(protocol.visit_close(visit_id))
        return pairs
    finally:
        browser.close()


def off_loopback(pairs: list[list[str]]) -> list[str]:
    """Every end of a selected pair that is not 127.0.0.1, as "<type> <address>"."""
    return [end for pair in pairs for end in pair if end.split(" ", 1)[1] != LOOPBACK]


@pytest.fixture(scope="module")
def relay_sandbox(tmp_path_factory):
    """A sandbox with its TURN relay on 127.0.0.1 (SANDBOX_TURN=på; off by default)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SANDBOX_TURN", "på")
        running = RunningSandbox(tmp_path_factory.mktemp("med-rela")).start()
    yield running
    running.stop()


def test_every_selected_candidate_pair_of_a_p2p_call_through_the_relay_is_loopback_on_both_ends(
        playwright, relay_sandbox, environment):
    """Real WebRTC on the sandbox's own p2p page: both browsers take relay candidates only, on the relay on
    127.0.0.1, so both ends of each selected pair are a relay candidate on 127.0.0.1."""
    pairs = selected_pairs_of_a_visit(playwright, relay_sandbox.base_url, environment, VideoEngine.P2P)
    assert len(pairs) == 2, pairs
    assert off_loopback(pairs) == [], pairs
    assert {end for pair in pairs for end in pair} == {f"relay {LOOPBACK}"}, pairs


@pytest.mark.parametrize("engine", [VideoEngine.P2P, VideoEngine.SFU], ids=lambda engine: engine.value)
def test_without_the_relay_every_selected_pair_is_on_this_machine_and_the_loopback_check_names_it(
        playwright, sandbox, environment, engine):
    """The default sandbox (no relay), and the SFU always (Janus cannot reach a relay on loopback, see
    vardmote_sandbox/janus/config.py): both ends of each selected pair are loopback or this machine's own
    address, never another host or a relay; and the loopback check above names every end on this machine's
    address (its mutation: the relay off)."""
    pairs = selected_pairs_of_a_visit(playwright, sandbox.base_url, environment, engine)
    assert len(pairs) == 2 * CONNECTIONS_PER_PAGE[engine], pairs
    own = machine_addresses()
    assert all(end.split(" ", 1)[1] in own | {LOOPBACK} for pair in pairs for end in pair), (pairs, own)
    caught = off_loopback(pairs)
    assert caught and all(end.split(" ", 1)[0] == "host" and end.split(" ", 1)[1] in own for end in caught), pairs


def test_a_p2p_page_gets_only_the_loopback_relay_with_a_credential_of_its_own_and_an_sfu_page_none(
        relay_sandbox, environment):
    """GET /api/visits/<id>/mediavag: the relay on 127.0.0.1 alone, relay candidates only, a fresh time-limited
    credential per request; no servers on the SFU; nothing for a visitor without a session."""
    staff = SandboxApi(relay_sandbox.base_url).log_in_staff(environment.clinician.username,
                                                            environment.clinician.password)
    p2p, sfu = (staff.book_visit(environment.default_unit, environment.patients[0], meeting_start(), VisitKind.VIDEO,
                                 engine) for engine in (VideoEngine.P2P, VideoEngine.SFU))
    path = f"{protocol.visit(p2p.id)}/mediavag"
    first, second = staff._call("GET", path), staff._call("GET", path)
    server, = first["iceServers"]
    assert first["iceTransportPolicy"] == "relay"
    assert re.fullmatch(r"turn:127\.0\.0\.1:\d+\?transport=udp", server["urls"]), server
    assert time.time() < int(server["username"].split(":", 1)[0]) <= time.time() + PAGE_LIFETIME_S + 5
    assert server["credential"] != second["iceServers"][0]["credential"]
    assert staff._call("GET", f"{protocol.visit(sfu.id)}/mediavag") == {"iceServers": [], "iceTransportPolicy": "all"}
    assert requests.get(relay_sandbox.base_url + path, timeout=5).status_code == 401
