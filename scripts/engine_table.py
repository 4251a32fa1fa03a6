"""A small engine table on a clean sandbox of its own: N visits per engine on bredband, p2p and sfu interleaved.
Usage: PYTHONPATH=src python scripts/engine_table.py VISITS AT_ONCE SECONDS RUN_DIR (prints each visit, the load, the table)."""
import asyncio, json, os, sys, time
from pathlib import Path
from vardmote_qa.config import load_environment
from vardmote_qa.target import up
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.media.campaign import Stage, run_campaign
from vardmote_qa.media.profiles import load_profiles
from vardmote_qa.media.engines import compare_engines, table_lines
from vardmote_qa.media.thresholds import load_thresholds

visits, at_once, seconds = (int(a) for a in sys.argv[1:4])
run_dir = Path(sys.argv[4])
environment = load_environment("local")
print("load before:", os.getloadavg())
with up(environment, RunLayout(run_dir).sandbox) as running:
    stage = Stage(running.base_url, (environment.clinician.username, environment.clinician.password),
                  environment.patients[0], environment.default_unit, run_dir)
    started = time.monotonic()
    outcomes = asyncio.run(run_campaign(stage, [load_profiles()["bredband"]], visits, at_once, seconds,
                                        label="motortabell", engines=("p2p", "sfu"),
                                        on_visit=lambda o: print(o.label, o.problem or (o.result.tier.value, o.result.cannot_judge, o.result.verdict.reason[:160]), flush=True)))
    print(f"{len(outcomes)} visits in {time.monotonic() - started:.0f} s; load after:", os.getloadavg())
records = [json.loads(p.read_text(encoding="utf-8")) for p in RunLayout(run_dir).media_visits.glob("motortabell-*.json")]
print("\n".join(table_lines(compare_engines(records, load_thresholds()))))
