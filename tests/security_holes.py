"""Each security scenario catches its hole: with one weakening switch on (vardmote_sandbox/weaknesses.py),
exactly the scenarios about that hole fail, each with a message that names it. On the normal sandbox
the same scenarios pass (they run with every other feature in `pytest steps`).

The holes are run in two groups (the meeting's socket and links; the service's API and pages), one test file
each, so that the two weakened runs go to different pytest-xdist workers instead of being one worker's long
pole. In each group one sandbox serves every case: a switch is set per scenario through the admin API
(tests/weakening_plugin.py), the scenarios run in a pytest of their own against it (--target-url), and the
switch is put back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from vardmote_qa.run.acceptance import WITHOUT_UNUSED_PLUGINS
from vardmote_qa.target.sandbox.runner import RunningSandbox

ROOT = Path(__file__).resolve().parents[1]

# switch -> (fragments of the names of the scenarios about its hole, what every failure of them says)
MEETING_HOLES = {
    "ws_role_unchecked": (["sekreterare_kan_inte_chatta", "sekreterare_kan_inte_starta"],
                          "hål: en roll som bara får följa besöket skrev eller ringde i mötet"),
    "ws_session_unchecked": (["efter_utloggning_tar_mötet"], "hål: mötets förbindelse fungerade för patienten"),
    "ws_status_unchecked": (["efter_avslutat_besök_tar_mötet"], "hål: mötet tog emot chatt efter att besöket"),
    "page_answers_any_offer": (["avböjer_ett_samtal"], "hål: patientens sida svarade med kamera och mikrofon"),
    "links_outlive_visit": (["kallelselänken_gäller_inte"], "hål: kallelselänken fungerar efter"),
    "bad_input_crashes": (["orimligt_stort", "trasiga_meddelanden"], "hål:"),
    "guest_links_outlive_visit": (["gästlänken_gäller_inte", "tolkens_länk_gäller_inte"],
                                  "hål: gästlänken fungerar efter att mötet avslutats"),
    "physical_meeting_sends_sms": (["patienten_på_plats_får_inget_sms"], "fick SMS om det fysiska besöket"),
}
SERVICE_HOLES = {
    "unit_admin_reads_patient_data": (["läser_inte_sms", "ser_inte_patientregistret"], "hål: enhetsadministratören"),
    "consent_pages_only": (["utan_samtycke_ger_varken"], "hål: tjänstens API gav patienten besöket utan samtycke"),
    "sms_format_specs": (["formatspecifikation"], "hål: en SMS-text med formatspecifikation sparades"),
    "logout_by_get": (["en_länk_loggar_inte_ut"], "hål: en länk (GET) loggade ut patienten"),
    "no_origin_check": (["från_en_annan_webbplats", "annan_webbplats_kan_inte"], "annan webbplats"),
    "no_login_throttle": (["fem_fel_lösenord"], "hål: inloggningen begränsar inte misslyckade försök"),
    "no_anonymous_throttle": (["anonyma_inloggningar_från"], "hål: anonyma sessioner skapas utan gräns"),
    "no_security_headers": (["skickas_med_säkerhetshuvuden"], "hål: besökssidan saknar säkerhetshuvudena"),
}


def run_weakened(holes: dict, work: Path) -> dict[str, str | None]:
    """Every scenario of these holes run once, each on the sandbox with its own hole open:
    scenario name -> failure message (None: it passed)."""
    junit = work / "junit.xml"
    plan = {switch: fragments for switch, (fragments, _) in holes.items()}
    selection = " or ".join(fragment for fragments in plan.values() for fragment in fragments)
    with RunningSandbox(work / "sandbox") as running:
        subprocess.run([sys.executable, "-m", "pytest", "steps", "-q", "-p", "no:cacheprovider",
                        "-p", "tests.weakening_plugin", *WITHOUT_UNUSED_PLUGINS, "-k", selection, "--target-url", running.base_url,
                        "--run-dir", str(work), "--junitxml", str(junit)],
                       cwd=ROOT, capture_output=True, timeout=600,
                       env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
                            "VMQA_WEAKNESS_PLAN": json.dumps(plan)})
    outcomes = {}
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        failure = case.find("failure")
        outcomes[case.get("name")] = None if failure is None else (failure.get("message") or "")
    return outcomes


def assert_fails_on_its_hole(holes: dict, outcomes: dict[str, str | None], switch: str) -> None:
    fragments, names_the_hole = holes[switch]
    mine = {name: message for name, message in outcomes.items() if any(f in name for f in fragments)}
    assert mine, f"{switch}: inget scenario kördes för hålet (körda: {sorted(outcomes)})"
    wrong = {name: message for name, message in mine.items() if message is None or names_the_hole not in message}
    assert not wrong, f"{switch}: scenarier som inte föll på hålet ('{names_the_hole}'): {wrong}"
