"""Creating, updating and reading a run folder and its manifest."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..config import PROJECT_ROOT, Environment
from ..errors import UserError
from .layout import PartStatus, RunLayout

MANIFEST_FORMAT = 1
REPORTS_DIR = Path(os.environ.get("VMQA_REPORTS", PROJECT_ROOT / "reports"))
RUNS_DIR = REPORTS_DIR / "runs"


def _latest_link(runs_dir: Path) -> Path:
    """reports/latest, beside reports/runs/: the run folder last started."""
    return runs_dir.parent / "latest"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


class RunFolder:
    """A run being written: the manifest is rewritten after every change, so a run cut short still has one."""

    def __init__(self, path: Path, manifest: dict):
        self.path = path
        self.layout = RunLayout(path)
        self.manifest = manifest

    @classmethod
    def create(cls, environment: Environment, runs_dir: Path = RUNS_DIR,
               requested_parts: tuple[str, ...] | None = None) -> "RunFolder":
        """requested_parts: the parts this run was asked to run (None: every part), so a partial run is
        judged on its own parts' criteria."""
        run_id = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(2)
        path = runs_dir / run_id
        path.mkdir(parents=True)
        manifest = {
            "format": MANIFEST_FORMAT, "run_id": run_id, "started_at": _now(), "finished_at": None,
            "platform_version": __version__,
            "environment": {"name": environment.name, "description": environment.description,
                            "base_url": None, "target_version": None,
                            "synthetic_data": environment.synthetic_data},
            "parts": {},
            "requested_parts": None if requested_parts is None else list(requested_parts),
        }
        folder = cls(path, manifest)
        folder.save()
        folder.point_latest_here(_latest_link(runs_dir))
        return folder

    @property
    def run_id(self) -> str:
        return self.manifest["run_id"]

    def save(self) -> None:
        temporary = self.layout.manifest_temporary
        temporary.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(self.layout.manifest)

    def set_target(self, base_url: str, version: dict | None) -> None:
        self.manifest["environment"].update(base_url=base_url, target_version=version)
        self.save()

    def start_part(self, name: str, path: str | None = None) -> None:
        self.manifest["parts"][name] = {"status": PartStatus.INCOMPLETE.value, "started_at": _now(), "finished_at": None,
                                        "detail": "påbörjad men inte avslutad", "path": path}
        self.save()

    def finish_part(self, name: str, status: PartStatus, detail: str) -> None:
        self.manifest["parts"][name].update(status=status.value, finished_at=_now(), detail=detail)
        self.save()

    def finish(self) -> None:
        self.manifest["finished_at"] = _now()
        self.save()

    def point_latest_here(self, link: Path) -> None:
        temporary = link.with_name(link.name + ".tmp")
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        temporary.symlink_to(self.path.relative_to(link.parent), target_is_directory=True)
        temporary.replace(link)


@dataclass(frozen=True)
class RunRecord:
    """A finished (or broken) run as the gate reads it. Immutable."""

    path: Path
    manifest: dict

    @property
    def run_id(self) -> str:
        return self.manifest["run_id"]

    @property
    def layout(self) -> RunLayout:
        return RunLayout(self.path)

    @property
    def requested_parts(self) -> frozenset[str] | None:
        """The parts the run was asked for (a partial run); None for every part (also a manifest from
        before the key was written)."""
        requested = self.manifest.get("requested_parts")
        return None if requested is None else frozenset(requested)

    def part_status(self, name: str) -> PartStatus:
        return PartStatus.of(self.manifest.get("parts", {}).get(name, {}).get("status"))

    def part_detail(self, name: str) -> str:
        return self.manifest.get("parts", {}).get(name, {}).get("detail", "")


def resolve_run(reference: str | None, runs_dir: Path = RUNS_DIR) -> Path:
    """A run id, a path, or None for the latest run."""
    if reference is None:
        latest = _latest_link(runs_dir)
        if not latest.exists():
            raise UserError("Det finns ingen körning än: kör 'make nightly' eller 'vmqa nightly' först.")
        return latest.resolve()
    candidate = Path(reference)
    if not candidate.is_dir():
        candidate = runs_dir / reference
    manifest = RunLayout(candidate).manifest
    if not manifest.is_file():
        raise UserError(f"Körningen '{reference}' finns inte (ingen {manifest.name}).")
    return candidate.resolve()


def load_run(path: Path) -> RunRecord:
    try:
        manifest = json.loads(RunLayout(path).manifest.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise UserError(f"Körningens manifest i {path} går inte att läsa: {error}.") from None
    return RunRecord(path=path, manifest=manifest)
