"""`make bench-load`: three figures, side by side in one run on one sandbox (the machine is shared, so
ratios measured together mean more than absolute numbers).

(a) chat messages delivered per CPU-second of the load generator's own process: the Locust chat scenario
    against a minimal asyncio client of the same protocol doing the same work (bench/chat_round: the same
    meetings, messages per side, pacing, receivers and accounting), as a ratio (how close Locust is to the
    ceiling). The two take turns in pairs of rounds (L A, A L, …), each pair one ratio, the median and
    spread given; a pair that did unequal work, lost differently, or wrote while measured fails the
    benchmark with one Swedish sentence (after the table and the JSON);
(b) delivery latency the Locust users report against what the asyncio client measures at the same
    time, on the same load (is Locust's number true?);
(c) the sandbox at the design load (the pandemi shape): p95s, chat accounting and the sandbox's CPU.
Writes reports/bench/load-<time>.json and prints a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

from .. import target
from ..config import PROJECT_ROOT, load_environment
from ..exitcodes import BAD_INPUT, NO_GO
from ..load.model import load_model
from ..load.runner import run_load
from ..load.settings import variables
from ..load.shapes import PlannedShape, plan
from ..run.layout import RunLayout
from . import chat_round
from .chat_round import MEETINGS_VARIABLE, SAMPLES_VARIABLE, ChatWork

if TYPE_CHECKING:
    from ..target.sandbox.runner import RunningSandbox

BENCH_DIR = PROJECT_ROOT / "reports" / "bench"
CHAT_LOCUSTFILE = Path(__file__).with_name("chat_locustfile.py")


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def sustained_chat(rate: float, seconds: float) -> PlannedShape:
    """The load test's meetings with one long chat each: `rate` messages per second and side for `seconds`."""
    planned = plan(load_model(), "halvtimmesrusning")
    return replace(planned, timing=replace(planned.timing, waiting_s=0.5, meeting_s=seconds, chat_interval_s=1 / rate,
                                           messages_per_side=int(rate * seconds)))


def chat_work(planned: PlannedShape, pairs: int) -> ChatWork:
    """The round's work as the plan gives it to Locust's users; the asyncio client is given the same."""
    return ChatWork(pairs, planned.timing.messages_per_side, planned.timing.chat_interval_s)


def locust_chat(base_url: str, pairs: int, rate: float, seconds: float, samples_file: Path,
                json_file: Path | None = None) -> subprocess.Popen:
    """Starts the Locust chat scenario (one process, one meeting per pair) and returns it; its samples and
    chat accounting land in samples_file when it quits. Its output goes to a file of its own, which the
    samples measure (chat_round.written_so_far): nothing may land there while it is measured."""
    env = {**os.environ, **variables("local", sustained_chat(rate, seconds), None),
           SAMPLES_VARIABLE: str(samples_file), MEETINGS_VARIABLE: str(pairs)}
    command = [sys.executable, "-m", "locust", "-f", str(CHAT_LOCUSTFILE), "--headless", "--host", base_url,
               "-u", str(2 * pairs), "-r", str(2 * pairs), "-t", f"{int(seconds + 60)}s", "--stop-timeout", "5",
               "--only-summary", "--loglevel", "WARNING"]
    if json_file is not None:
        command += ["--json-file", str(json_file.with_suffix(""))]  # written when it quits
    return _started(command, samples_file, env)


def asyncio_chat(base_url: str, chat: ChatWork, out: Path) -> subprocess.Popen:
    return _started([sys.executable, "-m", "vardmote_qa.bench.asyncio_chat", base_url, "local", str(chat.meetings),
                     str(chat.messages_per_side), str(chat.interval_s), str(out)], out)


def _started(command: list[str], out: Path, env: dict | None = None) -> subprocess.Popen:
    """A measured client with its stdout and stderr in one file (read after it, kept for a failed round)."""
    with out.with_suffix(".output").open("wb") as output:
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=output)


def _locust_latency(json_file: Path) -> dict:
    entries = json.loads(json_file.read_text(encoding="utf-8"))
    entry = next(e for e in entries if e["name"] == "chat:deliver")
    times = []
    for bucket, count in entry["response_times"].items():
        times += [float(bucket)] * count
    return {"p50_ms": _percentile(times, 0.5), "p95_ms": _percentile(times, 0.95), "count": len(times)}


def _wait(process: subprocess.Popen, timeout: float) -> None:
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _handed_over(out: Path) -> dict | None:
    try:
        return json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _round(client: str, base_url: str, work: Path, pairs: int, rate: float, seconds: float, name: str) -> dict:
    out, chat = work / f"{name}.json", chat_work(sustained_chat(rate, seconds), pairs)
    process = locust_chat(base_url, pairs, rate, seconds, out) if client == "locust" \
        else asyncio_chat(base_url, chat, out)
    _wait(process, seconds + 120)
    return chat_round.round_result(client, chat, _handed_over(out))


