"""The decision document: everything a report shows, gathered once from a Judgement (the decision, the
run's data, the gate's coverage matrix and the trend). A typed value: every renderer formats it and
computes nothing of its own. Statuses stay enums here; the JSON renderer writes their values."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

import yaml

from ..evidence import attachments_sentence
from ..gate.kinds.requirements_coverage import RequirementRow
from ..gate.messages_sv import STATUS_TEXT, VERDICT_TEXT, partial_run_text, sentence
from ..gate.model import BaselineComparison, CriterionResult, Status, Waiver
from ..gate.rundata import RunData
from ..history.store import RunSummary
from ..judging import Judgement
from ..media.tiers import Tier
from ..run.acceptance_results import Outcome, ScenarioResult
from ..run.layout import PartStatus, RunLayout
from ..traceability import Coverage

OUTCOME_TEXT = {Outcome.PASSED: "Godkänt", Outcome.FAILED: "Underkänt", Outcome.BROKEN: "Trasigt",
                Outcome.SKIPPED: "Hoppades över"}
TREND_LIMIT = 20
SCREENSHOT_LIMIT = 4  # per failed scenario, embedded
VALUE_WORDS = {"total": "scenarier", "failed": "underkända", "flaky": "omkörda", "in_scope": "krav i omfattningen",
               "verified": "verifierade"}


@dataclass(frozen=True)
class WaiverRow:
    subject: str
    criterion: str | None
    scenario: str | None
    who: str
    why: str
    until: str  # ISO date


@dataclass(frozen=True)
class WaiverLists:
    applied: tuple[WaiverRow, ...]
    expired: tuple[WaiverRow, ...]
    quarantined: tuple[WaiverRow, ...]


@dataclass(frozen=True)
class PartRow:
    name: str
    status: PartStatus
    detail: str


@dataclass(frozen=True)
class CriterionRow:
    id: str
    kind: str
    key: bool
    status: Status
    status_text: str
    value: object
    value_text: str
    unit: str
    warn: object
    fail: object
    baseline: BaselineComparison | None  # the gate's own (immutable) comparison, shown as it is
    reasons: tuple[str, ...]
    waived_by: tuple[WaiverRow, ...]
    source: str  # the YAML entry as written


@dataclass(frozen=True)
class Screenshot:
    name: str
    data_uri: str


@dataclass(frozen=True)
class TraceLink:
    name: str
    href: str  # relative to the run folder


@dataclass(frozen=True)
class FailureEvidence:
    screenshots: tuple[Screenshot, ...] = ()
    traces: tuple[TraceLink, ...] = ()


@dataclass(frozen=True)
class ScenarioRow:
    feature: str
    name: str
    outcome: Outcome
    outcome_text: str
    attempts: int
    passed_on_retry: bool
    quarantined: bool
    message: str
    requirements: tuple[str, ...]
    flips: tuple[int, int] | None  # (flips, runs) over the earlier runs and this one
    evidence: FailureEvidence


@dataclass(frozen=True)
class CoverageScenario:
    name: str
    outcome: Outcome
    outcome_text: str


@dataclass(frozen=True)
class CoverageCriterion:
    id: str
    status: Status
    status_text: str


@dataclass(frozen=True)
class CoverageRow:
    id: str
    title: str
    epic: str
    in_scope: bool
    scenarios: tuple[CoverageScenario, ...]
    criteria: tuple[CoverageCriterion, ...]
    status: Coverage


NOT_JUDGED_TEXT = "ej bedömd"  # a pair the test machine could not judge (starvation.py): never a tier


@dataclass(frozen=True)
class PairCell:
    """One receiver's verdict on one sender in a meeting of several, as the matrix shows it."""
    css: str     # the tier's value, or "not_judged"
    text: str    # bra, godtagbar, underkänd or ej bedömd
    reason: str  # the main reason, without the pair's own label
    detail: str  # everything the verdict said of the pair (the cell's title)


@dataclass(frozen=True)
class MeetingRow:
    receiver: str
    cells: tuple[PairCell | None, ...]  # per sender in the meeting's order; None where the sender is the receiver


@dataclass(frozen=True)
class MeetingMatrix:
    """A meeting's per-pair verdict: receivers down, senders across."""
    visit: str
    file: str | None  # the visit record's name in media/visits, for its chart
    verdict_text: str
    participants: tuple[str, ...]
    rows: tuple[MeetingRow, ...]
    pairs: int
    not_judged: int


