"""Steps of the security scenarios (features/sakerhet/): the actor's own session used by hand against the
API and the visit socket (actors/probing.py), and checks that pass only on the service's own refusal.

Each failure message names the hole it found, so that a weakened sandbox (vardmote_sandbox/weaknesses.py)
fails its scenario with a sentence that says what is open.
"""

import pytest
from pytest_bdd import given, then, when

from steps.phrasing import phrase
from vardmote_qa.actors.probing import Probing
from vardmote_qa.target.interface import Refused
from vardmote_qa.target.sandbox import protocol


class Probes:
    """One Probing ability per actor of the scenario, closed with the scenario."""

    def __init__(self, cast):
        self._cast = cast
        self._by_role: dict[str, Probing] = {}

    def of(self, role: str) -> Probing:
        actor = self._cast.by_role(role)
        if actor.role_word not in self._by_role:
            self._by_role[actor.role_word] = Probing(actor)
        return self._by_role[actor.role_word]

    def close(self) -> None:
        for probing in self._by_role.values():
            probing.close()


@pytest.fixture
def probes(cast):
    found = Probes(cast)
    yield found
    found.close()


# -- arranging ----------------------------------------------------------------------------------------------
@given(phrase("att {role:Roll} har tagit ärendet ur kön"))
def picked_up(cast, role, errand):
    cast.by_role(role).api.pick_up(errand.visit_id)


@given(phrase("att {role:Roll} har ärendet öppet"))
def has_errand_open(cast, role, errand):
    cast.by_role(role).open_visit(errand.visit_id)


@given(phrase("att {role:Roll} har mötet öppet direkt med sin egen session"))
def socket_open(probes, role, errand):
    code = probes.of(role).open_socket(errand.visit_id)
    assert code is None, f"tjänsten stängde mötet för {role} direkt (kod {code})"


@given(phrase("att {role:Roll} har avslutat besöket direkt i tjänsten"))
def visit_closed(cast, role, visit):
    cast.by_role(role).api.close_visit(visit.id)


# -- acting -------------------------------------------------------------------------------------------------
@when(phrase('{role:Roll} skickar chattmeddelandet "{text}" direkt i mötet'), target_fixture="socket_reply")
def chat_directly(probes, role, text, errand):
    return probes.of(role).chat_directly(errand.visit_id, text)


@when(phrase("{role:Roll} ansluter direkt till samtalet i mötet"), target_fixture="socket_reply")
def join_call_directly(probes, role, errand):
    return probes.of(role).join_call_directly(errand.visit_id)


@when(phrase("{role:Roll} ringer direkt i mötet"), target_fixture="call_outcome")
def call_directly(probes, role, errand):
    return probes.of(role).call_directly(errand.visit_id)


@when(phrase("{role:Roll} loggar ut"))
def log_out(probes, role):
    probes.of(role).log_out()


@when(phrase("{role:Roll} avslutar ärendet direkt i tjänsten"))
def close_errand(cast, role, errand):
    cast.by_role(role).api.close_visit(errand.visit_id)


@when(phrase("{role:Roll} skickar trasiga meddelanden i mötet"), target_fixture="malformed_replies")
def malformed(probes, role, errand):
    return probes.of(role).send_malformed_frames(errand.visit_id)


@when(phrase("{role:Roll} läser SMS-utkorgen direkt i tjänsten"), target_fixture="answer")
def read_outbox(probes, role):
    return probes.of(role).read_outbox()


@when(phrase("{role:Roll} läser ärendet direkt i tjänstens API"), target_fixture="answer")
def read_errand(probes, role, errand):
    return probes.of(role).read_visit(errand.visit_id)


@when(phrase("{role:Roll} frågar tjänstens API efter besök {raw_id}"), target_fixture="answer")
def read_raw_id(probes, role, raw_id):
    return probes.of(role).read_visit_with_id(raw_id)


