"""The new checks of the step vocabulary fail for the right reason, each shown against a real sandbox and a real
browser (or a page that shows exactly the fault): a "cannot" holds only on a 403/404, an empty queue is waited
for and what was seen is named, the waiting room shows no picture from the staff, and a closed visit offers no
chat (the fault: the sandbox's own visit script, weakened in the browser so that a closed visit keeps its chat)."""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from steps.phrasing import assert_refused
from vardmote_qa.actors import staff as staff_module
from vardmote_qa.actors.cast import Cast
from vardmote_qa.config import load_environment
from vardmote_qa.evidence import Evidence
from vardmote_qa.target import open_target
from vardmote_qa.target.interface import Refused, TargetError, VisitKind
from vardmote_qa.target.meeting_time import meeting_start
from vardmote_qa.target.sandbox.api import SandboxApi
from vardmote_qa.target.sandbox.pages.visit import VisitPage
from vardmote_qa.waiting import NotYet, expect_throughout, expect_within


@pytest.fixture
def cast(sandbox, new_context, tmp_path):
    environment = load_environment("local")
    people = Cast(open_target(environment, sandbox.base_url), new_context, environment, Evidence(tmp_path))
    yield people
    people.close(failed_test_name=None)


def _api(sandbox, username: str) -> SandboxApi:
    return SandboxApi(sandbox.base_url).log_in_staff(username, "sandlada")


def _errand(sandbox, unit: str, text: str):
    return SandboxApi(sandbox.base_url).log_in_patient(load_environment("local").patients[1]).start_errand(
        unit, text, VisitKind.CHAT, None)


# -- a cannot holds only on a refusal for want of access ------------------------------------------------------
def test_a_cannot_holds_on_403_and_404_and_never_on_another_answer_or_no_answer(sandbox):
    errand = _errand(sandbox, "Ungdomsmottagningen", "Jag vill prata")
    secretary, clinician = _api(sandbox, "ida.sjo"), _api(sandbox, "omar.nilsson")
    with pytest.raises(Refused) as by_secretary:
        secretary.pick_up(errand.visit_id)
    assert_refused(by_secretary.value, "sekreteraren", "ta ärendet")  # 403: the role may not
    clinician.pick_up(errand.visit_id)
    with pytest.raises(Refused) as taken:
        clinician.pick_up(errand.visit_id)  # 409: the errand is no longer queued, no word about the role
    with pytest.raises(AssertionError, match=r"HTTP 409 \(Ärendet står inte längre i kön.\).*inget nej till rollen"):
        assert_refused(taken.value, "vårdpersonalen", "ta ärendet")
    with pytest.raises(AssertionError, match="tjänsten lät kollegan ta ärendet"):
        assert_refused(None, "kollegan", "ta ärendet")
    with pytest.raises(TargetError) as no_answer:
        SandboxApi("http://127.0.0.1:9").pick_up(errand.visit_id)
    assert not isinstance(no_answer.value, Refused)  # no answer is never taken for a refusal


def test_a_reading_role_sees_the_queue_but_the_service_refuses_its_pick_up(sandbox):
    errand = _errand(sandbox, "Ungdomsmottagningen", "Kan ni läsa det här?")
    secretary = _api(sandbox, "ida.sjo")
    queue = secretary.session.get(f"{sandbox.base_url}/api/queue", timeout=5).json()
    assert errand.visit_id in [entry["id"] for entry in queue]
    unit_admin = _api(sandbox, "per.ahl")
    assert errand.visit_id not in [e["id"] for e in unit_admin.session.get(f"{sandbox.base_url}/api/queue", timeout=5).json()]
    with pytest.raises(Refused, match="får inte ta ärenden ur kön"):
        secretary.pick_up(errand.visit_id)
    with pytest.raises(Refused, match="Bara vårdpersonal kan avsluta besöket"):
        secretary.close_visit(errand.visit_id)


def test_admitting_and_booking_are_refused_for_the_roles_that_may_not(sandbox):
    environment = load_environment("local")
    visit = _api(sandbox, "ida.sjo").book_visit("Ungdomsmottagningen", environment.patients[0],
                                                 meeting_start(dt.timedelta(hours=1)), VisitKind.CHAT)
    with pytest.raises(Refused, match="HTTP 403 Bara vårdpersonal kan släppa in"):
        _api(sandbox, "ida.sjo").admit(visit.id)
    with pytest.raises(Refused, match="HTTP 403 Du har ingen roll på den mottagningen som får boka"):
        _api(sandbox, "per.ahl").book_visit("Ungdomsmottagningen", environment.patients[0],
                                            meeting_start(dt.timedelta(hours=1)), VisitKind.CHAT)


