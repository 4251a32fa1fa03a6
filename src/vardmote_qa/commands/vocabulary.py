"""`vmqa vocabulary`: write the step vocabulary for testers (docs/vocabulary.md), or with --check hold feature
files to it before anything runs. Both read the accepted values from the target (the sandbox is started for
the `local` environment) and the configuration."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from ..config import PROJECT_ROOT, load_environment
from ..exitcodes import BAD_INPUT

DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "vocabulary.md"


def register(subparsers) -> None:
    parser = subparsers.add_parser("vocabulary", help="skriv stegvokabulären, eller kontrollera featurefiler mot den")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="fil att skriva (standard: docs/vocabulary.md)")
    parser.add_argument("--check", nargs="*", metavar="FIL", default=None,
                        help="kontrollera featurefiler (eller mappar) mot vokabulären i stället för att skriva den "
                             "(standard: features/)")
    parser.add_argument("--env", default="local", help="miljön vars mottagningar och tolkspråk gäller (standard: local)")
    parser.add_argument("--target-url", default=None, help="en redan startad målmiljö att läsa värdena från")
    parser.set_defaults(handler=handle)


@contextlib.contextmanager
def _accepted_values(environment_name: str, base_url: str | None):
    from ..target import open_target, up
    from ..vocabulary.values import read_accepted_values
    environment = load_environment(environment_name)
    with tempfile.TemporaryDirectory(prefix="vmqa-vocabulary-") as work_dir, \
            up(environment, Path(work_dir), base_url=base_url) as running:
        yield read_accepted_values(open_target(environment, running.base_url), environment)


def check_files(paths: list[Path], values) -> list:
    """Every problem of the feature files (or folders) against the vocabulary, in file order."""
    from ..pytest_plugin.tags import known_tags
    from ..vocabulary.check import Checker, feature_files
    from ..vocabulary.steps import collect
    checker = Checker(collect(), values, known_tags())
    problems = []
    for path in feature_files(paths):
        shown = path.resolve().relative_to(PROJECT_ROOT) if path.resolve().is_relative_to(PROJECT_ROOT) else path
        problems += checker.check_file(path, str(shown))
    return problems


def handle(arguments) -> int:
    if arguments.check is not None:
        paths = [Path(name) for name in arguments.check] or [PROJECT_ROOT / "features"]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            print(f"Featurefilen {missing[0]} finns inte.")
            return BAD_INPUT
        with _accepted_values(arguments.env, arguments.target_url) as values:
            problems = check_files(paths, values)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} steg går inte att köra som de står; inget har körts.")
            return BAD_INPUT
        print(f"Alla steg i {', '.join(str(path) for path in paths)} finns i vokabulären.")
        return 0
    from ..vocabulary.document import as_markdown
    from ..vocabulary.steps import collect
    definitions = collect()
    with _accepted_values(arguments.env, arguments.target_url) as values:
        Path(arguments.output).write_text(as_markdown(definitions, values), encoding="utf-8")
    print(f"Stegvokabulären ({len(definitions)} steg) skrevs till {arguments.output}.")
    return 0
