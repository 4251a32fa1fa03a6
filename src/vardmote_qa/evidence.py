"""Evidence of a run: JSON, screenshots and traces, written to the run folder and attached to Allure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import allure

from . import allure_safe
from .run.layout import RunLayout


def _file_stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-").lower() or "bilaga"


class Evidence:
    def __init__(self, run_dir: Path):
        self.run_dir = Path(run_dir)

    def attach_media_stats(self, name: str, data: dict) -> Path:
        """One participant's getStats readings, into the run's media folder and Allure."""
        path = RunLayout(self.run_dir).media / f"{_file_stem(name)}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        allure_safe.attach(path.read_text(encoding="utf-8"), name, allure.attachment_type.JSON)
        return path

    def attach_png(self, name: str, png: bytes) -> None:
        allure_safe.attach(png, name, allure.attachment_type.PNG)

    def trace_path(self, name: str) -> Path:
        path = RunLayout(self.run_dir).traces / f"{_file_stem(name)}.zip"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def attach_file(self, name: str, path: Path, extension: str) -> None:
        allure_safe.attach_file(str(path), name, extension)
