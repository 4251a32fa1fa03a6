"""`vmqa gate [RUN]`: judge a run again (criteria, waivers, history) and rewrite its reports."""

from __future__ import annotations

from . import _gate_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("gate", help="utvärdera grinden för en körning och skriv om rapporterna")
    parser.add_argument("run", nargs="?", default=None, help="körnings-id eller mapp (standard: senaste)")
    parser.add_argument("--strict", action="store_true", help="GO MED RISK ger också felkod 1")
    _gate_options.add_to(parser)
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..judging import judge
    from ..publishing import exit_code_for, print_decision, publish
    from ..run.record import resolve_run
    inputs = _gate_options.gate_inputs(arguments)
    judgement = judge(resolve_run(arguments.run), inputs)
    publish(judgement, inputs)
    print_decision(judgement)
    return exit_code_for(judgement.decision, arguments.strict)
