"""pytest and pytest-bdd hooks: options, configuration, tag mapping, screenshots on a failed step."""

from __future__ import annotations

import os

import pytest

from ..config import load_environment
from ..errors import UserError
from .tags import allure_labels, marker_lines


def pytest_addoption(parser):
    group = parser.getgroup("vardmote-qa")
    group.addoption("--env", default=os.environ.get("VMQA_ENV", "local"),
                    help="miljö att testa: environments/<NAMN>.yaml (standard: local, den inbyggda sandlådan)")
    group.addoption("--target-url", default=None,
                    help="använd en redan startad målmiljö på denna adress i stället för att starta sandlådan")
    group.addoption("--run-dir", default=None, help="körningsmapp för bevis (mediastatistik, spårningar)")


def pytest_configure(config):
    for line in marker_lines():
        config.addinivalue_line("markers", line)
    try:
        config.vmqa_environment = load_environment(config.getoption("--env"))
    except UserError as error:
        pytest.exit(error.message, returncode=error.exit_code)


@pytest.hookimpl
def pytest_bdd_apply_tag(tag, function):
    marked = getattr(pytest.mark, tag)(function)
    for label_type, value in allure_labels(tag):
        marked = pytest.mark.allure_label(value, label_type=label_type)(marked)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    # tryfirst: the screenshot must land inside the failing step before Allure closes it.
    if "cast" not in request.fixturenames:
        return
    for actor in request.getfixturevalue("cast").present():
        actor.capture_screenshot(step.name)
