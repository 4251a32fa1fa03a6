"""One round of the load benchmark's chat comparison (`make bench-load`, part a), judged alike for both clients.

A round is one ChatWork played by one client in a process of its own: `meetings` meetings, each with two
sides that send `messages_per_side` messages `interval_s` apart (the load test's pacing: a random start
within one interval, then one message per interval) and receive the other side's. Both processes keep the
same Sample columns in memory and hand samples and chat accounting (load.summary.chat_accounting) over
after the round. The measured period is found by one rule for both: from the first sample at which every
side is chatting to the first at which every planned message is sent; its CPU time is the process's own
(`time.process_time()`), so neither the sandbox nor the other client weighs on it.

Rounds are played in pairs, Locust and asyncio next to each other, the order turned every other pair
(L A, A L, L A …), so a machine that gets busier or quieter weighs on both alike; each pair gives one
ratio. A pair whose two rounds did different work (beyond WORK_TOLERANCE), lost different numbers of
messages, wrote while measured or could not be measured gives no ratio and fails the benchmark.
"""

from __future__ import annotations

import os
import stat
import statistics
import time
from dataclasses import asdict, dataclass

CLIENTS = ("locust", "asyncio")
# How the benchmark tells the Locust chat scenario where to hand its samples over and how many meetings to play
SAMPLES_VARIABLE, MEETINGS_VARIABLE = "VMQA_BENCH_SAMPLES", "VMQA_BENCH_MEETINGS"
NAMES = {"locust": "Locust", "asyncio": "asyncio"}
SAMPLE_PERIOD_S = 0.5
# Sent messages of the two rounds of a pair (and of each round against the plan) may differ by this share
WORK_TOLERANCE = 0.01
# A measured period must hold at least this share of the round's planned messages, delivered
MIN_MEASURED_SHARE = 0.5
# Columns of one sample, as both clients write them
WALL, CPU, SIDES_CHATTING, SENT, DELIVERED, WRITTEN = range(6)
# The accounting kinds that must be equal on both sides of a pair (what did not arrive as it should)
LOSS_KINDS = ("lost", "duplicated", "unnumbered")


@dataclass(frozen=True)
class ChatWork:
    """What each client does in one round."""

    meetings: int
    messages_per_side: int
    interval_s: float

    @property
    def sides(self) -> int:
        return 2 * self.meetings

    @property
    def planned_sent(self) -> int:
        return self.sides * self.messages_per_side

    def as_dict(self) -> dict:
        return {**asdict(self), "sides": self.sides, "planned_sent": self.planned_sent}

    def describe(self) -> str:
        return (f"{self.meetings} möten, {self.sides} deltagare, {self.messages_per_side} meddelanden per deltagare "
                f"med {self.interval_s:.2f} s mellanrum, till deltagaren på andra sidan i samma möte "
                f"({self.planned_sent} totalt)")


def written_so_far() -> int:
    """Bytes this process's stdout and stderr hold, where they are files (the benchmark gives them one):
    a growing count between two samples is writing while measured."""
    files = {}
    for descriptor in (1, 2):
        try:
            status = os.fstat(descriptor)
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):
            files[(status.st_dev, status.st_ino)] = status.st_size  # one file behind both counts once
    return sum(files.values())


def sample(sides_chatting: int, sent: int, delivered: int) -> list:
    """One row: wall time, this process's CPU seconds, sides chatting, sent and delivered so far, bytes written."""
    return [time.time(), time.process_time(), sides_chatting, sent, delivered, written_so_far()]


def measured(samples: list, work: ChatWork) -> dict | None:
    """The measured period of one round, or None when it has none (not every side chatted, not every
    planned message was sent, or the two ends are one sample)."""
    start = next((i for i, row in enumerate(samples) if row[SIDES_CHATTING] >= work.sides), None)
    end = next((i for i, row in enumerate(samples) if row[SENT] >= work.planned_sent), None)
    if start is None or end is None or end <= start:
        return None
    first, last = samples[start], samples[end]
    wall, cpu, delivered = last[WALL] - first[WALL], last[CPU] - first[CPU], last[DELIVERED] - first[DELIVERED]
    return {"wall_s": wall, "cpu_s": cpu, "delivered": delivered,
            "delivered_per_cpu_s": delivered / cpu if cpu > 0 else None,
            "cores": cpu / wall if wall > 0 else None, "written_bytes": last[WRITTEN] - first[WRITTEN]}


