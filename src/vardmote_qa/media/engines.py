"""Two video engines compared on the same profiles, in the same run (pure: visit records in, a table out).

The campaign interleaves the engines visit by visit on one machine (media/campaign.py), so that the
machine's noise hits both alike; this module says, per profile, which engine is better and how sure that is:
- **failure share**: Fisher's exact test, two-sided, on (failed, passed) of the judged visits of each engine;
- **each measure**: the Mann-Whitney U test, two-sided, on one value per visit (the worse of its two
  directions, so that visits stay independent): exact when there are no ties and few visits, else the
  normal approximation with the tie correction and a continuity correction.
Every p-value is compared with ALPHA after Holm's step-down correction over all the table's tests, so the
chance that the table names a better engine where there is no difference is at most ALPHA (the family-wise
error rate); the table states the sample sizes, the tests and that error rate. A visit the machine could
not judge is counted per engine and left out of the tests; too few visits is "för få besök", never a winner.
"""

from __future__ import annotations

import math
from statistics import median

from .failure_share import FAIL, upper_bound
from .summary import NOT_JUDGED, outcome
from .thresholds import Rule
from .verdict import LABELS_SV

FAILURE_SHARE_SV = "andelen underkända besök"

ALPHA = 0.05
MIN_VISITS = 3          # per engine, for a measure's test to be made at all
EXACT_MOST = 2_500      # n1 * n2 up to which the U distribution is counted exactly
DEFAULT_ENGINE = "p2p"  # a visit record without an engine ran on the sandbox's peer-to-peer calls
TESTS_SV = ("Fishers exakta test (tvåsidigt) på felandelarna; Mann–Whitneys U-test (tvåsidigt) på besökens "
            "värden (det sämre hållets värde per besök); Holms korrektion över tabellens alla test")


def engine_of(visit: dict) -> str:
    return visit.get("engine") or DEFAULT_ENGINE


# -- the tests -----------------------------------------------------------------------------------------
def _hypergeometric(k: int, row1: int, col1: int, total: int) -> float:
    return math.comb(col1, k) * math.comb(total - col1, row1 - k) / math.comb(total, row1)


def fisher_two_sided(a_failed: int, a_total: int, b_failed: int, b_total: int) -> float:
    """Fisher's exact test, two-sided: the probability of tables at most as likely as the one observed."""
    failed, total = a_failed + b_failed, a_total + b_total
    if total == 0 or failed in (0, total):
        return 1.0
    low, high = max(0, a_total - (total - failed)), min(a_total, failed)
    observed = _hypergeometric(a_failed, a_total, failed, total)
    p = sum(q for q in (_hypergeometric(k, a_total, failed, total) for k in range(low, high + 1))
            if q <= observed * (1 + 1e-7))
    return min(1.0, p)


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _exact_u_cdf(n1: int, n2: int) -> list[float]:
    """P(U <= u) for u = 0..n1*n2 without ties: counts of rank arrangements, by recursion on n1 and n2."""
    counts = {(0, 0): [1]}

    def table(a: int, b: int) -> list[int]:
        if (a, b) in counts:
            return counts[(a, b)]
        size = a * b + 1
        result = [0] * size
        if a > 0:  # the largest value belongs to the first sample: it beats all b of the second
            for u, c in enumerate(table(a - 1, b)):
                result[u + b] += c
        if b > 0:
            for u, c in enumerate(table(a, b - 1)):
                result[u] += c
        counts[(a, b)] = result
        return result
    frequencies = table(n1, n2)
    total = sum(frequencies)
    cdf, running = [], 0
    for c in frequencies:
        running += c
        cdf.append(running / total)
    return cdf