# -- waits that name what they saw ------------------------------------------------------------------------------
def test_a_wait_returns_what_held_and_a_failed_wait_names_every_change_it_saw():
    seen = iter([3, 3, 2, 2, 0])
    assert expect_within(lambda: next(seen), lambda n: n == 0, bound_s=5, what="tom kö", interval=0) == 0
    stuck = iter([3, 2] + [2] * 10_000)
    with pytest.raises(NotYet, match=r"^tom kö inom 0 s: såg 0,0 s: 3 ärenden; 0,0 s: 2 ärenden$"):
        expect_within(lambda: next(stuck), lambda n: n == 0, bound_s=0.05, what="tom kö",
                      describe=lambda n: f"{n} ärenden", interval=0.001)
    arriving = iter(["ingen bild", "ingen bild", "bild 320x240"] + ["bild 320x240"] * 10_000)
    with pytest.raises(NotYet, match=r"ingen bild under 5 s: såg 0,0 s: ingen bild; 0,0 s: bild 320x240$"):
        expect_throughout(lambda: next(arriving), lambda v: v == "ingen bild", duration_s=5, what="ingen bild",
                          interval=0)


def test_the_empty_queue_check_fails_on_an_errand_it_can_see_and_says_which(cast, sandbox, monkeypatch):
    monkeypatch.setattr(staff_module, "QUEUE_UPDATE_TIMEOUT_S", 1.0)  # the fault is there from the start
    errand = _errand(sandbox, "Neonatal sjukvård i hemmet", "Vårt barn andas tungt")
    cast.engage("sekreteraren", "Neonatal sjukvård i hemmet")
    with pytest.raises(NotYet, match=rf"^tom kö hos sekreteraren inom 1 s: såg \d+,\d s: ärenden \[(.*, )?{errand.visit_id}(, .*)?\]$"):
        cast.by_role("sekreteraren").expect_queue_empty()
    cast.engage("kollegan", "Vårdcentralen Majorna")  # takes no errands: its queue is empty
    cast.by_role("kollegan").expect_queue_empty()
    assert cast.by_role("kollegan").identity_shown_for(errand) == ["kollegan ser ärendet varken i kön eller som möte"]


# -- the waiting room and the closed visit --------------------------------------------------------------------
_WAITING_ROOM = """<div id="visit"><section data-testid="waiting-room">Väntrum</section>
<video data-testid="remote-video" autoplay muted></video></div>
<script>
  // The fault: a picture from the staff reaches the waiting room after half a second.
  setTimeout(() => {{
    if (!{leak}) return;
    const canvas = Object.assign(document.createElement("canvas"), {{width: 320, height: 240}});
    const context = canvas.getContext("2d");
    setInterval(() => {{ context.fillStyle = "#" + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, "0");
                         context.fillRect(0, 0, 320, 240); }}, 40);
    document.querySelector("video").srcObject = canvas.captureStream(25);
  }}, 500);
</script>"""


class _ScreensOnly:
    """A target with the sandbox's visit screen over whatever page the test shows, and no service."""
    base_url = "http://127.0.0.1:9"

    def visit_screen(self, page):
        return VisitPage(page, self.base_url)

    def admin_api(self, username, password):
        return None


def test_a_picture_in_the_waiting_room_is_seen_and_named(new_context, tmp_path):
    people = Cast(_ScreensOnly(), new_context, load_environment("local"), Evidence(tmp_path))
    patient = people.by_role("patienten")
    try:
        patient.page.set_content(_WAITING_ROOM.format(leak="true"))
        with pytest.raises(NotYet, match=r"^patienten i väntrummet utan bild under 3 s: såg \d+,\d s: ingen bild; "
                                         r"\d+,\d s: bild 320x240, \d+ bildrutor$"):
            patient.expect_no_picture_while_waiting()
        patient.page.set_content(_WAITING_ROOM.format(leak="false"))
        patient.expect_no_picture_while_waiting()
    finally:
        people.close(failed_test_name=None)


def _chat_stays_after_close(sandbox, route) -> None:
    script = requests.get(f"{sandbox.base_url}/static/visit.js", timeout=5).text
    weakened = script.replace('$("chat-form").hidden = next === "avslutat";', "")
    assert weakened != script, "visit.js döljer inte längre chatten på det sätt testet försvagar"
    route.fulfill(status=200, content_type="application/javascript", body=weakened)


def test_a_closed_visit_that_still_offers_the_chat_is_caught(cast, sandbox):
    environment = load_environment("local")
    clinician = _api(sandbox, environment.clinician.username)
    visit = clinician.book_visit(environment.default_unit, environment.patients[0],
                                 meeting_start(dt.timedelta(hours=1)), VisitKind.CHAT)
    clinician.close_visit(visit.id)
    patient = cast.by_role("patienten")
    assert patient.chat_still_offered(visit.id) is None
    patient.page.route("**/static/visit.js", lambda route: _chat_stays_after_close(sandbox, route))
    patient.visit_id = None  # open the visit again, now with the weakened script
    assert patient.chat_still_offered(visit.id) == "chattfältet visas fortfarande"
