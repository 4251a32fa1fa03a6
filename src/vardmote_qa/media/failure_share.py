"""The statistics of a failure share: how many visits of a profile failed, and what that lets us say (pure).

- **Wald's sequential probability ratio test (SPRT)** of p0 (a share we accept) against p1 (a share we
  must catch), with error rates alpha (a false NO-GO when the share is p0) and beta (a missed fault when it
  is p1). Each visit in the order it ended adds ln(p1/p0) when it failed and ln((1-p1)/(1-p0)) when it
  passed; the sum crossing ln((1-beta)/alpha) is NO-GO, crossing ln(beta/(1-alpha)) is GO, and a visit
  budget that ends between them is undecided (the gate's GO MED RISK). Truncated at the planned number
  of visits; its real error rates at that size are computed exactly (`operating`), not taken on faith.
- **Clopper-Pearson** exact one-sided upper bound on the share: with 0 failures in 30 visits, 9.5 % at
  95 % confidence ("den här körningen utesluter felandelar över 9,5 %").
- **Fisher's exact test**, one-sided: is this run's failure share higher than the baseline run's?
Exact sums over the binomial and hypergeometric distributions; no approximations, no dependencies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FAIL, PASS = "fail", "pass"


def binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    return min(1.0, sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(min(k, n) + 1)))


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed in log space so that thousands of packets do not overflow."""
    if k <= 0 or p >= 1:
        return 1.0
    if k > n or p <= 0:
        return 0.0
    log_p, log_q, log_n = math.log(p), math.log1p(-p), math.lgamma(n + 1)
    return min(1.0, sum(math.exp(log_n - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q)
                        for i in range(k, n + 1)))


def upper_bound(failures: int, visits: int, confidence: float = 0.95) -> float | None:
    """Clopper-Pearson one-sided upper bound: the largest share still consistent with so few failures."""
    if visits <= 0:
        return None
    if failures >= visits:
        return 1.0
    low, high = failures / visits, 1.0
    for _ in range(60):  # bisection: binomial_cdf falls as p rises
        middle = (low + high) / 2
        low, high = (middle, high) if binomial_cdf(failures, visits, middle) > 1 - confidence else (low, middle)
    return round(high, 5)


def fisher_greater(failures: int, visits: int, baseline_failures: int, baseline_visits: int) -> float:
    """One-sided p-value that this run's failure share is higher than the baseline's (Fisher's exact test)."""
    total_failures, total = failures + baseline_failures, visits + baseline_visits
    denominator = math.comb(total, visits)
    return min(1.0, sum(math.comb(total_failures, k) * math.comb(total - total_failures, visits - k)
                        for k in range(failures, min(total_failures, visits) + 1)) / denominator)


@dataclass(frozen=True)
class Sprt:
    p0: float = 0.02
    p1: float = 0.10
    alpha: float = 0.05
    beta: float = 0.05

    @property
    def upper(self) -> float:
        return math.log((1 - self.beta) / self.alpha)

    @property
    def lower(self) -> float:
        return math.log(self.beta / (1 - self.alpha))

    @property
    def on_fail(self) -> float:
        return math.log(self.p1 / self.p0)

    @property
    def on_pass(self) -> float:
        return math.log((1 - self.p1) / (1 - self.p0))

    def decide(self, outcomes: list[str]) -> tuple[str, int, float]:
        """(NOGO | GO | UNDECIDED, visits it took, the log likelihood ratio then), over the visits in order."""
        llr = 0.0
        for number, outcome in enumerate(outcomes, start=1):
            llr += self.on_fail if outcome == FAIL else self.on_pass
            if llr >= self.upper:
                return "NOGO", number, llr
            if llr <= self.lower:
                return "GO", number, llr
        return "UNDECIDED", len(outcomes), llr

    def operating(self, visits: int, share: float) -> dict:
        """Exactly, for a true failure share: P(NO-GO), P(GO), P(undecided) after at most `visits`, and the
        expected number of visits. Dynamic programming over the number of failures so far."""
        alive = {0: 1.0}  # failures so far -> probability of still being undecided with that many
        nogo = go = expected = 0.0
        for number in range(1, visits + 1):
            step: dict[int, float] = {}
            for failures, probability in alive.items():
                for failed, chance in ((1, share), (0, 1 - share)):
                    if chance <= 0:
                        continue
                    now = failures + failed
                    llr = now * self.on_fail + (number - now) * self.on_pass
                    mass = probability * chance
                    if llr >= self.upper:
                        nogo, expected = nogo + mass, expected + mass * number
                    elif llr <= self.lower:
                        go, expected = go + mass, expected + mass * number
                    else:
                        step[now] = step.get(now, 0.0) + mass
            alive = step
        undecided = sum(alive.values())
        return {"nogo": nogo, "go": go, "undecided": undecided, "expected_visits": expected + undecided * visits}

    def visits_to_decide(self, share: float, certainty: float, most: int = 400) -> int | None:
        """The fewest visits after which the test has decided, with this certainty, for a true share."""
        for visits in range(1, most + 1):
            if self.operating(visits, share)["undecided"] <= 1 - certainty:
                return visits
        return None

    def describe(self) -> str:
        return (f"Walds sekventiella test (SPRT) av felandel {_pct(self.p0)} mot {_pct(self.p1)}, "
                f"α = {_pct(self.alpha)}, β = {_pct(self.beta)}")


def _pct(share: float) -> str:
    text = f"{100 * share:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


def share_text(share: float | None) -> str:
    return "okänd" if share is None else _pct(share)
