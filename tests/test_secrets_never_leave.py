"""Secrets and addresses never leave a run, and the browsers send nothing off the machine.

One small partial nightly (one scenario, made to fail by the sandbox's broken check-in, so that its traces
are kept) with known secret values in the environment variables; then every file it produced is searched:
the run folder with every zip unpacked (traces, their Allure copies), the Allure results, the logs, the
reports and the history database. The sandbox's own database in the run folder is the system under test's
(it holds the session tokens by design) and is where the test reads the tokens to search for.
Mutations: an uncleaned trace and a browser without the loopback-only resolver, each caught by the same
search and the same net-log check."""

import io
import ipaddress
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import psutil
import pytest

from vardmote_qa.browser import CHROMIUM_ARGS, LOOPBACK_ONLY_RESOLVER, NET_LOG_VARIABLE, launch_options
from vardmote_qa.evidence import clean_zip
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.target.sandbox import protocol

PROJECT = Path(__file__).resolve().parents[1]
ACCEPTANCE_GATE = PROJECT / "tests" / "gates" / "acceptance-only.yaml"
# The sandbox's seeded password (it accepts no other), set explicitly as the secret variables' values
SECRET = "sandlada"
SECRET_VARIABLES = {"VMQA_LOCAL_STAFF_PASSWORD": SECRET, "VMQA_LOCAL_ADMIN_PASSWORD": SECRET}
SANDBOX_DATABASE = "sandbox.sqlite"


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
            "per underkänt steg; miljön har bara syntetiska data. Hemligheter är maskerade, cookies och "
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


PEER = """async ({offer}) => {
  const pc = new RTCPeerConnection({iceServers: []});
  window.vmqaPeer = pc;
  const stream = await navigator.mediaDevices.getUserMedia({video: true});
  stream.getTracks().forEach(track => pc.addTrack(track, stream));
  const gathered = new Promise(done => pc.addEventListener('icegatheringstatechange',
      () => pc.iceGatheringState === 'complete' && done()));
  if (offer) { await pc.setRemoteDescription(offer); await pc.setLocalDescription(await pc.createAnswer()); }
  else { await pc.setLocalDescription(await pc.createOffer()); }
  await gathered;
  return {type: pc.localDescription.type, sdp: pc.localDescription.sdp};
}"""
SELECTED_PAIR = """async () => {
  const stats = await window.vmqaPeer.getStats(), byId = {};
  stats.forEach(report => byId[report.id] = report);
  const pairs = [];
  stats.forEach(report => {
    if (report.type === 'transport' && report.selectedCandidatePairId) {
      const pair = byId[report.selectedCandidatePairId];
      pairs.push([byId[pair.localCandidateId].address, byId[pair.remoteCandidateId].address]);
    }
  });
  return pairs;
}"""


def test_every_selected_candidate_pair_stays_on_this_machine(playwright, sandbox):
    """Real WebRTC between two pages of the platform's Chromium, signalled by the test. Chromium 150 has no
    switch that gathers on loopback alone (--webrtc-ip-handling-policy=default_public_interface_only gives
    no candidates at all here), so the selected pair may use this machine's own interface address: the
    check is that both ends are loopback or this machine's, never another host or a relay."""
    own = {"127.0.0.1", "::1", *machine_addresses()}
    browser = playwright.chromium.launch(**launch_options())
    pages = [browser.new_context().new_page() for _ in range(2)]
    for page in pages:
        page.goto(f"{sandbox.base_url}/")
    offer = pages[0].evaluate(PEER, {"offer": None})
    answer = pages[1].evaluate(PEER, {"offer": offer})
    pages[0].evaluate("answer => window.vmqaPeer.setRemoteDescription(answer)", answer)
    pages[0].wait_for_function("window.vmqaPeer.connectionState === 'connected'", timeout=20_000)
    pairs = [pair for page in pages for pair in page.evaluate(SELECTED_PAIR)]
    browser.close()
    assert len(pairs) == 2, pairs
    assert all(address in own for pair in pairs for address in pair), (pairs, own)
