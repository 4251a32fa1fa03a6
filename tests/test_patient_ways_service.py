"""The sandbox's patient ways in, through its API: errands and queues, roles, anonymous login, consent, texts."""

import requests

from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

PATIENT = PATIENTS[2]


def staff(sandbox, username):
    session = requests.Session()
    assert session.post(f"{sandbox.base_url}/api/session/staff",
                        json={"username": username, "password": SANDBOX_STAFF_PASSWORD}, timeout=5).ok
    return session


def patient(sandbox, personnummer=PATIENT.personnummer):
    session = requests.Session()
    assert session.post(f"{sandbox.base_url}/api/session/bankid", json={"personnummer": personnummer}, timeout=5).ok
    return session


def unit(sandbox, session, slug):
    return next(u for u in session.get(f"{sandbox.base_url}/api/units", timeout=5).json() if u["slug"] == slug)


def errand(sandbox, session, slug="ungdomsmottagningen", **extra):
    body = {"unit_id": unit(sandbox, session, slug)["id"], "errand": "Jag behöver råd", "kind": "chatt", **extra}
    return session.post(f"{sandbox.base_url}/api/errands", json=body, timeout=5)


def test_an_errand_waits_in_its_units_queue_and_only_that_units_staff_see_it(sandbox):
    created = errand(sandbox, patient(sandbox), interpreter_language="somaliska")
    assert created.status_code == 201 and created.json()["status"] == "ko"
    queue = staff(sandbox, "omar.nilsson").get(f"{sandbox.base_url}/api/queue", timeout=5).json()
    assert [(v["id"], v["interpreter_language"]) for v in queue if v["id"] == created.json()["id"]] == \
        [(created.json()["id"], "somaliska")]
    other_unit = staff(sandbox, "lena.ek")
    assert all(v["id"] != created.json()["id"] for v in other_unit.get(f"{sandbox.base_url}/api/queue", timeout=5).json())
    assert other_unit.post(f"{sandbox.base_url}/api/visits/{created.json()['id']}/pick-up", timeout=5).status_code == 404


def test_only_a_role_that_meets_patients_picks_up_and_only_once(sandbox):
    visit_id = errand(sandbox, patient(sandbox)).json()["id"]
    assert staff(sandbox, "ida.sjo").post(f"{sandbox.base_url}/api/visits/{visit_id}/pick-up", timeout=5).status_code == 403
    assert staff(sandbox, "per.ahl").get(f"{sandbox.base_url}/api/visits/{visit_id}", timeout=5).status_code == 404
    clinician = staff(sandbox, "omar.nilsson")
    assert clinician.post(f"{sandbox.base_url}/api/visits/{visit_id}/pick-up", timeout=5).json()["status"] == "pagar"
    assert clinician.post(f"{sandbox.base_url}/api/visits/{visit_id}/pick-up", timeout=5).status_code == 409


def test_errands_are_refused_at_units_without_patient_initiated_meetings_and_from_staff(sandbox):
    assert errand(sandbox, patient(sandbox), slug="vardcentralen-hisingen").status_code == 404
    assert errand(sandbox, staff(sandbox, "omar.nilsson")).status_code == 403
    assert errand(sandbox, patient(sandbox), interpreter_language="klingonska").status_code == 422


def test_anonymous_login_only_where_allowed_and_nothing_left_after_the_visit(sandbox):
    admin = staff(sandbox, "admin")
    anonymous = requests.Session()
    refused = anonymous.post(f"{sandbox.base_url}/api/session/anonymous",
                             json={"unit_id": unit(sandbox, admin, "ungdomsmottagningen")["id"]}, timeout=5)
    assert refused.status_code == 403
    assert anonymous.post(f"{sandbox.base_url}/api/session/anonymous",
                          json={"unit_id": unit(sandbox, admin, "minimaria")["id"]}, timeout=5).ok
    assert errand(sandbox, anonymous, slug="ungdomsmottagningen").status_code == 403  # another unit
    visit = errand(sandbox, anonymous, slug="minimaria").json()
    assert visit["patient_id"] is None and visit["patient_personnummer"] is None
    assert [v["id"] for v in anonymous.get(f"{sandbox.base_url}/api/visits", timeout=5).json()] == [visit["id"]]
    clinician = staff(sandbox, "mira.lind")
    clinician.post(f"{sandbox.base_url}/api/visits/{visit['id']}/pick-up", timeout=5)
    clinician.post(f"{sandbox.base_url}/api/visits/{visit['id']}/close", timeout=5)
    trace = admin.get(f"{sandbox.base_url}/api/admin/visits/{visit['id']}/personal-data", timeout=5).json()
    assert trace == {"personnummer": None, "namn": None, "telefon": None, "aktiva_sessioner": 0, "sms": 0}
    assert anonymous.get(f"{sandbox.base_url}/api/visits", timeout=5).status_code == 401


