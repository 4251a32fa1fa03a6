"""A feature tag that is not a requirement of the catalogue fails the suite before anything runs."""

import subprocess
import sys
import textwrap
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
FEATURE = """\
# language: sv
@{tag}
Egenskap: Prov
  @kritisk
  Scenario: Ett scenario med en kravtagg
    Givet att något finns
"""


def collect_feature_tagged(tag: str, tmp_path: Path) -> subprocess.CompletedProcess:
    (tmp_path / "prov.feature").write_text(FEATURE.format(tag=tag), encoding="utf-8")
    (tmp_path / "test_prov.py").write_text('from pytest_bdd import scenarios\nscenarios("prov.feature")\n')
    (tmp_path / "pytest.ini").write_text(textwrap.dedent("""\
        [pytest]
        addopts = --strict-markers -p vardmote_qa.pytest_plugin.hooks -p no:cacheprovider
        bdd_features_base_dir = .
        """))
    return subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)


def test_an_unknown_requirement_tag_fails_collection(tmp_path):
    completed = collect_feature_tagged("DVM-99", tmp_path)
    assert completed.returncode != 0
    assert "'DVM-99' not found in `markers` configuration option" in completed.stdout + completed.stderr


def test_a_catalogue_requirement_tag_is_accepted(tmp_path):
    completed = collect_feature_tagged("DVM-03", tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "1 test collected" in completed.stdout


def test_the_security_requirements_are_in_the_catalogue(tmp_path):
    assert collect_feature_tagged("SEC-01 @SEC-02 @SEC-03", tmp_path).returncode == 0
