"""Starts and stops the embedded sandbox for the `local` environment: the one place that does
(a run asks for it through `target.up`).

It runs as its own process (`python -m vardmote_sandbox`) on a free loopback port with a fresh
database, so the platform never imports the system under test.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import requests

from ...errors import UserError
from . import protocol
from ...waiting import SANDBOX_START_TIMEOUT_S, NotYet, eventually


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RunningSandbox:
    """A sandbox process with its own database and log file in `work_dir`."""

    def __init__(self, work_dir: Path, faults: str = ""):
        self.work_dir = Path(work_dir)
        self.faults = faults
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.work_dir / "sandbox.log"
        self.database_path = self.work_dir / "sandbox.sqlite"
        self._process: subprocess.Popen | None = None

    def start(self) -> "RunningSandbox":
        self.work_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.work_dir.glob("sandbox.sqlite*"):
            stale.unlink()
        log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "vardmote_sandbox", "--port", str(self.port),
             "--database", str(self.database_path), "--faults", self.faults],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            eventually(self._healthy, timeout=SANDBOX_START_TIMEOUT_S, description="sandlådans hälsokontroll")
        except NotYet:
            self.stop()
            raise UserError(f"Sandlådan startade inte inom {SANDBOX_START_TIMEOUT_S:.0f} s; "
                            f"se loggen {self.log_path}.") from None
        return self

    def _healthy(self) -> bool:
        if self._process.poll() is not None:
            raise UserError(f"Sandlådan avslutades direkt (kod {self._process.returncode}); "
                            f"se loggen {self.log_path}.")
        try:
            return requests.get(f"{self.base_url}{protocol.HEALTH}", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def exit_code(self) -> int | None:
        """None while the sandbox runs; its exit code once it has ended (70 after the `crash` fault)."""
        return self._process.poll() if self._process else None

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def __enter__(self) -> "RunningSandbox":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


class Stopped(Exception):
    """SIGTERM or SIGHUP to `vmqa sandbox` (a script, a service manager): stop the sandbox, then exit."""


def _stop_on_signal(signum, _frame):
    raise Stopped(signal.Signals(signum).name)


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def serve_forever(work_dir: Path, port: int) -> None:
    """For `vmqa sandbox`: runs the sandbox in the foreground until Ctrl+C, SIGTERM or SIGHUP, and in every
    case stops the sandbox it started, so that its port is free again."""
    if port_taken(port):
        raise UserError(f"Porten {port} är upptagen: stoppa det som lyssnar där eller välj en annan med --port.")
    work_dir.mkdir(parents=True, exist_ok=True)
    previous = {sent: signal.signal(sent, _stop_on_signal) for sent in (signal.SIGTERM, signal.SIGHUP)}
    process = subprocess.Popen([sys.executable, "-m", "vardmote_sandbox", "--port", str(port), "--announce",
                                "--database", str(work_dir / "sandbox.sqlite")])
    try:
        if process.wait() != 0:
            raise UserError(f"Sandlådan avslutades med kod {process.returncode}; se utskriften ovan.")
    except (KeyboardInterrupt, Stopped):
        pass
    finally:
        for sent, handler in previous.items():
            signal.signal(sent, handler)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
