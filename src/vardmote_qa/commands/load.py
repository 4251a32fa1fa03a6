"""`vmqa load`: Locust headless with a shape from the load model, into a run folder; `vmqa load model`
prints the model's derivation. `--master`/`--worker` spread the load over several machines."""

from __future__ import annotations

import math


def register(subparsers) -> None:
    parser = subparsers.add_parser("load", help="lasttest med en form ur lastmodellen (eller: load model)")
    parser.add_argument("what", nargs="?", choices=["model"], help="'model' skriver ut lastmodellens härledning")
    parser.add_argument("--env", default="local", help="miljö i environments/ (standard: local)")
    parser.add_argument("--shape", default="halvtimmesrusning",
                        help="vardag, halvtimmesrusning, morgonrusning, pandemi eller uthallighet")
    parser.add_argument("--minutes", default=None, help="kör formen på så här många minuter")
    parser.add_argument("--scale", default="1", help="andel av modellens last (standard 1)")
    parser.add_argument("--processes", default="0", help="antal Locust-arbetsprocesser på den här datorn")
    parser.add_argument("--master", action="store_true", help="kör som master och vänta på arbetare")
    parser.add_argument("--expect-workers", default="1", help="så många arbetare väntar mastern på")
    parser.add_argument("--worker", action="store_true", help="kör som arbetare åt en master")
    parser.add_argument("--master-host", default="127.0.0.1", help="masterns adress (för --worker)")
    parser.add_argument("--master-port", default="5557", help="masterns port")
    parser.set_defaults(handler=handle)


def _number(text: str, what: str, low: float, high: float, whole: bool = False) -> float:
    from ..errors import UserError
    try:
        value = float(text)
    except (TypeError, ValueError):
        value = math.nan
    if not (low <= value <= high) or (whole and value != int(value)):
        kind = "ett heltal" if whole else "ett tal"
        raise UserError(f"{what} måste vara {kind} mellan {low:g} och {high:g}, inte '{text}'.")
    return value


def handle(arguments) -> int:
    from ..load.model import load_model
    from ..load.shapes import plan
    minutes = None if arguments.minutes is None else _number(arguments.minutes, "--minutes", 0.1, 1440)
    scale = _number(arguments.scale, "--scale", 0.01, 10)
    model = load_model()
    planned = plan(model, arguments.shape, minutes, scale)  # planned once, here; an unknown shape stops here
    if arguments.what == "model":
        from ..load.report import print_model
        print_model(model, planned)
        return 0
    processes = int(_number(arguments.processes, "--processes", 0, 64, whole=True))
    from ..config import load_environment
    environment = load_environment(arguments.env)
    from ..load import cli_runs
    if arguments.worker:
        return cli_runs.worker(environment, planned, processes, arguments.master_host,
                               int(_number(arguments.master_port, "--master-port", 1, 65535, whole=True)))
    workers = int(_number(arguments.expect_workers, "--expect-workers", 1, 256, whole=True)) if arguments.master else 0
    return cli_runs.headless(environment, planned, processes, workers,
                             int(_number(arguments.master_port, "--master-port", 1, 65535, whole=True)))
