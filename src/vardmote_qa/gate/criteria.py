"""Loading and validating a criteria file (gates/release.yaml) before anything runs.

Each entry is validated by its kind's model (gate/kinds): an unknown key, a wrong value or a reference
to a later criterion is refused in one Swedish sentence naming the criterion and the file."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import UserError
from ..typed_yaml import FileModel, read_yaml, validate
from .entries import sentence
from .kinds import KINDS
from .model import Criterion


class CriteriaFile(FileModel):
    """The file as a whole; its entries are validated one by one, each by its own kind's model."""

    criteria: list[object] | None = None


def load_criteria(path: Path) -> tuple[Criterion, ...]:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Kriteriefilen {path} finns inte.")
    data = read_yaml(path, "Kriteriefilen")
    entries = validate(CriteriaFile, data, path.name).criteria if isinstance(data, dict) else None
    if not entries:
        raise UserError(f"Kriteriefilen {path.name} måste ha en lista 'criteria' med minst ett kriterium.")
    criteria: list[Criterion] = []
    for number, entry in enumerate(entries, start=1):
        criteria.append(_criterion(entry, number, path.name, {c.id for c in criteria}))
    return tuple(criteria)


def _criterion(entry: object, number: int, file_name: str, earlier_ids: set[str]) -> Criterion:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise UserError(f"Kriterium nummer {number} i {file_name} saknar 'id'.")
    criterion_id = entry["id"]
    if criterion_id in earlier_ids:
        raise UserError(f"Kriteriet {criterion_id} förekommer två gånger i {file_name}.")
    kind = KINDS.get(entry.get("kind"))
    if kind is None:
        raise UserError(f"Kriteriet {criterion_id} har en okänd typ '{entry.get('kind')}' "
                        f"(kända typer: {', '.join(sorted(KINDS))}).")
    place = f"Kriteriet {criterion_id} i {file_name}"
    try:
        params = kind.params_model.model_validate(entry)
        params.check_references(earlier_ids)
    except ValidationError as error:
        raise UserError(sentence(error, kind.params_model, place)) from None
    except ValueError as error:
        raise UserError(f"{place}: {error}.") from None
    return Criterion(id=criterion_id, kind=kind.name, source=dict(entry), params=params, parts=kind.parts)
