"""The typed entries of the gate's files: the fields every criterion has, the baseline rule, and one
Swedish sentence for an entry that does not fit its model. Each kind's parameters extend `CriterionEntry`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (BeforeValidator, Field, ValidationError, ValidationInfo, field_validator,
                      model_validator)

from ..typed_yaml import FileModel, field_at, refusal


def _a_number(value, info: ValidationInfo):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"'{info.field_name}' måste vara ett tal")
    return value


# A number as written: an int stays an int, so a limit reads back as in the file (800, not 800.0).
Number = Annotated[int | float, BeforeValidator(_a_number)]


class BaselineRule(FileModel):
    """`baseline: {max_worse_percent: 20}`: warn (or fail) when the value is that much worse than in the last GO."""

    max_worse_percent: Number = Field(description="hur många procent sämre än i senaste GO-körningen som tillåts")
    status: Literal["warn", "fail"] = "warn"
    higher_is_worse: bool = True


class CriterionEntry(FileModel):
    """One entry of a criteria file. A kind's parameters are a subclass with the kind's own fields, so the
    entry is validated once and an unknown key is refused with the nearest key of the whole entry."""

    id: str
    kind: str
    key: bool = False  # alone decides NO-GO, and cannot be waived as a whole
    warn: Number | None = None
    fail: Number | None = None
    baseline: BaselineRule | None = None

    @field_validator("baseline", mode="before")
    @classmethod
    def _baseline_is_a_mapping(cls, value):
        if value is not None and not isinstance(value, dict):
            raise ValueError("'baseline' måste ange 'max_worse_percent' som ett tal")
        return value

    def check_references(self, earlier_ids: set[str]) -> None:
        """Refuses (ValueError, in Swedish) a reference to a criterion that is not earlier in the file."""


class LimitedEntry(CriterionEntry):
    """An entry whose value is tiered by warn and fail limits: at least one of them must be given."""

    @model_validator(mode="after")
    def _has_a_limit(self):
        if self.warn is None and self.fail is None:
            raise ValueError("minst en av gränserna 'warn' och 'fail' måste anges")
        return self


def sentence(error: ValidationError, model: type[FileModel], place: str) -> str:
    """The first problem of an entry as one sentence starting with its place ("Kriteriet x i release.yaml").

    A validator's own sentence names its key already; a missing key gets the field's description as the
    hint; anything else (an unknown key with the nearest known one, a wrong type) is typed_yaml's sentence,
    which tells an unknown key first, as this does: a misspelt key explains the key that then seems missing."""
    problems = error.errors()
    problem = next((one for one in problems if one["type"] == "extra_forbidden"), problems[0])
    loc = tuple(problem["loc"])
    if problem["type"] == "value_error":
        return f"{place}: {str(problem['ctx']['error'])}."
    if problem["type"] == "missing" and loc:
        field = field_at(model, loc)
        hint = f": {field.description}" if field is not None and field.description else ""
        return f"{place}: fältet '{'.'.join(map(str, loc))}' saknas{hint}."
    return refusal(error, model, place)
