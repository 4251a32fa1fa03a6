"""Loading and validating a criteria file (gates/release.yaml) before anything runs."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import UserError
from .kinds import KINDS
from .model import Criterion

COMMON_FIELDS = {"id", "kind", "key", "warn", "fail", "baseline"}


def load_criteria(path: Path) -> tuple[Criterion, ...]:
    if not path.is_file():
        raise UserError(f"Kriteriefilen {path} finns inte.")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise UserError(f"Kriteriefilen {path.name} är inte giltig YAML: {error}.") from None
    entries = data.get("criteria") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise UserError(f"Kriteriefilen {path.name} måste ha en lista 'criteria' med minst ett kriterium.")
    criteria, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise UserError(f"Kriterium nummer {number} i {path.name} saknar 'id'.")
        if entry["id"] in seen:
            raise UserError(f"Kriteriet {entry['id']} förekommer två gånger i {path.name}.")
        seen.add(entry["id"])
        kind = KINDS.get(entry.get("kind"))
        if kind is None:
            raise UserError(f"Kriteriet {entry['id']} har en okänd typ '{entry.get('kind')}' "
                            f"(kända typer: {', '.join(sorted(KINDS))}).")
        try:
            params = kind.parse({k: v for k, v in entry.items() if k not in COMMON_FIELDS - {"warn", "fail"}})
            _check_baseline(entry.get("baseline"))
            if hasattr(kind, "check_references"):
                kind.check_references(params, seen - {entry["id"]})
        except ValueError as error:
            raise UserError(f"Kriteriet {entry['id']} i {path.name}: {error}.") from None
        criteria.append(Criterion(id=entry["id"], kind=entry["kind"], source=dict(entry), params=params,
                                  warn=entry.get("warn"), fail=entry.get("fail"), key=bool(entry.get("key"))))
    return tuple(criteria)


def _check_baseline(baseline) -> None:
    if baseline is None:
        return
    if not isinstance(baseline, dict) or not isinstance(baseline.get("max_worse_percent"), (int, float)):
        raise ValueError("'baseline' måste ange 'max_worse_percent' som ett tal")
    if baseline.get("status", "warn") not in ("warn", "fail"):
        raise ValueError("'baseline.status' måste vara warn eller fail")
