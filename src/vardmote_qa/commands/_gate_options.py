"""The options every judging command shares: criteria file, waivers file, history, today's date.
The criteria and waivers are parsed here, once, and passed down as GateRules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import PROJECT_ROOT
from ..errors import UserError
from ..history.store import DEFAULT_PATH
from ..judging import GateInputs, load_rules

DEFAULT_GATE = PROJECT_ROOT / "gates" / "release.yaml"
DEFAULT_WAIVERS = PROJECT_ROOT / "gates" / "waivers.yaml"


def add_to(parser) -> None:
    parser.add_argument("--gate", default=str(DEFAULT_GATE), help="kriteriefil (standard: gates/release.yaml)")
    parser.add_argument("--undantag", default=str(DEFAULT_WAIVERS),
                        help="undantag och karantän (standard: gates/waivers.yaml)")
    parser.add_argument("--historik", default=str(DEFAULT_PATH), help="historikdatabas (SQLite-fil)")
    parser.add_argument("--datum", default=None, help="dagens datum för undantagens giltighet, ÅÅÅÅ-MM-DD")
    parser.add_argument("--utan-pdf", action="store_true", help="skriv ingen PDF")


def gate_inputs(arguments) -> GateInputs:
    try:
        today = dt.date.fromisoformat(arguments.datum) if arguments.datum else dt.date.today()
    except ValueError:
        raise UserError(f"--datum måste vara ett datum ÅÅÅÅ-MM-DD, inte '{arguments.datum}'.") from None
    waivers = Path(arguments.undantag)
    if arguments.undantag != str(DEFAULT_WAIVERS) and not waivers.is_file():
        raise UserError(f"Undantagsfilen {waivers} finns inte.")
    return GateInputs(rules=load_rules(Path(arguments.gate), waivers), history_path=Path(arguments.historik),
                      today=today, pdf=not arguments.utan_pdf)
