"""What actors may ask of a target. Domain values in, domain values out; no HTTP or selectors here."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Protocol

from playwright.sync_api import Page


class VisitStatus(enum.Enum):
    BOOKED = "bokat"
    WAITING = "i väntrummet"
    IN_PROGRESS = "pågår"
    CLOSED = "avslutat"


class VisitKind(enum.Enum):
    VIDEO = "video"
    CHAT = "chatt"


@dataclass(frozen=True)
class Visit:
    id: int
    unit_name: str
    patient_name: str
    status: VisitStatus
    kind: VisitKind
    starts_at: str


@dataclass(frozen=True)
class Sms:
    phone: str
    text: str
    visit_id: int | None

    @property
    def link(self) -> str | None:
        found = re.search(r"https?://\S+", self.text)
        return found.group(0) if found else None


@dataclass(frozen=True)
class ChatLine:
    sender: str
    text: str


class TargetError(Exception):
    """The target answered, but not as its interface promises (status code, shape)."""


class StaffApi(Protocol):
    def book_visit(self, unit: str, personnummer: str, starts_at: str, kind: VisitKind) -> Visit: ...
    def visit(self, visit_id: int) -> Visit: ...
    def invitations_for(self, visit_id: int) -> list[Sms]: ...


class LoginScreen(Protocol):
    def open(self) -> None: ...
    def log_in_with_bankid(self, personnummer: str) -> None: ...
    def log_in_as_staff(self, username: str, password: str) -> None: ...


class VisitScreen(Protocol):
    def open(self, visit_id: int) -> None: ...
    def click_check_in(self) -> None: ...
    def click_admit(self) -> None: ...
    def click_close_visit(self) -> None: ...
    def send_message(self, text: str) -> None: ...
    def expect_status(self, status: VisitStatus) -> None: ...
    def expect_waiting_room(self) -> None: ...
    def expect_message(self, text: str) -> None: ...
    def expect_remote_video(self) -> None: ...
    def expect_closed(self) -> None: ...
    def chat_lines(self) -> list[ChatLine]: ...
    def visit_id(self) -> int: ...


class StartScreen(Protocol):
    def open(self) -> None: ...
    def expect_waiting(self, patient_name: str) -> None: ...
    def click_open_waiting_visit(self, patient_name: str) -> None: ...


class Target(Protocol):
    base_url: str

    def staff_api(self, username: str, password: str) -> StaffApi: ...
    def login_screen(self, page: Page) -> LoginScreen: ...
    def visit_screen(self, page: Page) -> VisitScreen: ...
    def start_screen(self, page: Page) -> StartScreen: ...
    def version(self) -> dict: ...
