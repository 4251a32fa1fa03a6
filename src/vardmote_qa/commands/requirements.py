"""`vmqa requirements [RUN] [--allure DIR]`: the traceability matrix, requirement → scenarios → result."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("requirements", help="spårbarhet: krav, scenarier och senaste resultat")
    parser.add_argument("run", nargs="?", default=None, help="körnings-id eller mapp (standard: senaste)")
    parser.add_argument("--allure", default=None, help="läs en Allure-resultatmapp i stället för en körning")
    parser.add_argument("--markdown", action="store_true", help="skriv matrisen som Markdown-tabell")
    parser.add_argument("--output", default=None, help="skriv till den här filen i stället för till skärmen")
    parser.add_argument("--strict", action="store_true",
                        help="avsluta med 1 om ett krav i nästa release är underkänt eller ej verifierat")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..errors import UserError
    from ..requirements import load_catalogue
    from ..run.acceptance_results import read_scenarios
    from ..run.layout import RunLayout
    from ..run.record import resolve_run
    from ..traceability import Coverage, as_markdown, as_text, trace, unknown_requirements

    results = Path(arguments.allure) if arguments.allure else RunLayout(resolve_run(arguments.run)).allure_results
    if not results.is_dir():
        raise UserError(f"Det finns inga acceptansresultat i {results}.")
    catalogue = load_catalogue()
    scenarios = read_scenarios(results)
    rows = trace(catalogue, scenarios)
    text = (as_markdown if arguments.markdown else as_text)(rows, str(results))
    unknown = unknown_requirements(catalogue, scenarios)
    if unknown:
        text += f"\nKrav i resultaten som saknas i katalogen: {', '.join(sorted(unknown))}\n"
    if arguments.output:
        Path(arguments.output).write_text(text, encoding="utf-8")
        print(f"Spårbarhetsmatrisen skrevs till {arguments.output}.")
    else:
        print(text, end="")
    release_gaps = [row for row in rows if "nästa" in row.requirement.scope and row.coverage is not Coverage.VERIFIED]
    return 1 if arguments.strict and release_gaps else 0
