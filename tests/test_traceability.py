"""The traceability matrix: requirement → scenarios → last result, and `vmqa requirements`."""

from run_fixtures import write_run

from vardmote_qa.cli import main
from vardmote_qa.requirements import load_catalogue
from vardmote_qa.run.acceptance_results import read_scenarios
from vardmote_qa.run.layout import RunLayout
from vardmote_qa.traceability import Coverage, trace

SCENARIOS = [
    {"name": "Chatten i ordning", "tags": ["DVM-02", "kritisk"], "attempts": ["passed"]},
    {"name": "Kod körs inte", "tags": ["DVM-02", "SEC-02"], "attempts": ["failed"]},
    {"name": "Ärende i kön", "tags": ["DVM-03"], "attempts": ["failed", "passed"]},
    {"name": "Tolk hoppades över", "tags": ["DVM-07"], "attempts": ["skipped"]},
]


def coverage_by_id(tmp_path):
    run = write_run(tmp_path, SCENARIOS)
    return {row.requirement.id: row for row in trace(load_catalogue(), read_scenarios(RunLayout(run).allure_results))}


def test_every_catalogue_requirement_has_a_row_in_catalogue_order(tmp_path):
    rows = coverage_by_id(tmp_path)
    assert list(rows) == list(load_catalogue())
    assert {"DVM-01", "DVM-14", "SOK-01", "SEC-01", "SEC-02", "SEC-03"} <= rows.keys()


def test_coverage_follows_the_last_result_of_each_scenario(tmp_path):
    rows = coverage_by_id(tmp_path)
    assert rows["DVM-03"].coverage is Coverage.VERIFIED  # passed on retry still verifies (the gate warns)
    assert rows["DVM-02"].coverage is Coverage.FAILED  # one failing scenario fails the requirement
    assert rows["DVM-07"].coverage is Coverage.NOT_VERIFIED  # only skipped scenarios
    assert rows["DVM-05"].coverage is Coverage.NOT_VERIFIED and rows["DVM-05"].scenarios == ()


def test_the_command_prints_the_matrix_with_unverified_requirements(tmp_path, capsys):
    run = write_run(tmp_path, SCENARIOS)
    assert main(["requirements", "--allure", str(RunLayout(run).allure_results), "--markdown"]) == 0
    matrix = capsys.readouterr().out
    assert "| DVM-03 | Patientinitierat möte | nästa | **verifierad** | Ärende i kön (godkänd efter 2 försök) |" in matrix
    assert "| DVM-05 | Konferenssamtal | – | **ej verifierad** | – |" in matrix
    assert "Kod körs inte (underkänd)" in matrix


def test_strict_fails_when_a_requirement_of_the_next_release_is_not_verified(tmp_path):
    run = write_run(tmp_path, SCENARIOS)
    assert main(["requirements", str(run), "--strict", "--output", str(tmp_path / "matris.txt")]) == 1
    assert "DVM-14  ej verifierad" in (tmp_path / "matris.txt").read_text(encoding="utf-8")


def test_a_missing_results_folder_is_one_sentence(tmp_path, capsys):
    assert main(["requirements", "--allure", str(tmp_path / "saknas")]) == 2
    assert "Det finns inga acceptansresultat" in capsys.readouterr().err
