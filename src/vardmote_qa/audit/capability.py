"""The operations capabilities of a target: offered by its adapter, or refused in one sentence."""

from __future__ import annotations

from ..config import Environment
from ..errors import UserError
from ..target.interface import OperationsApi, Target, TriageApi, Unsupported


class NotOffered(UserError):
    """The environment's adapter cannot do what the audit needs."""


def _refusal(environment: Environment, what: str) -> NotOffered:
    return NotOffered(f"Miljön {environment.name} använder adaptern '{environment.adapter}', som inte kan {what}; "
                      f"granskningen kan inte göras där.")


def operations_api(target: Target, environment: Environment) -> OperationsApi:
    """The target's operations API with the environment's administrator account."""
    offered = getattr(target, "operations_api", None)
    if offered is None:
        raise _refusal(environment, "lista öppna besök eller enheter")
    try:
        return offered(environment.admin.username, environment.admin.password)
    except Unsupported:
        raise _refusal(environment, "lista öppna besök eller enheter") from None


def triage_api(target: Target, environment: Environment) -> TriageApi:
    offered = getattr(target, "triage_api", None)
    if offered is None:
        raise _refusal(environment, "svara på Sök vårds frågor")
    try:
        return offered()
    except Unsupported:
        raise _refusal(environment, "svara på Sök vårds frågor") from None