@when(phrase("en länk på en annan sida försöker logga ut {role:Roll}"), target_fixture="logout_by_link")
def logout_link(probes, role):
    return probes.of(role).log_out_by_link()


@when(phrase("en annan webbplats skickar ett ärende hos {unit} med {role:Roll}s session"), target_fixture="answer")
def errand_from_elsewhere(probes, role, unit):
    return probes.of(role).errand_from_other_site(unit)


@when(phrase("en annan webbplats öppnar mötets förbindelse med {role:Roll}s session"), target_fixture="close_code")
def socket_from_elsewhere(probes, role, errand):
    return probes.of(role).socket_from_other_site(errand.visit_id)


@when(phrase("någon försöker logga in som {role:Roll} med fel lösenord {times:d} gånger"))
def wrong_passwords(probes, role, times):
    probes.of(role).wrong_passwords(times)


@when(phrase("{count:d} anonyma inloggningar görs hos {unit} från samma adress"), target_fixture="answers")
def many_anonymous(probes, count, unit):
    return probes.of("patienten").anonymous_logins(unit, count)  # fresh sessions, none of them the patient's


@when(phrase("{role:Roll} hämtar besökssidan"), target_fixture="answer")
def fetch_visit_page(probes, role, errand):
    return probes.of(role).visit_page(errand.visit_id)


@when(phrase("{role:Roll} öppnar länken i kallelsen"), target_fixture="answer")
def open_invitation_link(cast, probes, role, visit):
    return probes.of(role).open_invitation_link(cast.by_role(role).expect_invitation(visit))


# -- checking: only the service's own refusal passes ----------------------------------------------------------
def _refused_with(answer, text: str, hole: str, statuses=Refused.ACCESS_STATUSES) -> None:
    assert answer.status in statuses and text in answer.detail, f"{hole} (svar: {answer})"


@then("avvisar tjänsten meddelandet eftersom rollen bara får följa besöket")
def observer_refused(socket_reply):
    assert socket_reply.refusal == protocol.OBSERVER_REFUSED, \
        f"hål: en roll som bara får följa besöket skrev eller ringde i mötet ({socket_reply})"


@then("avvisar tjänsten meddelandet eftersom besöket är avslutat")
def closed_refused(socket_reply):
    assert socket_reply.refusal == protocol.VISIT_CLOSED_REFUSED, \
        f"hål: mötet tog emot chatt efter att besöket avslutats ({socket_reply})"


@then(phrase("stänger tjänsten mötet för {role:Roll} eftersom sessionen har upphört"))
def session_refused(socket_reply, role):
    closed = socket_reply.refusal == protocol.SESSION_REFUSED or \
        socket_reply.closed_code == protocol.REFUSED_SOCKET_CODES["session"]
    assert closed, f"hål: mötets förbindelse fungerade för {role} efter utloggning ({socket_reply})"


@then("besvarar tjänsten varje trasigt meddelande med att det inte kunde läsas")
def malformed_refused(malformed_replies):
    wrong = {label: str(reply) for label, reply in malformed_replies.items()
             if reply.refusal != protocol.UNREADABLE_REFUSED}
    assert not wrong, f"hål: trasiga meddelanden i mötet besvarades inte med ett fel: {wrong}"


@then(phrase('tar mötet fortfarande emot {role:Roll}s chattmeddelande "{text}"'))
def still_chatting(probes, role, text, errand):
    reply = probes.of(role).chat_directly(errand.visit_id, text)
    assert reply.delivered, f"hål: mötet slutade fungera efter trasiga meddelanden ({reply})"


@then(phrase("avböjer patientens sida samtalet från {role:Roll}"))
def call_declined(call_outcome, role):
    assert call_outcome == "decline", (
        "hål: patientens sida svarade med kamera och mikrofon på ett samtal från någon som inte är insläppt"
        if call_outcome == "answer" else f"patientens sida avböjde inte samtalet från {role}: {call_outcome}")


