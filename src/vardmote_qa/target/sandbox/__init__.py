"""The adapter for the sandbox (and any service built like it): its API client and page objects."""

from __future__ import annotations

import functools

import requests
from playwright.sync_api import Page

from ...config import Environment
from ...waiting import API_TIMEOUT_S
from . import protocol
from .api import SandboxApi
from .probe import SandboxProbe
from .pages.consent import ConsentForm
from .pages.login import LoginPage
from .pages.patient_start import PatientStartPage
from .pages.sms_outbox import SmsOutboxPage
from .pages.start import StaffStartPage
from .pages.unit import UnitPage
from .pages.unit_settings import UnitSettingsPage
from .pages.visit import VisitPage
from .pages.guest_link import GuestLinkPage


class SandboxTarget:
    def __init__(self, base_url: str, environment: Environment):
        self.base_url = base_url.rstrip("/")
        self.environment = environment

    def staff_api(self, username: str, password: str) -> SandboxApi:
        return SandboxApi(self.base_url).log_in_staff(username, password)

    def admin_api(self, username: str, password: str) -> SandboxApi:
        return self.staff_api(username, password)

    def patient_api(self, personnummer: str) -> SandboxApi:
        return SandboxApi(self.base_url).log_in_patient(personnummer)

    @functools.cached_property
    def _unit_slugs(self) -> dict[str, str]:
        # Direct links are addressed by slug; features name units as people do.
        admin = self.environment.admin
        units = self.staff_api(admin.username, admin.password).units()
        return {unit["name"]: unit["slug"] for unit in units}

    def _slug_of(self, unit_name: str) -> str:
        return self._unit_slugs[unit_name]

    def login_screen(self, page: Page) -> LoginPage:
        return LoginPage(page, self.base_url)

    def visit_screen(self, page: Page) -> VisitPage:
        return VisitPage(page, self.base_url)

    def start_screen(self, page: Page) -> StaffStartPage:
        return StaffStartPage(page, self.base_url)

    def patient_start_screen(self, page: Page) -> PatientStartPage:
        return PatientStartPage(page, self.base_url)

    def unit_screen(self, page: Page) -> UnitPage:
        return UnitPage(page, self.base_url, self._slug_of)

    def sms_outbox_screen(self, page: Page) -> SmsOutboxPage:
        return SmsOutboxPage(page, self.base_url)

    def consent_screen(self, page: Page) -> ConsentForm:
        return ConsentForm(page, self.base_url)

    def unit_settings_screen(self, page: Page) -> UnitSettingsPage:
        return UnitSettingsPage(page, self.base_url, self._slug_of)

    def operations_api(self, username: str, password: str) -> SandboxApi:
        return self.staff_api(username, password)

    def triage_api(self) -> SandboxApi:
        return SandboxApi(self.base_url)

    def probe(self, api: SandboxApi) -> SandboxProbe:
        """Hand-written requests and socket frames with the session of this API client (security scenarios)."""
        return SandboxProbe(api)

    def guest_link_screen(self, page: Page) -> GuestLinkPage:
        return GuestLinkPage(page)

    def guest_api(self, link: str) -> SandboxApi:
        """The API with the session a guest's link starts (the guest's only login)."""
        return SandboxApi(self.base_url).open_guest_link(link)

    def version(self) -> dict:
        return requests.get(f"{self.base_url}{protocol.VERSION}", timeout=API_TIMEOUT_S).json()