def round_result(client: str, work: ChatWork, handed_over: dict | None) -> dict:
    """One round from what its process handed over after it (None: it handed over nothing)."""
    if handed_over is None:
        return {"client": client, "work": work.as_dict(), "chat": None, "sides_chatting": 0, "measured": None}
    samples = handed_over["samples"]
    return {"client": client, "work": work.as_dict(), "chat": handed_over["chat"],
            "sides_chatting": max((row[SIDES_CHATTING] for row in samples), default=0),
            "measured": measured(samples, work)}


def _apart(first: int, second: int, planned: int) -> bool:
    return abs(first - second) > WORK_TOLERANCE * planned


def round_problems(result: dict, work: ChatWork) -> list[str]:
    """What makes one round no measure, as Swedish clauses."""
    name = NAMES[result["client"]]
    chat = result["chat"]
    if chat is None:
        return [f"{name} lämnade inget resultat efter omgången"]
    problems = []
    if result["sides_chatting"] < work.sides:
        problems.append(f"{name} fick {result['sides_chatting']} av {work.sides} deltagare att chatta")
    if chat["sent"] != chat["delivered"] + chat["lost"]:
        problems.append(f"{name}s räkning går inte ihop (skickade {chat['sent']}, levererade {chat['delivered']}, "
                        f"förlorade {chat['lost']})")
    if _apart(chat["sent"], work.planned_sent, work.planned_sent):
        problems.append(f"{name} skickade {chat['sent']} av {work.planned_sent} planerade meddelanden")
    period = result["measured"]
    if period is None or period["delivered_per_cpu_s"] is None \
            or period["delivered"] < MIN_MEASURED_SHARE * work.planned_sent:
        problems.append(f"{name} hade ingen mätperiod med minst {MIN_MEASURED_SHARE:.0%} av meddelandena levererade")
    elif period["written_bytes"] > 0:
        problems.append(f"{name} skrev {period['written_bytes']} byte medan det mättes")
    return problems


def pair_result(locust: dict, asyncio: dict, work: ChatWork) -> dict:
    """Two neighbouring rounds: their problems, and the ratio Locust / asyncio of delivered messages per
    CPU-second when there are none."""
    problems = round_problems(locust, work) + round_problems(asyncio, work)
    if locust["chat"] is not None and asyncio["chat"] is not None:
        ours, theirs = locust["chat"], asyncio["chat"]
        if _apart(ours["sent"], theirs["sent"], work.planned_sent):
            problems.append(f"Locust skickade {ours['sent']} och asyncio {theirs['sent']} meddelanden, "
                            f"mer än {WORK_TOLERANCE:.0%} isär")
        for kind in LOSS_KINDS:
            if ours.get(kind, 0) != theirs.get(kind, 0):
                problems.append(f"{_LOSS_WORDS[kind]}: Locust {ours.get(kind, 0)}, asyncio {theirs.get(kind, 0)}")
    ratio = None
    if not problems:
        ratio = locust["measured"]["delivered_per_cpu_s"] / asyncio["measured"]["delivered_per_cpu_s"]
    return {"locust": locust, "asyncio": asyncio, "ratio": ratio, "problems": problems}


_LOSS_WORDS = {"lost": "förlorade meddelanden skiljer", "duplicated": "dubbletter skiljer",
               "unnumbered": "meddelanden utan löpnummer skiljer"}


def order(pair_index: int) -> tuple[str, str]:
    """L A, A L, L A …: which client plays first in this pair."""
    return CLIENTS if pair_index % 2 == 0 else CLIENTS[::-1]


