"""The sandbox as a service: login guard, booking with SMS, the visit lifecycle, chat over WebSocket; the
platform's protocol module and target.up against it."""

import datetime as dt
import json
import re
import time

import pytest
import requests
import websocket

from vardmote_qa.config import load_environment
from vardmote_qa.target.sandbox.runner import free_port
from vardmote_qa.target import TargetDown, up
from vardmote_qa.target.interface import ConsentPage
from vardmote_qa.target.meeting_time import meeting_start
from vardmote_qa.target.sandbox import protocol
from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

PATIENT, OTHER_PATIENT = PATIENTS[0], PATIENTS[1]


def staff_session(sandbox, username="anna.lund"):
    session = requests.Session()
    response = session.post(f"{sandbox.base_url}/api/session/staff",
                            json={"username": username, "password": SANDBOX_STAFF_PASSWORD}, timeout=5)
    assert response.status_code == 200
    return session


def patient_session(sandbox, personnummer=PATIENT.personnummer):
    session = requests.Session()
    response = session.post(f"{sandbox.base_url}/api/session/bankid", json={"personnummer": personnummer}, timeout=5)
    assert response.status_code == 200
    return session


def unit_id(session, sandbox, slug):
    return next(u["id"] for u in session.get(f"{sandbox.base_url}/api/units", timeout=5).json() if u["slug"] == slug)


def book(sandbox, staff, kind="video", personnummer=PATIENT.personnummer):
    body = {"unit_id": unit_id(staff, sandbox, "vardcentralen-hisingen"), "personnummer": personnummer,
            "starts_at": meeting_start(), "kind": kind}
    response = staff.post(f"{sandbox.base_url}/api/visits", json=body, timeout=5)
    assert response.status_code == 201, response.text
    return response.json()


def test_health_version_and_openapi_are_public(sandbox):
    assert requests.get(f"{sandbox.base_url}/health", timeout=5).json()["status"] == "ok"
    assert requests.get(f"{sandbox.base_url}/version", timeout=5).json()["service"] == "vardmote-sandbox"
    paths = requests.get(f"{sandbox.base_url}/openapi.json", timeout=5).json()["paths"]
    assert "/api/visits/{visit_id}/admit" in paths


@pytest.mark.parametrize("path", ["/", "/sms", "/besok/1"])
def test_pages_send_an_anonymous_visitor_to_login(sandbox, path):
    response = requests.get(f"{sandbox.base_url}{path}", allow_redirects=False, timeout=5)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/logga-in?next=")


@pytest.mark.parametrize("path", ["/api/me", "/api/units", "/api/visits", "/api/sms-outbox"])
def test_the_api_refuses_an_anonymous_caller(sandbox, path):
    assert requests.get(f"{sandbox.base_url}{path}", timeout=5).status_code == 401


def test_wrong_password_and_unknown_identity_are_refused(sandbox):
    assert requests.post(f"{sandbox.base_url}/api/session/staff",
                         json={"username": "anna.lund", "password": "fel"}, timeout=5).status_code == 401
    assert requests.post(f"{sandbox.base_url}/api/session/bankid",
                         json={"personnummer": "196408233234"}, timeout=5).status_code == 401


def test_the_session_cookie_is_http_only(sandbox):
    response = requests.post(f"{sandbox.base_url}/api/session/staff",
                             json={"username": "anna.lund", "password": SANDBOX_STAFF_PASSWORD}, timeout=5)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_booking_sends_an_sms_with_a_link_that_leads_to_login_and_the_visit(sandbox):
    staff = staff_session(sandbox)
    visit = book(sandbox, staff)
    outbox = staff.get(f"{sandbox.base_url}/api/sms-outbox", params={"visit_id": visit["id"]}, timeout=5).json()
    assert len(outbox) == 1 and outbox[0]["phone"] == PATIENT.phone
    link = next(word for word in outbox[0]["text"].split() if word.startswith("http"))
    response = requests.get(link, allow_redirects=False, timeout=5)
    assert response.headers["location"] == f"/logga-in?next=/besok/{visit['id']}"


def test_a_patient_cannot_see_another_patients_visit(sandbox):
    visit = book(sandbox, staff_session(sandbox))
    other = patient_session(sandbox, OTHER_PATIENT.personnummer)
    assert other.get(f"{sandbox.base_url}/api/visits/{visit['id']}", timeout=5).status_code == 404
    assert other.get(f"{sandbox.base_url}/besok/{visit['id']}", timeout=5).status_code == 404


def test_staff_without_a_role_at_the_unit_cannot_book_there(sandbox):
    staff = staff_session(sandbox, "sara.holm")
    body = {"unit_id": unit_id(staff, sandbox, "vardcentralen-hisingen"), "personnummer": PATIENT.personnummer,
            "starts_at": meeting_start(), "kind": "video"}
    assert staff.post(f"{sandbox.base_url}/api/visits", json=body, timeout=5).status_code == 403


def test_visit_lifecycle_booked_waiting_in_progress_closed(sandbox):
    staff, patient = staff_session(sandbox), patient_session(sandbox)
    visit_id = book(sandbox, staff)["id"]
    base = f"{sandbox.base_url}/api/visits/{visit_id}"
    assert staff.post(f"{base}/admit", timeout=5).status_code == 409  # nobody is waiting yet
    assert patient.post(f"{base}/check-in", timeout=5).json()["status"] == "vantar"
    waiting = staff.get(f"{sandbox.base_url}/api/visits", params={"status": "vantar"}, timeout=5).json()
    assert visit_id in [v["id"] for v in waiting]
    assert patient.post(f"{base}/admit", timeout=5).status_code == 403
    assert staff.post(f"{base}/admit", timeout=5).json()["status"] == "pagar"
    assert staff.post(f"{base}/close", timeout=5).json()["status"] == "avslutat"
    assert patient.post(f"{base}/check-in", timeout=5).status_code == 409


def _socket(sandbox, session, visit_id):
    cookie = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
    connection = websocket.create_connection(f"ws://127.0.0.1:{sandbox.port}/ws/visits/{visit_id}",
                                             cookie=cookie, timeout=5)
    hello = json.loads(connection.recv())
    assert hello["type"] == "hello"
    return connection


def _next_of_type(connection, kind):
    while True:
        message = json.loads(connection.recv())
        if message["type"] == kind:
            return message


def test_chat_travels_over_the_websocket_in_order_and_is_stored(sandbox):
    staff, patient = staff_session(sandbox), patient_session(sandbox)
    visit_id = book(sandbox, staff, kind="chatt")["id"]
    staff_socket, patient_socket = _socket(sandbox, staff, visit_id), _socket(sandbox, patient, visit_id)
    try:
        texts = [f"meddelande {n} åäö <b>fet</b>" for n in range(20)]
        for seq, text in enumerate(texts, start=1):
            patient_socket.send(json.dumps({"type": "chat", "text": text, "seq": seq, "sent_at": time.time()}))
        received = [_next_of_type(staff_socket, "chat")["message"] for _ in texts]
        assert [m["text"] for m in received] == texts
        assert [m["sender_seq"] for m in received] == list(range(1, 21))
        stored = staff.get(f"{sandbox.base_url}/api/visits/{visit_id}/messages", timeout=5).json()
        assert [m["text"] for m in stored] == texts
    finally:
        staff_socket.close()
        patient_socket.close()


def test_closing_the_visit_tells_every_participant(sandbox):
    staff, patient = staff_session(sandbox), patient_session(sandbox)
    visit_id = book(sandbox, staff)["id"]
    patient.post(f"{sandbox.base_url}/api/visits/{visit_id}/check-in", timeout=5)
    staff.post(f"{sandbox.base_url}/api/visits/{visit_id}/admit", timeout=5)
    patient_socket = _socket(sandbox, patient, visit_id)
    try:
        staff.post(f"{sandbox.base_url}/api/visits/{visit_id}/close", timeout=5)
        assert _next_of_type(patient_socket, "visit-closed")["type"] == "visit-closed"
    finally:
        patient_socket.close()


