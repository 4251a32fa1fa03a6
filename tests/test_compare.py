"""`vmqa compare`: two judged runs side by side, per criterion and per network profile."""

import os
import subprocess
import sys
from pathlib import Path

from run_fixtures import COMPLETE, write_run

PROJECT = Path(__file__).resolve().parents[1]
GATE = """criteria:
  - {id: acceptance.critical, kind: acceptance_tag, tag: kritisk}
  - {id: media.bredband.freeze_ratio_p95, kind: media_measure, profile: bredband, measure: freeze_ratio,
     percentile: p95, warn: 0.01, fail: 0.05}
"""


def media(freeze):
    return {"profiles": {"bredband": {"visits": 2, "verdicts": {"good": 2},
                                      "measures": {"freeze_ratio": {"p50": 0.0, "p95": freeze}}}}}


def vmqa(tmp_path, *arguments):
    env = {**os.environ, "VMQA_REPORTS": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "vardmote_qa.cli", *arguments], capture_output=True, text=True,
                          env=env, cwd=PROJECT, timeout=120)


def test_compare_shows_both_runs_per_criterion_and_profile(tmp_path):
    runs = tmp_path / "runs"
    (tmp_path / "gate.yaml").write_text(GATE, encoding="utf-8")
    scenario = [{"name": "A", "tags": ["kritisk"], "attempts": ["passed"]}]
    for run_id, freeze in (("20261101T000000-jits", 0.04), ("20261102T000000-vona", 0.002)):
        write_run(runs, scenario, run_id=run_id, parts={"video": COMPLETE}, media=media(freeze))
        judged = vmqa(tmp_path, "gate", run_id, "--gate", str(tmp_path / "gate.yaml"), "--utan-pdf",
                      "--historik", str(tmp_path / "h.sqlite"))
        assert judged.returncode in (0, 1), judged.stderr
    compared = vmqa(tmp_path, "compare", "20261101T000000-jits", "20261102T000000-vona")
    assert compared.returncode == 0, compared.stderr
    lines = compared.stdout.splitlines()
    freeze_line = next(line for line in lines if line.strip().startswith("media.bredband.freeze_ratio_p95"))
    assert "warn" in freeze_line and "pass" in freeze_line and "-95.0 %" in freeze_line
    assert any(line.strip().startswith("bredband freeze_ratio") and "0.04" in line for line in lines)


def test_compare_refuses_an_unjudged_run(tmp_path):
    write_run(tmp_path / "runs", [], run_id="ej-bedomd")
    write_run(tmp_path / "runs", [], run_id="ej-bedomd-2")
    compared = vmqa(tmp_path, "compare", "ej-bedomd", "ej-bedomd-2")
    assert compared.returncode == 2
    assert compared.stderr.strip() == "vmqa: Körningen ej-bedomd har inget beslut än: kör 'vmqa gate ej-bedomd' först."


def campaign_media(failures, visits):
    outcomes = ["fail"] * failures + ["pass"] * (visits - failures)
    from vardmote_qa.media.failure_share import upper_bound
    return {"profiles": {"4g": {"visits": visits, "verdicts": {}, "measures": {}, "campaign": {
        "visits": visits, "judged": visits, "failures": failures, "not_judged": 0, "outcomes": outcomes,
        "failing": [], "upper_bound": upper_bound(failures, visits), "confidence": 0.95}}}}


def test_compare_shows_the_failure_shares_and_fishers_test_of_b_above_a(tmp_path):
    runs = tmp_path / "runs"
    (tmp_path / "gate.yaml").write_text("criteria:\n  - {id: media.4g.failure_share, kind: media_failure_share, "
                                        "profile: 4g}\n", encoding="utf-8")
    for run_id, failures in (("20261101T000000-fore", 0), ("20261102T000000-efte", 6)):
        write_run(runs, [], None, run_id=run_id, parts={"video": COMPLETE}, media=campaign_media(failures, 40))
        judged = vmqa(tmp_path, "gate", run_id, "--gate", str(tmp_path / "gate.yaml"), "--utan-pdf",
                      "--historik", str(tmp_path / "h.sqlite"))
        assert judged.returncode in (0, 1), judged.stderr
    compared = vmqa(tmp_path, "compare", "20261101T000000-fore", "20261102T000000-efte")
    line = next(line for line in compared.stdout.splitlines() if line.strip().startswith("4g "))
    assert "0/40 (≤ 7,2 %)" in line and "6/40 (≤ 27,5 %)" in line and "p = 0,013 högre" in line, line
