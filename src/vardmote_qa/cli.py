"""`vmqa`: the command line. Bad input is one Swedish sentence and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import sys

from .commands import COMMANDS
from .errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vmqa", description="Test och releasebeslut för digitala vårdmöten")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subparsers)
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
