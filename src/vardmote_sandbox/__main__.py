"""`python -m vardmote_sandbox --port 8000 --database /tmp/sandbox.sqlite`: serve the sandbox."""

from __future__ import annotations

import argparse
import os

import uvicorn

from .app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="vardmote_sandbox", description="Sandlådan för digitala vårdmöten")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--database", default="sandbox.sqlite")
    parser.add_argument("--faults", default=os.environ.get("SANDBOX_FAULTS", ""))
    arguments = parser.parse_args()
    app = create_app(arguments.database, arguments.faults)
    uvicorn.run(app, host=arguments.host, port=arguments.port, log_level="warning", ws_ping_interval=20)


if __name__ == "__main__":
    main()
