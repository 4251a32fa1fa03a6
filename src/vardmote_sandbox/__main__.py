"""`python -m vardmote_sandbox --port 8000 --database /tmp/sandbox.sqlite`: serve the sandbox."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

import uvicorn

from . import seed
from .app import create_app
from .faults import with_drawn_seed
from .janus.process import JanusProcess, JanusUnavailable
from .janus.rooms import JanusRooms
from .turn.process import RelayUnavailable, TurnRelay


def start_relay(database: str, wanted: str) -> TurnRelay | None:
    """The TURN relay on loopback beside the database (its own folder); without it, media take host candidates."""
    if wanted == "av":
        return None
    try:
        return TurnRelay(Path(database).resolve().parent / "turn").start()
    except (RelayUnavailable, OSError) as error:
        print(str(error), flush=True)
        return None


def start_janus(database: str, wanted: str) -> JanusRooms:
    """The routed video engine beside the database (its own folder); without it, SFU meetings say why."""
    if wanted == "av":
        return JanusRooms(None, "Den routade videomotorn (Janus) är avstängd i den här sandlådan.")
    try:
        return JanusRooms(JanusProcess(Path(database).resolve().parent / "janus").start())
    except (JanusUnavailable, OSError) as error:
        print(str(error), flush=True)
        return JanusRooms(None, str(error))


def announce(host: str, port: int) -> None:
    """What a person needs to try the sandbox in a browser: the address and the test accounts."""
    print(f"Sandlådan: http://{host}:{port}/   (API-beskrivning: /docs, avsluta med Ctrl+C)")
    print(f"Vårdpersonal (lösenord '{seed.SANDBOX_STAFF_PASSWORD}'):")
    for staff in seed.STAFF:
        units = ", ".join(f"{unit} ({role})" for unit, role in staff.roles)
        print(f"  {staff.username:<14} {staff.name}, {staff.title}: {units}")
    print("Patienter: välj en testidentitet under 'Logga in med BankID' (syntetiska personnummer).", flush=True)


def _exit_on_signal(_signum, _frame) -> None:
    raise SystemExit(0)


def main() -> None:
    parser = argparse.ArgumentParser(prog="vardmote_sandbox", description="Sandlådan för digitala vårdmöten")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--database", default="sandbox.sqlite")
    parser.add_argument("--faults", default=os.environ.get("SANDBOX_FAULTS", ""))
    parser.add_argument("--weaknesses", default=os.environ.get("SANDBOX_WEAKNESSES", ""),
                        help="bara för test: öppna säkerhetshål (se weaknesses.py)")
    parser.add_argument("--janus", choices=("på", "av"), default=os.environ.get("SANDBOX_JANUS", "på"),
                        help="starta den routade videomotorn (Janus) för SFU-möten")
    parser.add_argument("--turn", choices=("på", "av"), default=os.environ.get("SANDBOX_TURN", "av"),
                        help="låt p2p-möten gå genom ett TURN-relä på 127.0.0.1 (coturn); inte SFU-möten")
    parser.add_argument("--announce", action="store_true", help="skriv adressen och testkontona vid start")
    arguments = parser.parse_args()
    if arguments.announce:
        announce(arguments.host, arguments.port)
    fault_spec, drawn_seed = with_drawn_seed(arguments.faults)
    if drawn_seed is not None:
        print(f"Sandlådan: mediefelen dras med media_fault_seed={drawn_seed} (ange den för att få samma fel i "
              "samma besök igen).", file=sys.stderr, flush=True)
    # uvicorn shuts down on SIGTERM, then raises the signal again with the handler it found: without one of
    # ours that ends the process on the spot, and the `finally` below (Janus's and the relay's cleaned copies,
    # their private folders removed) would never run.
    for stopping in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stopping, _exit_on_signal)
    relay = start_relay(arguments.database, arguments.turn)
    rooms = start_janus(arguments.database, arguments.janus)
    try:
        app = create_app(arguments.database, fault_spec, arguments.weaknesses)
        app.state.janus_rooms = rooms
        app.state.turn_relay = relay
        uvicorn.run(app, host=arguments.host, port=arguments.port, log_level="warning", ws_ping_interval=20)
    finally:
        rooms.stop()
        if relay is not None:
            relay.stop()


if __name__ == "__main__":
    main()
