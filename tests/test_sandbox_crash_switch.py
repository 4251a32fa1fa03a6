"""The sandbox's `crash` switch, as the crash nightly uses it: switched on through the admin API while other
requests keep arriving. The admin hears that it was set; the next request after that answer ends the process
with exit code 70. (Before the switch was armed after its answer, a request between the switch and its answer
ended the process first, and the admin saw a reset connection or a cut-off answer.) A race, so its check
is a likelihood: with the old switch this test failed 12 of 13 runs, "the admin got no answer to the crash
switch"; with eight callers instead of four, 6 of 8."""

import threading

import pytest
import requests

from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_qa.waiting import eventually

CALLERS = 4                # threads asking the API as fast as they get answers, like the load part's users
CALLS_PER_CALLER = 2000    # a bound on the loop; the process ends long before


def keep_asking(base_url: str, stop: threading.Event, answered: list) -> None:
    session = requests.Session()
    for _ in range(CALLS_PER_CALLER):
        if stop.is_set():
            return
        try:
            answered.append(session.get(f"{base_url}{protocol.UNITS}", timeout=5).status_code)
        except requests.RequestException:
            return  # the process has ended (a refused, reset or cut-off answer)


def test_the_crash_switch_answers_its_admin_then_ends_the_sandbox_at_the_next_request(tmp_path):
    with RunningSandbox(tmp_path / "sandbox") as sandbox:
        admin = requests.Session()
        admin.post(f"{sandbox.base_url}{protocol.STAFF_LOGIN}", json=protocol.staff_login("admin", "sandlada"),
                   timeout=10).raise_for_status()
        stop, answered = threading.Event(), []
        callers = [threading.Thread(target=keep_asking, args=(sandbox.base_url, stop, answered))
                   for _ in range(CALLERS)]
        for caller in callers:
            caller.start()
        eventually(lambda: len(answered) > 20, timeout=10, description="att anropen kommer fram")
        try:
            try:
                switched = admin.post(f"{sandbox.base_url}{protocol.FAULTS}", json={"crash": True}, timeout=10)
            except requests.RequestException as error:
                pytest.fail(f"the admin got no answer to the crash switch: {type(error).__name__}: {error}")
            eventually(lambda: sandbox.exit_code() is not None, timeout=10,
                       description="att sandlådan avslutas vid nästa anrop efter svaret")
        finally:
            stop.set()
            for caller in callers:
                caller.join(timeout=10)
        assert switched.status_code == 200 and switched.json()["crash"] is True, switched.text[:300]
        assert sandbox.exit_code() == 70, f"exit code {sandbox.exit_code()} after {len(answered)} answered calls"
