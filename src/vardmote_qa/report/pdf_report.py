"""The PDF report: the HTML report printed by the same Chromium the tests use, for the decision record."""

from __future__ import annotations

from pathlib import Path

from ..browser import launch_options
from ..errors import UserError


def write(html_path: Path, pdf_path: Path) -> Path:
    from playwright.sync_api import Error, sync_playwright
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri())
            page.pdf(path=str(pdf_path), format="A4", print_background=True,
                     margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
            browser.close()
    except Error as error:
        raise UserError(f"PDF-rapporten kunde inte skrivas med Chromium: {error.message.splitlines()[0]}") from None
    return pdf_path
