"""What `vmqa load` runs: a headless load (alone, with local worker processes, or as master for workers
on other machines) into a run folder, or a worker that serves a master."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .. import target
from ..config import PROJECT_ROOT, Environment
from ..errors import UserError
from ..progress.display import choose_display
from ..run.parts import PART_TITLES
from ..run.record import RunFolder
from .report import print_summary
from .runner import LOCUSTFILE, run_load
from .settings import variables
from .shapes import PlannedShape


def headless(environment: Environment, planned: PlannedShape, processes: int, expect_workers: int,
             master_port: int) -> int:
    run = RunFolder.create(environment, requested_parts=("load",))  # judged by `vmqa gate` as a partial run
    shape = planned.timeline.name
    print(f"» Lastkörning {run.run_id} i miljön {environment.name}: {run.path}", flush=True)
    with target.up(environment, run.layout.sandbox) as running:
        base_url = running.base_url
        run.set_target(base_url, running.version)
        extra = []
        if expect_workers:
            extra = ["--master", "--expect-workers", str(expect_workers), "--master-bind-port", str(master_port),
                     "--expect-workers-max-wait", "300"]
            print(f"» Väntar på {expect_workers} arbetare på port {master_port} (mål {base_url})", flush=True)
        print(f"» Kör lastformen {shape} i {planned.duration_s:.0f} s …", flush=True)
        run.start_part("load", path=run.layout.relative(run.layout.load))
        with choose_display().part(PART_TITLES["load"]) as progress:
            outcome = run_load(run.path, base_url, environment, planned, processes, extra, progress=progress)
        run.finish_part("load", outcome.status, outcome.detail)
    run.finish()
    summary_path = run.layout.load_summary
    if summary_path.is_file():
        print_summary(json.loads(summary_path.read_text(encoding="utf-8")))
    print(f"Resultat: {run.layout.load} ({outcome.detail})")
    return 0 if outcome.complete else 1


def worker(environment: Environment, planned: PlannedShape, processes: int, master_host: str,
           master_port: int) -> int:
    """A worker for a master elsewhere: the master's host (target) reaches it from the master; the plan is
    the one this command made from the same shape, minutes and scale (load/settings.py)."""
    if environment.starts_sandbox and master_host not in ("127.0.0.1", "localhost"):
        raise UserError("En arbetare på en annan dator behöver en miljö med base_url, inte den inbyggda sandlådan.")
    shape = planned.timeline.name
    env = {**os.environ, **variables(environment.name, planned, None)}  # only the master writes the run's files
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--worker", "--master-host", master_host,
               "--master-port", str(master_port)] + (["--processes", str(processes)] if processes else [])
    print(f"» Arbetare för mastern {master_host}:{master_port}, form {shape}", flush=True)
    return subprocess.call(command, cwd=PROJECT_ROOT, env=env)
