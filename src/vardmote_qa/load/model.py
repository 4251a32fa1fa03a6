"""The load model: inputs from loadtests/lastmodell.yaml, and every figure derived from them.

Little's law (L = λ·W) on the busiest window, not on averages (see docs/load.md). Nothing here is typed
in: change an input in the file and every shape follows.
"""

from __future__ import annotations

import os

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from .. import typed_yaml
from ..config import PROJECT_ROOT
from ..typed_yaml import FileModel

# Another model file (a copy without video users, for a quick check) through VMQA_LOAD_MODEL
MODEL_FILE = Path(os.environ.get("VMQA_LOAD_MODEL", PROJECT_ROOT / "loadtests" / "lastmodell.yaml"))


@dataclass(frozen=True)
class Row:
    """One line of the derivation: what, the value, and how it was reached."""

    name: str
    value: float
    unit: str
    how: str


@dataclass(frozen=True)
class LoadModel:
    inputs: dict[str, float]
    sources: dict[str, str] = field(compare=False)
    texts: dict[str, str] = field(compare=False)
    compression: float
    video_users: int
    logins_per_user_s: float
    pause_between_meetings_s: float

    def __getattr__(self, name: str) -> float:  # the inputs read as attributes: model.motets_langd_min
        inputs = self.__dict__.get("inputs", {})
        if name in inputs:
            return inputs[name]
        raise AttributeError(name)

    # -- the derivation, at the ordinary busiest hour (level 1) -------------------------------------------
    @property
    def meetings_per_weekday(self) -> float:
        return self.moten_per_ar * self.andel_pa_vardagar / self.arbetsdagar_per_ar

    @property
    def starts_in_busiest_hour(self) -> float:
        return self.meetings_per_weekday * self.andel_i_storsta_timmen

    @property
    def concurrent_meetings(self) -> float:
        return self.starts_in_busiest_hour * self.motets_langd_min / 60

    @property
    def patients_waiting(self) -> float:
        return self.starts_in_busiest_hour * self.tid_i_vantrum_min / 60

    @property
    def storm_starts_per_window(self) -> float:
        """Starts inside one of the hour's two rush windows (at :00 and :30)."""
        return self.andel_starter_kring_halvtimme * self.starts_in_busiest_hour / 2

    @property
    def storm_joins_per_min(self) -> float:
        return 2 * self.storm_starts_per_window / self.rusningsfonster_min  # patient and staff both join

    @property
    def morning_logins_per_s(self) -> float:
        return self.personal * self.andel_personal_i_morgonrusning / (self.morgonrusning_min * 60)

    @property
    def chat_messages_per_s(self) -> float:
        return self.concurrent_meetings * self.chattmeddelanden_per_mote / (self.motets_langd_min * 60)

    @property
    def concurrent_group_meetings(self) -> float:
        """The group meetings (through the SFU) among the concurrent meetings."""
        return self.concurrent_meetings * self.andel_gruppmoten

    @property
    def group_participants(self) -> float:
        return self.concurrent_group_meetings * self.deltagare_per_gruppmote

    @property
    def group_size(self) -> int:
        """Participants of a group meeting: one clinician and the rest patients."""
        return int(self.deltagare_per_gruppmote)

    @property
    def group_share(self) -> float:
        """The share of meetings played as group meetings: none when a group would be only two people
        (that is an ordinary meeting)."""
        return self.andel_gruppmoten if self.group_size >= MIN_GROUP_SIZE else 0.0

    @property
    def group_messages_each(self) -> int:
        """A group meeting has the model's messages per meeting too, shared among its participants."""
        return max(1, round(self.chattmeddelanden_per_mote / max(1, self.group_size)))

    def rows(self) -> list[Row]:
        f = self.marginalfaktor
        return [
            Row("möten per vardag", self.meetings_per_weekday, "möten",
                "möten_per_år × andel_på_vardagar / arbetsdagar"),
            Row("starter under största timmen", self.starts_in_busiest_hour, "möten/h",
                "möten per vardag × andel_i_största_timmen"),
            Row("samtidiga möten", self.concurrent_meetings, "möten", "starter/h × mötets längd (Little: L = λ·W)"),
            Row("patienter i väntrum samtidigt", self.patients_waiting, "patienter", "starter/h × tid i väntrum"),
            Row("starter per rusningsfönster", self.storm_starts_per_window, "möten",
                "andel kring halvtimme × starter/h / 2 fönster"),
            Row("anslutningar per minut i rusning", self.storm_joins_per_min, "anslutningar/min",
                "2 × starter per fönster / fönstrets längd"),
            Row("inloggningar per sekund i morgonrusning", self.morning_logins_per_s, "inloggningar/s",
                "personal × andel i rusningen / rusningens längd"),
            Row("chattmeddelanden per sekund", self.chat_messages_per_s, "meddelanden/s",
                "samtidiga möten × meddelanden per möte / mötets längd"),
            Row("samtidiga gruppmöten (SFU)", self.concurrent_group_meetings, "möten",
                "samtidiga möten × andel gruppmöten"),
            Row("deltagare i samtidiga gruppmöten", self.group_participants, "deltagare",
                "samtidiga gruppmöten × deltagare per gruppmöte"),
            Row("dimensionerande samtidiga möten", f * self.concurrent_meetings, "möten", "marginalfaktor × samtidiga"),
            Row("dimensionerande anslutningar per minut i rusning", f * self.storm_joins_per_min,
                "anslutningar/min", "marginalfaktor × anslutningar i rusning"),
            Row("dimensionerande inloggningar per sekund", f * self.morning_logins_per_s, "inloggningar/s",
                "marginalfaktor × inloggningar i morgonrusning"),
            Row("dimensionerande chattmeddelanden per sekund", f * self.chat_messages_per_s, "meddelanden/s",
                "marginalfaktor × chattmeddelanden"),
        ]

    def run_rows(self, compression: float | None = None) -> list[Row]:
        """What a run compressed this much does with the model (see komprimering in the model file)."""
        c = compression or self.compression
        timing = RunTiming.of(self, c)
        return [
            Row("tidskompression", c, "×", "en modellminut varar 60/kompression sekunder"),
            Row("mötets längd i körningen", timing.meeting_s, "s", "mötets längd / kompression"),
            Row("tid i väntrum i körningen", timing.waiting_s, "s", "tid i väntrum / kompression"),
            Row("chattintervall per deltagare", timing.chat_interval_s, "s",
                "mötets längd i körningen / (meddelanden per möte / 2)"),
            Row("anslutningar per minut vid dimensionerande last", 2 * self.marginalfaktor
                * self.concurrent_meetings * 60 / timing.cycle_s, "anslutningar/min",
                "2 × dimensionerande samtidiga möten / (väntrum + möte + paus)"),
            Row("chattmeddelanden per sekund vid dimensionerande last", self.marginalfaktor
                * self.concurrent_meetings * self.chattmeddelanden_per_mote / timing.meeting_s, "meddelanden/s",
                "dimensionerande samtidiga möten × meddelanden per möte / mötets längd i körningen"),
            Row("gruppmöten vid dimensionerande last", self.marginalfaktor * self.concurrent_meetings
                * self.group_share, "möten", "dimensionerande samtidiga möten × andel gruppmöten"),
            Row("meddelanden per deltagare i ett gruppmöte", self.group_messages_each, "meddelanden",
                "meddelanden per möte / deltagare per gruppmöte"),
            Row("leveranser per gruppmöte", self.group_messages_each * self.group_size * (self.group_size - 1)
                if self.group_share else 0.0, "leveranser",
                "meddelanden per deltagare × deltagare × (deltagare − 1): varje meddelande till varje annan"),
        ]


