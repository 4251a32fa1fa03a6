"""What `make nightly` exits with, as the README says: GNU make turns every failed recipe into its own 2,
so the decision's codes (0/1/2) are carried by `.venv/bin/vmqa nightly`, and make's last line names them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make saknas")


def make(directory: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-C", str(directory), *arguments],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("recipe_code, make_code", [(0, 0), (1, 2), (2, 2)])
def test_make_exits_2_for_any_failed_recipe_and_names_the_recipes_code(tmp_path, recipe_code, make_code):
    (tmp_path / "Makefile").write_text(f"nightly:\n\t@exit {recipe_code}\n", encoding="utf-8")
    completed = make(tmp_path, "nightly")
    assert completed.returncode == make_code
    if recipe_code:
        assert completed.stderr.strip().endswith(f"nightly] Error {recipe_code}"), completed.stderr


def test_vmqa_nightly_is_the_last_command_of_make_nightly():
    """So the "Error N" on make's last line is vmqa's own code. `make -n` prints the commands, runs none."""
    completed = make(PROJECT, "-n", "nightly")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip().splitlines()[-1] == ".venv/bin/vmqa nightly --env local"


def test_the_readme_says_which_command_carries_the_exit_codes():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    assert "`.venv/bin/vmqa nightly`" in section and "**1** for NO-GO" in section
    assert "GNU make exits 2 whenever a recipe fails" in section
    assert "**2** for both NO-GO and bad input" in section
    assert "Error 1` is a NO-GO" in section