def throughput(base_url: str, work: Path, pairs: int, rate: float, seconds: float, rounds: int = 4) -> dict:
    """(a): the same chat work by Locust and by the asyncio client, in pairs of neighbouring rounds
    (L A, A L, …); each pair's ratio, their median and spread, and every way a pair was not equal."""
    chat, measured = chat_work(sustained_chat(rate, seconds), pairs), []
    for number in range(rounds):
        played = {client: _round(client, base_url, work, pairs, rate, seconds, f"{client}-{number}")
                  for client in chat_round.order(number)}
        measured.append(chat_round.pair_result(played["locust"], played["asyncio"], chat))
    return chat_round.summary(measured, chat)


def latency_check(base_url: str, work: Path, pairs: int, probe_pairs: int, rate: float, seconds: float) -> dict:
    """(b): Locust makes the load, a small asyncio probe chats beside it at the same rate, at the same time."""
    json_file = work / "locust-beside-probe-stats.json"
    locust = locust_chat(base_url, pairs, rate, seconds, work / "locust-beside-probe.json", json_file)
    time.sleep(3)  # the Locust pairs are in their meetings before the probe starts
    probe_work = ChatWork(probe_pairs, max(1, int(rate * (seconds - 6))), 1 / rate)
    probe = asyncio_chat(base_url, probe_work, work / "asyncio-probe.json")
    _wait(probe, seconds + 120)
    _wait(locust, seconds + 120)
    probe_latencies = json.loads((work / "asyncio-probe.json").read_text(encoding="utf-8"))["latencies_ms"]
    locust_latency = _locust_latency(json_file)
    asyncio_latency = {"p50_ms": _percentile(probe_latencies, 0.5), "p95_ms": _percentile(probe_latencies, 0.95),
                       "count": len(probe_latencies)}
    return {"locust": locust_latency, "asyncio": asyncio_latency,
            "p95_ratio": locust_latency["p95_ms"] / asyncio_latency["p95_ms"] if asyncio_latency["p95_ms"] else 0,
            "p50_difference_ms": locust_latency["p50_ms"] - asyncio_latency["p50_ms"]}


def design_load(sandbox: "RunningSandbox", work: Path, minutes: float) -> dict:
    """(c): the pandemi shape through run_load, with the CPU of the sandbox and of the load generator."""
    process, samples, stop = psutil.Process(sandbox._process.pid), [], threading.Event()
    process.cpu_percent()
    generators: dict[int, psutil.Process] = {}

    def generator_cpu() -> float:
        for child in psutil.Process().children(recursive=True):
            try:
                if child.pid not in generators and "locust" in " ".join(child.cmdline()):
                    generators[child.pid] = child
                    child.cpu_percent()
            except psutil.Error:  # a process that just ended (a zombie until reaped)
                continue
        total = 0.0
        for child in list(generators.values()):
            try:
                total += child.cpu_percent()
            except psutil.Error:
                generators.pop(child.pid, None)
        return total

    def sample() -> None:
        while not stop.wait(2):
            samples.append({"t": time.time(), "sandbox_cpu_pct": process.cpu_percent(),
                            "locust_cpu_pct": generator_cpu(), "machine_cpu_pct": psutil.cpu_percent()})

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.time()
    planned = plan(load_model(), "pandemi", minutes)
    outcome = run_load(work / "design", sandbox.base_url, load_environment("local"), planned)
    stop.set()
    layout = RunLayout(work / "design")
    summary = json.loads(layout.load_summary.read_text(encoding="utf-8"))
    cpu = [s["sandbox_cpu_pct"] for s in samples]
    generator = [s["locust_cpu_pct"] for s in samples]
    return {"complete": outcome.complete, "minutes": minutes, "summary": summary,
            **_meetings_at_once(sandbox.database_path, started),
            "peak_joins_per_min": 2 * 60 * _peak_rate(layout, "visit:join"),
            "peak_logins_per_s": _peak_rate(layout, "auth:login"),
            "sandbox_cpu_pct_mean": statistics.mean(cpu) if cpu else 0.0,
            "sandbox_cpu_pct_p95": _percentile(cpu, 0.95),
            "locust_cpu_pct_mean": statistics.mean(generator) if generator else 0.0,
            "locust_cpu_pct_p95": _percentile(generator, 0.95), "samples": samples}


