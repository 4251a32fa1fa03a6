"""Guests on the routed engine (DVM-06): a physical meeting runs on the SFU, and its guest's own link gives
a session that the SFU room admits with a key and a display name of its own; a guest of another meeting
gets the service's 404. Real sandbox, real Janus (the room is made on it), real HTTP; no browser."""

from __future__ import annotations

import re

import requests

from vardmote_qa.target.interface import GuestKind
from vardmote_qa.target.meeting_time import meeting_start
from vardmote_qa.target.sandbox import protocol

GUEST_NAME, GUEST_PHONE = "Greta Gästsson", "0701234567"


def _guest_session(target, environment, base_url: str, staff, visit_id: int) -> requests.Session:
    staff.invite_guest(visit_id, GUEST_NAME, GUEST_PHONE, GuestKind.RELATIVE)
    admin = target.staff_api(environment.admin.username, environment.admin.password)
    texts = [m["text"] for m in admin._call("GET", protocol.SMS_OUTBOX)
             if m.get("visit_id") == visit_id and GUEST_PHONE in m.get("phone", "")]
    link, = re.findall(r"https?://\S+/g/\S+", texts[-1])
    guest = requests.Session()
    guest.get(base_url.rstrip("/") + "/g/" + link.rsplit("/g/", 1)[1], timeout=10, allow_redirects=False)
    return guest


def test_a_physical_meetings_guest_joins_its_sfu_room_by_key_and_name(target, environment, target_base_url):
    staff = target.staff_api(environment.clinician.username, environment.clinician.password)
    visit = staff.book_physical_visit(environment.default_unit, environment.patients[0], meeting_start())
    staff.start_visit(visit.id)
    guest = _guest_session(target, environment, target_base_url, staff, visit.id)
    room = guest.get(target_base_url.rstrip("/") + protocol.visit(visit.id) + "/videorum", timeout=30)
    assert room.status_code == 200, room.text
    answer = room.json()
    assert answer["videomotor"] == "sfu" and answer["room"] and answer["server"].startswith("ws://127.0.0.1"), answer
    assert answer["names"].get(answer["self"]) == f"{GUEST_NAME} (anhörig)", answer
    assert not any(re.search(r"\d{8}-?\d{4}", name) for name in answer["names"].values()), answer["names"]

    other = staff.book_physical_visit(environment.default_unit, environment.patients[1], meeting_start())
    staff.start_visit(other.id)
    refused = guest.get(target_base_url.rstrip("/") + protocol.visit(other.id) + "/videorum", timeout=30)
    assert (refused.status_code, refused.json().get("detail")) == (404, protocol.VISIT_NOT_FOUND), refused.text
