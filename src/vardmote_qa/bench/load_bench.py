"""`make bench-load`: three figures, side by side in one run on one sandbox (the machine is shared, so
ratios measured together mean more than absolute numbers).

(a) chat messages delivered per second per load-generator CPU core: the Locust chat scenario against a
    minimal asyncio client of the same protocol, as a ratio (how close Locust is to the ceiling). The two
    take turns in short rounds (L A, A L, L A …), each ratio from two neighbouring rounds and the median
    given, so a machine that gets busier or quieter weighs on both alike; neither process writes anything
    while it is measured, and each round's loss (sent − delivered) is checked on both sides;
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
from ..load.model import load_model
from ..load.runner import run_load
from ..load.settings import variables
from ..load.shapes import PlannedShape, plan
from ..run.layout import RunLayout

if TYPE_CHECKING:
    from ..target.sandbox.runner import RunningSandbox

BENCH_DIR = PROJECT_ROOT / "reports" / "bench"
CHAT_LOCUSTFILE = Path(__file__).with_name("chat_locustfile.py")


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _window_rate(samples: list, lead: float = 0.25, tail: float = 0.85) -> dict:
    """Delivered per second and CPU cores used, over the steady middle of the samples."""
    start, end = samples[int(lead * (len(samples) - 1))], samples[int(tail * (len(samples) - 1))]
    wall, delivered, cpu = end[0] - start[0], end[1] - start[1], end[2] - start[2]
    return {"delivered_per_s": delivered / wall, "cores": cpu / wall,
            "delivered_per_core_s": delivered / cpu if cpu > 0 else 0.0}


def sustained_chat(rate: float, seconds: float) -> PlannedShape:
    """The load test's meetings with one long chat each: `rate` messages per second and side for `seconds`."""
    planned = plan(load_model(), "halvtimmesrusning")
    return replace(planned, timing=replace(planned.timing, waiting_s=0.5, meeting_s=seconds, chat_interval_s=1 / rate,
                                           messages_per_side=int(rate * seconds)))


def locust_chat(base_url: str, work: Path, pairs: int, rate: float, seconds: float,
                samples_file: Path) -> subprocess.Popen:
    """Starts the Locust chat scenario (one process) and returns it; its samples and chat accounting land in
    samples_file when it quits."""
    env = {**os.environ, **variables("local", sustained_chat(rate, seconds), None),
           "VMQA_BENCH_SAMPLES": str(samples_file)}
    command = [sys.executable, "-m", "locust", "-f", str(CHAT_LOCUSTFILE), "--headless", "--host", base_url,
               "-u", str(2 * pairs), "-r", str(2 * pairs), "-t", f"{int(seconds + 20)}s", "--stop-timeout", "30",
               "--only-summary", "--json-file", str(work / "locust-chat"), "--logfile", str(work / "locust-chat.log"),
               "--loglevel", "WARNING"]  # its log stays quiet while it is measured
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def asyncio_chat(base_url: str, work: Path, pairs: int, rate: float, seconds: float, name: str) -> subprocess.Popen:
    environment = load_environment("local")
    return subprocess.Popen(
        [sys.executable, "-m", "vardmote_qa.bench.asyncio_chat", base_url, str(pairs), str(rate), str(seconds),
         str(work / f"{name}.json"), environment.clinician.username, environment.clinician.password,
         environment.patients[-1], environment.default_unit], cwd=PROJECT_ROOT)


def _locust_latency(work: Path) -> dict:
    entries = json.loads((work / "locust-chat.json").read_text(encoding="utf-8"))
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


def _locust_round(base_url: str, work: Path, pairs: int, rate: float, seconds: float, name: str) -> dict:
    samples_file = work / f"{name}.json"
    _wait(locust_chat(base_url, work, pairs, rate, seconds, samples_file), seconds + 120)
    written = json.loads(samples_file.read_text(encoding="utf-8"))
    chat = written["chat"]
    return {**_window_rate(written["samples"]), "sent": chat["sent"], "delivered": chat["delivered"],
            "lost": chat["lost"]}


def _asyncio_round(base_url: str, work: Path, pairs: int, rate: float, seconds: float, name: str) -> dict:
    _wait(asyncio_chat(base_url, work, pairs, rate, seconds, name), seconds + 120)
    written = json.loads((work / f"{name}.json").read_text(encoding="utf-8"))
    return {**_window_rate(written["samples"]), "sent": written["sent"], "delivered": written["delivered"],
            "lost": written["lost"]}


