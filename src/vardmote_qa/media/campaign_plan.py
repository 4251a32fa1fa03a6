"""How many visits the campaign makes per profile: planned from the smallest failure share the gate must
catch, the test's error rates and the time budget (pure; media/campaign.yaml holds the machine's side).

The need, computed exactly (failure_share.Sprt.operating): the fewest visits n per profile such that a
fault hitting a share p1 of every profile's visits is NO-GO on at least one of the k gated profiles with
probability at least 1 - beta:  1 - prod_i (1 - P_i(NO-GO after n | p1)) >= 1 - beta.
The budget: n_budget = floor(budget minutes x visits per minute / k / engines compared). The plan is the smaller of the two,
and it says so when the budget cannot reach the need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal
from pathlib import Path

from pydantic import Field, PositiveFloat, PositiveInt

from .. import typed_yaml
from ..config import PROJECT_ROOT
from ..typed_yaml import FileModel
from .failure_share import Sprt, share_text

CAMPAIGN_FILE = PROJECT_ROOT / "media" / "campaign.yaml"
MOST_VISITS = 400


class CampaignSettings(FileModel):
    seconds: PositiveFloat = Field(alias="sekunder_per_besok")
    at_once: PositiveInt = Field(alias="samtidiga_besok")
    budget_minutes: PositiveFloat = Field(alias="tidsbudget_minuter")
    visits_per_minute: PositiveFloat = Field(alias="besok_per_minut")
    # Video engines to compare (p2p, sfu): each profile's visits on each, interleaved; the first is judged
    # by the gate, the others are compared with it in the engine table. None or one: the unit's engine.
    engines: list[Literal["p2p", "sfu"]] | None = Field(None, alias="videomotorer")


def load_settings(path: Path = CAMPAIGN_FILE) -> CampaignSettings:
    return typed_yaml.load(path, CampaignSettings, "Kampanjfilen")


@dataclass(frozen=True)
class CampaignPlan:
    visits_per_profile: int
    needed: int | None
    budget: int
    explanation: str


def _caught_by_any(tests: list[Sprt], visits: int) -> float:
    missed = 1.0
    for test in tests:
        missed *= 1 - test.operating(visits, test.p1)["nogo"]
    return 1 - missed


def needed_visits(tests: list[Sprt]) -> int | None:
    beta = max(test.beta for test in tests)
    low, high = 1, MOST_VISITS
    if _caught_by_any(tests, high) < 1 - beta:
        return None
    while low < high:  # P(caught) grows with n
        middle = (low + high) // 2
        low, high = (middle + 1, high) if _caught_by_any(tests, middle) < 1 - beta else (low, middle)
    return low


def plan(tests: dict[str, Sprt], settings: CampaignSettings, asked: int | None = None) -> CampaignPlan:
    """tests: profile -> the gate's test of it. asked: --videobesok, which overrides the plan."""
    k = max(1, len(tests))
    engines = max(1, len(settings.engines or ()))  # each profile's visits are made on every compared engine
    budget = max(1, math.floor(settings.budget_minutes * settings.visits_per_minute / (k * engines)))
    needed = needed_visits(list(tests.values())) if tests else None
    some = next(iter(tests.values()), Sprt())
    formula = (f"n = minsta antal besök per profil där 1 − Π(1 − P(NO-GO efter n | p₁)) ≥ 1 − β över {k} "
               f"profiler ({some.describe()}, p₁ = {share_text(some.p1)} är den minsta felandel som ska fångas); "
               f"budget = ⌊{settings.budget_minutes:g} min × {settings.visits_per_minute:g} besök/min / {k}"
               + (f" / {engines} videomotorer" if engines > 1 else "") + "⌋ "
               f"= {budget}")
    if asked is not None:
        return CampaignPlan(asked, needed, budget, f"{asked} besök per profil (--videobesok). Planen hade varit: "
                                                     f"{formula}; behov {needed or 'över ' + str(MOST_VISITS)}.")
    visits = min(needed or budget, budget)
    short = "" if needed is not None and needed <= budget else (
        f" Budgeten räcker inte för behovet ({needed or 'över ' + str(MOST_VISITS)}): risken att missa en "
        f"felandel på {share_text(some.p1)} är större än {share_text(some.beta)}.")
    return CampaignPlan(visits, needed, budget, f"{visits} besök per profil: {formula}; behov {needed}.{short}")
