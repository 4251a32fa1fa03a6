"""A colleague's call made while the patient's page is still joining the meeting is decided by the page.

The scenario "Patientens sida avböjer ett samtal från en kollega som inte är insläppt" offers a call over the
colleague's own socket right after the patient's page has loaded. The room relays a message only to those in
it at that moment, so an offer that came before the page's socket was in the room reached nobody, and the
scenario failed with "inget svar inom tidsgränsen" instead of the page's decline (stop 20's CI, on the
weakened sandbox of tests/test_security_holes_meeting.py). The probe now offers again each second.
This test makes the race certain: the offering starts before the patient's page is opened at all.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait

from vardmote_qa.browser import launch_options
from vardmote_qa.target.interface import StaffRole, VisitKind
from vardmote_qa.target.sandbox.api import SandboxApi
from vardmote_qa.target.sandbox.probe import SandboxProbe
from vardmote_sandbox.seed import PATIENTS, SANDBOX_STAFF_PASSWORD

UNIT = "Ungdomsmottagningen"


def _staff(base_url: str, admin: SandboxApi) -> SandboxApi:
    account = admin.create_staff(UNIT, StaffRole.CLINICIAN)
    return SandboxApi(base_url).log_in_staff(account.username, account.password)


def test_a_colleagues_offer_made_before_the_patients_page_joined_is_declined_by_the_page(sandbox, playwright):
    base_url = sandbox.base_url
    admin = SandboxApi(base_url).log_in_staff("admin", SANDBOX_STAFF_PASSWORD)
    patient = SandboxApi(base_url).log_in_patient(PATIENTS[5].personnummer)
    errand = patient.start_errand(UNIT, "Ett samtal före sidan", VisitKind.CHAT, None)
    _staff(base_url, admin).pick_up(errand.visit_id)
    colleague_socket = SandboxProbe(_staff(base_url, admin)).visit_socket(errand.visit_id)
    assert colleague_socket.refused_at_open is None, f"kollegan fick inte öppna mötet: {colleague_socket.greeting}"

    with ThreadPoolExecutor(max_workers=1) as offering:  # its Future carries the probe's own error, if any
        outcome = offering.submit(colleague_socket.offer_call)  # the first offer: the page is not in the room yet
        browser = playwright.chromium.launch(**launch_options())
        try:
            context = browser.new_context()
            context.add_cookies([{"name": name, "value": value, "url": base_url}
                                 for name, value in patient.session.cookies.items()])
            context.new_page().goto(f"{base_url}/besok/{errand.visit_id}")
            decided = bool(wait([outcome], timeout=60).done)  # before the socket closes under the probe
        finally:
            browser.close()
            colleague_socket.close()
    assert decided, "kollegans samtal fick inget besked inom 60 s"
    answered = outcome.result()
    assert answered == "decline", f"patientens sida avböjde inte kollegans samtal: {answered}"
