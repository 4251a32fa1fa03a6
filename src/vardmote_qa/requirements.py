"""The requirement catalogue (requirements/catalogue.yaml): ids, Swedish text, epic and release scope."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from . import typed_yaml
from .config import PROJECT_ROOT
from .typed_yaml import FileModel

CATALOGUE_PATH = PROJECT_ROOT / "requirements" / "catalogue.yaml"


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    epic: str
    text: str
    source: str
    scope: tuple[str, ...]


class _Entry(FileModel):
    id: str
    title: str = Field(alias="rubrik")
    epic: str = Field(alias="epik")
    text: str
    source: str = Field(alias="källa")
    scope: list[str] = Field(default=[], alias="omfattning")

    @field_validator("scope", mode="before")
    @classmethod
    def _nothing_is_no_release(cls, value):
        return [] if value is None else value  # `omfattning:` with nothing after it


class _Catalogue(FileModel):
    requirements: list[_Entry] = Field(alias="krav")

    @model_validator(mode="after")
    def _unique_ids(self):
        seen = set()
        for entry in self.requirements:
            if entry.id in seen:  # a second entry would silently replace the first
                raise ValueError(f"kravet '{entry.id}' står två gånger")
            seen.add(entry.id)
        return self


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, Requirement]:
    read = typed_yaml.load(path, _Catalogue, "Kravkatalogen")
    return {entry.id: Requirement(entry.id, entry.title, entry.epic, entry.text, entry.source, tuple(entry.scope))
            for entry in read.requirements}