@then(phrase("nekar tjänsten {role:Roll} SMS-utkorgen"))
def outbox_refused(answer, role):
    _refused_with(answer, protocol.OUTBOX_REFUSED,
                  f"hål: {role} läser SMS-utkorgen med namn, telefonnummer och kallelselänkar")


@then(phrase("ser {role:Roll} inget patientregister på sin startsida"))
def no_register(probes, role):
    entries = probes.of(role).patient_register_on_start_page()
    assert not entries, f"hål: {role} ser patientregistret med personnummer ({len(entries)} patienter)"


@then(phrase("nekar tjänsten {role:Roll} eftersom samtycke saknas"))
def consent_refused(answer, role):
    _refused_with(answer, protocol.CONSENT_REFUSED, f"hål: tjänstens API gav {role} besöket utan samtycke")


@then(phrase("nekar tjänsten {role:Roll} mötets förbindelse"))
def consent_socket_refused(probes, role, errand):
    code = probes.of(role).open_socket(errand.visit_id)
    assert code == protocol.REFUSED_SOCKET_CODES["forbidden"], \
        f"hål: mötets förbindelse gav {role} besöket utan samtycke (kod {code})"


@then(phrase("är {role:Roll} fortfarande inloggad och tjänsten säger att utloggning sker med knappen"))
def not_logged_out(logout_by_link, role):
    answer, still_logged_in = logout_by_link
    assert still_logged_in and answer.status == 405, \
        f"hål: en länk (GET) loggade ut {role} (svar: {answer}, fortfarande inloggad: {still_logged_in})"


@then(phrase("nekas {role:Roll} en stund även med rätt lösenord"))
def login_throttled(probes, role):
    answer = probes.of(role).right_password()
    assert answer.status == protocol.THROTTLED and answer.detail == protocol.LOGIN_THROTTLED, \
        f"hål: inloggningen begränsar inte misslyckade försök; rätt lösenord släpptes in direkt (svar: {answer})"


@then("nekas den sista eftersom det blivit för många")
def anonymous_throttled(answers):
    last = answers[-1]
    assert last.status == protocol.THROTTLED and last.detail == protocol.ANONYMOUS_THROTTLED, \
        f"hål: anonyma sessioner skapas utan gräns ({len(answers)} av {len(answers)} togs emot; sista: {last})"


@then("nekar tjänsten ärendet eftersom det kom från en annan webbplats")
def foreign_errand_refused(answer):
    _refused_with(answer, protocol.FOREIGN_ORIGIN_REFUSED,
                  "hål: ett ärende från en annan webbplats togs emot med patientens session")


@then("stänger tjänsten förbindelsen från den andra webbplatsen")
def foreign_socket_refused(close_code):
    assert close_code == protocol.REFUSED_SOCKET_CODES["forbidden"], \
        f"hål: en annan webbplats öppnade patientens möte (kod {close_code})"


@then("har besökssidan alla säkerhetshuvuden")
def security_headers(answer):
    assert answer.status == 200, f"besökssidan kunde inte hämtas: {answer}"
    missing = [f"{name}: {value}" for name, value in protocol.SECURITY_HEADERS.items()
               if value not in answer.headers.get(name.lower(), "")]
    assert not missing, f"hål: besökssidan saknar säkerhetshuvudena {', '.join(missing)}"


@then("säger tjänsten att länken inte gäller")
def link_ended(answer):
    _refused_with(answer, protocol.INVITATION_ENDED, "hål: kallelselänken fungerar efter att besöket avslutats",
                  statuses=protocol.ENDED_LINK_STATUSES)


@then("nekas texten eftersom den har en formatspecifikation")
def format_spec_refused(refusal):
    assert refusal is not None and protocol.FORMAT_SPEC_REFUSED in refusal, \
        f"hål: en SMS-text med formatspecifikation sparades (sidans besked: {refusal})"


@then("svarar tjänsten att besöket inte finns")
def not_found(answer):
    assert answer.status == 404, f"hål: ett orimligt id gav inte 404 utan {answer}"
