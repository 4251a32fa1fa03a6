"""The visit WebSocket's messages from client to server, as pydantic models: each received frame is read
into one of them (anything else is answered with an error, never a server error), and their JSON schema
is published at /ws-schema so that a fuzzer can write frames from it, as schemathesis does from /openapi.json.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

MAX_CHAT_LENGTH = 4000
MAX_SIGNAL_LENGTH = 100_000  # an SDP with every codec is about 10 kB


def _integral(value):
    # JSON has one kind of number: 3.0 is the integer 3 (as the schema says), "3" is not a number at all.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def Integer(low: int, high: int):
    """An integer in [low, high]; the bounds come before the validator, so that the JSON schema shows them."""
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_integral)]


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)  # "5" is not a number: the schema says what is read


class Chat(_Message):
    type: Literal["chat"]
    text: str = Field(max_length=MAX_CHAT_LENGTH * 4)  # longer text is cut to MAX_CHAT_LENGTH, not refused
    seq: Integer(0, 2**53) | None = None
    sent_at: float | None = Field(None, ge=0, le=1e11, allow_inf_nan=False)


class JoinCall(_Message):
    type: Literal["join-call"]


class LeaveCall(_Message):
    type: Literal["leave-call"]


class Description(_Message):
    type: Literal["offer", "answer"]
    sdp: str = Field(max_length=MAX_SIGNAL_LENGTH)


class Candidate(_Message):
    candidate: str = Field(max_length=2000)
    sdpMid: str | None = Field(None, max_length=100)
    sdpMLineIndex: Integer(0, 1000) | None = None


class SignalData(_Message):
    description: Description | None = None
    candidate: Candidate | None = None
    decline: bool | None = Field(None, description="the patient's page declines an offer it will not answer")


class Signal(_Message):
    type: Literal["signal"]
    data: SignalData


ClientMessage = Annotated[Union[Chat, JoinCall, LeaveCall, Signal], Field(discriminator="type")]
_READER = TypeAdapter(ClientMessage)


def read(text: str) -> Chat | JoinCall | LeaveCall | Signal | None:
    """The message in a text frame, or None when the frame is not one of the client's messages."""
    try:
        return _READER.validate_json(text)
    except ValidationError:
        return None


def json_schema() -> dict:
    return _READER.json_schema()
