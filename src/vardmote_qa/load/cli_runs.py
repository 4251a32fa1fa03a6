"""What `vmqa load` runs: a headless load (alone, with local worker processes, or as master for workers
on other machines) into a run folder, or a worker that serves a master."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys

from ..config import PROJECT_ROOT, Environment
from ..errors import UserError
from ..run.record import RunFolder
from ..sandbox_runner import RunningSandbox
from .model import load_model
from .report import print_summary
from .runner import LOCUSTFILE, run_load
from .settings import variables
from .shapes import plan


def headless(environment: Environment, shape: str, minutes: float | None, scale: float, processes: int,
             expect_workers: int, master_port: int) -> int:
    run = RunFolder.create(environment)
    print(f"» Lastkörning {run.run_id} i miljön {environment.name}: {run.path}", flush=True)
    with contextlib.ExitStack() as stack:
        base_url = environment.base_url
        if environment.starts_sandbox:
            base_url = stack.enter_context(RunningSandbox(run.layout.sandbox)).base_url
        run.set_target(base_url, None)
        extra = []
        if expect_workers:
            extra = ["--master", "--expect-workers", str(expect_workers), "--master-bind-port", str(master_port),
                     "--expect-workers-max-wait", "300"]
            print(f"» Väntar på {expect_workers} arbetare på port {master_port} (mål {base_url})", flush=True)
        planned = plan(load_model(), shape, minutes, scale)
        print(f"» Kör lastformen {shape} i {planned.duration_s:.0f} s …", flush=True)
        run.start_part("load", path=run.layout.relative(run.layout.load))
        outcome = run_load(run.path, base_url, environment, shape, minutes, processes, scale, extra)
        run.finish_part("load", outcome.status, outcome.detail)
    run.finish()
    summary_path = run.layout.load_summary
    if summary_path.is_file():
        print_summary(json.loads(summary_path.read_text(encoding="utf-8")))
    print(f"Resultat: {run.layout.load} ({outcome.detail})")
    return 0 if outcome.complete else 1


def worker(environment: Environment, shape: str, minutes: float | None, scale: float, processes: int,
           master_host: str, master_port: int) -> int:
    """A worker for a master elsewhere: the master's host (target) and timing reach it from the master."""
    if environment.starts_sandbox and master_host not in ("127.0.0.1", "localhost"):
        raise UserError("En arbetare på en annan dator behöver en miljö med base_url, inte den inbyggda sandlådan.")
    out = PROJECT_ROOT / "reports" / "load-worker"
    env = {**os.environ, **variables(environment.name, shape, minutes, scale, out)}
    env["VMQA_LOAD_OUT"] = ""  # only the master writes the run's files
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--worker", "--master-host", master_host,
               "--master-port", str(master_port)] + (["--processes", str(processes)] if processes else [])
    print(f"» Arbetare för mastern {master_host}:{master_port}, form {shape}", flush=True)
    return subprocess.call(command, cwd=PROJECT_ROOT, env=env)