def throughput(base_url: str, work: Path, pairs: int, rate: float, seconds: float, rounds: int = 3) -> dict:
    """(a): the same offered chat by Locust and by the asyncio client, in alternating rounds; a pair of
    neighbouring rounds gives one ratio, and a round that lost messages is no measure of throughput."""
    measured = []
    for number in range(rounds):
        order = ("locust", "asyncio") if number % 2 == 0 else ("asyncio", "locust")
        pair = {}
        for client in order:
            run_round = _locust_round if client == "locust" else _asyncio_round
            pair[client] = run_round(base_url, work, pairs, rate, seconds, f"{client}-{number}")
        both = pair["locust"]["delivered_per_core_s"], pair["asyncio"]["delivered_per_core_s"]
        lossless = pair["locust"]["lost"] == 0 and pair["asyncio"]["lost"] == 0
        pair["ratio"] = both[0] / both[1] if both[1] and lossless else None
        measured.append(pair)
    ratios = [pair["ratio"] for pair in measured if pair["ratio"] is not None]
    return {"pairs": pairs, "messages_per_s_per_side": rate, "seconds": seconds, "rounds": measured,
            "ratio": statistics.median(ratios) if ratios else None, "ratios": ratios,
            "rounds_with_loss": len(measured) - len(ratios),
            "locust": {key: statistics.median(p["locust"][key] for p in measured)
                       for key in ("delivered_per_s", "delivered_per_core_s")},
            "asyncio": {key: statistics.median(p["asyncio"][key] for p in measured)
                        for key in ("delivered_per_s", "delivered_per_core_s")}}


def latency_check(base_url: str, work: Path, pairs: int, probe_pairs: int, rate: float, seconds: float) -> dict:
    """(b): Locust makes the load, a small asyncio probe chats beside it at the same rate, at the same time."""
    locust = locust_chat(base_url, work, pairs, rate, seconds, work / "locust-beside-probe.json")
    time.sleep(3)  # the Locust pairs are in their meetings before the probe starts
    probe = asyncio_chat(base_url, work, probe_pairs, rate, seconds - 6, "asyncio-probe")
    _wait(probe, seconds + 120)
    _wait(locust, seconds + 120)
    probe_latencies = json.loads((work / "asyncio-probe.json").read_text(encoding="utf-8"))["latencies_ms"]
    locust_latency = _locust_latency(work)
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
    summary = c["summary"]["requests"]
    print("\nLastbänk (samma sandlåda, samma körning)")
    ratio = f"{a['ratio']:.2f}" if a["ratio"] is not None else "ingen (alla omgångar förlorade meddelanden)"
    print(f"(a) chatt, levererade meddelanden per s och kärna (median av {len(a['rounds'])} omgångar var, "
          f"turvis): Locust {a['locust']['delivered_per_core_s']:.0f}, asyncio {a['asyncio']['delivered_per_core_s']:.0f}"
          f" → kvot {ratio} (kvoter per omgångspar: {', '.join(f'{r:.2f}' for r in a['ratios']) or '–'}; "
          f"{a['rounds_with_loss']} par med förlorade meddelanden räknas inte)")
    for number, pair in enumerate(a["rounds"]):
        print(f"    omgång {number + 1}: " + "; ".join(
            f"{client} skickade {pair[client]['sent']}, levererade {pair[client]['delivered']}, "
            f"förlorade {pair[client]['lost']}" for client in ("locust", "asyncio")))
    print(f"(b) leveranslatens samtidigt: Locust p50 {b['locust']['p50_ms']:.0f} ms p95 {b['locust']['p95_ms']:.0f} ms, "
          f"asyncio p50 {b['asyncio']['p50_ms']:.1f} ms p95 {b['asyncio']['p95_ms']:.1f} ms → p95-kvot {b['p95_ratio']:.2f}")
    chat = c["summary"]["chat"]
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
    parser.add_argument("--design-minutes", type=float, default=6)
    parser.add_argument("--rounds", type=int, default=3, help="omgångspar Locust/asyncio, turvis, för kvoten (a)")
    arguments = parser.parse_args()
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
        result["design"] = design_load(running.sandbox, work, arguments.design_minutes)
    (BENCH_DIR / f"load-{stamp}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result)
    print(f"\nJSON: {BENCH_DIR / f'load-{stamp}.json'}")


if __name__ == "__main__":
    main()
