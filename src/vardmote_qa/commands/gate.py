"""`vmqa gate [RUN]`: judge a run again with the criteria file, and rewrite its reports."""

from __future__ import annotations

from pathlib import Path

from .nightly import DEFAULT_GATE


def register(subparsers) -> None:
    parser = subparsers.add_parser("gate", help="utvärdera grinden igen för en körning")
    parser.add_argument("run", nargs="?", default=None, help="körnings-id eller mapp (standard: senaste)")
    parser.add_argument("--gate", default=str(DEFAULT_GATE))
    parser.add_argument("--strict", action="store_true")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..gate.messages_sv import VERDICT_TEXT, sentence
    from ..nightly import exit_code_for, gate_and_report
    from ..run.record import resolve_run
    decision = gate_and_report(resolve_run(arguments.run), Path(arguments.gate))
    print(f"Beslut: {VERDICT_TEXT[decision.verdict]}")
    for reason in decision.reasons:
        print(f"  – {sentence(reason)}")
    return exit_code_for(decision, arguments.strict)
