"""Evidence of a run: JSON, screenshots and traces, written to the run folder and attached to Allure,
and what that evidence may hold.

What a run keeps for an environment (its `syntetiska_data`):
- synthetic data only (the sandbox, a test environment that says so): traces with actions, screenshots
  and DOM snapshots, and a screenshot of each failed step; a scenario that measures video keeps no
  screenshots in its trace (see MEASURING_VIDEO);
- real people's data: traces with actions only; no screenshots, no snapshots (they show patients).
In both, before a trace is kept or attached: every secret of the environment masked (a typed password is
an action parameter in the trace), cookie headers and cookie lists removed, network addresses removed.
`sweep` does the same to every text file a run wrote, once its parts are done.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Callable

import allure

from . import allure_safe
from .redaction import REMOVED, scrub_text
from .run.layout import RunLayout

_COOKIE_HEADERS = {"cookie", "set-cookie"}
# Why a video scenario's trace has no screenshots: a trace's screenshots are a screencast, a JPEG of every
# frame in which the page changed, and a page showing video changes with every video frame. A bredband visit
# took 21 CPU-s with them and 9 without (make bench-trace, interleaved; docs/video.md): the evidence loaded
# the machine whose browsers it measured. The failed step's own screenshot and the DOM snapshots stay.
MEASURING_VIDEO = ("videoscenarier har inga skärmbilder i spårningen: de skulle belasta datorn som mäter "
                   "videon")
# Files a run writes that are text, so that masking them is a plain replacement
TEXT_SUFFIXES = {".json", ".log", ".txt", ".xml", ".html", ".md", ".csv", ".trace", ".network", ".stacks", ".js",
                 ".css", ".yaml"}


def _file_stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-").lower() or "bilaga"


def attachments_sentence(synthetic_data: bool) -> str:
    """What the report's attachments hold, said in the report (Swedish)."""
    if synthetic_data:
        return ("Playwright-spårningar med åtgärder, skärmbilder och sidornas DOM-ögonblicksbilder, och en "
                f"skärmbild per underkänt steg ({MEASURING_VIDEO}); miljön har bara syntetiska data. Hemligheter "
                "är maskerade, cookies och nätverksadresser borttagna.")
    return ("Playwright-spårningar med åtgärder enbart, utan skärmbilder och DOM-ögonblicksbilder, eftersom "
            "miljön har verkliga personers data. Hemligheter är maskerade, cookies och nätverksadresser borttagna.")


def _without_cookies(value):
    if isinstance(value, dict):
        if str(value.get("name", "")).lower() in _COOKIE_HEADERS and "value" in value:
            return {**value, "value": REMOVED}
        return {key: ([] if key == "cookies" else _without_cookies(item)) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_cookies(item) for item in value]
    return value


def clean_text(text: str, mask: Callable[[str], str]) -> str:
    """A text file's content without secrets, cookies or addresses; JSON lines are cleaned as JSON."""
    lines = []
    for line in mask(text).split("\n"):
        try:
            parsed = json.loads(line) if line.lstrip().startswith(("{", "[")) else None
        except json.JSONDecodeError:
            parsed = None
        if parsed is not None:
            line = json.dumps(_without_cookies(parsed), ensure_ascii=False)
        lines.append(scrub_text(line))
    return "\n".join(lines)


def clean_zip(path: Path, mask: Callable[[str], str]) -> None:
    """Rewrites a trace archive with every member that is text cleaned (images are left as they are)."""
    temporary = path.with_suffix(".rensad")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            try:
                data = clean_text(data.decode("utf-8"), mask).encode("utf-8")
            except UnicodeDecodeError:
                pass  # a screenshot or other binary resource
            target.writestr(member, data)
    temporary.replace(path)


def sweep(run_dir: Path, mask: Callable[[str], str]) -> int:
    """Cleans every text file and trace archive under the run folder in place; returns how many changed.
    The sandbox's own database is the system under test's, not evidence: left as it is."""
    changed = 0
    for path in sorted(Path(run_dir).rglob("*")):
        if not path.is_file() or path.is_symlink() or path.suffix.startswith(".sqlite"):
            continue
        if path.suffix == ".zip" and zipfile.is_zipfile(path):
            before = path.read_bytes()
            clean_zip(path, mask)
            changed += path.read_bytes() != before
        elif path.suffix in TEXT_SUFFIXES:
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            cleaned = clean_text(text, mask)
            if cleaned != text:
                path.write_text(cleaned, encoding="utf-8")
                changed += 1
    return changed


class Evidence:
    def __init__(self, run_dir: Path, *, synthetic_data: bool = True, mask: Callable[[str], str] = lambda t: t,
                 screencast: bool = True):
        self.run_dir = Path(run_dir)
        self.synthetic_data = synthetic_data
        self.mask = mask
        self.screencast = screencast

    def measuring_video(self) -> "Evidence":
        """The same evidence for a scenario that measures video: traces without screenshots (MEASURING_VIDEO)."""
        return Evidence(self.run_dir, synthetic_data=self.synthetic_data, mask=self.mask, screencast=False)

    @classmethod
    def for_environment(cls, run_dir: Path, environment) -> "Evidence":
        return cls(run_dir, synthetic_data=environment.synthetic_data, mask=environment.mask)

    def trace_options(self) -> dict:
        """What a trace records: screenshots and DOM snapshots only of synthetic data, screenshots not while
        video is measured."""
        return {"screenshots": self.synthetic_data and self.screencast, "snapshots": self.synthetic_data,
                "sources": False}

    def attach_media_stats(self, name: str, data: dict) -> Path:
        """One participant's getStats readings, into the run's media folder and Allure."""
        path = RunLayout(self.run_dir).media / f"{_file_stem(name)}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(clean_text(json.dumps(data, ensure_ascii=False, indent=2), self.mask), encoding="utf-8")
        allure_safe.attach(path.read_text(encoding="utf-8"), name, allure.attachment_type.JSON)
        return path

    def attach_png(self, name: str, png: bytes) -> None:
        if self.synthetic_data:  # a screenshot of a real environment shows a real patient
            allure_safe.attach(png, name, allure.attachment_type.PNG)

    def trace_path(self, name: str) -> Path:
        path = RunLayout(self.run_dir).traces / f"{_file_stem(name)}.zip"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def keep_trace(self, name: str, path: Path) -> None:
        """A written trace, cleaned, then attached (Allure copies the file: the copy must be clean too)."""
        clean_zip(path, self.mask)
        allure_safe.attach_file(str(path), name, "zip")

    def attach_file(self, name: str, path: Path, extension: str) -> None:
        allure_safe.attach_file(str(path), name, extension)
