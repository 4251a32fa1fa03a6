"""The service's API and pages: each scenario fails on a sandbox with its own hole open (see
tests/security_holes.py); and a session left idle ends by itself (its own sandbox, a short idle timeout)."""

from __future__ import annotations

import os

import pytest
import requests

from tests.security_holes import MEETING_HOLES, SERVICE_HOLES, assert_fails_on_its_hole, run_weakened
from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_qa.waiting import API_TIMEOUT_S, pause

ADMIN = {"username": "admin", "password": os.environ.get("VMQA_LOCAL_ADMIN_PASSWORD", "sandlada")}


@pytest.fixture(scope="module")
def weakened_outcomes(tmp_path_factory) -> dict[str, str | None]:
    return run_weakened(SERVICE_HOLES, tmp_path_factory.mktemp("weakened"))


@pytest.mark.parametrize("switch", sorted(SERVICE_HOLES))
def test_the_scenario_fails_on_a_sandbox_with_its_hole(weakened_outcomes, switch):
    assert_fails_on_its_hole(SERVICE_HOLES, weakened_outcomes, switch)


IDLE_S = 1.0


@pytest.mark.parametrize("weakened", [False, True], ids=["normal", "sessions_never_expire"])
def test_an_idle_session_ends_by_itself(tmp_path, monkeypatch, weakened):
    monkeypatch.setenv("SANDBOX_SESSION_IDLE_S", str(IDLE_S))
    if weakened:
        monkeypatch.setenv("SANDBOX_WEAKNESSES", "sessions_never_expire")
    with RunningSandbox(tmp_path) as running:
        session = requests.Session()
        session.post(running.base_url + protocol.STAFF_LOGIN, json=ADMIN, timeout=API_TIMEOUT_S).raise_for_status()
        assert session.get(running.base_url + protocol.ME, timeout=API_TIMEOUT_S).status_code == 200
        pause(IDLE_S * 1.5)
        status = session.get(running.base_url + protocol.ME, timeout=API_TIMEOUT_S).status_code
    if weakened:
        assert status == 200, "den försvagade sandlådan skulle låta sessionen leva"
    else:
        assert status == 401, f"hål: en session som legat oanvänd i {IDLE_S * 1.5:.1f} s gällde fortfarande ({status})"


def test_every_weakening_belongs_to_exactly_one_group_of_holes():
    """A new switch in weaknesses.py must get its scenarios here, or it would never be shown to be caught."""
    from vardmote_sandbox.weaknesses import HOLES
    from tests.weakening_plugin import LETS_TEXTS_THROUGH

    own_test = {"sessions_never_expire"}  # test_an_idle_session_ends_by_itself above
    grouped = set(MEETING_HOLES) | set(SERVICE_HOLES) | own_test
    assert not set(MEETING_HOLES) & set(SERVICE_HOLES), "ett hål står i båda grupperna"
    assert grouped == set(HOLES), (f"hål utan scenariorad: {sorted(set(HOLES) - grouped)}; "
                                   f"rader utan hål: {sorted(grouped - set(HOLES))}")
    assert LETS_TEXTS_THROUGH <= set(HOLES), f"okända hål vars texter läggs tillbaka: {LETS_TEXTS_THROUGH - set(HOLES)}"
