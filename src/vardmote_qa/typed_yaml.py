"""The user's YAML files as typed models (pydantic): read, validated, and refused in one Swedish sentence.

Every model of a user file is a `FileModel`: frozen, and unknown keys forbidden, so that a misspelt key
(`ky: true`, `percentil: p50`) is refused with the file, the key and the nearest known key instead of
being silently ignored.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import UserError


class FileModel(BaseModel):
    """Base of every model of a user's file: unknown keys refused, values frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def read_yaml(path: Path, what: str) -> object:
    """The file's YAML, or one sentence. what: the Swedish name of the file's kind ("Kriteriefilen")."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise UserError(f"{what} {path} finns inte.") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" på rad {mark.line + 1}" if mark else ""
        raise UserError(f"{what} {path.name} är inte giltig YAML{where}: "
                        f"{getattr(error, 'problem', None) or error.__class__.__name__}.") from None


M = typing.TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: object, source: str) -> M:
    """data as the model, or a UserError naming the file (source), the place (the path of keys) and what
    is wrong."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UserError(refusal(error, model, source)) from None


def load(path: Path, model: type[M], what: str) -> M:
    """The file at path as the model; what names the file's kind in the sentence ("Lastmodellen")."""
    return validate(model, read_yaml(path, what), Path(path).name)


def refusal(error: ValidationError, model: type[BaseModel], source: str) -> str:
    """The first problem of a validation error as one Swedish sentence; source names the file (or, for an
    entry of a file, its place in the user's words: "Kriteriet load.visit.join_p95 i release.yaml")."""
    problems = error.errors()
    # A misspelt key also leaves the right one missing: the misspelling explains both, so it is named.
    problem = next((one for one in problems if one["type"] == "extra_forbidden"), problems[0])
    loc = tuple(problem["loc"])
    place = _place(loc[:-1] if problem["type"] in ("extra_forbidden", "missing") else loc)
    prefix = f"{source}: {place}: " if place else f"{source}: "
    if problem["type"] == "extra_forbidden":
        key = str(loc[-1])
        known = known_keys(model, loc[:-1])
        nearest = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
        hint = f"menade du '{nearest[0]}'?" if nearest else f"kända nycklar: {', '.join(known) or 'inga'}"
        return f"{prefix}okänd nyckel '{key}' ({hint})."
    if problem["type"] == "missing":
        return f"{prefix}nyckeln '{loc[-1]}' saknas." if loc else f"{prefix}innehållet saknas."
    return f"{prefix}{_message(problem)}."


def _message(problem: dict) -> str:
    ctx = problem.get("ctx") or {}
    if problem["type"] == "literal_error":
        return f"måste vara en av {str(ctx.get('expected', '')).replace(' or ', ' eller ')}, inte '{problem.get('input')}'"
    if problem["type"] == "union_tag_invalid":
        return (f"okänt värde '{ctx.get('tag')}' för {ctx.get('discriminator', '').strip(chr(39))} "
                f"(kända: {ctx.get('expected_tags')})")
    if problem["type"] == "value_error":  # a validator's own sentence (raised as ValueError in Swedish)
        return str(ctx.get("error") or problem["msg"]).removeprefix("Value error, ")
    return ctx.get("reason") or _SWEDISH.get(problem["type"]) or problem["msg"]


_SWEDISH = {
    "float_parsing": "måste vara ett tal", "float_type": "måste vara ett tal", "int_parsing": "måste vara ett heltal",
    "int_type": "måste vara ett heltal", "bool_parsing": "måste vara true eller false",
    "bool_type": "måste vara true eller false", "string_type": "måste vara en text", "dict_type": "måste vara en mappning",
    "model_type": "måste vara en mappning", "list_type": "måste vara en lista", "date_from_datetime_parsing":
    "måste vara ett datum ÅÅÅÅ-MM-DD", "date_parsing": "måste vara ett datum ÅÅÅÅ-MM-DD",
    "date_type": "måste vara ett datum ÅÅÅÅ-MM-DD", "greater_than_equal": "är för litet",
    "less_than_equal": "är för stort", "greater_than": "är för litet", "less_than": "är för stort",
}


def _place(loc: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if i else str(part))
                   for i, part in enumerate(loc))


def known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a mapping at loc may have (field aliases where given), following loc through the model."""
    found = _model_at(model, loc)
    if found is None:
        return []
    return [field.alias or name for name, field in found.model_fields.items()]


def field_at(model: type[BaseModel], loc: tuple):
    """The field (pydantic FieldInfo) that loc names, following loc through the model, or None."""
    found = _model_at(model, loc[:-1]) if loc else None
    if found is None:
        return None
    return next((field for name, field in found.model_fields.items() if loc[-1] in (name, field.alias)), None)


def _model_at(annotation, loc: tuple):
    annotation = _unwrap(annotation)
    if not loc and typing.get_origin(annotation) in (typing.Union, types.UnionType):  # Optional[Model]
        members = [m for m in map(_unwrap, typing.get_args(annotation))
                   if isinstance(m, type) and issubclass(m, BaseModel)]
        return members[0] if len(members) == 1 else None
    if not loc:
        return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    head, rest = loc[0], loc[1:]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if head in (name, field.alias):
                return _model_at(field.annotation, rest)
        return None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (list, tuple) and args:
        return _model_at(args[0], rest) if isinstance(head, int) else None
    if origin is dict and len(args) == 2:
        return _model_at(args[1], rest)
    if origin in (typing.Union, types.UnionType):
        # A tagged union puts the tag's value in loc: pick the member whose tag field has that literal.
        for member in args:
            member = _unwrap(member)
            if isinstance(member, type) and issubclass(member, BaseModel) and any(
                    head in typing.get_args(field.annotation) for field in member.model_fields.values()):
                return _model_at(member, rest)
        members = [m for m in map(_unwrap, args) if isinstance(m, type) and issubclass(m, BaseModel)]
        return _model_at(members[0], loc) if len(members) == 1 else None
    return None


def _unwrap(annotation):
    """Annotated[X, ...] -> X; Optional[X] stays a union (handled by the caller)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation
