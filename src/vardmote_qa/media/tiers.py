"""Tiers of a measure and the worst-tier rule: the vocabulary every verdict is written in."""

from __future__ import annotations

import enum


class Tier(enum.Enum):
    GOOD = "good"
    ACCEPTABLE = "acceptable"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def swedish(self) -> str:
        return SWEDISH[self]

    @classmethod
    def from_swedish(cls, word: str) -> "Tier":
        # Gherkin agrees the adjective with its noun: "godtagbar kvalitet" but "godtagbart" alone.
        for tier, forms in _FORMS.items():
            if word.strip().lower() in forms + (tier.value,):
                return tier
        raise ValueError(f"Okänt betyg '{word}' (kända: {', '.join(SWEDISH.values())})")


_RANK = {Tier.GOOD: 0, Tier.ACCEPTABLE: 1, Tier.FAIL: 2}
SWEDISH = {Tier.GOOD: "bra", Tier.ACCEPTABLE: "godtagbar", Tier.FAIL: "underkänd"}
_FORMS = {Tier.GOOD: ("bra",), Tier.ACCEPTABLE: ("godtagbar", "godtagbart"), Tier.FAIL: ("underkänd", "underkänt")}


def worst(tiers) -> Tier:
    """The worst of the given tiers; no tiers at all is a fail (nothing measured is never a pass)."""
    tiers = list(tiers)
    return max(tiers, key=lambda tier: tier.rank) if tiers else Tier.FAIL
