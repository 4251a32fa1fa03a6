"""`vmqa nightly`: the whole run (target, acceptance, gate, reports)."""

from __future__ import annotations

from pathlib import Path

from ..config import PROJECT_ROOT

DEFAULT_GATE = PROJECT_ROOT / "gates" / "release.yaml"


def register(subparsers) -> None:
    parser = subparsers.add_parser("nightly", help="hela nattkörningen: mål, acceptans, grind, rapporter")
    parser.add_argument("--env", default="local", help="miljö i environments/ (standard: local)")
    parser.add_argument("--gate", default=str(DEFAULT_GATE), help="kriteriefil (standard: gates/release.yaml)")
    parser.add_argument("--urval", default=None, help="pytest-markeringsuttryck, t.ex. 'smoke'")
    parser.add_argument("--strict", action="store_true", help="GO MED RISK ger också felkod")
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..nightly import NightlyOptions, run_nightly
    return run_nightly(NightlyOptions(environment=arguments.env, gate_file=Path(arguments.gate),
                                      selection=arguments.urval, strict=arguments.strict))