def test_consent_per_page_blocks_the_errand_until_given(sandbox):
    unit_admin = staff(sandbox, "per.ahl")
    unit_id = unit(sandbox, unit_admin, "ungdomsmottagningen")["id"]
    page = f"{sandbox.base_url}/api/units/{unit_id}/consent-pages/arende"
    assert unit_admin.put(page, json={"text": "Jag samtycker."}, timeout=5).ok
    try:
        someone = patient(sandbox, PATIENTS[3].personnummer)
        assert errand(sandbox, someone).status_code == 403
        assert "Jag samtycker." in someone.get(f"{sandbox.base_url}/mottagning/ungdomsmottagningen", timeout=5).text
        someone.post(f"{sandbox.base_url}/api/consents", json={"unit_id": unit_id, "page": "arende"}, timeout=5)
        assert errand(sandbox, someone).status_code == 201
    finally:
        unit_admin.put(page, json={"text": None}, timeout=5)
    assert staff(sandbox, "omar.nilsson").put(page, json={"text": "x"}, timeout=5).status_code == 403


def test_texts_are_checked_filled_per_visit_and_never_carry_the_personnummer(sandbox):
    unit_admin = staff(sandbox, "per.ahl")
    texts = f"{sandbox.base_url}/api/units/{unit(sandbox, unit_admin, 'ungdomsmottagningen')['id']}/texts"
    before = unit_admin.get(texts, timeout=5).json()
    assert unit_admin.put(texts, json={"invitation_text": "Hej {personnummer} {link}"}, timeout=5).status_code == 422
    assert unit_admin.put(texts, json={"reminder_text": "Glöm inte {unit}!"}, timeout=5).status_code == 422  # no link
    try:
        assert unit_admin.put(texts, json={"reminder_text": "Påminnelse {patient}, {unit} {starts_at}: {link}"},
                              timeout=5).ok
        clinician = staff(sandbox, "omar.nilsson")
        body = {"unit_id": unit(sandbox, clinician, "ungdomsmottagningen")["id"], "personnummer": PATIENT.personnummer,
                "starts_at": "2026-12-03T08:15", "kind": "video"}
        visit = clinician.post(f"{sandbox.base_url}/api/visits", json=body, timeout=5).json()
        reminder = clinician.post(f"{sandbox.base_url}/api/visits/{visit['id']}/reminder", timeout=5).json()["text"]
        assert reminder.startswith(f"Påminnelse Karin, Ungdomsmottagningen 2026-12-03 kl. 08:15: {sandbox.base_url}/k/")
        outbox = clinician.get(f"{sandbox.base_url}/api/sms-outbox", params={"visit_id": visit["id"]}, timeout=5).json()
        assert len(outbox) == 2 and not any(PATIENT.personnummer[2:] in sms["text"] for sms in outbox)
    finally:
        unit_admin.put(texts, json=before, timeout=5)


def test_only_an_admin_creates_staff_accounts(sandbox):
    admin = staff(sandbox, "admin")
    body = {"username": "ny.person", "name": "Ny Person", "title": "Sekreterare", "password": "hemligt-1",
            "roles": [{"unit_id": unit(sandbox, admin, "folktandvarden")["id"], "role": "sekreterare"}]}
    assert staff(sandbox, "omar.nilsson").post(f"{sandbox.base_url}/api/admin/staff", json=body, timeout=5).status_code == 403
    assert admin.post(f"{sandbox.base_url}/api/admin/staff", json={**body, "roles": [{"unit_id": None, "role": "kung"}]},
                      timeout=5).status_code == 422
    assert admin.post(f"{sandbox.base_url}/api/admin/staff", json=body, timeout=5).status_code == 201
    login = requests.post(f"{sandbox.base_url}/api/session/staff",
                          json={"username": "ny.person", "password": "hemligt-1"}, timeout=5)
    assert login.ok
