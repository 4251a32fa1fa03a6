"""Bad input to the platform, as a user meets it: one clear Swedish sentence, exit 2 (or a NO-GO record
when the run itself could be made), no traceback, and the earlier history exactly as it was.

Each nightly here fails fast (an unreachable target, a refused file) so the file stays quick."""

import http.server
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from run_fixtures import write_run
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.runner import free_port
from vardmote_qa.waiting import eventually

VMQA = [sys.executable, "-m", "vardmote_qa.cli"]
PROJECT = Path(__file__).resolve().parents[1]
ACCEPTANCE_GATE = PROJECT / "tests" / "gates" / "acceptance-only.yaml"
REMOTE = """beskrivning: En målmiljö på en adress
adapter: sandbox
starta_sandlada: false
base_url: "{url}"
mottagning: vardcentralen-hisingen
syntetiska_data: true
konton:
  vardpersonal: {{username: anna.lund, password: sandlada}}
  administrator: {{username: admin, password: sandlada}}
  patienter: ["180001010016"]
"""


def vmqa(arguments, workspace: Path, gate: Path = ACCEPTANCE_GATE, **environment):
    env = {**os.environ, "VMQA_REPORTS": str(workspace / "reports"),
           "VMQA_ENVIRONMENTS": str(workspace / "environments"), **environment}
    judging = ["--gate", str(gate), "--historik", str(workspace / "history.sqlite"), "--utan-pdf"]
    return subprocess.run([*VMQA, *arguments, *judging], capture_output=True, text=True, env=env, cwd=PROJECT,
                          timeout=300)


def assert_one_sentence(completed, fragment: str) -> str:
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], completed.stderr
    return lines[0]


def history_rows(path: Path) -> list:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT run_id, verdict FROM runs ORDER BY run_id").fetchall()


@pytest.fixture(scope="module")
def earlier_history(tmp_path_factory):
    """A history holding one judged run, made the way a user makes one (`vmqa gate`)."""
    workspace = tmp_path_factory.mktemp("earlier")
    run = write_run(workspace, [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]}], run_id="20260101T010000-aaaa")
    (workspace / "environments").mkdir()
    completed = vmqa(["gate", str(run)], workspace)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return workspace / "history.sqlite"


@pytest.fixture
def workspace(tmp_path, earlier_history):
    """A fresh workspace with a copy of the earlier history and an environment pointing nowhere."""
    shutil.copy(earlier_history, tmp_path / "history.sqlite")
    environments = tmp_path / "environments"
    environments.mkdir()
    (environments / "fjarr.yaml").write_text(REMOTE.format(url=f"http://127.0.0.1:{free_port()}"), encoding="utf-8")
    return tmp_path


def latest_decision(workspace: Path) -> dict:
    return json.loads(RunLayout(workspace / "reports" / "latest").decision_json.read_text(encoding="utf-8"))


def test_an_unreachable_target_is_a_no_go_record_and_the_history_keeps_its_runs(workspace, earlier_history):
    completed = vmqa(["nightly", "--env", "fjarr", "--delar", "acceptance"], workspace)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    decision = latest_decision(workspace)
    assert decision["decision"] == "NO-GO"
    assert any("svarar inte (ingen anslutning)" in reason for reason in decision["reasons"]), decision["reasons"]
    rows = history_rows(workspace / "history.sqlite")
    assert rows[:-1] == history_rows(earlier_history) and rows[-1][1] == "NO-GO"


class NotTheService(http.server.BaseHTTPRequestHandler):
    """Another web server on the target's address: it answers, with its own 404 page."""

    def do_GET(self):
        body = b"<html><body>404 Not Found</body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


def test_a_target_that_answers_but_is_not_the_service_is_told_apart(workspace):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotTheService)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        (workspace / "environments" / "annan.yaml").write_text(REMOTE.format(url=url), encoding="utf-8")
        completed = vmqa(["nightly", "--env", "annan", "--delar", "acceptance"], workspace)
    finally:
        server.shutdown()
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert (f"Ofullständig körning: delen 'acceptance' blev inte klar (Målmiljön {url} svarar, men inte som en "
            f"tjänst för digitala vårdmöten: /version gav inget versionsbesked.).") in latest_decision(workspace)["reasons"]


def test_a_missing_browser_stops_the_nightly_before_it_starts(workspace):
    before = (workspace / "history.sqlite").read_bytes()
    completed = vmqa(["nightly", "--env", "fjarr"], workspace, VMQA_CHROMIUM="/finns/inte/chromium")
    assert_one_sentence(completed, "VMQA_CHROMIUM pekar på /finns/inte/chromium, som inte finns.")
    assert not (workspace / "reports").exists(), "no run folder for a run that could not start"
    assert (workspace / "history.sqlite").read_bytes() == before


