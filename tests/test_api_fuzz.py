"""The sandbox's HTTP API fuzzed from its own OpenAPI description (schemathesis): whatever the request, the
answer is never a server error, and its body and content type are those the description promises.

Requests are made as the administrator (who reaches every operation), on a sandbox of this module's own,
so that what the fuzzer creates or configures touches no other test. Left out: switching faults and
weaknesses (the fuzzer would crash or open the sandbox it is testing) and logging out (its own session).
Bounded: a few examples per operation, about half a minute in all.
"""

from __future__ import annotations

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_qa.waiting import API_TIMEOUT_S
from vardmote_sandbox.seed import SANDBOX_STAFF_PASSWORD

import pytest

EXAMPLES_PER_OPERATION = 8
CHECKS = [schemathesis.checks.not_a_server_error, schemathesis.checks.response_schema_conformance,
          schemathesis.checks.content_type_conformance]


@pytest.fixture(scope="module")
def fuzzed_sandbox(tmp_path_factory):
    with RunningSandbox(tmp_path_factory.mktemp("fuzz")) as running:
        yield running


@pytest.fixture(scope="module")
def admin_session(fuzzed_sandbox) -> requests.Session:
    session = requests.Session()
    session.post(fuzzed_sandbox.base_url + protocol.STAFF_LOGIN, timeout=API_TIMEOUT_S,
                 json={"username": "admin", "password": SANDBOX_STAFF_PASSWORD}).raise_for_status()
    return session


@pytest.fixture(scope="module")
def api_schema(fuzzed_sandbox):
    schema = schemathesis.openapi.from_url(fuzzed_sandbox.base_url + "/openapi.json")
    return (schema.exclude(path_regex="^/api/admin/(faults|weaknesses)$")
                  .exclude(method="DELETE", path=protocol.SESSION))


def _fuzz(operation, session: requests.Session, base_url: str, examples: int = EXAMPLES_PER_OPERATION) -> str | None:
    """The first failure schemathesis finds in this operation (shrunk), or None."""
    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def one(case):
        case.call_and_validate(base_url=base_url, session=session, checks=CHECKS, timeout=API_TIMEOUT_S)

    try:
        one()
    except BaseExceptionGroup as failure:  # schemathesis's failure group: the check, the request, the answer
        return f"{operation.label}: {str(failure)[:1500]}"
    return None


def test_no_request_gives_a_server_error_or_an_answer_off_the_schema(api_schema, admin_session, fuzzed_sandbox):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    failures = [found for operation in operations
                if (found := _fuzz(operation, admin_session, fuzzed_sandbox.base_url))]
    assert len(operations) >= 25, f"bara {len(operations)} operationer i API-beskrivningen"
    assert not failures, "\n\n".join(failures)


def test_the_fuzzer_finds_the_server_error_of_a_sandbox_that_crashes_on_huge_ids(api_schema, admin_session,
                                                                                  fuzzed_sandbox):
    visit = api_schema["/api/visits/{visit_id}"]["GET"]
    weaknesses = fuzzed_sandbox.base_url + protocol.WEAKNESSES
    admin_session.post(weaknesses, json={"bad_input_crashes": True}, timeout=API_TIMEOUT_S).raise_for_status()
    try:
        found = _fuzz(visit, admin_session, fuzzed_sandbox.base_url, examples=300)
    finally:
        admin_session.close()  # a server error drops the kept-alive connection; the cookie stays
        admin_session.post(weaknesses, json={"bad_input_crashes": False}, timeout=API_TIMEOUT_S).raise_for_status()
    assert found and "Server error" in found, f"fuzzningen hittade inte serverfelet: {found}"
