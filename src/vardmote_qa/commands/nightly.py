"""`vmqa nightly`: the whole run (target, acceptance, video, load, gate, reports, history)."""

from __future__ import annotations

from ..run.parts import ALL_PARTS
from . import _gate_options

DEFAULT_GATE = _gate_options.DEFAULT_GATE


def register(subparsers) -> None:
    parser = subparsers.add_parser("nightly", help="hela nattkörningen: mål, acceptans, video, last, grind, rapporter")
    parser.add_argument("--env", default="local", help="miljö i environments/ (standard: local)")
    parser.add_argument("--delar", default=",".join(ALL_PARTS),
                        help=f"delar att köra, kommaseparerade (standard: {','.join(ALL_PARTS)}); färre delar är en "
                             "delkörning, inget releasebeslut")
    parser.add_argument("--urval", default=None, help="pytest-markeringsuttryck för scenarierna, t.ex. 'smoke'")
    parser.add_argument("--omkorningar", type=int, default=1, help="omkörningar av underkända scenarier (standard 1)")
    parser.add_argument("--lastprofil", default="halvtimmesrusning",
                        help="lastprofil för lastdelen (standard: halvtimmesrusning, anslutningsrusningar)")
    parser.add_argument("--lastminuter", type=float, default=2.0, help="lastdelens längd i minuter (standard 2)")
    parser.add_argument("--lastskala", type=float, default=1.0,
                        help="andel av lastmodellens last i lastdelen (standard 1; 0,1 för en kort kontroll)")
    parser.add_argument("--sandlada-fel", default="", help="felinjicering i sandlådan, t.ex. 'error_rate=0.2'")
    parser.add_argument("--videobesok", type=int, default=None,
                        help="videokampanjens besök per profil (standard: planerat ur grindens minsta felandel att "
                             "fånga och tidsbudgeten i media/campaign.yaml; formeln skrivs ut)")
    parser.add_argument("--strict", action="store_true", help="GO MED RISK ger också felkod 1")
    _gate_options.add_to(parser)
    parser.set_defaults(handler=handle)


def handle(arguments) -> int:
    from ..nightly import NightlyOptions, run_nightly
    parts = tuple(part.strip() for part in arguments.delar.split(",") if part.strip())
    return run_nightly(NightlyOptions(
        environment=arguments.env, gate=_gate_options.gate_inputs(arguments), parts=parts,
        selection=arguments.urval, strict=arguments.strict, reruns=arguments.omkorningar,
        load_shape=arguments.lastprofil, load_minutes=arguments.lastminuter,
        load_scale=arguments.lastskala, sandbox_faults=arguments.sandlada_fel, video_visits=arguments.videobesok))
