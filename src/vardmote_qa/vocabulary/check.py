"""`vmqa vocabulary --check`: every step line of the given feature files held to the vocabulary before
anything runs. Each problem is one Swedish sentence with the file, the line and the nearest known step:
an unknown step, a parameter value the service or configuration does not know, a tag that is not in the
catalogue, a table with other columns, a role used for what the role table does not let it do, and a step
that needs something (an errand, a visit, an account) that no earlier step of the scenario gave."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import parse

from ..actors.roles import ROLES, Part, may, roles_that_may
from .steps import KEYWORDS, PARAMETER, PARAMETER_NAMES, StepDefinition, shown_phrase
from .values import AcceptedValues

# Parameter types whose words the check itself judges (to name the wrong word, not just "unknown step").
_JUDGED_TYPES = {"Roll", "Roller", "Mötesform", "Ärendeform", "Sms", "Gäst", "w"}
_ROLE_PARAMETERS = ("role", "roles", "patient")
# What gives each thing a step may need, as a tester finds it in the vocabulary.
GIVEN_BY_HINT = {"errand": "'När <roll> lämnar ärendet \"<text>\" som <form>' eller "
                           "'Givet att <patient> har lämnat ärendet \"<text>\" hos <mottagning>'",
                 "visit": "'Givet att <roll> har bokat ett <form> med <patient>'",
                 "open_queue": "'Givet att <roll> har mottagningens kö öppen'",
                 "units_offered": "'När <roll> loggar in och öppnar startsidan'"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    sentence: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.sentence}"


_MOST_LISTED = 12


def _quoted(words) -> str:
    words = list(words)
    listed = ", ".join(f"'{word}'" for word in words[:_MOST_LISTED])
    return listed + (f" och {len(words) - _MOST_LISTED} till (se docs/vocabulary.md)" if len(words) > _MOST_LISTED else "")


def _known(word: str, accepted) -> str:
    """' (menade du 'X'?)' and the known values; a long list is left to the document when a near one is named."""
    near = difflib.get_close_matches(word, accepted, n=1, cutoff=0.5)
    if near and len(accepted) > _MOST_LISTED:
        return f" (menade du '{near[0]}'?); alla {len(accepted)} står i docs/vocabulary.md"
    return (f" (menade du '{near[0]}'?)" if near else "") + f"; kända värden: {_quoted(accepted)}"


def _nearest(text: str, step_type: str, definitions: list[StepDefinition]) -> str:
    candidates = [definition.shown() for definition in definitions]
    asked = f"{KEYWORDS[step_type]} {text}"
    scored = sorted(candidates, key=lambda shown: difflib.SequenceMatcher(None, asked, shown).ratio(), reverse=True)
    return scored[0]


def _relaxed(definition: StepDefinition) -> parse.Parser:
    def loosen(match: re.Match) -> str:
        name, kind = match.group(1), match.group(2)
        return f"{{{name}}}" if kind is None or kind in _JUDGED_TYPES else match.group(0)
    return parse.compile(PARAMETER.sub(loosen, definition.phrase))


def _role_words(value: str) -> list[str]:
    return [word.strip() for word in re.split(r",| och ", re.sub(r"^\s*både\s+", "", value)) if word.strip()]


class _Scenario:
    """What the scenario has given so far while the check walks its steps."""

    def __init__(self):
        self.given: set[str] = set()
        self.accounts = {role.word for role in ROLES.values() if role.part is not Part.STAFF or role.standing_account}


class Checker:
    def __init__(self, definitions: list[StepDefinition], values: AcceptedValues, known_tags: set[str]):
        self.definitions = definitions
        self.values = values
        self.known_tags = known_tags
        self._loose = {id(d): _relaxed(d) for d in definitions}

    # -- one step ---------------------------------------------------------------------------------------
    def _match(self, step) -> tuple[StepDefinition | None, dict, str | None]:
        """The definition the step line matches and its arguments, or None and the sentence why not."""
        same_type = [d for d in self.definitions if d.type == step.type]
        for definition in same_type:
            if definition.parser.is_matching(step.name):
                return definition, definition.parser.parse_arguments(step.name) or {}, None
        for definition in self.definitions:
            if definition.type != step.type and definition.parser.is_matching(step.name):
                return None, {}, (f"steget \"{step.keyword} {step.name}\" finns bara som "
                                  f"\"{definition.shown()}\": skriv det med {definition.keyword}")
        for definition in same_type:
            loose = self._loose[id(definition)].parse(step.name)
            if loose is not None:
                wrong = self._wrong_values(definition, loose.named)
                if wrong:  # the step is known, a value is not: it still gives what it gives, for later steps
                    return definition, {}, wrong[0] + f" (steget är \"{definition.shown()}\")"
        nearest = _nearest(step.name, step.type, self.definitions)
        return None, {}, f"okänt steg \"{step.keyword} {step.name}\"; närmast känt steg är \"{nearest}\""

    def _wrong_values(self, definition: StepDefinition, arguments: dict) -> list[str]:
        sentences = []
        for name, kind in definition.parameters():
            if name not in arguments:
                continue
            accepted = self.values.by_parameter(name, kind)
            if accepted is None:
                continue
            given = _role_words(str(arguments[name])) if name == "roles" else [str(arguments[name]).strip()]
            for word in given:
                if word not in accepted and not (name == "tier" and _is_tier_form(word)):
                    shown = PARAMETER_NAMES.get(name, name)
                    sentences.append(f"<{shown}> kan inte vara '{word}'{_known(word, accepted)}")
        return sentences

    def _role_problems(self, definition: StepDefinition, arguments: dict, scenario: _Scenario) -> list[str]:
        sentences = []
        for name in _ROLE_PARAMETERS:
            if name not in arguments:
                continue
            for word in _role_words(str(arguments[name])):
                role = ROLES.get(word)
                if role is None:
                    continue
                if word not in scenario.accounts and not definition.engages:
                    sentences.append(f"{word} har inget konto i scenariot än: skriv först "
                                     f"\"Givet att {word} arbetar på <mottagning>\"")
                if name == "patient" and role.part is not Part.PATIENT:
                    sentences.append(f"{word} är ingen patient här; steget gäller en av {_quoted(_patients())}")
                if name == "patient":
                    continue
                if definition.duty and not may(role, definition.duty):
                    sentences.append(f"{word} får inte {definition.duty.value} enligt rolltabellen; steget gäller "
                                     f"{_quoted(roles_that_may(definition.duty))}; för andra roller finns "
                                     f"\"kan <roll> inte ...\"-steg")
                if definition.refuses and may(role, definition.refuses):
                    sentences.append(f"{word} får {definition.refuses.value} enligt rolltabellen, så det här "
                                     f"\"kan inte\"-steget kan aldrig hålla för {word}")
            if definition.engages and name == "role":
                scenario.accounts.add(str(arguments[name]).strip())
        return sentences

    def _need_problems(self, definition: StepDefinition, scenario: _Scenario) -> list[str]:
        from_steps = _what_is_given()
        sentences = []
        for any_of in definition.needs:
            if not scenario.given.intersection(any_of):
                wanted = " eller ".join(from_steps.get(name, name) for name in any_of)
                hints = " eller ".join(GIVEN_BY_HINT[name] for name in any_of if name in GIVEN_BY_HINT)
                sentences.append(f"steget behöver {wanted}, men inget tidigare steg i scenariot gav det"
                                 + (f"; skriv före det till exempel {hints}" if hints else ""))
        return sentences

    def _table_problems(self, definition: StepDefinition, step) -> list[str]:
        if not definition.columns:
            return []
        wanted = [header for header, _ in definition.columns]
        if step.datatable is None:
            return [f"steget \"{definition.shown()}\" vill ha en tabell med kolumnerna {_quoted(wanted)}"]
        rows = [[str(cell) for cell in row] for row in step.datatable.raw()]
        if [cell.strip() for cell in rows[0]] != wanted:
            return [f"tabellen har kolumnerna {_quoted(c.strip() for c in rows[0])}, steget vill ha {_quoted(wanted)}"]
        sentences = []
        for row in rows[1:]:
            for (header, parameter), cell in zip(definition.columns, row):
                sentences += self._wrong_values_of(parameter, cell.strip(), header)
        return sentences

    def _wrong_values_of(self, parameter: str, value: str, header: str) -> list[str]:
        accepted = self.values.by_parameter(parameter, None)
        if accepted is None or value in accepted:
            return []
        return [f"kolumnen '{header}' kan inte vara '{value}'{_known(value, accepted)}"]

    def check_step(self, step, scenario: _Scenario) -> list[str]:
        definition, arguments, unmatched = self._match(step)
        if unmatched:
            if definition is not None and definition.gives:
                scenario.given.add(definition.gives)
            return [unmatched]
        sentences = self._wrong_values(definition, arguments)
        sentences += self._role_problems(definition, arguments, scenario)
        sentences += self._need_problems(definition, scenario)
        sentences += self._table_problems(definition, step)
        if definition.gives:
            scenario.given.add(definition.gives)
        return sentences

    def _tag_problems(self, tags: set[str], shown_as: str, line: int) -> list[Problem]:
        problems = []
        for tag in sorted(tags - self.known_tags):
            near = difflib.get_close_matches(tag, sorted(self.known_tags), n=1, cutoff=0.5)
            hint = f" (menade du '@{near[0]}'?)" if near else ""
            problems.append(Problem(shown_as, line, f"taggen '@{tag}' finns inte i kravkatalogen eller bland taggarna"
                                                    f"{hint}"))
        return problems

    # -- files ------------------------------------------------------------------------------------------
    def check_file(self, path: Path, shown_as: str) -> list[Problem]:
        from pytest_bdd.parser import FeatureParser
        try:
            feature = FeatureParser(str(path.parent), path.name).parse()
        except Exception as error:  # the Gherkin parser's own errors: bad keyword, broken table, ...
            line = getattr(error, "line", None) or 1
            return [Problem(shown_as, line, f"filen går inte att läsa som Gherkin: {str(error).splitlines()[0]}")]
        problems = self._tag_problems(set(feature.tags), shown_as, feature.line_number)
        for template in feature.scenarios.values():
            tags = set(template.tags) | {tag for examples in template.examples for tag in examples.tags}
            problems += self._tag_problems(tags, shown_as, template.line_number)
            contexts = [context for examples in template.examples for context in examples.as_contexts()] or [{}]
            for context in contexts:
                scenario = _Scenario()
                for step in template.render(context).steps:
                    problems += [Problem(shown_as, step.line_number, sentence)
                                 for sentence in self.check_step(step, scenario)]
        return list(dict.fromkeys(problems))  # an outline's rows repeat the same problem


def _is_tier_form(word: str) -> bool:
    from ..media.tiers import Tier
    try:
        Tier.from_swedish(word)
    except ValueError:
        return False
    return True


def _patients() -> list[str]:
    return [role.word for role in ROLES.values() if role.part is Part.PATIENT]


def _what_is_given() -> dict[str, str]:
    # The same words the steps' own runtime message uses (steps/phrasing.py), read through the registry.
    import importlib
    return importlib.import_module("steps.phrasing").WHAT_IS_GIVEN


def feature_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        found += sorted(path.rglob("*.feature")) if path.is_dir() else [path]
    return found


__all__ = ["Checker", "Problem", "feature_files", "shown_phrase"]
