"""`vmqa audit`: operations' recurring checks of an environment (DVM-10, DVM-11, SOK-01).

    vmqa audit open-visits --env test --older-than 24h [--close [--yes]]
    vmqa audit units --catalogue units/catalogue.csv --env test
    vmqa audit triage --spec triage/sok-vard.yaml --env test
    vmqa audit generate-units [--seed 14] [--output units/catalogue.csv]

Each prints a table, writes CSV, JSON and HTML under --output-dir and exits with exitcodes.AUDIT_* (0 nothing
found, 1 findings, 2 bad input or a refused --close, 3 the audit could not be completed), so that a
scheduled job alerts on a non-zero code.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

from ..config import PROJECT_ROOT

DEFAULT_OUTPUT = PROJECT_ROOT / "reports" / "audit"


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="förvaltningens kontroller: öppna besök, enheter, Sök vård")
    kinds = parser.add_subparsers(dest="audit", required=True)

    def common(sub) -> None:
        sub.add_argument("--env", default="local", help="miljö i environments/ (standard: local)")
        sub.add_argument("--target-url", default=None, help="en redan startad målmiljö i stället för miljöns adress")
        sub.add_argument("--output-dir", default=str(DEFAULT_OUTPUT), help="mapp för CSV, JSON och HTML")

    visits = kinds.add_parser("open-visits", help="öppna besök äldre än en gräns, per enhet (DVM-10)")
    common(visits)
    visits.add_argument("--older-than", default="24h", help="gränsen, t.ex. 24h, 90m, 2d (standard 24h)")
    visits.add_argument("--close", action="store_true", help="stäng de hittade besöken (frågar först)")
    visits.add_argument("--yes", "--ja", dest="yes", action="store_true", help="stäng utan att fråga (för cron/CI)")
    visits.add_argument("--max-visits", default=None, help="högst så många besök (standard 5000)")
    visits.add_argument("--time-limit", default="60s", help="högst så lång tid för listan (standard 60s)")
    visits.set_defaults(handler=handle_open_visits)

    units = kinds.add_parser("units", help="varje enhet i katalogen finns med rätt inställningar (DVM-11)")
    common(units)
    units.add_argument("--catalogue", default=None, help="enhetskatalogen (standard units/catalogue.csv)")
    units.set_defaults(handler=handle_units)

    triage = kinds.add_parser("triage", help="varje väg genom Sök vårds frågeträd ger rätt prioritet (SOK-01)")
    common(triage)
    triage.add_argument("--spec", default=None, help="triagespecifikationen (standard triage/sok-vard.yaml)")
    triage.set_defaults(handler=handle_triage)

    generate = kinds.add_parser("generate-units", help="skriv enhetskatalogen på nytt ur ett frö (reproducerbart)")
    generate.add_argument("--seed", type=int, default=None, help="fröet (standard 14)")
    generate.add_argument("--output", default=None, help="filen (standard units/catalogue.csv)")
    generate.set_defaults(handler=handle_generate_units)


@contextlib.contextmanager
def _target(arguments):
    """The environment's target, up for the audit (a `local` environment starts its own sandbox)."""
    from ..config import load_environment
    from ..target import open_target, up
    environment = load_environment(arguments.env)
    with up(environment, Path(arguments.output_dir) / "sandbox", base_url=arguments.target_url) as running:
        yield environment, open_target(environment, running.base_url)


def _finish(table, arguments, stem: str, ok_code: int) -> int:
    from ..audit.render import print_table, write_files
    from ..exitcodes import AUDIT_FINDINGS
    print_table(table)
    written = write_files(table, Path(arguments.output_dir), stem)
    print("Skrev " + ", ".join(str(path) for path in written))
    return ok_code if table.ok else AUDIT_FINDINGS


def _incomplete(message: str, environment) -> int:
    from ..exitcodes import AUDIT_INCOMPLETE
    print(f"vmqa: granskningen kunde inte göras: {environment.mask(message)}", file=sys.stderr)
    return AUDIT_INCOMPLETE


def _refuse_unattended_close(arguments) -> None:
    """--close asks a person; without a terminal it needs --yes, refused before anything is asked of the target."""
    from ..errors import UserError
    if arguments.close and not arguments.yes and not sys.stdin.isatty():
        raise UserError("--close utan terminal kräver --yes (eller --ja): inget besök stängdes.")
    if arguments.yes and not arguments.close:
        raise UserError("--yes gäller bara tillsammans med --close.")


