"""`vmqa nightly`: target up, acceptance, video, load, gate, reports, history; each part bounded in
time, progress shown; a run cut short still writes its record and a NO-GO saying what is missing."""

from __future__ import annotations

import contextlib
import signal
from dataclasses import dataclass

from .config import Environment, load_environment
from .errors import UserError
from .gate import exitcodes
from .gate.messages_sv import VERDICT_TEXT, sentence
from .gate.model import Decision, Verdict
from .judging import GateInputs, judge, validate
from .progress.display import choose_display
from .progress.part import PartProgress
from .run.acceptance import run_acceptance
from .run.parts import PartOutcome
from .run.record import RunFolder
from .sandbox_runner import RunningSandbox
from .target import open_target

ALL_PARTS = ("acceptance", "video", "load")
PART_TITLES = {"acceptance": "acceptanstesterna", "video": "videoprofilerna", "load": "lasttestet"}
# Video-quality scenarios carry @DVM-12: they run as the video part, the rest as acceptance.
# Scenarios tagged @negativ there prove the platform itself (a deliberately degraded engine needs the
# sandbox's fault switch), so the video part of a release run leaves them out.
VIDEO_SELECTION = "DVM-12 and not negativ"
ACCEPTANCE_SELECTION = "not DVM-12"


class RunInterrupted(Exception):
    """SIGTERM or Ctrl+C during a run: the part under way is recorded as incomplete."""


@dataclass(frozen=True)
class NightlyOptions:
    environment: str
    gate: GateInputs
    parts: tuple[str, ...] = ALL_PARTS
    selection: str | None = None
    strict: bool = False
    reruns: int = 1
    load_shape: str = "halvtimmesrusning"
    load_minutes: float | None = 2.0
    sandbox_faults: str = ""


def progress(text: str) -> None:
    print(f"» {text}", flush=True)


def exit_code_for(decision: Decision, strict: bool) -> int:
    if decision.verdict is Verdict.GO:
        return exitcodes.GO
    if decision.verdict is Verdict.GO_MED_RISK and not strict:
        return exitcodes.GO_MED_RISK
    return exitcodes.NO_GO


def _combine(selection: str | None, part_selection: str) -> str:
    return f"({selection}) and ({part_selection})" if selection else part_selection


def _run_part(name: str, run: RunFolder, environment: Environment, base_url: str,
              options: NightlyOptions, progress: PartProgress) -> PartOutcome:
    if name == "acceptance":
        return run_acceptance(run.path, environment.name, base_url, _combine(options.selection, ACCEPTANCE_SELECTION),
                              reruns=options.reruns, progress=progress)
    if name == "video":
        outcome = run_acceptance(run.path, environment.name, base_url, _combine(options.selection, VIDEO_SELECTION),
                                 reruns=0, log_name="video.log", progress=progress)
        from .media.summary import write_media_summary
        write_media_summary(run.path)
        return outcome
    from .load.runner import run_load
    return run_load(run.path, base_url, environment, options.load_shape, options.load_minutes, progress=progress)


def _target_up(stack: contextlib.ExitStack, run: RunFolder, environment: Environment,
               options: NightlyOptions) -> tuple[str | None, str | None]:
    """Starts the sandbox when the environment says so and asks the target its version.
    Returns (base URL, None) or (base URL, the Swedish sentence saying why the target is not there)."""
    base_url = environment.base_url
    if environment.starts_sandbox:
        progress("Startar sandlådan …")
        try:
            base_url = stack.enter_context(RunningSandbox(run.path / "sandbox", options.sandbox_faults)).base_url
        except UserError as error:
            return None, error.message
    try:
        version = open_target(environment, base_url).version()
    except Exception:  # any failure to answer means the same thing here: no target to test
        version = None
    run.set_target(base_url, version)
    if version is None:
        return base_url, f"Målmiljön {base_url} svarar inte på /version."
    return base_url, None


def _interrupt(signum, _frame):
    raise RunInterrupted(signal.Signals(signum).name)


def run_nightly(options: NightlyOptions) -> int:
    environment = load_environment(options.environment)
    validate(options.gate)
    unknown = set(options.parts) - set(ALL_PARTS)
    if unknown:
        raise UserError(f"Okänd del: {', '.join(sorted(unknown))} (kända: {', '.join(ALL_PARTS)}).")
    run = RunFolder.create(environment)
    progress(f"Körning {run.run_id} i miljön {environment.name}: {run.path}")
    previous = signal.signal(signal.SIGTERM, _interrupt)
    current = None
    display = choose_display()
    try:
        with contextlib.ExitStack() as stack:
            base_url, problem = _target_up(stack, run, environment, options)
            if problem:
                progress(problem)
                for name in options.parts:
                    run.start_part(name)
                    run.finish_part(name, False, problem)
            else:
                for number, name in enumerate(options.parts, start=1):
                    current = name
                    progress(f"[{number}/{len(options.parts)}] Kör {PART_TITLES[name]} …")
                    run.start_part(name)
                    with display.part(PART_TITLES[name]) as part_progress:
                        outcome = _run_part(name, run, environment, base_url, options, part_progress)
                    run.finish_part(name, outcome.complete, outcome.detail)
                    current = None
    except (RunInterrupted, KeyboardInterrupt) as interruption:
        if current:
            run.finish_part(current, False, f"körningen avbröts ({interruption or 'Ctrl+C'})")
        progress("Körningen avbröts; beslutet fattas på det som hann bli klart.")
    finally:
        signal.signal(signal.SIGTERM, previous)
    run.finish()
    progress("Utvärderar grindens kriterier …")
    decision = judge(run.path, options.gate, progress)
    print(f"\nBeslut: {VERDICT_TEXT[decision.verdict]}")
    for reason in decision.reasons:
        print(f"  – {sentence(reason)}")
    print(f"Rapport: {run.path / 'report.html'}")
    return exit_code_for(decision, options.strict)
