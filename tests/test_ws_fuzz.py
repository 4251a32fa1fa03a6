"""The visit WebSocket fuzzed from its own schema (/ws-schema, the client's messages as the sandbox reads
them), on a real socket of a meeting in progress: every frame the schema allows is taken (never answered
"could not be read"), every other frame is answered with the service's "could not be read", and the socket
never closes with a server error and keeps working. schemathesis writes the frames, as it writes request
bodies: the schema is handed to it as the body of one operation of an OpenAPI document.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import requests
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
import schemathesis

from vardmote_qa.target.interface import StaffRole, VisitKind
from vardmote_qa.target.sandbox import protocol
from vardmote_qa.target.sandbox.api import SandboxApi
from vardmote_qa.target.sandbox.probe import SandboxProbe
from vardmote_qa.target.sandbox.runner import RunningSandbox
from vardmote_qa.waiting import API_TIMEOUT_S
from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

EXAMPLES = 30
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def meeting(tmp_path_factory):
    """A patient's own socket in a chat meeting in progress, and the schema of what it may send."""
    with RunningSandbox(tmp_path_factory.mktemp("wsfuzz")) as running:
        admin = SandboxApi(running.base_url).log_in_staff("admin", SANDBOX_STAFF_PASSWORD)
        account = admin.create_staff("Ungdomsmottagningen", StaffRole.CLINICIAN)
        patient = SandboxApi(running.base_url).log_in_patient(PATIENTS[4].personnummer)
        errand = patient.start_errand("Ungdomsmottagningen", "Fuzz", VisitKind.CHAT, None)
        SandboxApi(running.base_url).log_in_staff(account.username, account.password).pick_up(errand.visit_id)
        schema = requests.get(running.base_url + protocol.WS_SCHEMA, timeout=API_TIMEOUT_S).json()
        socket = SandboxProbe(patient).visit_socket(errand.visit_id)
        assert socket.refused_at_open is None
        yield socket, schema, (admin, patient, errand.visit_id)
        socket.close()


def from_schema(schema: dict):
    """Values of a JSON schema, drawn by schemathesis's generator (the body of a one-operation OpenAPI)."""
    definitions = schema.get("$defs", {})
    body = json.loads(json.dumps({k: v for k, v in schema.items() if k != "$defs"}).replace("#/$defs/",
                                                                                          "#/components/schemas/"))
    components = json.loads(json.dumps(definitions).replace("#/$defs/", "#/components/schemas/"))
    document = {"openapi": "3.1.0", "info": {"title": "visit socket", "version": "1"},
                "paths": {"/frame": {"post": {"requestBody": {"required": True, "content": {
                    "application/json": {"schema": body}}}, "responses": {"200": {"description": "taken"}}}}},
                "components": {"schemas": components}}
    operation = schemathesis.openapi.from_dict(document)["/frame"]["POST"]
    return operation.as_strategy().map(lambda case: case.body)


def _conforms(schema: dict, value) -> bool:
    try:
        jsonschema.validate(value, schema)
    except jsonschema.ValidationError:
        return False
    return True


def _still_working(socket) -> None:
    reply = socket.chat("fortfarande här")
    assert reply.delivered, f"förbindelsen slutade fungera: {reply}"


def test_every_frame_the_schema_allows_is_taken(meeting):
    socket, schema, _ = meeting

    @FUZZ
    @given(message=from_schema(schema))
    def taken(message):
        reply = socket.send_raw_and_mark(json.dumps(message))
        assert reply.delivered, f"{message} följer schemat men togs inte emot: {reply}"

    taken()
    _still_working(socket)


def _every_other_frame_is_answered_could_not_be_read(socket, schema, fuzz=FUZZ):
    json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                               lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                               max_leaves=8)
    almost = st.fixed_dictionaries({"type": st.sampled_from(["chat", "join-call", "signal", "leave-call", "x"])},
                                   optional={"text": json_values, "data": json_values, "seq": json_values})
    off_schema = (json_values | almost).filter(lambda value: not _conforms(schema, value)).map(json.dumps)
    frames = off_schema | st.text().filter(lambda text: not _is_json(text)) | st.binary(min_size=1)

    @fuzz
    @given(frame=frames)
    def refused(frame):
        reply = socket.send_raw(frame)
        assert reply.refusal == protocol.UNREADABLE_REFUSED, f"{frame!r}: {reply}"

    refused()


def test_every_other_frame_is_answered_could_not_be_read(meeting):
    socket, schema, _ = meeting
    _every_other_frame_is_answered_could_not_be_read(socket, schema)
    _still_working(socket)


def test_the_fuzzer_finds_a_sandbox_whose_socket_crashes_on_bad_frames(meeting):
    _, schema, (admin, patient, visit_id) = meeting
    admin.set_weaknesses(bad_input_crashes=True)
    socket = SandboxProbe(patient).visit_socket(visit_id)
    try:
        with pytest.raises(AssertionError, match="förbindelsen stängdes med kod 10(06|11)"):  # abnormal / server error
            _every_other_frame_is_answered_could_not_be_read(socket, schema, settings(FUZZ, phases=[Phase.generate]))
    finally:
        admin.set_weaknesses(bad_input_crashes=False)
        socket.close()


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
