"""The conference check catches one receiver missing one sender's video: with the sandbox's fault switch
conference_drops_video on (the conference's second patient does not take the clinician's video), the
DVM-05 scenario fails, naming that receiver, that sender and the video, and nothing else. Without the switch
the same scenario passes (it runs with the other video features in the suite)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from vardmote_qa.target.sandbox.runner import RunningSandbox

pytestmark = pytest.mark.video

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = "gruppmöte_ser_och_hör_varandra"
THAT_PAIR = "patient 2 från vårdpersonalen: ingen video (inga avkodade bildrutor), ingen bildstorlek"


def test_a_conference_where_patient_2_misses_the_clinicians_video_fails_naming_both(tmp_path):
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
    # What was missing at the bound (before the sightings): that pair's video, and its audio still came. On a
    # very loaded machine other pairs may still be starting at the bound; they are not what is asserted here.
    last = re.split(r" \(\d+ deltagare som tar emot varandra", message.split("varandra: ", 1)[-1], maxsplit=1)[0]
    missing = last.split("; ")
    assert THAT_PAIR in missing, f"scenariot föll av något annat: {message[:2000]}"
