"""Environments: environments/<name>.yaml, validated, with secrets from environment variables.

A value written ${NAME} or ${NAME:-default} is taken from the environment variable NAME; values so
marked are secrets and are masked wherever the configuration is shown. The file's keys are Swedish
(starta_sandlada, konton.vardpersonal …); an unknown key is refused with the nearest known one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from . import typed_yaml
from .errors import UserError
from .typed_yaml import FileModel

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS_DIR = Path(os.environ.get("VMQA_ENVIRONMENTS", PROJECT_ROOT / "environments"))
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
KNOWN_ADAPTERS = {"sandbox"}
MASKED = "••••"


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
        """The text with every secret value of this environment replaced, for logs and reports
        (evidence.py applies it to everything a run writes). Longest first, so that a secret holding
        another is replaced whole."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, MASKED)
        return text


class _AccountEntry(FileModel):
    username: str
    password: str = Field(repr=False)


class _Accounts(FileModel):
    clinician: _AccountEntry = Field(alias="vardpersonal")
    admin: _AccountEntry = Field(alias="administrator")
    patients: list[str] = Field(default=[], alias="patienter")

    @field_validator("patients", mode="before")
    @classmethod
    def _numbers_as_text(cls, value):
        # An unquoted personnummer is a number in YAML; it is still the same personnummer.
        if isinstance(value, list):
            return [str(item) if isinstance(item, int) and not isinstance(item, bool) else item for item in value]
        return value


class _EnvironmentFile(FileModel):
    description: str | None = Field(default=None, alias="beskrivning")
    adapter: str
    starts_sandbox: bool = Field(default=False, alias="starta_sandlada")
    base_url: str | None = None
    default_unit: str = Field(alias="mottagning")
    # No default for a real environment: whether its traces may hold screenshots and DOM snapshots
    # (patients' data) is the file's statement, never an assumption
    synthetic_data: bool | None = Field(default=None, alias="syntetiska_data")
    accounts: _Accounts = Field(alias="konton")

    @model_validator(mode="after")
    def _consistent(self):
        if self.adapter not in KNOWN_ADAPTERS:
            raise ValueError(f"adaptern '{self.adapter}' är okänd (kända: {', '.join(sorted(KNOWN_ADAPTERS))})")
        if not self.starts_sandbox and not (self.base_url or "").startswith(("http://", "https://")):
            raise ValueError("'base_url' måste vara en http(s)-adress när sandlådan inte startas")
        if self.synthetic_data is None:
            if not self.starts_sandbox:
                raise ValueError("'syntetiska_data' måste anges för en miljö som inte är den inbyggda sandlådan: "
                                 "true bara om miljön enbart har syntetiska testdata, annars false")
            self.synthetic_data = True  # the embedded sandbox seeds synthetic people only
        if not self.accounts.patients:
            raise ValueError("'konton.patienter' måste lista minst ett test-personnummer")
        return self


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


def _account(entry: _AccountEntry) -> StaffAccount:
    return StaffAccount(entry.username, entry.password)


def environment_path(name: str) -> Path:
    return ENVIRONMENTS_DIR / f"{name}.yaml"


def load_environment(name: str) -> Environment:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name or ""):
        raise UserError(f"Miljönamnet '{name}' är ogiltigt: använd bokstäver, siffror, - och _.")
    path = environment_path(name)
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in ENVIRONMENTS_DIR.glob("*.yaml"))) or "inga"
        raise UserError(f"Miljön '{name}' finns inte: {path} saknas (tillgängliga: {available}).")
    raw = typed_yaml.read_yaml(path, "Miljöfilen")
    if not isinstance(raw, dict):
        raise UserError(f"{path.name} måste innehålla en YAML-mappning med miljöns inställningar.")
    # Expanded before validation, so that a variable's value is checked like a written one.
    secrets: list[str] = []
    read = typed_yaml.validate(_EnvironmentFile, _expand(raw, secrets, path), path.name)
    return Environment(
        name=name, description=read.description if read.description is not None else name, adapter=read.adapter,
        starts_sandbox=read.starts_sandbox, base_url=read.base_url, clinician=_account(read.accounts.clinician),
        admin=_account(read.accounts.admin), patients=tuple(read.accounts.patients),
        default_unit=read.default_unit, synthetic_data=read.synthetic_data, secrets=tuple(secrets))
