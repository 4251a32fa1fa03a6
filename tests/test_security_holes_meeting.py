"""The meeting's socket, its page and its links: each scenario fails on a sandbox with its own hole open
(see tests/security_holes.py)."""

from __future__ import annotations

import pytest

from tests.security_holes import MEETING_HOLES, assert_fails_on_its_hole, run_weakened


@pytest.fixture(scope="module")
def weakened_outcomes(tmp_path_factory) -> dict[str, str | None]:
    return run_weakened(MEETING_HOLES, tmp_path_factory.mktemp("weakened"))


@pytest.mark.parametrize("switch", sorted(MEETING_HOLES))
def test_the_scenario_fails_on_a_sandbox_with_its_hole(weakened_outcomes, switch):
    assert_fails_on_its_hole(MEETING_HOLES, weakened_outcomes, switch)
