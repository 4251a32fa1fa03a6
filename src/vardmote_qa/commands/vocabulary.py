"""`vmqa vocabulary`: write the step vocabulary (every step phrase with an example) for testers."""

from __future__ import annotations

from pathlib import Path

from ..config import PROJECT_ROOT

DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "vocabulary.md"


def register(subparsers) -> None:
    parser = subparsers.add_parser("vocabulary", help="skriv stegvokabulären (alla steg med exempel)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="fil att skriva (standard: docs/vocabulary.md)")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..actors.roles import ROLES
    from ..vocabulary import as_markdown, collect
    entries = collect()
    Path(arguments.output).write_text(as_markdown(entries, ROLES), encoding="utf-8")
    print(f"Stegvokabulären ({len(entries)} steg) skrevs till {arguments.output}.")
    return 0
