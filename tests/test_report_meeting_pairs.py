"""The per-pair verdict of a meeting of several in the reports (issue 13): a synthetic run folder whose
media/visits holds a conference's verdict as a run writes it (MeetingResult.as_dict), its media summary
written as the nightly writes it, judged, and the HTML and Markdown reports made from it. The matrix has a
cell per receiver and sender with the pair's tier and main reason; a pair the machine could not judge is
"ej bedömd" with why; a pair made "underkänd" shows in its own cell and nowhere else. Pure, no browser."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from meeting_results import STARVED, meeting_result
from run_fixtures import write_run
from vardmote_qa.judging import GateInputs, judge, load_rules
from vardmote_qa.media.summary import write_media_summary
from vardmote_qa.media.tiers import Tier
from vardmote_qa.report import document, html_report, markdown_report
from vardmote_qa.run.layout import RunLayout

GATE = Path(__file__).parent / "gates" / "acceptance-only.yaml"
STARVED_PAIR = ("patient 2", "vårdpersonalen")
FILE = "gruppmote-med-tre"


def _report(tmp_path, result):
    """The run folder with one meeting's verdict, judged; the document every renderer formats."""
    run = write_run(tmp_path, [{"name": "Gruppmöte", "tags": ["kritisk", "DVM-05"], "attempts": ["passed"]}])
    visits = RunLayout(run).media_visits
    visits.mkdir(parents=True)
    (visits / f"{FILE}.json").write_text(json.dumps(result.as_dict(), ensure_ascii=False), encoding="utf-8")
    write_media_summary(run)
    judgement = judge(run, GateInputs(load_rules(GATE, None), tmp_path / "history.sqlite", dt.date(2026, 12, 2)))
    return document.build(judgement)


def _cells(html: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    """The matrix as (receiver, sender) -> (css class, tier text, reason), read back from the HTML."""
    table = re.search(r'<table class="pairs" data-testid="meeting-' + FILE + r'">(.*?)</table>', html, re.S).group(1)
    senders = re.findall(r"<th>([^<]*)</th>", table.split("</thead>")[0])[1:]
    found = {}
    for receiver, row in re.findall(r"<tr><th>([^<]*)</th>(.*?)</tr>", table.split("</thead>")[1], re.S):
        cells = re.findall(r'<td class="([^"]*)"[^>]*>(?:<strong>([^<]*)</strong><br><small>([^<]*)</small>)?', row)
        for sender, (css, text, reason) in zip(senders, cells):
            found[(receiver, sender)] = (css, text, reason)
    return found


def test_the_matrix_has_a_cell_per_pair_and_a_pair_not_judged_is_ej_bedomd_with_why(tmp_path):
    report = _report(tmp_path, meeting_result(3, not_judged=(STARVED_PAIR,), label="Gruppmöte med tre"))
    html = html_report.render(report)
    assert "<h2>Videokvalitet per par i gruppmöten</h2>" in html
    assert "Gruppmöte med tre: bra bland de bedömda paren (1 av 6 par ej bedömda)" in html
    cells = _cells(html)
    roles = ("vårdpersonalen", "patienten", "patient 2")
    assert set(cells) == {(r, s) for r in roles for s in roles}
    assert all(cells[(r, r)] == ("muted", "", "") for r in roles)  # nobody is judged on itself
    label = "patient 2 från vårdpersonalen"
    assert cells[STARVED_PAIR] == ("p-not_judged", "ej bedömd", STARVED.format(label))
    others = [pair for pair in cells if pair != STARVED_PAIR and pair[0] != pair[1]]
    assert len(others) == 5 and all(cells[pair] == ("p-good", "bra", "alla mått är bra") for pair in others)
    markdown = markdown_report.render(report)
    assert f"| patient 2 | **ej bedömd**: {STARVED.format(label)} | **bra**: alla mått är bra | – |" in markdown


def test_a_pair_made_underkand_shows_in_its_own_cell_with_its_main_reason(tmp_path):
    failing = ("patienten", "patient 2")
    html = html_report.render(_report(tmp_path, meeting_result(3, tiers={failing: Tier.FAIL},
                                                               label="Gruppmöte med tre")))
    cells = _cells(html)
    # the main reason is the verdict's first clause, without the pair's own label
    assert cells[failing] == ("p-fail", "underkänd", "andelen frusen bild 12 % (godtagbar kräver högst 5 %)")
    assert [pair for pair, (css, _, _) in cells.items() if css == "p-fail"] == [failing]
    assert "Gruppmöte med tre: underkänd" in html and "par ej bedömda" not in html


def test_a_run_without_meetings_has_no_matrix(tmp_path):
    run = write_run(tmp_path, [{"name": "Gruppmöte", "tags": ["kritisk"], "attempts": ["passed"]}])
    write_media_summary(run)
    assert "meetings" not in json.loads(RunLayout(run).media_summary.read_text(encoding="utf-8"))
    report = document.build(judge(run, GateInputs(load_rules(GATE, None), tmp_path / "h.sqlite", dt.date(2026, 12, 2))))
    assert report.meetings == () and "Videokvalitet per par" not in html_report.render(report)
