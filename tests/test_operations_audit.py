"""Operations' audits (DVM-10, DVM-11, SOK-01): the catalogue and the triage specification as data, `vmqa audit`
against a real sandbox, and each mutation (a hidden open visit, a missing unit and a wrongly set one, a
triage leaf with the wrong priority) failing its drift scenario with its message."""

import csv
import os
import pty
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from vardmote_qa import cli
from vardmote_qa.audit import triage
from vardmote_qa.audit.capability import NotOffered, operations_api
from vardmote_qa.audit.units_catalogue import CATALOGUE_PATH, read_catalogue, write_catalogue
from vardmote_qa.audit.units_generator import DEFAULT_SEED, TOTAL_UNITS, generate
from vardmote_qa.config import load_environment
from vardmote_qa.errors import UserError
from vardmote_qa.exitcodes import AUDIT_CLEAN, AUDIT_FINDINGS, AUDIT_INCOMPLETE, BAD_INPUT
from vardmote_qa.target.meeting_time import meeting_start
from vardmote_qa.run.acceptance import WITHOUT_UNUSED_PLUGINS
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

PROJECT = Path(__file__).resolve().parents[1]
REPORT_PATIENT_INITIATED = {"Folktandvården", "Hälsocoach online", "FaR-mottagningen online", "Ungdomsmottagningen",
                            "Ung utsatt", "Substitutionsmottagningen", "Utbildningskliniken (FTV)"}


def test_the_catalogue_is_what_the_seeded_generator_writes_at_the_reports_size(tmp_path):
    write_catalogue(generate(DEFAULT_SEED), tmp_path / "catalogue.csv")
    assert (tmp_path / "catalogue.csv").read_bytes() == CATALOGUE_PATH.read_bytes(), \
        "units/catalogue.csv är inte vad `vmqa audit generate-units` skriver"
    units = read_catalogue()
    hidden = {unit.name for unit in units if unit.patient_initiated and not unit.on_start_page}
    assert len(units) == TOTAL_UNITS == 1100
    assert REPORT_PATIENT_INITIATED <= {unit.name for unit in units if unit.patient_initiated}
    assert {"Substitutionsmottagningen", "Utbildningskliniken (FTV)"} <= hidden
    assert sum(unit.administration == "Privata vårdgivare" for unit in units) > 100
    assert generate(DEFAULT_SEED + 1) != units  # the seed decides the draw


def test_the_triage_specification_has_tens_of_leaves_on_several_levels_and_refuses_a_double_answer(tmp_path):
    spec = triage.load_spec()
    paths = triage.paths(spec)
    assert len(paths) >= 30 and triage.depth(spec) >= 4
    assert {path.priority for path in paths} == set(triage.Priority)
    broken = tmp_path / "trad.yaml"
    broken.write_text("namn: x\nversion: '1'\nfråga:\n  id: a\n  text: Ont?\n  svar:\n"
                      "    - {text: Ja, prioritet: akut, fråga: {id: b, text: Mer, svar: [{text: Ja, prioritet: akut}, {text: Nej, prioritet: akut}]}}\n"
                      "    - {text: Nej, prioritet: akut}\n", encoding="utf-8")
    with pytest.raises(UserError, match="trad.yaml: .*svaret 'Ja' ska leda till antingen en fråga eller en prioritet"):
        triage.load_spec(broken)


def _admin(sandbox) -> requests.Session:
    session = requests.Session()
    assert session.post(f"{sandbox.base_url}/api/session/staff", timeout=5,
                        json={"username": "admin", "password": SANDBOX_STAFF_PASSWORD}).status_code == 200
    return session


def _old_visit(sandbox, admin, hours: float) -> int:
    units = admin.get(f"{sandbox.base_url}/api/units", timeout=5).json()
    unit_id = next(unit["id"] for unit in units if unit["slug"] == "vardcentralen-hisingen")
    visit = admin.post(f"{sandbox.base_url}/api/visits", timeout=5, json={
        "unit_id": unit_id, "personnummer": PATIENTS[2].personnummer, "starts_at": meeting_start(), "kind": "video"})
    assert visit.status_code == 201, visit.text
    assert admin.post(f"{sandbox.base_url}/api/admin/visits/{visit.json()['id']}/backdate", json={"hours": hours},
                      timeout=5).status_code == 200
    return visit.json()["id"]


def _audit(sandbox, tmp_path, *options) -> int:
    return cli.main(["audit", "open-visits", "--target-url", sandbox.base_url, "--output-dir", str(tmp_path),
                     "--older-than", "24h", *options])


def test_open_visits_audit_lists_alerts_refuses_an_unattended_close_and_closes_with_yes(sandbox, tmp_path, capsys):
    admin = _admin(sandbox)
    old, older, young = _old_visit(sandbox, admin, 24.1), _old_visit(sandbox, admin, 30), _old_visit(sandbox, admin, 23.9)
    assert _audit(sandbox, tmp_path) == AUDIT_FINDINGS
    rows = list(csv.DictReader((tmp_path / "oppna-besok.csv").open(encoding="utf-8")))
    listed = {int(row["Besök"]) for row in rows}
    assert {old, older} <= listed and young not in listed  # strictly older than the limit, on either side of it
    assert "Öppna besök" in (tmp_path / "oppna-besok.html").read_text(encoding="utf-8")
    assert _audit(sandbox, tmp_path, "--max-visits", "1") == AUDIT_INCOMPLETE  # a bound reached is said, not hidden
    capsys.readouterr()
    assert _audit(sandbox, tmp_path, "--close") == BAD_INPUT  # pytest's stdin is no terminal
    assert "--close utan terminal kräver --yes" in capsys.readouterr().err
    assert admin.get(f"{sandbox.base_url}/api/visits/{old}", timeout=5).json()["status"] != "avslutat"
    assert _audit(sandbox, tmp_path, "--close", "--ja") == AUDIT_CLEAN
    assert admin.get(f"{sandbox.base_url}/api/visits/{old}", timeout=5).json()["status"] == "avslutat"
    assert _audit(sandbox, tmp_path) == AUDIT_CLEAN
    admin.post(f"{sandbox.base_url}/api/visits/{young}/close", timeout=5)


