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
    from ..run.record import resolve_run
    run_path = resolve_run(arguments.run)
    judge(run_path, _gate_options.gate_inputs(arguments))
    for name in ("report.html", "report.pdf", "decision.json", "decision.md", "junit.xml", "allure-report"):
        if (run_path / name).exists():
            print(run_path / name)
    return 0