@dataclass(frozen=True)
class RunTiming:
    """Seconds of a run for one compression."""

    compression: float
    meeting_s: float
    waiting_s: float
    chat_interval_s: float
    pause_s: float
    messages_per_side: int

    @property
    def cycle_s(self) -> float:
        """One pair's round: waiting room, meeting, pause."""
        return self.waiting_s + self.meeting_s + self.pause_s

    @classmethod
    def of(cls, model: LoadModel, compression: float) -> "RunTiming":
        meeting_s = model.motets_langd_min * 60 / compression
        per_side = max(1, round(model.chattmeddelanden_per_mote / 2))  # both sides write
        return cls(compression, meeting_s, model.tid_i_vantrum_min * 60 / compression, meeting_s / per_side,
                   model.pause_between_meetings_s, per_side)

    def pairs_for(self, meetings: float) -> int:
        """Pairs needed to keep this many meetings going: each pair is in a meeting meeting_s of cycle_s."""
        return math.ceil(meetings * self.cycle_s / self.meeting_s) if meetings > 0 else 0


def _non_negative_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError("måste vara ett tal större än eller lika med noll")
    return float(value)


_Amount = Annotated[float, BeforeValidator(_non_negative_number)]


class _Input(FileModel):
    value: _Amount = Field(alias="varde")
    source: str = Field(default="A", alias="kalla")
    text: str | None = None


