"""Reads one of the user's media files (thresholds, network profiles): a broken file is one sentence."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import UserError


def read_yaml(path: Path, what: str) -> object:
    """what: the Swedish name of the file's kind, for the message ("Gränsfilen", "Profilfilen")."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError:
        raise UserError(f"{what} {path} finns inte.") from None
    except yaml.YAMLError as error:
        raise UserError(f"{what} {path} är inte giltig YAML ({error.__class__.__name__}).") from None
