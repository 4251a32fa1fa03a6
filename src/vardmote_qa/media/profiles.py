"""Network profiles (media/network-profiles.yaml) and the CDP conditions each one stands for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import PROJECT_ROOT
from ..errors import UserError
from .yamlfile import read_yaml

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


def _number(entry: dict, key: str, name: str, optional: bool = False) -> float | None:
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, (int, float)) or value < 0:
        raise UserError(f"Nätprofilen '{name}': '{key}' måste vara ett tal ≥ 0.")
    return float(value)


def parse_profiles(data: object, source: str = "network-profiles.yaml") -> dict[str, NetworkProfile]:
    if not isinstance(data, dict) or not isinstance(data.get("profiler"), dict):
        raise UserError(f"{source}: nyckeln 'profiler' saknas.")
    profiles = {}
    for name, entry in data["profiler"].items():
        if not isinstance(entry, dict):
            raise UserError(f"{source}: nätprofilen '{name}' ska vara en tabell.")
        loss = _number(entry, "forlust_procent", name)
        if loss > 100:
            raise UserError(f"Nätprofilen '{name}': 'forlust_procent' kan inte vara över 100.")
        profiles[str(name)] = NetworkProfile(str(name), str(entry.get("beskrivning", "")),
                                             _number(entry, "fordrojning_ms", name),
                                             _number(entry, "ned_mbit_s", name, optional=True),
                                             _number(entry, "upp_mbit_s", name, optional=True), loss)
    return profiles


def load_profiles(path: Path = PROFILES_FILE) -> dict[str, NetworkProfile]:
    data = read_yaml(path, "Profilfilen")
    return parse_profiles(data, Path(path).name)


def profile_named(name: str, path: Path = PROFILES_FILE) -> NetworkProfile:
    profiles = load_profiles(path)
    if name not in profiles:
        raise UserError(f"Okänd nätprofil '{name}' (kända: {', '.join(profiles)}; se {path.name}).")
    return profiles[name]