@dataclass(frozen=True)
class DecisionDocument:
    decision: str  # the verdict's text
    partial: str | None  # "Delkörning (video): inget releasebeslut"; None for a whole run
    reasons: tuple[str, ...]
    run_id: str
    environment: str | None
    environment_description: str | None
    base_url: str | None
    target_version: str | None
    platform_version: str | None
    started_at: str | None
    finished_at: str | None
    synthetic_data: bool
    attachments: str  # what the attachments hold, as evidence.py keeps them for this environment
    parts: tuple[PartRow, ...]
    criteria: tuple[CriterionRow, ...]
    waivers: WaiverLists
    scenarios: tuple[ScenarioRow, ...]
    coverage: tuple[CoverageRow, ...]
    release_scope: str | None
    media: dict | None  # the run's media summary as the video part wrote it
    load: dict | None  # the run's load summary as the load part wrote it
    baseline_run_id: str | None
    trend: tuple[RunSummary, ...]  # oldest first: the runs as the history keeps them
    allure_report: str | None  # link relative to the run folder
    blocking: tuple[str, ...]  # ids of the criteria that failed or lack evidence
    meetings: tuple[MeetingMatrix, ...] = ()  # meetings of several in the media summary, per pair

    @property
    def failed_scenarios(self) -> tuple[ScenarioRow, ...]:
        return tuple(s for s in self.scenarios if s.outcome is not Outcome.PASSED)


def _waiver(waiver: Waiver) -> WaiverRow:
    return WaiverRow(waiver.subject, waiver.criterion, waiver.scenario, waiver.who, waiver.why,
                     waiver.until.isoformat())


def _unit(criterion, data: RunData) -> str:
    """The unit a criterion's value is in: from the media summary, or from the load measure's name."""
    params = criterion.params
    if criterion.kind == "media_measure":
        profile = ((data.media_summary or {}).get("profiles") or {}).get(params.profile) or {}
        unit = ((profile.get("measures") or {}).get(params.measure) or {}).get("unit") or ""
        return "" if unit == "bool" else unit
    if criterion.kind == "load_request":
        return "ms" if params.measure.endswith("_ms") else "andel"
    return ""


