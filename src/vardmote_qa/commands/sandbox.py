"""`vmqa sandbox`: serve the sandbox for a person to try in a browser."""

from __future__ import annotations

from pathlib import Path

from ..config import PROJECT_ROOT


def register(subparsers) -> None:
    parser = subparsers.add_parser("sandbox", help="starta sandlådan för att prova i en webbläsare")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--data", default=str(PROJECT_ROOT / "reports" / "sandbox"), help="mapp för databasen")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..target.sandbox.runner import serve_forever
    serve_forever(Path(arguments.data), arguments.port)
    return 0
