"""Network profiles (media/network-profiles.yaml) and the CDP conditions each one stands for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator

from .. import typed_yaml
from ..config import PROJECT_ROOT
from ..errors import UserError
from ..typed_yaml import FileModel

PROFILES_FILE = PROJECT_ROOT / "media" / "network-profiles.yaml"
# Chromium ignores packet loss at zero latency (checked on Chromium 150): every impairing profile adds at
# least this. A profile that impairs nothing is not emulated at all: Chromium's throttle adds jitter of its
# own on a busy machine (seen as freezes on "bredband" at load 7 on 2 cores).
MIN_ONE_WAY_LATENCY_MS = 1


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    description: str
    rtt_ms: float              # round-trip time the network adds
    down_mbit_s: float | None  # None: unlimited
    up_mbit_s: float | None
    loss_pct: float

    @property
    def impairs(self) -> bool:
        return bool(self.rtt_ms or self.loss_pct or self.down_mbit_s or self.up_mbit_s)


# A network that has gone away: every packet lost, both ways (CDP's "offline" does not stop WebRTC).
DROP = NetworkProfile("avbrott", "Nätet är borta", 0, None, None, 100)


def cdp_conditions(profile: NetworkProfile) -> dict:
    """Network.emulateNetworkConditions parameters: latency is one way, so half the profile's round trip."""
    def bytes_per_second(mbit):
        return -1 if not mbit else mbit * 1_000_000 / 8
    if not profile.impairs:
        return {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1, "packetLoss": 0}
    return {"offline": False, "latency": max(MIN_ONE_WAY_LATENCY_MS, profile.rtt_ms / 2),
            "downloadThroughput": bytes_per_second(profile.down_mbit_s),
            "uploadThroughput": bytes_per_second(profile.up_mbit_s), "packetLoss": profile.loss_pct}


def _non_negative_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError("måste vara ett tal ≥ 0")
    return float(value)


_Amount = Annotated[float, BeforeValidator(_non_negative_number)]


class _ProfileEntry(FileModel):
    description: str = Field(default="", alias="beskrivning")
    rtt_ms: _Amount = Field(alias="fordrojning_ms")
    down_mbit_s: _Amount | None = Field(default=None, alias="ned_mbit_s")
    up_mbit_s: _Amount | None = Field(default=None, alias="upp_mbit_s")
    loss_pct: _Amount = Field(alias="forlust_procent")

    @field_validator("loss_pct")
    @classmethod
    def _at_most_everything(cls, value: float) -> float:
        if value > 100:
            raise ValueError("kan inte vara över 100")
        return value


class _ProfilesFile(FileModel):
    profiles: dict[str, _ProfileEntry] = Field(alias="profiler")

    @model_validator(mode="before")
    @classmethod
    def _names_as_text(cls, data):
        if not isinstance(data, dict):
            raise ValueError("nyckeln 'profiler' saknas")
        if not isinstance(data.get("profiler"), dict):
            return data  # missing, misspelt or not a mapping: said by the model
        # A profile named 5g with no quotes is still the profile "5g"; one named 3 is "3".
        return {**data, "profiler": {str(name): entry for name, entry in data["profiler"].items()}}


def parse_profiles(data: object, source: str = "network-profiles.yaml") -> dict[str, NetworkProfile]:
    read = typed_yaml.validate(_ProfilesFile, data, source)
    return {name: NetworkProfile(name, entry.description, entry.rtt_ms, entry.down_mbit_s, entry.up_mbit_s,
                                 entry.loss_pct) for name, entry in read.profiles.items()}


def load_profiles(path: Path = PROFILES_FILE) -> dict[str, NetworkProfile]:
    return parse_profiles(typed_yaml.read_yaml(path, "Profilfilen"), Path(path).name)


def profile_named(name: str, path: Path = PROFILES_FILE) -> NetworkProfile:
    profiles = load_profiles(path)
    if name not in profiles:
        raise UserError(f"Okänd nätprofil '{name}' (kända: {', '.join(profiles)}; se {path.name}).")
    return profiles[name]
