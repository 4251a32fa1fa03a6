"""Fixtures for the platform's own tests: a real sandbox process with a real database."""

from __future__ import annotations

import pytest

from vardmote_qa.target.sandbox.runner import RunningSandbox


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    running = RunningSandbox(tmp_path_factory.mktemp("sandbox")).start()
    yield running
    running.stop()
