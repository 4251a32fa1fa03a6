"""Which engine a meeting of more than two runs on (vardmote_sandbox/video_engines.py): a visit with an
interpreter need is on the SFU whatever the unit's engine, since patient, staff and interpreter take part and
the p2p engine joins two; one without keeps the unit's. The sandbox's own database on a file, no process:
the three-party call itself is features/tolk/'s."""

from __future__ import annotations

from vardmote_sandbox import video_engines
from vardmote_sandbox.db import Database


def _visit(database: Database, interpreter_language: str | None) -> dict:
    unit_id = database.query_one("SELECT id FROM units LIMIT 1")["id"]
    visit_id = database.execute(
        "INSERT INTO visits (unit_id, starts_at, kind, status, origin, invite_token, created_at,"
        " interpreter_language) VALUES (?, '2026-12-02T10:00', 'video', 'ko', 'patient', ?, 0, ?)",
        (unit_id, f"t{interpreter_language}", interpreter_language))
    return {"id": visit_id, "unit_id": unit_id, "interpreter_language": interpreter_language}


def test_an_interpreter_need_puts_the_visit_on_the_sfu_whatever_the_units_engine(tmp_path):
    database = Database(tmp_path / "sandbox.db")
    database.seed_if_empty()
    video_engines.ensure_schema(database)
    with_need, without = _visit(database, "arabiska"), _visit(database, None)
    assert video_engines.unit_engine(database, with_need["unit_id"])["videomotor"] == "p2p"
    assert video_engines.engine_of(database, with_need) == "sfu"
    assert video_engines.engine_of(database, without) == "p2p"
