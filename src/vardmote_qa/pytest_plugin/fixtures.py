"""Fixtures: the environment, the running target, Chromium's launch options, evidence and the cast."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from ..actors.cast import Cast
from ..browser import launch_options
from ..config import PROJECT_ROOT, Environment
from ..errors import UserError
from ..evidence import Evidence
from ..run.layout import RunLayout
from ..target import TargetDown, open_target, up


@pytest.fixture(scope="session")
def environment(pytestconfig) -> Environment:
    return pytestconfig.vmqa_environment


@pytest.fixture(scope="session")
def run_dir(pytestconfig) -> Path:
    configured = pytestconfig.getoption("--run-dir")
    if configured:
        return Path(configured)
    # The process id too: pytest sessions started in the same second (xdist's workers, make test's two parts)
    # must not share a folder, or one session's sandbox would remove the other's database at its start.
    return PROJECT_ROOT / "reports" / "pytest" / f"{dt.datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}"


@pytest.fixture(scope="session")
def target_base_url(pytestconfig, environment: Environment, run_dir: Path):
    """The target up for the session (target.up): a --target-url is used as is, its version checked too."""
    try:
        with up(environment, RunLayout(run_dir).sandbox, base_url=pytestconfig.getoption("--target-url")) as running:
            yield running.base_url
    except TargetDown as down:
        pytest.exit(down.message, returncode=down.exit_code)


@pytest.fixture(scope="session")
def target(environment: Environment, target_base_url: str):
    return open_target(environment, target_base_url)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, pytestconfig) -> dict:
    try:
        return {**browser_type_launch_args, **launch_options(headless=not pytestconfig.getoption("--headed"))}
    except UserError as error:
        pytest.exit(error.message, returncode=error.exit_code)


@pytest.fixture(scope="session")
def evidence(run_dir: Path, environment: Environment) -> Evidence:
    return Evidence.for_environment(run_dir, environment)


@pytest.fixture
def cast(request, target, new_context, environment: Environment, evidence: Evidence):
    measures_video = request.node.get_closest_marker("video") is not None
    people = Cast(target, new_context, environment, evidence.measuring_video() if measures_video else evidence)
    yield people
    report = getattr(request.node, "rep_call", None)
    failed = report is not None and report.failed
    people.close(failed_test_name=re.sub(r"\W+", "-", request.node.name) if failed else None)
