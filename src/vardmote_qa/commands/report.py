"""`vmqa report [RUN]`: write a run's reports (HTML, PDF, JSON, Markdown, JUnit, Allure) into its folder."""

from __future__ import annotations

from . import _gate_options


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="skriv rapporterna för en körning (standard: senaste)")
    parser.add_argument("run", nargs="?", default=None, help="körnings-id eller mapp")
    _gate_options.add_to(parser)
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..judging import judge
    from ..publishing import publish
    from ..run.record import resolve_run
    inputs = _gate_options.gate_inputs(arguments)
    judgement = judge(resolve_run(arguments.run), inputs)
    publish(judgement, inputs)
    for path in judgement.layout.reports:
        if path.exists():
            print(path)
    return 0
