"""Puts one browser page on a network profile through Chromium's DevTools protocol (CDP)."""

from __future__ import annotations

from playwright.sync_api import Page

from .profiles import DROP, NetworkProfile, cdp_conditions


class NetworkEmulation:
    """Owns the page's CDP session; apply() before the call starts, or later changes miss WebRTC."""

    def __init__(self, page: Page):
        self._session = page.context.new_cdp_session(page)
        self._session.send("Network.enable")
        self.profile: NetworkProfile | None = None

    def apply(self, profile: NetworkProfile) -> None:
        self._session.send("Network.emulateNetworkConditions", cdp_conditions(profile))
        self.profile = profile

    def drop(self) -> None:
        """Every packet lost, until restore(); the profile itself stays what it was."""
        self._session.send("Network.emulateNetworkConditions", cdp_conditions(DROP))

    def restore(self) -> None:
        self._session.send("Network.emulateNetworkConditions", cdp_conditions(self.profile))
