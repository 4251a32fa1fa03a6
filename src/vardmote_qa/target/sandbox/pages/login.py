"""The login screen: simulated BankID for patients, username and password for staff."""

from __future__ import annotations

from playwright.sync_api import Page


class LoginPage:
    def __init__(self, page: Page, base_url: str):
        self.page = page
        self.base_url = base_url
        self._identity = page.get_by_label("Testidentitet")
        self._bankid_button = page.get_by_role("button", name="Logga in med BankID")
        self._username = page.get_by_label("Användarnamn")
        self._password = page.get_by_label("Lösenord")
        self._staff_button = page.get_by_role("button", name="Logga in som vårdpersonal")

    def open(self) -> None:
        self.page.goto(f"{self.base_url}/logga-in")

    def open_invitation(self, link: str) -> None:
        """An invitation link leads to this screen, which then leads on to the visit."""
        self.page.goto(link)

    def log_in_with_bankid(self, personnummer: str) -> None:
        self._identity.select_option(personnummer)
        self._bankid_button.click()
        self.page.wait_for_load_state()

    def log_in_as_staff(self, username: str, password: str) -> None:
        self._username.fill(username)
        self._password.fill(password)
        self._staff_button.click()
        self.page.wait_for_load_state()
