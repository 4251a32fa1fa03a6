"""The registry of criterion kinds. Each module exposes PARTS (the run parts it reads),
parse(entry) -> params (raises ValueError with a Swedish phrase) and evaluate(criterion, data)."""

from __future__ import annotations

from types import ModuleType

from . import acceptance_tag, flakiness, load_chat_integrity, load_request, media_measure, requirements_coverage

KINDS: dict[str, ModuleType] = {
    "acceptance_tag": acceptance_tag,
    "requirements_coverage": requirements_coverage,
    "media_measure": media_measure,
    "load_request": load_request,
    "load_chat_integrity": load_chat_integrity,
    "flakiness": flakiness,
}
