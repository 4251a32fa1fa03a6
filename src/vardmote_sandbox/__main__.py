"""`python -m vardmote_sandbox --port 8000 --database /tmp/sandbox.sqlite`: serve the sandbox."""

from __future__ import annotations

import argparse
import os

import uvicorn

from . import seed
from .app import create_app


def announce(host: str, port: int) -> None:
    """What a person needs to try the sandbox in a browser: the address and the test accounts."""
    print(f"Sandlådan: http://{host}:{port}/   (API-beskrivning: /docs, avsluta med Ctrl+C)")
    print(f"Vårdpersonal (lösenord '{seed.SANDBOX_STAFF_PASSWORD}'):")
    for staff in seed.STAFF:
        units = ", ".join(f"{unit} ({role})" for unit, role in staff.roles)
        print(f"  {staff.username:<14} {staff.name}, {staff.title}: {units}")
    print("Patienter: välj en testidentitet under 'Logga in med BankID' (syntetiska personnummer).", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="vardmote_sandbox", description="Sandlådan för digitala vårdmöten")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--database", default="sandbox.sqlite")
    parser.add_argument("--faults", default=os.environ.get("SANDBOX_FAULTS", ""))
    parser.add_argument("--weaknesses", default=os.environ.get("SANDBOX_WEAKNESSES", ""),
                        help="bara för test: öppna säkerhetshål (se weaknesses.py)")
    parser.add_argument("--announce", action="store_true", help="skriv adressen och testkontona vid start")
    arguments = parser.parse_args()
    if arguments.announce:
        announce(arguments.host, arguments.port)
    app = create_app(arguments.database, arguments.faults, arguments.weaknesses)
    uvicorn.run(app, host=arguments.host, port=arguments.port, log_level="warning", ws_ping_interval=20)


if __name__ == "__main__":
    main()