def test_a_stranger_cannot_open_the_visit_socket(sandbox):
    visit_id = book(sandbox, staff_session(sandbox))["id"]
    other = patient_session(sandbox, OTHER_PATIENT.personnummer)
    cookie = "; ".join(f"{name}={value}" for name, value in other.cookies.items())
    connection = websocket.create_connection(f"ws://127.0.0.1:{sandbox.port}/ws/visits/{visit_id}",
                                             cookie=cookie, timeout=5)
    opcode, data = connection.recv_data(control_frame=True)  # closed before any greeting: "not found"
    assert opcode == websocket.ABNF.OPCODE_CLOSE and int.from_bytes(data[:2], "big") == 4404


def test_a_meeting_starts_ahead_of_now_whatever_the_day():
    now = dt.datetime(2031, 3, 4, 23, 30)
    assert meeting_start(now=now) == "2031-03-05T00:30"
    assert meeting_start(dt.timedelta(days=1), at=dt.time(10, 0), now=now) == "2031-03-05T10:00"
    assert meeting_start() > dt.datetime.now().strftime("%Y-%m-%dT%H:%M")


def test_every_route_of_the_protocol_is_one_the_sandbox_serves(sandbox):
    served = [re.compile("^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(path)) + "$")
              for path in requests.get(f"{sandbox.base_url}/openapi.json", timeout=5).json()["paths"]]
    routes = [protocol.STAFF_LOGIN, protocol.PATIENT_LOGIN, protocol.ANONYMOUS_LOGIN, protocol.SESSION, protocol.ME,
              protocol.UNITS, protocol.VISITS, protocol.QUEUE, protocol.ERRANDS, protocol.CONSENTS,
              protocol.SMS_OUTBOX, protocol.ADMIN_STAFF, protocol.FAULTS, protocol.visit(7),
              protocol.visit_check_in(7), protocol.visit_admit(7), protocol.visit_close(7), protocol.visit_pick_up(7),
              protocol.visit_reminder(7), protocol.visit_messages(7), protocol.consent(3, ConsentPage.VISIT_PAGE),
              protocol.unit_texts(3), protocol.unit_consent_pages(3),
              protocol.unit_consent_page(3, ConsentPage.ERRAND_PAGE), protocol.personal_data(7)]
    unserved = [route for route in routes if not any(pattern.match(route) for pattern in served)]
    assert not unserved
    assert requests.get(f"{sandbox.base_url}{protocol.VERSION}", timeout=5).ok
    assert requests.get(f"{sandbox.base_url}{protocol.HEALTH}", timeout=5).ok


def test_target_up_uses_a_given_address_as_is_and_checks_its_version(sandbox, tmp_path):
    with up(load_environment("local"), tmp_path, base_url=sandbox.base_url) as running:
        assert running.base_url == sandbox.base_url
        assert running.version["service"] == "vardmote-sandbox"
        assert running.sandbox is None
    assert not list(tmp_path.iterdir()), "a given address starts no sandbox"


def test_target_up_starts_the_sandbox_when_the_environment_says_so_and_stops_it(tmp_path):
    with up(load_environment("local"), tmp_path / "sandbox") as running:
        assert running.version["service"] == "vardmote-sandbox"
        assert running.sandbox is not None
    with pytest.raises(requests.RequestException):
        requests.get(f"{running.base_url}{protocol.HEALTH}", timeout=2)


def test_a_target_that_does_not_answer_is_one_swedish_sentence(tmp_path):
    silent = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(TargetDown, match=f"^Målmiljön {re.escape(silent)} svarar inte \\(ingen anslutning\\).$"):
        with up(load_environment("local"), tmp_path, base_url=silent):
            pass
