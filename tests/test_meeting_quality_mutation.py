"""The meeting's quality verdict catches one receiver missing one sender's video: with the sandbox's fault
switch conference_drops_video on (the conference's second patient does not take the clinician's video), the
DVM-05 quality scenario fails, naming that receiver and that sender. Without the switch the same scenario
passes (it runs with the other video features in the suite)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from vardmote_qa.target.sandbox.runner import RunningSandbox

pytestmark = pytest.mark.video

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = "videokvaliteten_i_ett_gruppmöte_bedöms"
THAT_PAIR = "patient 2 från vårdpersonalen: ingen videobild har kommit fram (inga avkodade bildrutor)"


def test_a_meeting_where_patient_2_misses_the_clinicians_video_is_not_good_naming_both(tmp_path):
    junit = tmp_path / "junit.xml"
    with RunningSandbox(tmp_path / "sandbox", "conference_drops_video") as sandbox:
        inner = subprocess.run(
            [sys.executable, "-m", "pytest", "steps/test_features.py", "-q", "--tb=short", "-p", "no:randomly",
             "-k", SCENARIO, "--target-url", sandbox.base_url, "--run-dir", str(tmp_path / "run"),
             "--junitxml", str(junit)],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"})
    cases = list(ElementTree.parse(junit).getroot().iter("testcase")) if junit.exists() else []
    assert len(cases) == 1, f"väntade ett scenario, körde {len(cases)}: {inner.stdout[-2000:]}"
    failure = cases[0].find("failure")
    assert failure is not None, "scenariot gick igenom fast patient 2 inte tog emot vårdpersonalens video"
    message = failure.get("message") or ""
    assert "Videokvaliteten är inte bra för var och en från alla andra" in message, \
        f"scenariot föll av något annat: {message[:2000]}"
    assert THAT_PAIR in message, f"det paret nämns inte: {message[:2000]}"
    # The evidence names the pair too: the meeting's verdict is written where a visit's goes.
    written = list((tmp_path / "run" / "media" / "visits").glob("*.json"))
    assert written and any("patient 2 från vårdpersonalen" in path.read_text(encoding="utf-8") for path in written)