def mann_whitney(first: list[float], second: list[float]) -> tuple[float, float]:
    """(U of the first sample, two-sided p-value)."""
    n1, n2 = len(first), len(second)
    if not n1 or not n2:
        return 0.0, 1.0
    ranks = _ranks(first + second)
    u = sum(ranks[:n1]) - n1 * (n1 + 1) / 2
    ties = len(set(first + second)) < n1 + n2
    if not ties and n1 * n2 <= EXACT_MOST:
        cdf = _exact_u_cdf(n1, n2)
        low = min(u, n1 * n2 - u)
        return u, min(1.0, 2 * cdf[int(low)])
    n = n1 + n2
    tie_sum = 0
    for value in set(first + second):
        t = (first + second).count(value)
        tie_sum += t ** 3 - t
    variance = n1 * n2 / 12 * ((n + 1) - tie_sum / (n * (n - 1)))
    if variance <= 0:
        return u, 1.0
    z = (abs(u - n1 * n2 / 2) - 0.5) / math.sqrt(variance)
    return u, min(1.0, math.erfc(max(0.0, z) / math.sqrt(2)))


def holm(p_values: list[float], alpha: float = ALPHA) -> list[bool]:
    """Holm's step-down: which hypotheses are rejected with a family-wise error rate of at most alpha."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    rejected = [False] * len(p_values)
    for rank, i in enumerate(order):
        if p_values[i] > alpha / (len(p_values) - rank):
            break
        rejected[i] = True
    return rejected


# -- the table -----------------------------------------------------------------------------------------
def _worse(visit: dict, measure_id: str, rule: Rule) -> float | None:
    values = [m["value"] for p in (visit.get("participants") or {}).values()
              for mid, m in (p.get("measures") or {}).items()
              if mid == measure_id and isinstance(m.get("value"), (int, float))]
    if not values:
        return None
    return min(values) if rule.higher_is_better else max(values)


def _counts(visits: list[dict]) -> dict:
    outcomes = [outcome(v) for v in visits]
    judged = [o for o in outcomes if o != NOT_JUDGED]
    failures = judged.count(FAIL)
    return {"visits": len(visits), "judged": len(judged), "failures": failures,
            "not_judged": len(outcomes) - len(judged),
            "share": round(failures / len(judged), 4) if judged else None,
            "upper_bound": upper_bound(failures, len(judged))}


def compare_engines(visits: list[dict], rules: dict[str, Rule], alpha: float = ALPHA) -> dict:
    """visits: campaign visit records (each with profile, engine, verdict, judged, measures).
    Per profile with at least two engines: each engine's counts, and per test the values, the sample sizes,
    the p-value and the answer ("p2p", "sfu", None for no sure difference, "för få besök")."""
    by_profile: dict[str, dict[str, list[dict]]] = {}
    for visit in visits:
        by_profile.setdefault(visit.get("profile") or "ingen", {}).setdefault(engine_of(visit), []).append(visit)
    profiles, tests = {}, []
    for profile, by_engine in sorted(by_profile.items()):
        if len(by_engine) < 2:
            continue
        first, second = sorted(by_engine)[:2]
        counts = {engine: _counts(v) for engine, v in by_engine.items()}
        rows = []
        a, b = counts[first], counts[second]
        p = fisher_two_sided(a["failures"], a["judged"], b["failures"], b["judged"])
        better = None if a["share"] == b["share"] else (first if (a["share"] or 0) < (b["share"] or 0) else second)
        rows.append({"measure": "failure_share", "label": FAILURE_SHARE_SV, "test": "fisher", "n": {first: a["judged"], second: b["judged"]},
                     "value": {first: a["share"], second: b["share"]}, "p": round(p, 4), "_better": better,
                     "_testable": bool(a["judged"] and b["judged"])})
        for measure_id, rule in rules.items():
            samples = {engine: [x for x in (_worse(v, measure_id, rule) for v in by_engine[engine]
                                            if outcome(v) != NOT_JUDGED) if x is not None]
                       for engine in (first, second)}
            if not any(samples.values()):
                continue
            u, p = mann_whitney(samples[first], samples[second])
            n1, n2 = len(samples[first]), len(samples[second])
            first_higher = u > n1 * n2 / 2
            better = None if u == n1 * n2 / 2 else (first if first_higher == rule.higher_is_better else second)
            rows.append({"measure": measure_id, "label": LABELS_SV.get(measure_id, measure_id), "test": "mann_whitney", "n": {first: n1, second: n2},
                         "value": {e: (round(median(s), 2) if s else None) for e, s in samples.items()},
                         "u": u, "p": round(p, 4), "_better": better,
                         "_testable": n1 >= MIN_VISITS and n2 >= MIN_VISITS})
            tests.append(rows[-1])
        tests.append(rows[0])
        profiles[profile] = {"engines": [first, second], "counts": counts, "rows": rows}
    testable = [row for row in tests if row["_testable"]]
    for row, rejected in zip(testable, holm([row["p"] for row in testable], alpha)):
        row["answer"] = row["_better"] if rejected else None
    for row in tests:
        if not row["_testable"]:
            row["answer"] = "för få besök"
        row.pop("_better"), row.pop("_testable")
        row["answer_sv"] = answer_text(row["answer"])
    table = {"format": 1, "alpha": alpha, "tests": TESTS_SV, "number_of_tests": len(testable),
             "profiles": profiles}
    return {**table, "headline": headline(table)}


def answer_text(answer: str | None) -> str:
    if answer is None:
        return "ingen säker skillnad"
    return answer if answer == "för få besök" else f"{answer} är bättre"


def headline(table: dict) -> str:
    """One Swedish sentence: the tests, the error rate and the number of tests."""
    return (f"{table['tests']}: familjevis felrisk högst {round(100 * table['alpha'])} % över "
            f"{table['number_of_tests']} test (en motor utpekas som bättre där ingen skillnad finns i högst "
            f"{round(100 * table['alpha'])} % av körningarna); minst {MIN_VISITS} bedömda besök per motor och mått.")


def better_engines(table: dict) -> dict[str, set[str]]:
    """Profile -> the engines a test of the table named better (an empty set: no sure difference)."""
    return {profile: {row["answer"] for row in entry["rows"] if row["answer"] in entry["engines"]}
            for profile, entry in (table.get("profiles") or {}).items()}


def worse_engines(table: dict) -> dict[str, set[str]]:
    """Profile -> the engines a test found worse: the other engine of each row that named a better one."""
    worse = {}
    for profile, entry in (table.get("profiles") or {}).items():
        engines = entry["engines"]
        worse[profile] = {next(e for e in engines if e != row["answer"]) for row in entry["rows"]
                          if row["answer"] in engines}
    return worse


def _cell(value) -> str:
    if value is None:
        return "–"
    return f"{100 * value:.1f} %".replace(".", ",") if isinstance(value, float) and value <= 1 else f"{value:g}"


def table_lines(table: dict) -> list[str]:
    """The engine table as terminal lines (vmqa compare), from the table as computed: nothing re-derived."""
    lines = [table["headline"]]
    for profile, entry in (table.get("profiles") or {}).items():
        a, b = entry["engines"]
        counts = entry["counts"]
        lines.append(f"  {profile}: {a} {counts[a]['failures']} av {counts[a]['judged']} underkända "
                     f"({counts[a]['not_judged']} ej bedömda), {b} {counts[b]['failures']} av {counts[b]['judged']} "
                     f"underkända ({counts[b]['not_judged']} ej bedömda)")
        lines.append(f"    {'mått':<58} {a:>9} {b:>9} {'besök':>9} {'test':<15} {'p':>7}  svar")
        for row in entry["rows"]:
            value = row["value"]
            shown = [_cell(value[a]) if row["test"] == "fisher" else ("–" if value[a] is None else f"{value[a]:g}"),
                     _cell(value[b]) if row["test"] == "fisher" else ("–" if value[b] is None else f"{value[b]:g}")]
            test = "Fisher" if row["test"] == "fisher" else "Mann–Whitney U"
            lines.append(f"    {row['label']:<58} {shown[0]:>9} {shown[1]:>9} {str(row['n'][a]) + '/' + str(row['n'][b]):>9} "
                         f"{test:<15} {row['p']:>7.4f}  {row['answer_sv']}".replace(".", ","))
    return lines
