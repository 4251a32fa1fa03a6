"""`vmqa nightly`: target up, acceptance, video, load, gate, reports, history; each part bounded in
time, progress shown; a run cut short still writes its record and a NO-GO saying what is missing."""

from __future__ import annotations

import contextlib
import signal
from dataclasses import dataclass
from pathlib import Path

from . import evidence, target
from .browser import chromium_executable
from .config import Environment, load_environment
from .errors import UserError
from .history.store import check_usable
from .judging import GateInputs, judge
from .progress.display import choose_display
from .progress.part import PartProgress
from .publishing import exit_code_for, print_decision, publish
from .run.acceptance import run_acceptance
from .run.layout import PartStatus
from .run.parts import ALL_PARTS, PART_TITLES, PartOutcome
from .run.record import RUNS_DIR, RunFolder

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
    load_scale: float = 1.0
    sandbox_faults: str = ""
    video_visits: int | None = None  # campaign visits per profile; None: planned (media/campaign_plan.py)


def announce(text: str) -> None:
    print(f"» {text}", flush=True)


def _combine(selection: str | None, part_selection: str) -> str:
    return f"({selection}) and ({part_selection})" if selection else part_selection


def _run_part(name: str, run: RunFolder, environment: Environment, base_url: str,
              options: NightlyOptions, progress: PartProgress) -> PartOutcome:
    if name == "acceptance":
        return run_acceptance(run.path, environment.name, base_url, _combine(options.selection, ACCEPTANCE_SELECTION),
                              reruns=options.reruns, progress=progress)
    if name == "video":
        outcome = run_acceptance(run.path, environment.name, base_url, _combine(options.selection, VIDEO_SELECTION),
                                 reruns=0, log_path=run.layout.video_log, progress=progress)
        from .media.campaign import run_planned_campaign
        from .media.summary import write_media_summary
        campaign_complete, campaign_detail = run_planned_campaign(
            run.path, environment, base_url, options.gate.rules.criteria, options.video_visits, announce)
        write_media_summary(run.path)
        return PartOutcome(outcome.complete and campaign_complete, f"{outcome.detail}; {campaign_detail}")
    from .load.model import load_model
    from .load.runner import run_load
    from .load.shapes import plan
    return run_load(run.path, base_url, environment,
                    plan(load_model(), options.load_shape, options.load_minutes, options.load_scale), progress=progress)


def _target_up(stack: contextlib.ExitStack, run: RunFolder, environment: Environment,
               options: NightlyOptions) -> tuple[target.RunningTarget | None, str | None]:
    """The target up for the run (target.up) and recorded in it.
    Returns (the running target, None) or (None, the Swedish sentence saying why the target is not there)."""
    if environment.starts_sandbox:
        announce("Startar sandlådan …")
    try:
        running = stack.enter_context(target.up(environment, run.layout.sandbox, options.sandbox_faults))
    except target.TargetDown as down:
        if down.base_url:
            run.set_target(down.base_url, None)
        return None, down.message
    run.set_target(running.base_url, running.version)
    return running, None


def _interrupt(signum, _frame):
    raise RunInterrupted(signal.Signals(signum).name)


def _preflight(options: NightlyOptions) -> Environment:
    """Everything a run needs that can be checked before it starts, so that bad input costs no run and
    leaves the history as it was."""
    environment = load_environment(options.environment)  # the gate's rules were parsed with the options
    if options.video_visits is not None and options.video_visits < 1:
        raise UserError(f"--videobesok måste vara minst 1 besök per profil, inte {options.video_visits}.")
    unknown = set(options.parts) - set(ALL_PARTS)
    if unknown:
        raise UserError(f"Okänd del: {', '.join(sorted(unknown))} (kända: {', '.join(ALL_PARTS)}).")
    check_usable(options.gate.history_path)
    chromium_executable()  # every part drives Chromium (the load part's video users too), and so does the PDF
    return environment


def _written(what: Path, error: OSError) -> UserError:
    """A run folder that cannot be written (a full disk, a read-only folder): one sentence."""
    place = error.filename or what
    return UserError(f"Körningen kunde inte skriva {place}: {error.strerror or error}; historiken är orörd.")


def run_nightly(options: NightlyOptions) -> int:
    environment = _preflight(options)
    try:
        return _run(options, environment)
    except OSError as error:
        raise _written(RUNS_DIR, error) from None


def _run(options: NightlyOptions, environment: Environment) -> int:
    run = RunFolder.create(environment, requested_parts=options.parts)
    announce(f"Körning {run.run_id} i miljön {environment.name}: {run.path}")
    previous = signal.signal(signal.SIGTERM, _interrupt)
    current = None
    display = choose_display()
    try:
        with contextlib.ExitStack() as stack:
            running, problem = _target_up(stack, run, environment, options)
            if problem:
                announce(problem)
                for name in options.parts:
                    run.start_part(name)
                    run.finish_part(name, PartStatus.INCOMPLETE, problem)
            else:
                for number, name in enumerate(options.parts, start=1):
                    current = name
                    announce(f"[{number}/{len(options.parts)}] Kör {PART_TITLES[name]} …")
                    run.start_part(name)
                    if problem:  # the target died during an earlier part
                        run.finish_part(name, PartStatus.INCOMPLETE, problem)
                        continue
                    with display.part(PART_TITLES[name]) as part_progress:
                        outcome = _run_part(name, run, environment, running.base_url, options, part_progress)
                    problem = target.gone(environment, running)
                    if problem:
                        announce(f"Målet är borta: {problem}.")
                        outcome = PartOutcome(False, f"{problem}; det som mättes innan finns kvar ({outcome.detail})")
                    run.finish_part(name, outcome.status, outcome.detail)
                    current = None
    except (RunInterrupted, KeyboardInterrupt) as interruption:
        if current:
            run.finish_part(current, PartStatus.INCOMPLETE, f"körningen avbröts ({interruption or 'Ctrl+C'})")
        announce("Körningen avbröts; beslutet fattas på det som hann bli klart.")
    finally:
        signal.signal(signal.SIGTERM, previous)
    swept = evidence.sweep(run.path, environment.mask)  # logs, Allure results, traces: before anything reads them
    if swept:
        announce(f"Rensade {swept} filer i körmappen från hemligheter, cookies och adresser.")
    run.finish()
    announce("Utvärderar grindens kriterier …")
    judgement = judge(run.path, options.gate)
    publish(judgement, options.gate, announce)
    print_decision(judgement)
    return exit_code_for(judgement.decision, options.strict)
