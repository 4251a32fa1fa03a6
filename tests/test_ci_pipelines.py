"""The CI pipelines in ci/ are valid YAML, run the nightly against the test environment, keep the
history between runs and publish the JUnit file (a NO-GO fails them through vmqa's exit code)."""

from pathlib import Path

import pytest
import yaml

CI = Path(__file__).resolve().parents[1] / "ci"


@pytest.mark.parametrize("name", ["github-actions-nightly.yml", "gitlab-ci-nightly.yml", "azure-pipelines-nightly.yml"])
def test_pipeline_runs_the_nightly_and_keeps_history(name):
    text = (CI / name).read_text(encoding="utf-8")
    assert yaml.safe_load(text)
    assert ".venv/bin/vmqa nightly --env test" in text
    assert "VMQA_HISTORY" in text and "history" in text.lower()
    assert "junit.xml" in text
    assert "|| true" not in text, "a NO-GO must fail the pipeline"
