"""The browser harness: the real portal under gunicorn, driven by Debian's chromium.

A session starts one server on a free loopback port with its own SQLite file,
media and e-mail folder, loads the demo data into it, and every test opens a
fresh browser context against it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# axe rules are WCAG 2.1 A/AA, the level RGAA 4 asks of French public sites.
# What django.core.mail.backends.filebased writes after each message.
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@dataclass
class Portal:
    port: int
    var_dir: Path
    env: dict

    def url(self, path="/", town="bethune"):
        host = "localhost" if town == "bethune" else f"{town}.localhost"
        return f"http://{host}:{self.port}{path}"

    def manage(self, *args):
        """Run a management command against the live portal's database."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout

    def sent_emails(self):
        """Every e-mail the server sent; Django's file backend may put several in one file."""
        folder = self.var_dir / "mail"
        if not folder.exists():
            return []
        return [
            message_from_bytes(raw.strip())
            for path in sorted(folder.iterdir())
            for raw in path.read_bytes().split(MAIL_SEPARATOR)
            if raw.strip()
        ]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.exit(f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium).", 2)
    var_dir = tmp_path_factory.mktemp("portal")
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "PROXIMITE_VAR_DIR": str(var_dir),
            "PORT": str(port),
            "BIND": f"127.0.0.1:{port}",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "GUNICORN_ACCESSLOG": "",
            "WAGTAILADMIN_BASE_URL": f"http://localhost:{port}",
        }
    )
    live = Portal(port, var_dir, env)
    live.manage("migrate", "--noinput", "-v0")
    live.manage("load_demo")
    live.manage("collectstatic", "--noinput", "-v0")
    with open(var_dir / "gunicorn.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _wait_until_serving(live, server, var_dir / "gunicorn.log")
        yield live
        server.terminate()
        server.wait(timeout=20)


def _wait_until_serving(live, server, log_path):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(live.url("/"), timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.3)


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
