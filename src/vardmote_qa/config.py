"""Environments: environments/<name>.yaml, validated, with secrets from environment variables.

A value written ${NAME} or ${NAME:-default} is taken from the environment variable NAME; values so
marked are secrets and are masked wherever the configuration is shown.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import UserError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS_DIR = Path(os.environ.get("VMQA_ENVIRONMENTS", PROJECT_ROOT / "environments"))
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
KNOWN_ADAPTERS = {"sandbox"}


@dataclass(frozen=True)
class StaffAccount:
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Environment:
    name: str
    description: str
    adapter: str
    starts_sandbox: bool
    base_url: str | None
    clinician: StaffAccount
    admin: StaffAccount
    patients: tuple[str, ...]
    default_unit: str
    synthetic_data: bool
    secrets: tuple[str, ...] = field(default=(), repr=False)

    def mask(self, text: str) -> str:
        """The text with every secret value of this environment replaced, for logs and reports."""
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "••••")
        return text


def _expand(value, secrets: list[str], source: Path):
    if isinstance(value, dict):
        return {key: _expand(item, secrets, source) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item, secrets, source) for item in value]
    if not isinstance(value, str):
        return value

    def substitute(match: re.Match) -> str:
        name, default = match.group(1), match.group(2)
        resolved = os.environ.get(name, default)
        if resolved is None:
            raise UserError(f"Miljövariabeln {name} behövs för {source.name} men är inte satt.")
        secrets.append(resolved)
        return resolved

    return _VARIABLE.sub(substitute, value)


def _require(data: dict, key: str, source: Path, kind: type = str):
    value = data.get(key)
    if not isinstance(value, kind):
        raise UserError(f"{source.name}: fältet '{key}' saknas eller har fel typ.")
    return value


def _account(data: dict, key: str, source: Path) -> StaffAccount:
    account = _require(data, key, source, dict)
    return StaffAccount(_require(account, "username", source), str(_require(account, "password", source)))


def environment_path(name: str) -> Path:
    return ENVIRONMENTS_DIR / f"{name}.yaml"


def load_environment(name: str) -> Environment:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name or ""):
        raise UserError(f"Miljönamnet '{name}' är ogiltigt: använd bokstäver, siffror, - och _.")
    path = environment_path(name)
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in ENVIRONMENTS_DIR.glob("*.yaml"))) or "inga"
        raise UserError(f"Miljön '{name}' finns inte: {path} saknas (tillgängliga: {available}).")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" på rad {mark.line + 1}" if mark else ""
        raise UserError(f"{path.name} är inte giltig YAML{where}: {getattr(error, 'problem', error)}.") from None
    if not isinstance(raw, dict):
        raise UserError(f"{path.name} måste innehålla en YAML-mappning med miljöns inställningar.")
    secrets: list[str] = []
    data = _expand(raw, secrets, path)
    adapter = _require(data, "adapter", path)
    if adapter not in KNOWN_ADAPTERS:
        raise UserError(f"{path.name}: adaptern '{adapter}' är okänd (kända: {', '.join(sorted(KNOWN_ADAPTERS))}).")
    starts_sandbox = bool(data.get("starta_sandlada", False))
    base_url = data.get("base_url")
    if not starts_sandbox and not (isinstance(base_url, str) and base_url.startswith(("http://", "https://"))):
        raise UserError(f"{path.name}: 'base_url' måste vara en http(s)-adress när sandlådan inte startas.")
    accounts = _require(data, "konton", path, dict)
    patients = accounts.get("patienter")
    if not isinstance(patients, list) or not patients:
        raise UserError(f"{path.name}: 'konton.patienter' måste lista minst ett test-personnummer.")
    return Environment(
        name=name, description=str(data.get("beskrivning", name)), adapter=adapter,
        starts_sandbox=starts_sandbox, base_url=base_url if isinstance(base_url, str) else None,
        clinician=_account(accounts, "vardpersonal", path), admin=_account(accounts, "administrator", path),
        patients=tuple(str(p) for p in patients), default_unit=_require(data, "mottagning", path),
        synthetic_data=bool(data.get("syntetiska_data", False)), secrets=tuple(secrets))
