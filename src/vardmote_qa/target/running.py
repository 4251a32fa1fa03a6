"""The target brought up for a run: the embedded sandbox started when the environment says so, or the
environment's (or a given) base_url; in every case asked its version, so a run never tests nothing.

    with target.up(environment, layout.sandbox) as running:
        run_load(..., running.base_url, ...)
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import requests

from ..config import Environment
from ..errors import UserError

if TYPE_CHECKING:
    from .sandbox.runner import RunningSandbox


class TargetDown(UserError):
    """The target did not come up or does not answer; base_url is None when the sandbox never started."""

    def __init__(self, message: str, base_url: str | None):
        super().__init__(message)
        self.base_url = base_url


@dataclass(frozen=True)
class RunningTarget:
    base_url: str
    version: dict
    sandbox: "RunningSandbox | None" = None  # when this run started it: its process and database (the bench)


def _version(environment: Environment, base_url: str) -> dict:
    """The target's version; a target that does not answer, or answers without a version (another
    service on that address, a proxy's error page), is down for the run, each said in its own sentence."""
    from . import open_target
    try:
        version = open_target(environment, base_url).version()
    except (requests.ConnectionError, requests.Timeout):
        raise TargetDown(f"Målmiljön {base_url} svarar inte (ingen anslutning).", base_url) from None
    except Exception:  # an answer, but not one the service gives: an HTML page, a refusal, broken JSON
        version = None
    if not isinstance(version, dict) or "version" not in version:
        raise TargetDown(f"Målmiljön {base_url} svarar, men inte som en tjänst för digitala vårdmöten: "
                         f"/version gav inget versionsbesked.", base_url)
    return version


def gone(environment: Environment, running: RunningTarget) -> str | None:
    """After a part: None while the target still answers, else why not (a sandbox that ended, with its exit
    code), so a part whose target died under it is not taken for a whole one."""
    if running.sandbox is not None and running.sandbox.exit_code() is not None:
        return f"sandlådan avslutades under körningen (kod {running.sandbox.exit_code()})"
    try:
        _version(environment, running.base_url)
    except TargetDown as down:
        return f"målmiljön slutade svara under körningen: {down.message}"
    return None


@contextlib.contextmanager
def up(environment: Environment, work_dir: Path, faults: str = "",
       base_url: str | None = None) -> Iterator[RunningTarget]:
    """The target, up for the block. A given base_url (pytest's --target-url) is used as is; otherwise the
    sandbox is started in work_dir (its database and log) when the environment starts one, with the fault
    switches `faults`, and stopped afterwards. Raises TargetDown, one Swedish sentence, when it is not there."""
    if base_url is None and environment.starts_sandbox:
        from .sandbox.runner import RunningSandbox  # the one place that starts the sandbox
        try:
            sandbox = RunningSandbox(work_dir, faults).start()
        except UserError as error:
            raise TargetDown(error.message, None) from None
        try:
            yield RunningTarget(sandbox.base_url, _version(environment, sandbox.base_url), sandbox)
        finally:
            sandbox.stop()
        return
    address = base_url or environment.base_url
    yield RunningTarget(address, _version(environment, address))
