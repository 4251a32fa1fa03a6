"""How an actor logs in, as a strategy: BankID with a personnummer, a staff account, or not at all.

An anonymous patient is a patient whose login is AnonymousLogin, not a kind of its own. Each strategy
also says who its person is in the chat: the target marks chat lines by the kind of login.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..config import StaffAccount
from ..target.interface import ChatSender, LoginScreen


class Login(Protocol):
    chat_sender: ChatSender

    def log_in(self, screen: LoginScreen) -> None:
        """Opens the login screen and logs in."""

    def log_in_here(self, screen: LoginScreen) -> None:
        """Logs in on a login screen that a link has already led to."""


@dataclass(frozen=True)
class BankIdLogin:
    personnummer: str
    chat_sender = ChatSender.PATIENT

    def log_in(self, screen: LoginScreen) -> None:
        screen.open()
        self.log_in_here(screen)

    def log_in_here(self, screen: LoginScreen) -> None:
        screen.log_in_with_bankid(self.personnummer)


@dataclass(frozen=True)
class AnonymousLogin:
    """Never logs in: being without identity is the point."""
    personnummer = None
    chat_sender = ChatSender.ANONYMOUS_PATIENT

    def log_in(self, screen: LoginScreen) -> None:
        pass

    def log_in_here(self, screen: LoginScreen) -> None:
        pass


@dataclass(frozen=True)
class StaffLogin:
    account: StaffAccount
    chat_sender = ChatSender.STAFF

    def log_in(self, screen: LoginScreen) -> None:
        screen.open()
        self.log_in_here(screen)

    def log_in_here(self, screen: LoginScreen) -> None:
        screen.log_in_as_staff(self.account.username, self.account.password)


@dataclass(frozen=True)
class GuestLinkLogin:
    """A guest never logs in: opening the link of their own is the login (actors/guest.py)."""
    chat_sender = ChatSender.GUEST

    def log_in(self, screen: LoginScreen) -> None:
        pass

    def log_in_here(self, screen: LoginScreen) -> None:
        pass


PatientLogin = BankIdLogin | AnonymousLogin
