"""Actor narration and evidence work in a plain pytest test run with --alluredir (allure-pytest-bdd
opens no test case there), and still write the evidence to the run folder."""

import subprocess
import sys

PLAIN_TEST = '''
from vardmote_qa.actors.narration import step_title
from vardmote_qa.evidence import Evidence
from vardmote_qa.run.layout import RunLayout


class Someone:
    role_word = "patienten"

    @step_title("{self.role_word} gör något")
    def act(self, folder):
        Evidence(folder).attach_media_stats("Mätning", {"värde": 1})
        return "klart"


def test_plain(tmp_path):
    assert Someone().act(tmp_path) == "klart"
    assert list(RunLayout(tmp_path).media.glob("*.json"))
'''


def test_narration_and_evidence_outside_a_scenario(tmp_path):
    (tmp_path / "test_plain.py").write_text(PLAIN_TEST, encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_plain.py",
                                "--alluredir", str(tmp_path / "allure")], cwd=tmp_path, capture_output=True,
                               text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
