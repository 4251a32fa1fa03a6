"""The requirement catalogue (requirements/catalogue.yaml): ids, Swedish text, epic and release scope."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import PROJECT_ROOT
from .errors import UserError

CATALOGUE_PATH = PROJECT_ROOT / "requirements" / "catalogue.yaml"


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    epic: str
    text: str
    source: str
    scope: tuple[str, ...]


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, Requirement]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["krav"]
        return {entry["id"]: Requirement(entry["id"], entry["rubrik"], entry["epik"], entry["text"],
                                         entry["källa"], tuple(entry.get("omfattning") or ()))
                for entry in entries}
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise UserError(f"Kravkatalogen {path} går inte att läsa: {error}.") from None
