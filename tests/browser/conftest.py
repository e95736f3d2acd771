"""The browser harness: the real portal under gunicorn, driven by Debian's chromium.

A session starts one server on a free loopback port with its own SQLite file,
media and e-mail folder, loads the demo data into it, and every test opens a
fresh browser context against it.
"""

import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.support.live_portal import running_portal

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# axe rules are WCAG 2.1 A/AA, the level RGAA 4 asks of French public sites.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.exit(f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium).", 2)
    with running_portal(tmp_path_factory.mktemp("portal")) as live:
        yield live


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone(browser):
    """A visitor on a small phone: 375 px wide, touch screen."""
    context = browser.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def assert_no_axe_violations(page):
    """Fail with axe-core's own report when the page has any WCAG 2.1 A/AA violation."""
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
