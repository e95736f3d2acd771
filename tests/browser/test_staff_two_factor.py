"""A town staff member sets up the second step on first sign-in, then gives a code each time."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.test_content_security_policy import violations, watch
from tests.support.live_portal import running_portal

PASSWORD = "proximite-demo"


@pytest.fixture(scope="module")
def portal_with_two_factor(tmp_path_factory):
    with running_portal(tmp_path_factory.mktemp("portal-2fa"), env={"PROXIMITE_STAFF_2FA": "1"}) as live:
        yield live


def code_for(secret, drift=0):
    return f"{totp(base64.b32decode(secret.replace(' ', '')), drift=drift):06d}"


def mailed_code(portal, address):
    """The code of the last enrolment e-mail the portal sent to `address`."""
    message = [message for message in portal.sent_emails() if message["To"] == address][-1]
    return re.search(r"\b(\d{6})\b", portal.plain_text(message)).group(1)


def sign_in(page, portal, username):
    page.goto(portal.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()


def test_staff_enrol_their_phone_then_give_a_code_at_each_sign_in(page, portal_with_two_factor):
    portal = portal_with_two_factor
    messages = watch(page)
    sign_in(page, portal, "mairie-bethune")

    page.wait_for_url(re.compile(r"/admin/deux-facteurs/activer/"))
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    secret = page.locator(".two-factor-secret").inner_text()
    emailed = mailed_code(portal, "commerce@bethune.localhost")
    page.get_by_label("Code reçu par e-mail").fill(emailed)
    page.get_by_label("Code affiché par l’application").fill("000000")
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Ce code n’est pas le bon")).to_be_visible()
    # django-otp refuses any code for a second after a wrong one, as the page then says.
    page.wait_for_timeout(2_000)

    # A wrong app code leaves the e-mailed one unused: it is still in its field.
    expect(page.get_by_label("Code reçu par e-mail")).to_have_value(emailed)
    page.get_by_label("Code affiché par l’application").fill(code_for(secret))
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_role("heading", name="Vos codes de secours")).to_be_visible()
    expect(page.locator(".two-factor-codes li")).to_have_count(10)
    page.get_by_role("link", name="J’ai gardé mes codes, continuer").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(portal.url("/admin/pages/"))
    page.wait_for_load_state("networkidle")
    assert violations(page, messages) == []

    page.context.clear_cookies()
    sign_in(page, portal, "mairie-bethune")
    page.wait_for_url(re.compile(r"/admin/deux-facteurs/code/"))
    page.get_by_label("Code").fill(code_for(secret, drift=1))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_shopkeepers_are_not_asked_for_a_code(page, portal_with_two_factor):
    sign_in(page, portal_with_two_factor, "commercant-bethune")

    page.wait_for_url(re.compile(r"/admin/$"))
    assert "deux-facteurs" not in page.url
