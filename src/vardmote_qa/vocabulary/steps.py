"""The step definitions as the vocabulary sees them: phrase, keyword, area, what a step needs and gives,
which duty its role must (or must not) have, and the columns of its table."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..actors.roles import Duty
from ..config import PROJECT_ROOT

KEYWORDS = {"given": "Givet", "when": "När", "then": "Så"}
# How a parameter of a step phrase is shown to testers.
PARAMETER_NAMES = {"role": "roll", "roles": "roller", "patient": "patient", "unit": "mottagning", "text": "text",
                   "kind": "form", "language": "språk", "page": "sida", "which": "texttyp", "message": "besked",
                   "fragment": "textbit", "profile": "nätprofil", "seconds": "sekunder", "tier": "betyg",
                   "label": "mått", "sms": "sms", "guest": "gäst"}
# Swedish headings for the step modules; a module not named here is headed by its docstring.
AREAS = {"visit": "Besöket: bokning, kallelse, påminnelse, väntrum, avslut", "chat": "Chatt",
         "video": "Video och ljud", "network": "Nät", "errands": "Patientinitierade ärenden och mottagningens kö",
         "staff": "Personal, roller och åtkomst", "anonymous": "Anonym inloggning", "consent": "Samtycke",
         "texts": "SMS-texter", "guests": "Fysiska besök och gäster (anhörig, tolk) med egen länk"}
PARAMETER = re.compile(r"\{(\w+)(?::([^}]*))?\}")
# Fixtures every step may ask for: the run's own, never given by a step.
_ALWAYS_THERE = {"cast", "request", "datatable", "docstring", "video_visit", "sandbox_faults", "target",
                 "environment", "run_dir", "evidence"}


@dataclass(frozen=True)
class StepDefinition:
    area: str
    type: str  # given, when, then
    phrase: str  # the parse format, e.g. '{role:Roll} tar ärendet ur kön'
    parser: object  # pytest-bdd's parser of the phrase
    gives: str | None  # the target fixture it sets
    needs: tuple[tuple[str, ...], ...]  # each entry: one of these must have been given earlier
    duty: Duty | None  # its role must be one that may do this
    refuses: Duty | None  # its role must be one that may not
    engages: bool  # gives the role in it an account ("arbetar på")
    columns: tuple[tuple[str, str], ...]  # its table: (header, the parameter its cells take)
    where: str  # module:function, for engineers

    @property
    def keyword(self) -> str:
        return KEYWORDS[self.type]

    def parameters(self) -> list[tuple[str, str | None]]:
        """(name, type) of each parameter in the phrase, in order."""
        return [(match.group(1), match.group(2)) for match in PARAMETER.finditer(self.phrase)]

    def shown(self) -> str:
        return f"{self.keyword} {shown_phrase(self.phrase)}"


def shown_phrase(phrase: str) -> str:
    return PARAMETER.sub(lambda match: f"<{PARAMETER_NAMES.get(match.group(1), match.group(1))}>", phrase)


def step_modules(steps_dir: Path) -> list:
    if str(steps_dir.parent) not in sys.path:
        sys.path.insert(0, str(steps_dir.parent))
    return [importlib.import_module(f"{steps_dir.name}.{path.stem}") for path in sorted(steps_dir.glob("*.py"))
            if not path.stem.startswith(("test_", "_")) and path.stem != "phrasing"]



def _needs(function, given_names: set[str]) -> tuple[tuple[str, ...], ...]:
    from_signature = [(name,) for name in inspect.signature(function).parameters
                      if name in given_names and name not in _ALWAYS_THERE]
    marked = getattr(function, "vmqa_needs", None)
    return tuple(from_signature + ([tuple(marked)] if marked else []))


def collect(project_root: Path = PROJECT_ROOT) -> list[StepDefinition]:
    from pytest_bdd.steps import step_function_context_registry
    modules = step_modules(project_root / "steps")
    contexts = [context for context in step_function_context_registry.values()
                if context.step_func.__module__ in {module.__name__ for module in modules}]
    given_names = {context.target_fixture for context in contexts if context.target_fixture}
    definitions = []
    for module in modules:
        short_name = module.__name__.rsplit(".", 1)[-1]
        area = AREAS.get(short_name) or (module.__doc__ or short_name).strip().splitlines()[0]
        for context in contexts:
            function = context.step_func
            if function.__module__ != module.__name__:
                continue
            definitions.append(StepDefinition(
                area=area, type=context.type, phrase=context.parser.name, parser=context.parser,
                gives=context.target_fixture, needs=_needs(function, given_names),
                duty=getattr(function, "vmqa_duty", None), refuses=getattr(function, "vmqa_refuses", None),
                engages=getattr(function, "vmqa_engages", False), columns=tuple(getattr(function, "vmqa_columns", ())),
                where=f"{short_name}.{function.__name__}"))
    return definitions
