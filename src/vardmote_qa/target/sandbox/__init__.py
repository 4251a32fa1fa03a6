"""The adapter for the sandbox (and any service built like it): its API client and page objects."""

from __future__ import annotations

import requests
from playwright.sync_api import Page

from ...config import Environment
from ...waiting import API_TIMEOUT_S
from .api import SandboxApi
from .pages.login import LoginPage
from .pages.start import StaffStartPage
from .pages.visit import VisitPage


class SandboxTarget:
    def __init__(self, base_url: str, environment: Environment):
        self.base_url = base_url.rstrip("/")
        self.environment = environment

    def staff_api(self, username: str, password: str) -> SandboxApi:
        return SandboxApi(self.base_url).log_in_staff(username, password)

    def login_screen(self, page: Page) -> LoginPage:
        return LoginPage(page, self.base_url)

    def visit_screen(self, page: Page) -> VisitPage:
        return VisitPage(page, self.base_url)

    def start_screen(self, page: Page) -> StaffStartPage:
        return StaffStartPage(page, self.base_url)

    def version(self) -> dict:
        return requests.get(f"{self.base_url}/version", timeout=API_TIMEOUT_S).json()
