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

from pydantic import Field, ValidationError, field_validator, model_validator

from ..errors import UserError
from ..typed_yaml import FileModel, read_yaml, validate
from .entries import sentence
from .model import Waiver

WHO_WHY_UNTIL = "varje undantag behöver vem, varför och till när"


@dataclass(frozen=True)
class WaiverFile:
    waivers: tuple[Waiver, ...] = ()
    quarantine: tuple[Waiver, ...] = ()

    def active_quarantine(self, today: dt.date) -> frozenset[str]:
        return frozenset(entry.scenario for entry in self.quarantine if entry.active_on(today))


class WaiverEntry(FileModel):
    """One accepted risk: a criterion or a scenario, who granted it, why, and until which day (inclusive)."""

    criterion: str | None = None
    scenario: str | None = None
    who: str = Field(description=WHO_WHY_UNTIL)
    why: str = Field(description=WHO_WHY_UNTIL)
    until: dt.date = Field(description=WHO_WHY_UNTIL)

    @field_validator("who", "why", mode="before")
    @classmethod
    def _said(cls, value, info):
        if value is None or value == "":
            raise ValueError(f"fältet '{info.field_name}' saknas: {WHO_WHY_UNTIL}")
        return str(value)

    @field_validator("until", mode="before")
    @classmethod
    def _a_date(cls, until):
        if isinstance(until, str):
            try:
                return dt.date.fromisoformat(until)
            except ValueError:
                raise ValueError(f"'until' måste vara ett datum ÅÅÅÅ-MM-DD, inte '{until}'") from None
        if not isinstance(until, dt.date) or isinstance(until, dt.datetime):
            raise ValueError("'until' måste vara ett datum ÅÅÅÅ-MM-DD")
        return until

    @model_validator(mode="after")
    def _names_what(self):
        if not self.scenario and not self.criterion:
            raise ValueError("ange 'criterion' eller 'scenario'")
        return self

    def waiver(self) -> Waiver:
        return Waiver(criterion=self.criterion, scenario=self.scenario, who=self.who, why=self.why, until=self.until)


class QuarantineEntry(WaiverEntry):
    """A scenario run and shown, but not counted, until the day."""

    @model_validator(mode="before")
    @classmethod
    def _a_scenario(cls, raw):
        if isinstance(raw, dict) and {"who", "why", "until"} <= raw.keys() and not raw.get("scenario"):
            raise ValueError("en karantän gäller ett scenario ('scenario')")
        return raw


class WaiversDocument(FileModel):
    """The file as a whole; its entries are validated one by one, so that a refusal can say which."""

    waivers: list[object] | None = None
    quarantine: list[object] | None = None


def _entries(raws, model: type[WaiverEntry], label: str) -> tuple[Waiver, ...]:
    entries = []
    for number, raw in enumerate(raws or [], start=1):
        place = f"{label} {number}"
        if not isinstance(raw, dict):
            raise UserError(f"{place}: varje post måste vara en mappning med who, why och until.")
        try:
            entries.append(model.model_validate(raw).waiver())
        except ValidationError as error:
            raise UserError(sentence(error, model, place)) from None
    return tuple(entries)


def load_waivers(path: Path | None) -> WaiverFile:
    if path is None or not Path(path).is_file():
        return WaiverFile()
    path = Path(path)
    data = read_yaml(path, "Undantagsfilen") or {}
    if not isinstance(data, dict):
        raise UserError(f"Undantagsfilen {path.name} måste innehålla 'waivers' och/eller 'quarantine'.")
    document = validate(WaiversDocument, data, path.name)
    return WaiverFile(_entries(document.waivers, WaiverEntry, f"{path.name}, undantag"),
                      _entries(document.quarantine, QuarantineEntry, f"{path.name}, karantän"))


def validate_against(waivers: WaiverFile, criterion_ids: set[str]) -> None:
    for waiver in waivers.waivers:
        if waiver.criterion and waiver.criterion not in criterion_ids:
            raise UserError(f"Undantaget för {waiver.criterion} gäller ett kriterium som inte finns i grinden.")
