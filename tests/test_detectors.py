"""The checks the acceptance steps rely on can fail: they see injected chat code, a wrong SMS text and a
patient shown by name where the patient should be anonymous."""

from vardmote_qa.actors.sms_texts import filled_text_pattern
from vardmote_qa.target.interface import Visit, VisitKind, VisitStatus
from vardmote_qa.target.sandbox.pages.start import StaffStartPage
from vardmote_qa.target.sandbox.pages.visit import VisitPage
from vardmote_qa.waiting import UI_TIMEOUT_S, eventually

INJECTED = '<ol data-testid="chat-log"><li><span class="text"><img src=x onerror="window.vmqaInjected=true"></span></li></ol>'
ESCAPED = '<ol data-testid="chat-log"><li><span class="text">&lt;img src=x onerror="window.vmqaInjected=true"&gt;</span></li></ol>'


def test_chat_markup_that_ran_is_seen_and_escaped_markup_is_not(page):
    screen = VisitPage(page, "http://127.0.0.1:9")
    page.set_content(INJECTED)
    eventually(screen.code_from_chat_ran, timeout=UI_TIMEOUT_S, description="den injicerade koden")
    assert screen.markup_elements_in_chat() == 1
    page.goto("about:blank")  # a new window: the flag of the first document is gone
    page.set_content(ESCAPED)
    assert not screen.code_from_chat_ran() and screen.markup_elements_in_chat() == 0


VISIT = Visit(id=7, unit_name="Ungdomsmottagningen", patient_name="Tove Testsson", status=VisitStatus.BOOKED,
              kind=VisitKind.VIDEO, starts_at="2026-11-26T10:00")
TEMPLATE = "Hej {patient}! Möte med {unit} {starts_at}: {link}"


def test_the_sms_must_be_exactly_the_filled_template():
    pattern = filled_text_pattern(TEMPLATE, VISIT)
    assert pattern.fullmatch("Hej Tove! Möte med Ungdomsmottagningen 2026-11-26 kl. 10:00: http://x/k/abc")
    assert not pattern.fullmatch("Hej Tove! Möte med Ungdomsmottagningen 2026-11-26 kl. 10:00: http://x/k/abc.")
    assert not pattern.fullmatch("Hej Tove Testsson! Möte med Ungdomsmottagningen 2026-11-26 kl. 10:00: http://x/k/a")
    assert not pattern.fullmatch("Hej Tove! Möte med Ungdomsmottagningen 2026-11-26 kl. 10:00: ingen länk")


QUEUE = '<ul data-testid="queue-list"><li data-visit-id="3"><span class="who">{who}</span> – MiniMaria</li></ul>'
MEETING = '<section id="visit"><h1>Vårdmöte med {who}</h1></section>'


def test_the_staff_screens_say_whether_the_patient_is_anonymous(page):
    queue, meeting = StaffStartPage(page, "http://127.0.0.1:9"), VisitPage(page, "http://127.0.0.1:9")
    page.set_content(QUEUE.format(who="Anonym patient 4F2A") + MEETING.format(who="Anonym patient 4F2A"))
    assert queue.queue_entry_says_anonymous(3) and meeting.says_patient_anonymous()
    page.set_content(QUEUE.format(who="Tove Testsson") + MEETING.format(who="Tove Testsson"))
    assert not queue.queue_entry_says_anonymous(3) and not meeting.says_patient_anonymous()
