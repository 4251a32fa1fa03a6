"""The step vocabulary for testers: every step phrase, where it is defined, and an example of its use
from the feature files, so that new scenarios can be written without reading Python.
Written to docs/vocabulary.md by `vmqa vocabulary`."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .actors.roles import STAFF_DUTIES_SV, Part, Role
from .config import PROJECT_ROOT
from .target.interface import StaffRole

KEYWORDS = {"given": "Givet", "when": "När", "then": "Så"}
# How a parameter of a step phrase is shown to testers.
PARAMETER_NAMES = {"role": "roll", "roles": "roller", "unit": "mottagning", "text": "text", "kind": "form",
                   "language": "språk", "page": "sida", "which": "texttyp", "message": "besked",
                   "fragment": "textbit", "profile": "nätprofil"}
# Swedish headings for the step modules; a module not named here is headed by its docstring.
AREAS = {"visit": "Besöket: bokning, kallelse, väntrum, avslut", "chat": "Chatt", "video": "Video och ljud",
         "network": "Nät", "errands": "Patientinitierade ärenden och mottagningens kö",
         "staff": "Personal, roller och åtkomst", "anonymous": "Anonym inloggning", "consent": "Samtycke",
         "texts": "SMS-texter"}
_PARAMETER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


@dataclass(frozen=True)
class StepEntry:
    area: str  # the step module's first docstring line
    keyword: str
    phrase: str
    example: str | None  # a use from a feature file, with "file:line"
    target_fixture: str | None


def _step_modules(steps_dir: Path) -> list:
    if str(steps_dir.parent) not in sys.path:
        sys.path.insert(0, str(steps_dir.parent))
    return [importlib.import_module(f"{steps_dir.name}.{path.stem}") for path in sorted(steps_dir.glob("*.py"))
            if not path.stem.startswith(("test_", "_")) and path.stem != "phrasing"]


def _feature_steps(features_dir: Path) -> list[tuple[str, str, str]]:
    """(type, text, "file:line") of every step written in the feature files."""
    from pytest_bdd.feature import get_features
    found = []
    for feature in get_features([str(features_dir)]):
        relative = Path(feature.filename).resolve().relative_to(features_dir.resolve().parent)
        scenarios = list(feature.scenarios.values())
        steps = [step for scenario in scenarios for step in scenario.steps]
        steps += feature.background.steps if feature.background else []
        found += [(step.type, step.name, f"{relative}:{step.line_number}") for step in steps]
    return found


def shown_phrase(phrase: str) -> str:
    return _PARAMETER.sub(lambda match: f"<{PARAMETER_NAMES.get(match.group(1), match.group(1))}>", phrase)


def collect(project_root: Path = PROJECT_ROOT) -> list[StepEntry]:
    from pytest_bdd.steps import step_function_context_registry
    modules = _step_modules(project_root / "steps")
    used = _feature_steps(project_root / "features")
    entries = []
    for module in modules:
        short_name = module.__name__.rsplit(".", 1)[-1]
        area = AREAS.get(short_name) or (module.__doc__ or short_name).strip().splitlines()[0]
        for context in list(step_function_context_registry.values()):
            if context.step_func.__module__ != module.__name__:
                continue
            example = next((f"`{KEYWORDS[kind]} {text}` ({where})" for kind, text, where in used
                            if kind == context.type and context.parser.is_matching(text)), None)
            entries.append(StepEntry(area, KEYWORDS[context.type], context.parser.name, example,
                                     context.target_fixture))
    return entries


def staff_duties(roles: Mapping[str, Role]) -> str:
    """'vårdpersonalen och kollegan möter patienter, sekreteraren bokar och läser, ...' from the role table."""
    words_by_role: dict[StaffRole, list[str]] = {}
    for role in roles.values():
        if role.part is Part.STAFF:
            words_by_role.setdefault(role.staff_role, []).append(role.word)
    return ", ".join(f"{' och '.join(words)} {STAFF_DUTIES_SV[staff_role]}"
                     for staff_role, words in words_by_role.items())


def as_markdown(entries: list[StepEntry], roles: Mapping[str, Role]) -> str:
    lines = ["# Stegvokabulär", "",
             "Alla steg som finns att skriva scenarier med. Genererad av `vmqa vocabulary` ur `steps/` och",
             "`features/`: ändra inte för hand. Parametrar står inom `<>`; exemplen är hämtade ur featurefilerna.",
             "", "## Roller", "",
             "`<roll>` är en av: " + ", ".join(f"*{word}*" for word in roles) + ".",
             "`<roller>` är flera roller: *patienten och vårdpersonalen*, *både patienten och vårdpersonalen*.",
             "Personal får ett eget testkonto med rätt roll på mottagningen genom steget",
             f"*Givet att `<roll>` arbetar på `<mottagning>`* ({staff_duties(roles)}).", "",
             "`<mottagning>` är mottagningens namn som det står i tjänsten, till exempel *Ungdomsmottagningen*.",
             "`<form>` är *chatt* eller *video* för ärenden, *videomöte* eller *chattmöte* för bokade möten.",
             "`<sida>` är *ärendesidan* eller *besökssidan*; `<texttyp>` är *kallelsetexten* eller *påminnelsetexten*,",
             "och en text får använda fälten {patient}, {unit}, {starts_at} och {link}.", "",
             "Taggar: ett krav-id ur `requirements/catalogue.yaml` (`@DVM-03`), en allvarlighetsgrad (`@kritisk`,",
             "`@hog`, `@normal`), `@smoke` för snabbkontrollen och `@negativ` för det som inte får hända.", ""]
    area = None
    for entry in entries:
        if entry.area != area:
            area = entry.area
            lines += ["", f"## {area}", "", "| steg | exempel |", "|---|---|"]
        phrase = f"`{entry.keyword} {shown_phrase(entry.phrase)}`".replace("|", "\\|")
        example = (entry.example or "*(används inte i någon feature än)*").replace("|", "\\|")
        lines.append(f"| {phrase} | {example} |")
    return "\n".join(lines) + "\n"
