"""`vmqa history`: the runs in the history store, newest first."""

from __future__ import annotations

from ..history.store import DEFAULT_PATH


def register(subparsers) -> None:
    parser = subparsers.add_parser("history", help="lista tidigare körningar och deras beslut")
    parser.add_argument("--env", default=None, help="bara denna miljö")
    parser.add_argument("--antal", type=int, default=20, help="antal körningar (standard 20)")
    parser.add_argument("--historik", default=str(DEFAULT_PATH), help="historikdatabas (SQLite-fil)")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from pathlib import Path

    from ..history.store import HistoryStore
    store = HistoryStore(Path(arguments.historik))
    try:
        runs = store.runs(arguments.env, arguments.antal)
    finally:
        store.close()
    if not runs:
        print("Historiken är tom: ingen körning har bedömts än.")
        return 0
    print(f"{'Körning':<22} {'Miljö':<8} {'Beslut':<12} {'Godkända':>9}  Start")
    for run in runs:
        rate = f"{run.pass_rate:.0%}" if run.pass_rate is not None else "–"
        print(f"{run.run_id:<22} {run.environment:<8} {run.verdict:<12} {rate:>9}  {run.started_at}")
    return 0
