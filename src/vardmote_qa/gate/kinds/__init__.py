"""The registry of criterion kinds: each module exposes parse(entry) -> params and evaluate(...)."""

from __future__ import annotations

from types import ModuleType

from . import acceptance_tag

KINDS: dict[str, ModuleType] = {
    "acceptance_tag": acceptance_tag,
}
