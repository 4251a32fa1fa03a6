"""SOK-01: the triage specification (triage/sok-vard.yaml) as a typed file, every path through it, and the
service's priority for each path (decision-table testing: one row per path, the path's answers in, the
specified priority out).

A path is named by its question ids and answers ("livshot=Nej → omrade=Huden → hud-rodnad=Ja"), so a
failure says which way through the tree the service got wrong.
"""

from __future__ import annotations

import collections
import enum
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, model_validator

from .. import typed_yaml
from ..config import PROJECT_ROOT
from ..target.interface import TargetError, TriageApi, TriageStep
from ..typed_yaml import FileModel
from .render import AuditTable

SPEC_PATH = PROJECT_ROOT / "triage" / "sok-vard.yaml"


class Priority(enum.Enum):
    ACUTE = "akut"
    P1 = "prioritet 1"
    P2 = "prioritet 2"
    P3 = "prioritet 3"
    P4 = "prioritet 4"
    P5 = "prioritet 5"


class TriageAnswer(FileModel):
    text: str
    priority: Priority | None = Field(default=None, alias="prioritet")
    question: "TriageQuestion | None" = Field(default=None, alias="fråga")

    @model_validator(mode="after")
    def _leads_somewhere(self):
        if (self.priority is None) == (self.question is None):
            raise ValueError(f"svaret '{self.text}' ska leda till antingen en fråga eller en prioritet")
        return self


class TriageQuestion(FileModel):
    id: str
    text: str
    answers: list[TriageAnswer] = Field(alias="svar")

    @model_validator(mode="after")
    def _distinct_answers(self):
        if len(self.answers) < 2:
            raise ValueError(f"frågan {self.id} behöver minst två svar")
        texts = [answer.text for answer in self.answers]
        if len(set(texts)) != len(texts):
            raise ValueError(f"frågan {self.id} har två svar med samma text")
        return self


class TriageSpec(FileModel):
    name: str = Field(alias="namn")
    version: str
    root: TriageQuestion = Field(alias="fråga")

    @model_validator(mode="after")
    def _distinct_ids(self):
        questions = [q.id for q in _questions(self.root)]
        doubled = sorted({one for one in questions if questions.count(one) > 1})
        if doubled:
            raise ValueError(f"fråge-id används två gånger: {', '.join(doubled)}")
        return self


def _questions(question: TriageQuestion):
    yield question
    for answer in question.answers:
        if answer.question is not None:
            yield from _questions(answer.question)


def load_spec(path: Path = SPEC_PATH) -> TriageSpec:
    return typed_yaml.load(path, TriageSpec, "Triagespecifikationen")


@dataclass(frozen=True)
class TriagePath:
    steps: tuple[tuple[str, str], ...]  # (question id, answer)
    priority: Priority

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(answer for _question, answer in self.steps)

    def name(self) -> str:
        return " → ".join(f"{question}={answer}" for question, answer in self.steps)


def paths(spec: TriageSpec) -> list[TriagePath]:
    """Every path from the first question to a priority, in the specification's order."""
    found: list[TriagePath] = []

    def walk(question: TriageQuestion, before: tuple[tuple[str, str], ...]) -> None:
        for answer in question.answers:
            steps = before + ((question.id, answer.text),)
            if answer.question is None:
                found.append(TriagePath(steps, answer.priority))
            else:
                walk(answer.question, steps)

    walk(spec.root, ())
    return found


def depth(spec: TriageSpec) -> int:
    return max(len(path.steps) for path in paths(spec))


@dataclass(frozen=True)
class PathVerdict:
    path: TriagePath
    difference: str | None  # None: the service gave the specified priority by the specified questions
    judged: bool = True  # False: the service did not answer, so nothing can be said about the path


@dataclass(frozen=True)
class TriageAudit:
    spec: TriageSpec
    verdicts: list[PathVerdict]
    requests: int

    @property
    def differing(self) -> list[PathVerdict]:
        return [verdict for verdict in self.verdicts if verdict.judged and verdict.difference]

    @property
    def not_judged(self) -> list[PathVerdict]:
        return [verdict for verdict in self.verdicts if not verdict.judged]

    def coverage(self) -> str:
        judged = len(self.verdicts) - len(self.not_judged)
        share = 100 * judged / len(self.verdicts) if self.verdicts else 0
        return (f"Vägtäckning: {judged} av {len(self.verdicts)} vägar provade ({share:.0f} %), "
                f"{len(self.differing)} avviker, {len(self.not_judged)} ej bedömda")


def _check_path(path: TriagePath, spec: TriageSpec, ask) -> PathVerdict:
    question = spec.root
    for position, (question_id, answer) in enumerate(path.steps):
        step: TriageStep = ask(path.answers[:position])
        if step.question_id != question_id:
            return PathVerdict(path, f"tjänsten frågar {step.question_id or step.priority!r} där specifikationen "
                                     f"frågar {question_id}")
        extra = sorted(set(step.answers) - {one.text for one in question.answers})
        missing = sorted({one.text for one in question.answers} - set(step.answers))
        if extra or missing:
            return PathVerdict(path, f"frågan {question_id} har svaren {list(step.answers)}, specifikationen "
                                     f"{[one.text for one in question.answers]}")
        question = next(one for one in question.answers if one.text == answer).question or question
    final = ask(path.answers)
    if final.priority != path.priority.value:
        got = final.priority or f"frågan {final.question_id}"
        return PathVerdict(path, f"tjänsten ger {got}, specifikationen {path.priority.value}")
    return PathVerdict(path, None)


def verify(spec: TriageSpec, api: TriageApi) -> TriageAudit:
    """Each path of the specification asked of the service; each distinct prefix asked once."""
    asked: dict[tuple[str, ...], TriageStep] = {}

    def ask(answers: tuple[str, ...]) -> TriageStep:
        if answers not in asked:
            asked[answers] = api.triage(answers)
        return asked[answers]

    verdicts = []
    for path in paths(spec):
        try:
            verdicts.append(_check_path(path, spec, ask))
        except TargetError as error:
            verdicts.append(PathVerdict(path, f"tjänsten svarade inte: {error}", judged=False))
    return TriageAudit(spec, verdicts, len(asked))


def as_table(audit: TriageAudit, environment: str) -> AuditTable:
    priorities = collections.Counter(verdict.path.priority.value for verdict in audit.verdicts)
    summary = [f"Miljö: {environment}", f"Specifikation: {audit.spec.name}, version {audit.spec.version}",
               f"Vägar: {len(audit.verdicts)}, djup {depth(audit.spec)} frågor, frågor till tjänsten: {audit.requests}",
               "Löv per prioritet: " + ", ".join(f"{p.value} {priorities[p.value]}" for p in Priority),
               audit.coverage()]
    rows = [[verdict.path.name(), verdict.path.priority.value,
             "ej bedömd" if not verdict.judged else "avviker" if verdict.difference else "rätt",
             verdict.difference or ""] for verdict in audit.verdicts]
    ok = not audit.differing and not audit.not_judged
    verdict = (f"{len(audit.differing)} väg(ar) ger inte den specificerade prioriteten" if audit.differing
               else f"{len(audit.not_judged)} väg(ar) kunde inte bedömas" if audit.not_judged
               else f"Alla {len(audit.verdicts)} vägar ger den specificerade prioriteten")
    return AuditTable("Sök vård: vägar genom frågeträdet", summary, ["Väg", "Ska ge", "Utfall", "Avvikelse"], rows,
                      verdict, ok=ok)
