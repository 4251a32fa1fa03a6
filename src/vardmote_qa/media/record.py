"""Writes one assessed visit to the run folder (media/visits/<name>.json and .svg) and attaches both to
Allure, so that the gate, the report and a tester read the same numbers."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import allure

from .. import allure_safe
from ..run.layout import RunLayout
from .chart import render_svg
from .visit import VisitResult


def stable_name(label: str) -> str:
    """An ASCII file name from a scenario label: å, ä, ö become a, a, o; anything else becomes '-'."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_.]+", "-", ascii_text).strip("-").lower() or "besok"


def write_visit(result: VisitResult, run_dir: Path, name: str, folder: Path | None = None) -> Path:
    """folder: another home than the run's media/visits (the load part's video users write to load/video)."""
    folder = folder or RunLayout(run_dir).media_visits
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stable_name(name)}.json"
    text = json.dumps(result.as_dict(), ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    svg = render_svg(result)
    path.with_suffix(".svg").write_text(svg, encoding="utf-8")
    allure_safe.attach(text, f"Videokvalitet: {result.visit}", allure.attachment_type.JSON)
    allure_safe.attach(svg, f"Videodiagram: {result.visit}", allure.attachment_type.SVG)
    return path
