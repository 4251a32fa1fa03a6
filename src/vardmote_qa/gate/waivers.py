"""Waivers and quarantine (gates/waivers.yaml): accepted risks as data, each with who, why and until.

    waivers:
      - scenario: "Bokat videomöte från kallelse till avslutat besök"   # or criterion: load.visit.join_p95
        who: Anna Andersson, releaseansvarig
        why: Känt fel i SMS-leverantörens testmiljö (ärende 1234)
        until: 2026-12-15
    quarantine:
      - scenario: "..."           # run and shown, but not counted, until the date
        who: ...
        why: ...
        until: 2026-12-01
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import UserError
from .model import Waiver


@dataclass(frozen=True)
class WaiverFile:
    waivers: tuple[Waiver, ...] = ()
    quarantine: tuple[Waiver, ...] = ()

    def active_quarantine(self, today: dt.date) -> frozenset[str]:
        return frozenset(entry.scenario for entry in self.quarantine if entry.active_on(today))


def _entry(raw, where: str, needs_scenario: bool) -> Waiver:
    if not isinstance(raw, dict):
        raise UserError(f"{where}: varje post måste vara en mappning med who, why och until.")
    for field in ("who", "why", "until"):
        if not raw.get(field):
            raise UserError(f"{where}: fältet '{field}' saknas: varje undantag behöver vem, varför och till när.")
    until = raw["until"]
    if isinstance(until, str):
        try:
            until = dt.date.fromisoformat(until)
        except ValueError:
            raise UserError(f"{where}: 'until' måste vara ett datum ÅÅÅÅ-MM-DD, inte '{raw['until']}'.") from None
    if not isinstance(until, dt.date):
        raise UserError(f"{where}: 'until' måste vara ett datum ÅÅÅÅ-MM-DD.")
    if needs_scenario and not raw.get("scenario"):
        raise UserError(f"{where}: en karantän gäller ett scenario ('scenario').")
    if not raw.get("scenario") and not raw.get("criterion"):
        raise UserError(f"{where}: ange 'criterion' eller 'scenario'.")
    return Waiver(criterion=raw.get("criterion"), scenario=raw.get("scenario"), who=str(raw["who"]),
                  why=str(raw["why"]), until=until)


def load_waivers(path: Path | None) -> WaiverFile:
    if path is None or not path.is_file():
        return WaiverFile()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise UserError(f"Undantagsfilen {path.name} är inte giltig YAML: {error}.") from None
    if not isinstance(data, dict):
        raise UserError(f"Undantagsfilen {path.name} måste innehålla 'waivers' och/eller 'quarantine'.")
    waivers = tuple(_entry(raw, f"{path.name}, undantag {n}", False)
                    for n, raw in enumerate(data.get("waivers") or [], start=1))
    quarantine = tuple(_entry(raw, f"{path.name}, karantän {n}", True)
                       for n, raw in enumerate(data.get("quarantine") or [], start=1))
    return WaiverFile(waivers, quarantine)


def validate_against(waivers: WaiverFile, criterion_ids: set[str]) -> None:
    for waiver in waivers.waivers:
        if waiver.criterion and waiver.criterion not in criterion_ids:
            raise UserError(f"Undantaget för {waiver.criterion} gäller ett kriterium som inte finns i grinden.")
