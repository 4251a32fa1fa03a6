"""Fixtures for the platform's own tests: a real sandbox process with a real database; the order in which
the parallel part's files are handed out (the longest first); and which video tests need the cores alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vardmote_qa.target.sandbox.runner import RunningSandbox

ROOT = Path(__file__).resolve().parents[1]
# The parallel part's longest files, longest first (seconds on one worker, make test on a clean clone,
# 2026-12-03: 180, 92, 86, 68, 50, 38, 37, 32, 28, 26). pytest-xdist (--dist loadfile) hands files out in
# collection order; in the order of testpaths the longest was handed out last and ran alone at the end.
LONGEST_FIRST = ("steps/test_features.py", "tests/test_load_smoke.py", "tests/test_nightly_decisions.py",
                 "tests/test_fault_verdicts.py", "tests/test_security_holes_service.py", "tests/test_bad_input.py",
                 "tests/test_selection.py", "tests/test_secrets_never_leave.py",
                 "tests/test_load_group_mutation.py", "tests/test_load_group.py")


# The requirements whose every scenario holds a meeting of more than two at once (conferences): marked
# many_streams like the test files that say so themselves. make test runs the other video tests two at a time
# and these alone: next to another video test, a conference's cameras starved (6 of 6 pairs not judged).
MANY_STREAMS_REQUIREMENTS = ("DVM-05",)


def pytest_collection_modifyitems(items):
    """The longest files first, every other file after them in its own order (a stable sort); conference
    scenarios marked many_streams."""
    for item in items:
        if any(item.get_closest_marker(requirement) for requirement in MANY_STREAMS_REQUIREMENTS):
            item.add_marker(pytest.mark.many_streams)
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(os.path.relpath(item.path, ROOT)).as_posix(), len(LONGEST_FIRST)))


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    running = RunningSandbox(tmp_path_factory.mktemp("sandbox")).start()
    yield running
    running.stop()


def pytest_terminal_summary(terminalreporter):
    """Why each rerun test failed the first time, one line each: pytest-rerunfailures' own -rR names the test
    only, and a rerun that passes is otherwise evidence lost (was it a starved camera or a wrong verdict?)."""
    reruns = terminalreporter.stats.get("rerun", [])
    if not reruns:
        return
    terminalreporter.section("first attempts of the tests run again")
    for report in reruns:
        crash = getattr(getattr(report.longrepr, "reprcrash", None), "message", None)
        reason = crash or (str(report.longrepr).strip().splitlines() or ["(no reason given)"])[-1]
        terminalreporter.line(f"{report.nodeid} ({report.when}): {reason[:1000]}")
