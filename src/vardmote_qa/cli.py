"""`vmqa`: the command line. Bad input is one Swedish sentence and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import PROJECT_ROOT
from .errors import UserError

DEFAULT_GATE = PROJECT_ROOT / "gates" / "release.yaml"


def _nightly(arguments) -> int:
    from .nightly import NightlyOptions, run_nightly
    return run_nightly(NightlyOptions(environment=arguments.env, gate_file=Path(arguments.gate),
                                      selection=arguments.urval, strict=arguments.strict))


def _gate(arguments) -> int:
    from .gate.messages_sv import VERDICT_TEXT, sentence
    from .nightly import exit_code_for, gate_and_report
    from .run.record import resolve_run
    run_path = resolve_run(arguments.run)
    decision = gate_and_report(run_path, Path(arguments.gate))
    print(f"Beslut: {VERDICT_TEXT[decision.verdict]}")
    for reason in decision.reasons:
        print(f"  – {sentence(reason)}")
    return exit_code_for(decision, arguments.strict)


def _sandbox(arguments) -> int:
    from .sandbox_runner import serve_forever
    print(f"Sandlådan startar på http://127.0.0.1:{arguments.port}/")
    print("Logga in som vårdpersonal: anna.lund (Vårdcentralen Hisingen, Hälsocoach online), erik.berg, "
          "sara.holm, omar.nilsson, lena.ek, admin – lösenord: sandlada")
    print("Logga in som patient: välj en testidentitet under 'Logga in med BankID'.")
    print("API-beskrivning: /docs. Avsluta med Ctrl+C.")
    serve_forever(Path(arguments.data), arguments.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vmqa", description="Test och releasebeslut för digitala vårdmöten")
    commands = parser.add_subparsers(dest="command", required=True)

    nightly = commands.add_parser("nightly", help="hela nattkörningen: mål, acceptans, grind, rapporter")
    nightly.add_argument("--env", default="local", help="miljö i environments/ (standard: local)")
    nightly.add_argument("--gate", default=str(DEFAULT_GATE), help="kriteriefil (standard: gates/release.yaml)")
    nightly.add_argument("--urval", default=None, help="pytest-markeringsuttryck, t.ex. 'smoke'")
    nightly.add_argument("--strict", action="store_true", help="GO MED RISK ger också felkod")
    nightly.set_defaults(handler=_nightly)

    gate = commands.add_parser("gate", help="utvärdera grinden igen för en körning")
    gate.add_argument("run", nargs="?", default=None, help="körnings-id eller mapp (standard: senaste)")
    gate.add_argument("--gate", default=str(DEFAULT_GATE))
    gate.add_argument("--strict", action="store_true")
    gate.set_defaults(handler=_gate)

    sandbox = commands.add_parser("sandbox", help="starta sandlådan för att prova i en webbläsare")
    sandbox.add_argument("--port", type=int, default=8000)
    sandbox.add_argument("--data", default=str(PROJECT_ROOT / "reports" / "sandbox"),
                         help="mapp för sandlådans databas")
    sandbox.set_defaults(handler=_sandbox)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        return arguments.handler(arguments)
    except UserError as error:
        print(f"vmqa: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("vmqa: avbruten.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
