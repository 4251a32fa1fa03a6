"""Two video engines compared (media/engines.py): the named tests give their textbook answers, the table
names the engine a degradation hits, and the summary, the report and `vmqa compare` show it. Pure: visit
records as the campaign writes them (the real interleaved campaign on both engines needs the SFU)."""

import json

import pytest

from run_fixtures import COMPLETE, write_run
from test_compare import vmqa
from vardmote_qa.media.engines import (compare_engines, fisher_two_sided, holm, mann_whitney, table_lines,
                                       worse_engines)
from vardmote_qa.media.summary import write_media_summary
from vardmote_qa.media.thresholds import load_thresholds
from vardmote_qa.run.layout import RunLayout

RULES = load_thresholds()


def test_the_named_tests_give_their_textbook_values():
    assert mann_whitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]) == (0.0, pytest.approx(2 / 252))  # exact, n = 5 + 5
    assert mann_whitney([1, 2, 3], [4, 5, 6])[1] == pytest.approx(0.1)
    assert mann_whitney([1, 1, 2, 2], [1, 2, 1, 2])[1] == 1.0  # ties: the normal approximation, no difference
    assert fisher_two_sided(3, 10, 0, 10) == pytest.approx(0.2105, abs=1e-4)
    assert fisher_two_sided(1, 4, 1, 4) == 1.0
    assert holm([0.001, 0.02, 0.04], 0.05) == [True, True, True]
    assert holm([0.001, 0.03, 0.04], 0.05) == [True, False, False]


def visit(engine, number, fps, freeze, verdict, profile="bredband", judged=True, tags=("kampanj",)):
    measures = {"fps_ratio": {"value": fps, "unit": "%"}, "freeze_ratio": {"value": freeze, "unit": "%"}}
    return {"format": 1, "visit": f"kampanj-{profile}-{number:03d}-{engine}", "profile": profile, "engine": engine,
            "tags": list(tags), "verdict": verdict, "judged": judged, "ended_at_ms": number,
            "participants": {"patienten": {"measures": measures},
                             "vårdpersonalen": {"measures": {**measures, "fps_ratio": {"value": 99.0}}}},
            "symptom": "", "reason": ""}


def campaign(degraded="sfu", visits=8):
    """p2p and sfu interleaved; `degraded` drops frames and fails, as media_fault_engine=sfu makes it."""
    records = []
    for number in range(1, visits + 1):
        for engine in ("p2p", "sfu"):
            bad = engine == degraded
            records.append(visit(engine, number, 40.0 + number if bad else 97.0 + number / 10,
                                 9.0 if bad else 0.1 * (number % 3), "fail" if bad else "good",
                                 tags=("kampanj",) if engine == "p2p" else ("kampanj", "motorjamforelse")))
    records.append(visit("sfu", 99, 10.0, 50.0, "fail", judged=False, tags=("kampanj", "motorjamforelse")))
    return records


def test_an_engine_degraded_alone_is_named_worse_with_sample_sizes_and_tests():
    table = compare_engines(campaign("sfu"), RULES)
    assert worse_engines(table) == {"bredband": {"sfu"}}
    entry = table["profiles"]["bredband"]
    assert entry["counts"]["sfu"]["not_judged"] == 1 and entry["counts"]["sfu"]["judged"] == 8
    share, = [row for row in entry["rows"] if row["measure"] == "failure_share"]
    assert (share["n"], share["value"], share["answer_sv"]) == ({"p2p": 8, "sfu": 8}, {"p2p": 0.0, "sfu": 1.0},
                                                                 "p2p är bättre")
    fps, = [row for row in entry["rows"] if row["measure"] == "fps_ratio"]
    assert fps["answer"] == "p2p" and fps["p"] < 0.001 and fps["n"] == {"p2p": 8, "sfu": 8}
    assert "Fishers exakta test" in table["headline"] and "Mann–Whitneys U-test" in table["headline"]
    assert "familjevis felrisk högst 5 %" in table["headline"]
    assert worse_engines(compare_engines(campaign("p2p"), RULES)) == {"bredband": {"p2p"}}


def test_two_clean_engines_are_no_sure_difference_and_too_few_visits_name_no_winner():
    clean = [visit(e, n, 98.0 + (n * 7 + (e == "sfu")) % 3, 0.1, "good") for n in range(1, 9) for e in ("p2p", "sfu")]
    assert worse_engines(compare_engines(clean, RULES)) == {"bredband": set()}
    few = compare_engines(campaign("sfu", visits=2), RULES)
    fps, = [row for row in few["profiles"]["bredband"]["rows"] if row["measure"] == "fps_ratio"]
    assert fps["answer"] == "för få besök"


def test_the_summary_keeps_the_gates_share_to_the_first_engine_and_the_report_and_compare_show_the_table(tmp_path):
    runs = tmp_path / "runs"
    for run_id in ("20261101T000000-fore", "20261102T000000-efte"):
        run = write_run(runs, [], None, run_id=run_id, parts={"video": COMPLETE})
        folder = RunLayout(run).media_visits
        folder.mkdir(parents=True)
        for record in campaign("sfu"):
            (folder / f"{record['visit']}.json").write_text(json.dumps(record), encoding="utf-8")
        summary = json.loads(write_media_summary(run).read_text(encoding="utf-8"))
        assert summary["profiles"]["bredband"]["campaign"]["visits"] == 8  # p2p's only: the gate's engine
        assert worse_engines(summary["engines"]) == {"bredband": {"sfu"}}
        gate = tmp_path / "gate.yaml"
        gate.write_text("criteria:\n  - {id: media.bredband.failure_share, kind: media_failure_share, "
                        "profile: bredband}\n", encoding="utf-8")
        judged = vmqa(tmp_path, "gate", run_id, "--gate", str(gate), "--utan-pdf", "--historik",
                      str(tmp_path / "h.sqlite"))
        assert judged.returncode in (0, 1), judged.stderr
    html = RunLayout(run).path.joinpath("report.html").read_text(encoding="utf-8")
    assert 'data-testid="engines-bredband"' in html and "p2p är bättre" in html
    compared = vmqa(tmp_path, "compare", "20261101T000000-fore", "20261102T000000-efte")
    assert compared.returncode == 0, compared.stderr
    assert "Videomotorerna i 20261102T000000-efte (varvade i samma körning)" in compared.stdout
    fps = next(line for line in compared.stdout.splitlines() if "bildfrekvensen" in line)
    assert "8/8" in fps and "Mann–Whitney U" in fps and "p2p är bättre" in fps, fps
    assert table_lines(summary["engines"])[0].startswith("Fishers exakta test")
