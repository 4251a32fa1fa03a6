"""The run folder's layout: every file and folder a run writes, named once.

Every module that reads or writes a run folder asks a `RunLayout` for the path; none spells a name.
The format is described for people in docs/run-record.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class PartStatus(enum.Enum):
    """How far a part of a run (acceptance, video, load) got, as the manifest records it."""

    COMPLETE = "complete"  # ran to its end; its results are whole (they may still be failures)
    INCOMPLETE = "incomplete"  # started and did not finish (killed, timed out, broke)
    MISSING = "missing"  # never started: no entry in the manifest

    @classmethod
    def of(cls, text: str | None) -> "PartStatus":
        """The status a manifest entry spells; an unknown word is read as INCOMPLETE (never as complete)."""
        if text is None:
            return cls.MISSING
        try:
            return cls(text)
        except ValueError:
            return cls.INCOMPLETE


@dataclass(frozen=True)
class RunLayout:
    """The paths of one run folder, reports/runs/<run-id>/."""

    path: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))

    # -- the record --------------------------------------------------------------------------------
    @property
    def manifest(self) -> Path:
        return self.path / "manifest.json"

    @property
    def manifest_temporary(self) -> Path:
        return self.path / "manifest.json.tmp"

    # -- acceptance and video (pytest) ----------------------------------------------------------------
    @property
    def allure_results(self) -> Path:
        return self.path / "allure-results"

    @property
    def acceptance_log(self) -> Path:
        return self.path / "acceptance.log"

    @property
    def video_log(self) -> Path:
        return self.path / "video.log"

    @property
    def progress_events(self) -> Path:
        """One JSON line per finished scenario, written while pytest runs (acceptance, then video)."""
        return self.path / "progress.jsonl"

    @property
    def traces(self) -> Path:
        return self.path / "traces"

    @property
    def media(self) -> Path:
        """getStats readings of each participant (attached evidence) and the per-visit verdicts."""
        return self.path / "media"

    @property
    def media_visits(self) -> Path:
        return self.media / "visits"

    @property
    def media_summary(self) -> Path:
        return self.media / "summary.json"

    # -- load (Locust) -----------------------------------------------------------------------------
    @property
    def load(self) -> Path:
        return self.path / "load"

    @property
    def load_summary(self) -> Path:
        return self.load / "summary.json"

    @property
    def load_plan(self) -> Path:
        """The planned shape the run's Locust processes ran, as JSON (a worker started by hand reads it)."""
        return self.load / "plan.json"

    @property
    def load_summary_temporary(self) -> Path:
        return self.load / "summary.json.tmp"

    @property
    def load_csv_prefix(self) -> Path:
        """Locust's --csv prefix: locust_stats.csv, locust_stats_history.csv, locust_failures.csv …"""
        return self.load / "locust"

    @property
    def load_stats_history(self) -> Path:
        return self.load / "locust_stats_history.csv"

    @property
    def load_json_prefix(self) -> Path:
        """Locust's --json-file prefix (it adds .json)."""
        return self.load / "locust"

    @property
    def load_html(self) -> Path:
        return self.load / "locust.html"

    @property
    def load_log(self) -> Path:
        return self.load / "locust.log"

    @property
    def load_output(self) -> Path:
        return self.load / "locust.out"

    @property
    def load_video(self) -> Path:
        """The load test's browser (video) users' own records."""
        return self.load / "video"

    # -- the local environment ---------------------------------------------------------------------
    @property
    def sandbox(self) -> Path:
        return self.path / "sandbox"

    # -- the decision and its reports ----------------------------------------------------------------
    @property
    def decision_json(self) -> Path:
        return self.path / "decision.json"

    @property
    def decision_markdown(self) -> Path:
        return self.path / "decision.md"

    @property
    def junit(self) -> Path:
        return self.path / "junit.xml"

    @property
    def report_html(self) -> Path:
        return self.path / "report.html"

    @property
    def report_pdf(self) -> Path:
        return self.path / "report.pdf"

    @property
    def allure_report(self) -> Path:
        return self.path / "allure-report"

    @property
    def allure_report_index(self) -> Path:
        return self.allure_report / "index.html"

    @property
    def reports(self) -> tuple[Path, ...]:
        """Every report the gate writes, in the order a user reads them."""
        return (self.report_html, self.report_pdf, self.decision_json, self.decision_markdown, self.junit,
                self.allure_report)

    @classmethod
    def of_load_folder(cls, load_folder: Path) -> "RunLayout":
        """The run a load folder belongs to: Locust's processes are given only the load folder."""
        return cls(Path(load_folder).parent)

    def relative(self, path: Path) -> str:
        """A path inside the run folder as the reports link it (relative, so the folder can move)."""
        return str(Path(path).relative_to(self.path))
