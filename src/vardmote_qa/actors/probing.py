"""An ability for security scenarios: the actor's own session used as an attacker would use it, with
requests and visit-socket frames written by hand (the target's probe), and the answers returned as they
came. The steps judge them; a refusal is only the service's own (steps/security.py).
"""

from __future__ import annotations

import secrets

from ..target.interface import Answer, Sms, SocketReply
from .actor import Actor
from .narration import step_title

# Frames that are not messages of the visit socket: not JSON, JSON but not an object, an unknown type,
# a chat whose text is not text, and a binary frame.
MALFORMED_FRAMES = {"inte JSON": "{inte json", "en lista": "[1, 2]", "okänd typ": '{"type": "gissa"}',
                    "text som inte är text": '{"type": "chat", "text": {"a": 1}}', "binärt": b"\x00\xff"}


class Probing:
    def __init__(self, actor: Actor):
        self.actor = actor
        self.role_word = actor.role_word
        self._probe = actor.target.probe(actor.api)
        self._sockets = {}

    def _socket(self, visit_id: int):
        if visit_id not in self._sockets:
            self._sockets[visit_id] = self._probe.visit_socket(visit_id)
        return self._sockets[visit_id]

    @step_title("{self.role_word} öppnar mötets förbindelse direkt med sin egen session")
    def open_socket(self, visit_id: int) -> int | None:
        """The close code when the service refuses the socket at once, else None (the socket stays open)."""
        return self._socket(visit_id).refused_at_open

    @step_title("{self.role_word} skickar chattmeddelandet \"{text}\" direkt i mötet")
    def chat_directly(self, visit_id: int, text: str) -> SocketReply:
        return self._socket(visit_id).chat(text)

    @step_title("{self.role_word} ansluter direkt till samtalet i mötet")
    def join_call_directly(self, visit_id: int) -> SocketReply:
        return self._socket(visit_id).join_call()

    @step_title("{self.role_word} ringer direkt i mötet")
    def call_directly(self, visit_id: int) -> str:
        """'answer' or 'decline' from the other side, or what else ended the wait."""
        return self._socket(visit_id).offer_call()

    @step_title("{self.role_word} skickar trasiga meddelanden i mötet")
    def send_malformed_frames(self, visit_id: int) -> dict[str, SocketReply]:
        socket = self._socket(visit_id)
        return {label: socket.send_raw(frame) for label, frame in MALFORMED_FRAMES.items()}

    @step_title("{self.role_word} loggar ut")
    def log_out(self) -> None:
        self._probe.log_out()

    @step_title("{self.role_word} läser besöket direkt i tjänstens API")
    def read_visit(self, visit_id: int) -> Answer:
        return self._probe.read_visit(visit_id)

    @step_title("{self.role_word} frågar tjänstens API efter besök {raw_id}")
    def read_visit_with_id(self, raw_id: str) -> Answer:
        return self._probe.read_visit_with_id(raw_id)

    @step_title("{self.role_word} läser SMS-utkorgen direkt i tjänstens API")
    def read_outbox(self) -> Answer:
        return self._probe.read_outbox()

    @step_title("{self.role_word} hämtar besökssidan")
    def visit_page(self, visit_id: int) -> Answer:
        return self._probe.open_visit_page(visit_id)

    @step_title("en länk på en annan sida försöker logga ut {self.role_word}")
    def log_out_by_link(self) -> tuple[Answer, bool]:
        """The service's answer to the link, and whether the actor is still logged in afterwards."""
        return self._probe.log_out_by_link(), self._probe.still_logged_in()

    @step_title("en annan webbplats skickar ett ärende hos {unit} med {self.role_word}s session")
    def errand_from_other_site(self, unit: str) -> Answer:
        return self._probe.errand_from_other_site(unit, "Skickat från en annan webbplats")

    @step_title("en annan webbplats öppnar mötets förbindelse med {self.role_word}s session")
    def socket_from_other_site(self, visit_id: int) -> int | None:
        return self._probe.visit_socket_from_other_site(visit_id).refused_at_open

    @step_title("någon försöker logga in som {self.role_word} med fel lösenord {times} gånger")
    def wrong_passwords(self, times: int) -> list[Answer]:
        account = self.actor.login.account
        return [self._probe.staff_login(account.username, secrets.token_urlsafe(8)) for _ in range(times)]

    @step_title("{self.role_word} loggar in med rätt lösenord")
    def right_password(self) -> Answer:
        account = self.actor.login.account
        return self._probe.staff_login(account.username, account.password)

    @step_title("{count} anonyma inloggningar hos {unit} från samma adress")
    def anonymous_logins(self, unit: str, count: int) -> list[Answer]:
        address = f"198.51.100.{secrets.randbelow(250) + 1}"  # a documentation address, one per scenario
        return self._probe.anonymous_logins(unit, count, address)

    @step_title("{self.role_word} läser patientregistret på sin startsida")
    def patient_register_on_start_page(self) -> list[str]:
        self.actor._log_in()
        start = self.actor.target.start_screen(self.actor.page)
        start.open()
        return start.patient_register_entries()

    @step_title("{self.role_word} öppnar länken i kallelsen")
    def open_invitation_link(self, invitation: Sms) -> Answer:
        return self._probe.open_link(invitation.link)

    @step_title("{self.role_word} öppnar sin gästlänk")
    def open_guest_link(self, link: str) -> Answer:
        return self._probe.open_link(link)

    def close(self) -> None:
        for socket in self._sockets.values():
            socket.close()
