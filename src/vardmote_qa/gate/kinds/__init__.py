"""The registry of criterion kinds: one `CriterionKind` per module of this package, registered by name.

A kind is its name, the run parts it reads, the model of its parameters (a `CriterionEntry` subclass)
and its evaluation. The evaluation sees only runs whose parts are complete: evaluate_all checks the
parts once, before any kind is asked, and a part that was not asked for leaves the criterion unjudged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

from ..entries import CriterionEntry
from ..model import Criterion, CriterionResult
from ..rundata import RunData

# evaluate(criterion, data, earlier): earlier holds the results of the criteria above it in the file.
Evaluation = Callable[[Criterion, RunData, Mapping[str, CriterionResult]], CriterionResult]


@dataclass(frozen=True)
class CriterionKind:
    name: str
    parts: tuple[str, ...]
    params_model: type[CriterionEntry]
    evaluate: Evaluation


def _registry() -> dict[str, CriterionKind]:
    from . import (acceptance_tag, flakiness, load_chat_integrity, load_request, load_task_errors, media_failure_share,
                   media_measure, requirements_coverage)
    from . import load_video_failure_share
    from . import load_group_chat_integrity
    kinds = (acceptance_tag.KIND, requirements_coverage.KIND, media_measure.KIND, load_request.KIND,
             load_chat_integrity.KIND, load_task_errors.KIND, flakiness.KIND, media_failure_share.KIND,
             load_video_failure_share.KIND, load_group_chat_integrity.KIND)
    return {kind.name: kind for kind in kinds}


KINDS: dict[str, CriterionKind] = _registry()