def summary(pairs: list[dict], work: ChatWork) -> dict:
    """The median ratio and its spread over the pairs that gave one; every problem, named by its pair."""
    ratios = [pair["ratio"] for pair in pairs if pair["ratio"] is not None]
    problems = [f"par {number + 1}: {problem}" for number, pair in enumerate(pairs) for problem in pair["problems"]]
    if not pairs:
        problems.append("inga omgångspar kördes")

    def median_of(client: str, key: str):
        values = [pair[client]["measured"][key] for pair in pairs if pair["ratio"] is not None]
        return statistics.median(values) if values else None

    return {"work": work.as_dict(), "work_tolerance": WORK_TOLERANCE, "order": [list(order(i)) for i in range(len(pairs))],
            "pairs": pairs, "ratios": ratios, "ratio": statistics.median(ratios) if ratios else None,
            "ratio_min": min(ratios, default=None), "ratio_max": max(ratios, default=None),
            "pairs_without_ratio": len(pairs) - len(ratios), "problems": problems,
            **{client: {key: median_of(client, key) for key in ("delivered_per_cpu_s", "cores")}
               for client in CLIENTS}}


def failure_sentence(result: dict) -> str | None:
    """One Swedish sentence naming every problem, or None when the comparison holds."""
    if not result["problems"]:
        return None
    return ("Lastbänken underkänd, Locust och asyncio jämfördes inte på lika villkor: "
            + "; ".join(result["problems"]) + ".")


def _round_line(number: int, result: dict) -> str:
    name, chat, period = NAMES[result["client"]], result["chat"], result["measured"]
    if chat is None:
        return f"    omgång {number} {name}: inget resultat"
    done = (f"{result['sides_chatting']} deltagare chattade, skickade {chat['sent']}, levererade {chat['delivered']}, "
            f"förlorade {chat['lost']}, dubbletter {chat.get('duplicated', 0)}")
    if period is None or period["delivered_per_cpu_s"] is None:
        return f"    omgång {number} {name}: {done}; ingen mätperiod"
    return (f"    omgång {number} {name}: {done}; mätt {period['wall_s']:.1f} s: {period['delivered']} levererade på "
            f"{period['cpu_s']:.2f} CPU-s ({period['cores']:.2f} kärnor) = {period['delivered_per_cpu_s']:.0f} per CPU-s, "
            f"skrev {period['written_bytes']} byte under mätningen")


def table_lines(result: dict) -> list[str]:
    """Part (a) of the printed table: the work, every round, every pair's ratio, the median and spread."""
    work = ChatWork(result["work"]["meetings"], result["work"]["messages_per_side"], result["work"]["interval_s"])
    lines = [f"(a) chatt, levererade meddelanden per CPU-sekund av klientens egen process, Locust / asyncio, "
             f"turvis i par ({' '.join(NAMES[c][0].upper() for pair in result['order'] for c in pair)})",
             f"    samma arbete per omgång för båda: {work.describe()}; tolerans {WORK_TOLERANCE:.0%} för skickade, "
             f"förlorade och dubbletter lika"]
    number = 0
    for index, pair in enumerate(result["pairs"]):
        for client in result["order"][index]:
            number += 1
            lines.append(_round_line(number, pair[client]))
        verdict = f"kvot {pair['ratio']:.2f}" if pair["ratio"] is not None else "ingen kvot: " + "; ".join(pair["problems"])
        lines.append(f"  par {index + 1}: {verdict}")
    if result["ratio"] is not None:
        lines.append(f"  kvot Locust/asyncio: median {result['ratio']:.2f}, spridning {result['ratio_min']:.2f}–"
                     f"{result['ratio_max']:.2f} över {len(result['ratios'])} par (Locust {result['locust']['delivered_per_cpu_s']:.0f}, "
                     f"asyncio {result['asyncio']['delivered_per_cpu_s']:.0f} per CPU-s, medianer); "
                     f"{result['pairs_without_ratio']} par utan kvot")
    else:
        lines.append(f"  kvot Locust/asyncio: ingen ({result['pairs_without_ratio']} par utan kvot)")
    return lines