def _value_text(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and unit:
        return f"{value:.4g} {unit}"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{v} {VALUE_WORDS.get(k, k)}" for k, v in value.items())
    return str(value)


def _attachments(result: dict):
    for attachment in result.get("attachments", []):
        yield attachment
    for step in result.get("steps", []):
        yield from _attachments(step)


def _failure_evidence(layout: RunLayout, names: set[str]) -> dict[str, FailureEvidence]:
    """Screenshots (embedded, so the report stays self-contained) and trace links of failed scenarios."""
    results_dir = layout.allure_results
    found: dict[str, tuple[list[Screenshot], list[TraceLink]]] = {}
    if not results_dir.is_dir():
        return {}
    for path in sorted(results_dir.glob("*-result.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        if result.get("name") not in names or result.get("status") == Outcome.PASSED.value:
            continue
        screenshots, traces = found.setdefault(result["name"], ([], []))
        for attachment in _attachments(result):
            source = results_dir / attachment.get("source", "")
            if attachment.get("type") == "image/png" and source.is_file() and len(screenshots) < SCREENSHOT_LIMIT:
                screenshots.append(Screenshot(attachment.get("name", ""), "data:image/png;base64,"
                                              + base64.b64encode(source.read_bytes()).decode()))
            elif source.suffix == ".zip" and source.is_file():
                traces.append(TraceLink(attachment.get("name", ""), layout.relative(source)))
    return {name: FailureEvidence(tuple(shots), tuple(links)) for name, (shots, links) in found.items()}


def _version_text(version) -> str | None:
    if isinstance(version, dict):
        return " ".join(str(value) for value in version.values())
    return version


def _coverage_row(row: RequirementRow) -> CoverageRow:
    requirement = row.trace.requirement
    return CoverageRow(
        requirement.id, requirement.title, requirement.epic, row.in_scope,
        tuple(CoverageScenario(s.name, s.outcome, OUTCOME_TEXT[s.outcome]) for s in row.trace.scenarios),
        tuple(CoverageCriterion(r.criterion.id, r.status, STATUS_TEXT[r.status]) for r in row.verifying),
        row.coverage)


def _criterion_row(result: CriterionResult, unit: str) -> CriterionRow:
    criterion = result.criterion
    return CriterionRow(
        id=criterion.id, kind=criterion.kind, key=criterion.key, status=result.status,
        status_text=STATUS_TEXT[result.status], value=result.value, value_text=_value_text(result.value, unit),
        unit=unit, warn=criterion.warn, fail=criterion.fail, baseline=result.baseline,
        reasons=tuple(sentence(reason) for reason in result.reasons),
        waived_by=tuple(_waiver(w) for w in result.waivers),
        source=yaml.safe_dump(criterion.source, allow_unicode=True, sort_keys=False).strip())


def _scenario_row(scenario: ScenarioResult, data: RunData, evidence: dict[str, FailureEvidence]) -> ScenarioRow:
    return ScenarioRow(
        feature=scenario.feature, name=scenario.name, outcome=scenario.outcome,
        outcome_text=OUTCOME_TEXT[scenario.outcome], attempts=len(scenario.attempts),
        passed_on_retry=scenario.passed_on_retry, quarantined=scenario.name in data.quarantined,
        message=scenario.message, requirements=tuple(sorted(scenario.requirements)),
        flips=data.history.flip_rates.get(scenario.name), evidence=evidence.get(scenario.name, FailureEvidence()))


def _main_reason(pair: dict) -> str:
    """The verdict's first clause for the pair, without the label it starts with ("patient 2 från ...: ")."""
    reason = pair.get("reason") or ""
    label = f"{pair.get('receiver')} från {pair.get('sender')}: "
    return (reason[len(label):] if reason.startswith(label) else reason).split("; ")[0]


def _pair_cell(pair: dict | None) -> PairCell:
    if pair is None:
        return PairCell("not_judged", NOT_JUDGED_TEXT, "paret saknas i mätningen", "paret saknas i mätningen")
    if pair.get("judged") is False:
        why = pair.get("problem") or "datorn som kör testet hann inte med"
        return PairCell("not_judged", NOT_JUDGED_TEXT, why, f"{why} (mätt: {pair.get('reason') or '–'})")
    tier = Tier(pair["verdict"])
    return PairCell(tier.value, tier.swedish, _main_reason(pair), pair.get("reason") or "")


def _meeting_matrix(meeting: dict) -> MeetingMatrix:
    people = tuple(meeting.get("participants") or ())
    pairs = {(p.get("receiver"), p.get("sender")): p for p in meeting.get("pairs") or []}
    rows = tuple(MeetingRow(receiver, tuple(None if sender == receiver else _pair_cell(pairs.get((receiver, sender)))
                                            for sender in people)) for receiver in people)
    verdict = meeting.get("verdict")
    return MeetingMatrix(meeting.get("visit") or "", meeting.get("file"),
                         Tier(verdict).swedish if verdict in {t.value for t in Tier} else NOT_JUDGED_TEXT,
                         people, rows, len(people) * (len(people) - 1),
                         sum(cell.css == "not_judged" for row in rows for cell in row.cells if cell is not None))


def build(judgement: Judgement) -> DecisionDocument:
    decision, data = judgement.decision, judgement.data
    record = data.record
    layout = record.layout
    manifest = record.manifest
    environment = manifest.get("environment", {})
    failed_names = {s.name for s in data.scenarios if not s.passed or s.passed_on_retry}
    evidence = _failure_evidence(layout, failed_names)
    return DecisionDocument(
        decision=VERDICT_TEXT[decision.verdict],
        partial=partial_run_text(decision),
        reasons=tuple(sentence(reason) for reason in decision.reasons),
        run_id=record.run_id,
        environment=environment.get("name"),
        environment_description=environment.get("description"),
        base_url=environment.get("base_url"),
        target_version=_version_text(environment.get("target_version")),
        platform_version=manifest.get("platform_version"),
        started_at=manifest.get("started_at"),
        finished_at=manifest.get("finished_at"),
        synthetic_data=bool(environment.get("synthetic_data")),
        attachments=attachments_sentence(bool(environment.get("synthetic_data"))),
        parts=tuple(PartRow(name, record.part_status(name), part.get("detail", ""))
                    for name, part in manifest.get("parts", {}).items()),
        criteria=tuple(_criterion_row(r, _unit(r.criterion, data)) for r in decision.results),
        waivers=WaiverLists(applied=tuple(_waiver(w) for w in decision.waivers_applied),
                            expired=tuple(_waiver(w) for w in decision.waivers_expired),
                            quarantined=tuple(_waiver(w) for w in decision.quarantined)),
        scenarios=tuple(_scenario_row(s, data, evidence) for s in data.scenarios),
        coverage=tuple(_coverage_row(row) for row in judgement.coverage),
        release_scope=judgement.release_scope,
        media=data.media_summary,
        load=data.load_summary,
        baseline_run_id=data.history.baseline_run_id,
        trend=tuple(reversed(judgement.trend[:TREND_LIMIT])),
        allure_report=layout.relative(layout.allure_report_index) if layout.allure_report_index.is_file() else None,
        blocking=tuple(r.criterion.id for r in decision.results if r.status.blocks),
        meetings=tuple(_meeting_matrix(m) for m in (data.media_summary or {}).get("meetings") or ()),
    )