def test_a_corrupt_history_is_refused_before_the_run_and_left_as_it_is(workspace):
    history = workspace / "history.sqlite"
    history.write_bytes(b"inte en databas " * 512)
    completed = vmqa(["nightly", "--env", "fjarr"], workspace)
    assert_one_sentence(completed, f"Historikdatabasen {history} är skadad eller ingen SQLite-databas")
    assert history.read_bytes() == b"inte en databas " * 512
    assert not (workspace / "reports").exists()


def test_a_locked_history_is_refused_and_keeps_its_runs(workspace, earlier_history):
    history = workspace / "history.sqlite"
    holder = sqlite3.connect(history, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of writing, and stuck there
    try:
        completed = vmqa(["nightly", "--env", "fjarr"], workspace)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_one_sentence(completed, f"Historikdatabasen {history} är låst av en annan process")
    assert history_rows(history) == history_rows(earlier_history)


@pytest.fixture
def full_disk(tmp_path):
    """A run folder on a 48 KB tmpfs, filled but for two pages: room for the manifest, not the reports."""
    mount = tmp_path / "liten-disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("en full disk simuleras med tmpfs, som kräver root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(mount)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs kunde inte monteras: {mounted.stderr.decode().strip()}")
    (mount / "annat-innehall").write_bytes(b"x" * 40 * 1024)
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_for_the_run_folder_is_one_sentence_and_the_history_is_untouched(workspace, full_disk):
    before = (workspace / "history.sqlite").read_bytes()
    completed = vmqa(["nightly", "--env", "fjarr", "--delar", "acceptance"], workspace,
                     VMQA_REPORTS=str(full_disk))
    sentence = assert_one_sentence(completed, "Körningen kunde inte skriva")
    assert "No space left on device" in sentence and "historiken är orörd" in sentence
    assert (workspace / "history.sqlite").read_bytes() == before


@pytest.mark.parametrize("file, text, refusal", [
    ("gate", "criteria:\n  - id: acceptance.critical\n    kind: acceptance_tag\n    tag: kritisk\n    ky: true\n",
     "okänd nyckel 'ky' (menade du 'key'?)"),
    ("waivers", "waivers:\n  - scenario: A\n    hwo: Anna\n    why: x\n    until: 2026-12-15\n",
     "okänd nyckel 'hwo' (menade du 'who'?)"),
    ("environment", REMOTE.format(url="http://127.0.0.1:1").replace("base_url", "bas_url"),
     "okänd nyckel 'bas_url' (menade du 'base_url'?)"),
])
def test_an_unknown_key_in_a_yaml_file_stops_the_nightly_with_the_nearest_key(workspace, file, text, refusal):
    path = workspace / f"{file}.yaml"
    arguments = ["nightly", "--env", "fjarr"]
    gate = ACCEPTANCE_GATE
    if file == "gate":
        gate = path
    elif file == "waivers":
        arguments += ["--undantag", str(path)]
    else:
        path = workspace / "environments" / "fjarr.yaml"
    path.write_text(text, encoding="utf-8")
    assert_one_sentence(vmqa(arguments, workspace, gate=gate), refusal)
    assert not (workspace / "reports").exists()


def test_vmqa_sandbox_stopped_with_sigterm_stops_its_sandbox_and_frees_the_port(tmp_path):
    import psutil

    port = free_port()
    command = subprocess.Popen([*VMQA, "sandbox", "--port", str(port), "--data", str(tmp_path)], cwd=PROJECT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def healthy():
            try:
                return requests.get(f"http://127.0.0.1:{port}{protocol.HEALTH}", timeout=1).status_code == 200
            except requests.RequestException:
                return False

        eventually(healthy, timeout=30, description="sandlådans hälsokontroll")
        sandbox = psutil.Process(command.pid).children()
        assert len(sandbox) == 1, sandbox
        command.send_signal(signal.SIGTERM)
        output, _ = command.communicate(timeout=30)
    finally:
        command.kill()
    assert command.returncode == 0, output
    assert "Traceback" not in output
    assert not sandbox[0].is_running() or sandbox[0].status() == psutil.STATUS_ZOMBIE, "the sandbox outlived vmqa"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # raises if anything still holds the port


def test_vmqa_sandbox_on_a_port_in_use_is_one_sentence(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        completed = subprocess.run([*VMQA, "sandbox", "--port", str(port), "--data", str(tmp_path)], cwd=PROJECT,
                                   capture_output=True, text=True, timeout=60)
    assert_one_sentence(completed, f"Porten {port} är upptagen")