class _Inputs(FileModel):
    """The model's inputs, in the order `vmqa load model` prints them."""

    moten_per_ar: _Input
    andel_pa_vardagar: _Input
    arbetsdagar_per_ar: _Input
    andel_i_storsta_timmen: _Input
    motets_langd_min: _Input
    tid_i_vantrum_min: _Input
    andel_starter_kring_halvtimme: _Input
    rusningsfonster_min: _Input
    chattmeddelanden_per_mote: _Input
    personal: _Input
    andel_personal_i_morgonrusning: _Input
    morgonrusning_min: _Input
    marginalfaktor: _Input
    andel_gruppmoten: _Input
    deltagare_per_gruppmote: _Input


INPUT_NAMES = tuple(_Inputs.model_fields)
# Divided by: zero would make every figure derived from them infinite.
_POSITIVE_INPUTS = ("motets_langd_min", "arbetsdagar_per_ar", "rusningsfonster_min", "morgonrusning_min")
# A group meeting is a clinician and at least two patients (a conference); fewer is an ordinary meeting.
MIN_GROUP_SIZE = 3


class _Compression(FileModel):
    tidskompression: _Amount


class _ModelFile(FileModel):
    inputs: _Inputs = Field(alias="indata")
    compression: _Compression = Field(alias="komprimering")
    video_users: _Amount = Field(default=1, alias="videodeltagare")
    logins_per_user_s: _Amount = Field(default=0.8, alias="inloggningar_per_anvandare_och_s")
    pause_between_meetings_s: _Amount = Field(default=1.0, alias="paus_mellan_moten_s")

    @model_validator(mode="before")
    @classmethod
    def _every_input(cls, data):
        if not isinstance(data, dict) or not isinstance(data.get("indata"), dict):
            raise ValueError("'indata' saknas i lastmodellen")
        missing = [name for name in INPUT_NAMES if not isinstance(data["indata"].get(name), dict)]
        if missing and not set(data["indata"]) - set(INPUT_NAMES):  # a misspelt input is named by the model
            raise ValueError(f"indata '{missing[0]}' saknas")
        return data

    @model_validator(mode="after")
    def _divisors_above_zero(self):
        for name in _POSITIVE_INPUTS:
            if getattr(self.inputs, name).value <= 0:
                raise ValueError(f"'{name}' måste vara större än noll")
        if self.compression.tidskompression <= 0:
            raise ValueError("'tidskompression' måste vara större än noll")
        if self.inputs.andel_gruppmoten.value > 1:
            raise ValueError("'andel_gruppmoten' är en andel och får vara högst 1")
        size = self.inputs.deltagare_per_gruppmote.value
        if size != int(size):
            raise ValueError("'deltagare_per_gruppmote' måste vara ett heltal")
        return self


def load_model(path: Path = MODEL_FILE) -> LoadModel:
    read = typed_yaml.load(path, _ModelFile, "Lastmodellen")
    entries = {name: getattr(read.inputs, name) for name in INPUT_NAMES}
    return LoadModel(inputs={name: entry.value for name, entry in entries.items()},
                     sources={name: entry.source for name, entry in entries.items()},
                     texts={name: entry.text if entry.text is not None else name for name, entry in entries.items()},
                     compression=read.compression.tidskompression, video_users=int(read.video_users),
                     logins_per_user_s=read.logins_per_user_s or 0.8,  # 0 means the default: the plan divides by it
                     pause_between_meetings_s=read.pause_between_meetings_s)