def _may_close(arguments, count: int, limit: str) -> bool:
    """--yes, or a person at the terminal who answers ja."""
    if arguments.yes:
        return True
    answer = input(f"Stäng {count} öppna besök äldre än {limit}? Skriv ja för att stänga: ")
    return answer.strip().lower() in {"ja", "j", "yes", "y"}


def handle_open_visits(arguments) -> int:
    from ..audit import open_visits
    from ..audit.capability import operations_api
    from ..audit.durations import seconds_of, spoken
    from ..errors import UserError
    from ..exitcodes import AUDIT_CLEAN, AUDIT_INCOMPLETE
    from ..target.interface import TargetError
    older_than_s = seconds_of(arguments.older_than, "--older-than")
    time_limit_s = seconds_of(arguments.time_limit, "--time-limit")
    max_visits = open_visits.DEFAULT_MAX_VISITS
    if arguments.max_visits is not None:
        if not arguments.max_visits.isdigit() or int(arguments.max_visits) < 1:
            raise UserError(f"--max-visits måste vara ett heltal, minst 1, inte '{arguments.max_visits}'.")
        max_visits = int(arguments.max_visits)
    _refuse_unattended_close(arguments)
    with _target(arguments) as (environment, target):
        try:
            api = operations_api(target, environment)
            audit = open_visits.audit_open_visits(api, older_than_s, max_visits, time_limit_s)
            if arguments.close and audit.visits and not audit.incomplete:
                from ..audit.render import print_table
                print_table(open_visits.as_table(audit, environment.name))  # shown before anything is closed
                if _may_close(arguments, len(audit.visits), spoken(older_than_s)):
                    audit = open_visits.close_visits(api, audit)
                else:
                    print("Inget besök stängdes.")
        except TargetError as error:
            return _incomplete(str(error), environment)
        table = open_visits.as_table(audit, environment.name)
    code = _finish(table, arguments, "oppna-besok", AUDIT_CLEAN)
    if audit.incomplete:
        return AUDIT_INCOMPLETE
    if audit.closed and not audit.not_closed and len(audit.closed) == len(audit.visits):
        return AUDIT_CLEAN  # every visit found is closed now
    return code


def handle_units(arguments) -> int:
    from ..audit.capability import operations_api
    from ..audit.units import as_table, audit_units
    from ..audit.units_catalogue import CATALOGUE_PATH, read_catalogue
    from ..exitcodes import AUDIT_CLEAN
    from ..target.interface import TargetError
    catalogue = read_catalogue(Path(arguments.catalogue) if arguments.catalogue else CATALOGUE_PATH)
    with _target(arguments) as (environment, target):
        started = time.monotonic()
        try:
            audit = audit_units(catalogue, operations_api(target, environment))
        except TargetError as error:
            return _incomplete(str(error), environment)
        seconds = time.monotonic() - started
    print(f"Granskade {audit.catalogue_units} enheter genom API:t på {seconds:.2f} s "
          f"(inloggning inräknad; listan och jämförelsen {audit.seconds:.2f} s).")
    return _finish(as_table(audit, environment.name, catalogue), arguments, "enheter", AUDIT_CLEAN)


def handle_triage(arguments) -> int:
    from ..audit.capability import triage_api
    from ..audit.triage import SPEC_PATH, as_table, load_spec, verify
    from ..exitcodes import AUDIT_CLEAN, AUDIT_INCOMPLETE
    spec = load_spec(Path(arguments.spec) if arguments.spec else SPEC_PATH)
    with _target(arguments) as (environment, target):
        audit = verify(spec, triage_api(target, environment))
    code = _finish(as_table(audit, environment.name), arguments, "sok-vard", AUDIT_CLEAN)
    return AUDIT_INCOMPLETE if audit.not_judged and not audit.differing else code


def handle_generate_units(arguments) -> int:
    from ..audit.units_catalogue import CATALOGUE_PATH, write_catalogue
    from ..audit.units_generator import DEFAULT_SEED, generate
    output = Path(arguments.output) if arguments.output else CATALOGUE_PATH
    units = generate(arguments.seed if arguments.seed is not None else DEFAULT_SEED)
    write_catalogue(units, output)
    print(f"Skrev {len(units)} enheter till {output}.")
    return 0