def _meetings_at_once(database: Path, since: float) -> dict:
    """Meetings under way (admitted, not yet closed) at once, from the sandbox's own visit records of
    this phase (the earlier phases' visits stay open on purpose)."""
    import sqlite3
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT admitted_at, closed_at FROM visits WHERE admitted_at >= ?",
                                  (since,)).fetchall()
    events = sorted([(start, 1) for start, _ in rows] + [(end, -1) for _, end in rows if end is not None])
    running, peak = 0, 0
    for _, step in events:
        running += step
        peak = max(peak, running)
    return {"peak_meetings_at_once": peak, "meetings": len(rows)}


def _peak_rate(layout: RunLayout, name: str) -> float:
    """The highest per-second rate Locust's history shows for one request name (its 10 s moving rate)."""
    import csv
    with layout.load_stats_history.open(encoding="utf-8") as file:
        rates = [float(row["Requests/s"]) for row in csv.DictReader(file)
                 if row["Name"] == name and row["Requests/s"] not in ("", "N/A")]
    return max(rates, default=0.0)


def print_table(result: dict) -> None:
    a, b, c = result["throughput"], result["latency"], result["design"]
    print("\nLastbänk (samma sandlåda, samma körning)")
    for line in chat_round.table_lines(a):
        print(line)
    print(f"(b) leveranslatens samtidigt: Locust p50 {b['locust']['p50_ms']:.0f} ms p95 {b['locust']['p95_ms']:.0f} ms, "
          f"asyncio p50 {b['asyncio']['p50_ms']:.1f} ms p95 {b['asyncio']['p95_ms']:.1f} ms → p95-kvot {b['p95_ratio']:.2f}")
    if c is None:
        print("(c) dimensionerande last: inte körd (--design-minutes 0)")
        return
    summary, chat = c["summary"]["requests"], c["summary"]["chat"]
    print(f"(c) dimensionerande last (pandemi, {c['minutes']} min, {'klar' if c['complete'] else 'OFULLSTÄNDIG'}): "
          f"högst {c['peak_meetings_at_once']} pågående möten samtidigt ({c['meetings']} möten), "
          f"högst {c['peak_joins_per_min']:.0f} anslutningar/min, högst {c['peak_logins_per_s']:.1f} inloggningar/s")
    for name in ("chat:deliver", "visit:join", "auth:login", "signal:exchange", "video:first_frame"):
        entry = summary.get(name)
        if entry:
            print(f"    {name:18} p95 {entry['p95_ms']:>6.0f} ms  p99 {entry['p99_ms']:>6.0f} ms  "
                  f"antal {entry['count']}  fel {entry['failures']}")
    print(f"    chatt: skickade {chat['sent']}, levererade {chat['delivered']}, förlorade {chat['lost']}; "
          f"CPU i % av en kärna: sandlådan medel {c['sandbox_cpu_pct_mean']:.0f}, p95 {c['sandbox_cpu_pct_p95']:.0f}; "
          f"Locust medel {c['locust_cpu_pct_mean']:.0f}, p95 {c['locust_cpu_pct_p95']:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Lastbänk: Locust mot asyncio, och sandlådan vid dimensionerande last")
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--rate", type=float, default=4.0, help="chattmeddelanden per s och deltagare")
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--design-minutes", type=float, default=6, help="0: utan den dimensionerande lasten (c)")
    parser.add_argument("--rounds", type=int, default=4,
                        help="omgångspar Locust/asyncio för kvoten (a), turvis L A, A L, …")
    arguments = parser.parse_args()
    if arguments.pairs < 1 or arguments.rounds < 1 or arguments.rate <= 0 or arguments.seconds < 10 \
            or arguments.design_minutes < 0:
        print("Ange --pairs och --rounds som minst 1, --rate större än 0, --seconds minst 10 och "
              "--design-minutes 0 eller mer.", file=sys.stderr)
        raise SystemExit(BAD_INPUT)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    work = BENCH_DIR / f"load-{stamp}"
    work.mkdir(parents=True, exist_ok=True)
    with target.up(load_environment("local"), work / "sandbox") as running:
        result = {"started": stamp, "machine_cores": psutil.cpu_count(),
                  "load_average_at_start": os.getloadavg(), "target_version": running.version}
        result["throughput"] = throughput(running.base_url, work, arguments.pairs, arguments.rate,
                                          arguments.seconds, arguments.rounds)
        result["latency"] = latency_check(running.base_url, work, arguments.pairs, 5, arguments.rate,
                                          arguments.seconds)
        result["design"] = design_load(running.sandbox, work, arguments.design_minutes) \
            if arguments.design_minutes > 0 else None
    (BENCH_DIR / f"load-{stamp}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result)
    print(f"\nJSON: {BENCH_DIR / f'load-{stamp}.json'}")
    sentence = chat_round.failure_sentence(result["throughput"])
    if sentence is not None:
        print(sentence, file=sys.stderr)
        raise SystemExit(NO_GO)


if __name__ == "__main__":
    main()
