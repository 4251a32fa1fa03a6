"""A pytest plugin for the inner run of tests/security_holes.py only: before each scenario it opens the one
security hole the scenario is about, through the sandbox's admin API, and closes it after the scenario
(putting back any SMS text a weakened sandbox let through). The plan comes in VMQA_WEAKNESS_PLAN as JSON:
{"<switch>": ["<fragment of a scenario name>", ...]}.
"""

from __future__ import annotations

import json
import os

import pytest
import requests

from vardmote_qa.target.sandbox import protocol
from vardmote_qa.waiting import API_TIMEOUT_S

PLAN: dict[str, list[str]] = json.loads(os.environ.get("VMQA_WEAKNESS_PLAN", "{}"))
# The one hole through which a scenario's SMS text is saved (a normal sandbox refuses it). Only around its
# scenarios are the texts read and put back: that reads every unit's texts (1,100 units, about 5.6 s each
# way here), which around every scenario cost the two groups of holes about 11 s a scenario.
LETS_TEXTS_THROUGH = {"sms_format_specs"}


def switch_for(name: str) -> str:
    found = [switch for switch, fragments in PLAN.items() if any(fragment in name for fragment in fragments)]
    if len(found) != 1:
        raise pytest.UsageError(f"scenariot {name} hör till {len(found)} försvagningar i planen, inte en")
    return found[0]


class _Admin:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        account = {"username": "admin", "password": os.environ.get("VMQA_LOCAL_ADMIN_PASSWORD", "sandlada")}
        self.session.post(base_url + protocol.STAFF_LOGIN, json=account, timeout=API_TIMEOUT_S).raise_for_status()

    def weaken(self, switch: str, on: bool) -> None:
        self.session.post(self.base_url + protocol.WEAKNESSES, json={switch: on},
                          timeout=API_TIMEOUT_S).raise_for_status()

    def unit_texts(self) -> dict[int, dict]:
        units = self.session.get(self.base_url + protocol.UNITS, timeout=API_TIMEOUT_S).json()
        return {unit["id"]: self.session.get(self.base_url + protocol.unit_texts(unit["id"]),
                                             timeout=API_TIMEOUT_S).json() for unit in units}

    def put_texts_back(self, before: dict[int, dict]) -> None:
        for unit_id, texts in self.unit_texts().items():
            if texts != before[unit_id]:
                self.session.put(self.base_url + protocol.unit_texts(unit_id), json=before[unit_id],
                                 timeout=API_TIMEOUT_S).raise_for_status()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    admin = _Admin(item.config.getoption("--target-url"))
    switch = switch_for(item.name)
    item.vmqa_weakened = (admin, switch, admin.unit_texts() if switch in LETS_TEXTS_THROUGH else None)
    admin.weaken(switch, True)
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # the cast has closed; now the hole is closed and the texts are as they were
    admin, switch, texts = item.vmqa_weakened
    admin.weaken(switch, False)
    if texts is not None:
        admin.put_texts_back(texts)