@pytest.mark.parametrize("answer, closed", [("nej", False), ("ja", True)])
def test_close_at_a_terminal_asks_first_and_closes_only_on_ja(sandbox, tmp_path, answer, closed):
    admin = _admin(sandbox)
    visit = _old_visit(sandbox, admin, 48)
    terminal, terminal_side = pty.openpty()
    os.write(terminal, f"{answer}\n".encode())
    completed = subprocess.run([sys.executable, "-m", "vardmote_qa.cli", "audit", "open-visits", "--target-url",
                                sandbox.base_url, "--output-dir", str(tmp_path), "--close"],
                               stdin=terminal_side, capture_output=True, text=True, cwd=PROJECT, timeout=120)
    os.close(terminal_side), os.close(terminal)
    status = admin.get(f"{sandbox.base_url}/api/visits/{visit}", timeout=5).json()["status"]
    assert "Skriv ja för att stänga" in completed.stdout, completed.stdout[-2000:]
    assert (status == "avslutat") is closed and completed.returncode == (AUDIT_CLEAN if closed else AUDIT_FINDINGS)
    admin.post(f"{sandbox.base_url}/api/visits/{visit}/close", timeout=5)


def test_the_triage_page_walks_the_tree_a_citizen_answers(sandbox):
    first = requests.get(f"{sandbox.base_url}/sok-vard", timeout=5).text
    asked = requests.get(f"{sandbox.base_url}/sok-vard", params={"svar": ["Nej", "Huden", "Ja"]}, timeout=5).text
    assert "Har du något av detta just nu" in first and "Din bedömning: prioritet 1" in asked


def test_an_adapter_without_the_operations_capability_is_refused_in_one_sentence():
    with pytest.raises(NotOffered, match="som inte kan lista öppna besök eller enheter; granskningen kan inte göras"):
        operations_api(object(), load_environment("local"))


MUTATED_SCENARIOS = ("lämnats_öppet_längre_än_gränsen or varje_enhet_i_katalogen_finns or "
                     "varje_väg_genom_frågeträdet")


def test_each_operations_mutation_fails_its_scenario_and_its_audit_with_its_message(tmp_path):
    catalogue = read_catalogue()
    lost = next(unit for unit in catalogue if unit.slug.startswith("barnavardscentralen-"))
    private = next(unit for unit in catalogue[catalogue.index(lost):] if unit.administration == "Privata vårdgivare")
    with RunningSandbox(tmp_path / "sandbox", "open_visits_hide_oldest,triage_wrong_leaf") as sandbox:
        with sqlite3.connect(sandbox.database_path) as database:  # a migration that lost one unit, misfiled another
            database.execute("DELETE FROM units WHERE slug = ?", (lost.slug,))
            database.execute("UPDATE units SET administration = 'Primärvården' WHERE slug = ?", (private.slug,))
        suite = subprocess.run(
            [sys.executable, "-m", "pytest", "steps/test_features.py", "-q", "--tb=short", "-p", "no:randomly",
             "--target-url", sandbox.base_url, "--run-dir", str(tmp_path / "run"), "-k", MUTATED_SCENARIOS,
             *WITHOUT_UNUSED_PLUGINS],
            capture_output=True, text=True, cwd=PROJECT, timeout=300)
        units_code = cli.main(["audit", "units", "--target-url", sandbox.base_url, "--output-dir", str(tmp_path)])
        triage_code = cli.main(["audit", "triage", "--target-url", sandbox.base_url, "--output-dir", str(tmp_path)])
    assert "3 failed" in suite.stdout, suite.stdout[-3000:]
    assert "granskningen av öppna besök äldre än 24 h missade besök" in suite.stdout, suite.stdout[-3000:]
    assert (f"2 skillnad(er) mellan katalogens 1100 enheter och miljöns 1099: {lost.name} ({lost.slug}): saknas; "
            f"{private.name} ({private.slug}): förvaltning är Primärvården, ska vara Privata vårdgivare") in suite.stdout
    last_leaf = ("livshot=Nej → omrade=Öron, näsa och hals → onh-svalja=Nej → onh-ora=Nej → onh-hals=Nej: "
                 "tjänsten ger akut, specifikationen prioritet 5")
    assert f"1 av 37 vägar avviker från specifikationen: {last_leaf}" in suite.stdout, suite.stdout[-3000:]
    assert units_code == triage_code == AUDIT_FINDINGS
    differences = list(csv.DictReader((tmp_path / "enheter.csv").open(encoding="utf-8")))
    assert [(row["Skillnad"], row["Slug"]) for row in differences] == [("saknas", lost.slug),
                                                                      ("fel inställning", private.slug)]
    assert last_leaf.split(":")[0] in (tmp_path / "sok-vard.html").read_text(encoding="utf-8")
