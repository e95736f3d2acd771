"""The coup de pouce journey: a shopkeeper asks, staff assign a volunteer, the volunteer records a session."""

import datetime

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

SHOP = "Boutique du Test Navigateur"


def mail_recipients(portal):
    return [mail["To"] for mail in portal.sent_emails()]


def log_in(page, portal, username):
    page.context.clear_cookies()
    page.goto(portal.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", "proximite-demo")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("body")).not_to_contain_text(
        "Veuillez saisir un nom d’utilisateur et un mot de passe"
    )


def test_public_forms_and_the_volunteers_list_are_accessible(portal, page):
    for path in ["/coup-de-pouce/", "/coup-de-pouce/nos-volontaires/", "/coup-de-pouce/en-chiffres/"]:
        page.goto(portal.url(path))
        assert_no_axe_violations(page)
    for path, button in [
        ("/coup-de-pouce/demander/", "Envoyer ma demande"),
        ("/coup-de-pouce/devenir-volontaire/", "Envoyer ma candidature"),
    ]:
        page.goto(portal.url(path))
        assert_no_axe_violations(page)
        page.get_by_role("button", name=button).click()
        expect(page.get_by_role("heading", name="Merci de corriger les points suivants")).to_be_visible()
        assert_no_axe_violations(page)


def test_a_shopkeeper_asks_staff_assign_and_the_volunteer_records_a_session(portal, page):
    # 1. A shopkeeper asks for help, coming from a guide (topic and level already ticked).
    page.goto(portal.url("/coup-de-pouce/demander/?sujets=photos-de-produits&niveau=decouvrir"))
    expect(page.get_by_label("Photos de produits")).to_be_checked()
    expect(page.get_by_label("Découvrir")).to_be_checked()
    page.locator("#id_shop_name").fill(SHOP)
    page.locator("#id_contact_name").fill("Jeanne Testeuse")
    page.get_by_label("Téléphone", exact=True).fill("03 21 00 00 00")
    page.get_by_label("E-mail", exact=True).fill("jeanne@test-navigateur.localhost")
    page.get_by_label("En boutique").check()
    page.get_by_label("J’accepte que la mairie traite ces données").check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.get_by_role("heading", name="Merci !")).to_be_visible()
    assert "jeanne@test-navigateur.localhost" in mail_recipients(portal), "the shopkeeper gets a confirmation"

    # 2. Town staff assign the best-matching volunteer.
    log_in(page, portal, "mairie-bethune")
    page.goto(portal.url("/admin/programme/helprequest/?q=Navigateur"))
    assign_link = page.locator("a[href*='/assigner/']").first
    page.goto(portal.url(assign_link.get_attribute("href")))
    page.get_by_role("button", name="Assigner à Lucie").click()
    expect(page.locator(".messages")).to_contain_text("Lucie donne désormais ce coup de pouce")
    assert "lucie.morel@bethune.localhost" in mail_recipients(portal)

    # 3. The volunteer logs in, sees the request and records a session.
    log_in(page, portal, "volontaire-bethune")
    page.goto(portal.url("/admin/programme/helprequest/"))
    expect(page.locator("body")).to_contain_text(SHOP)
    record = page.locator("a[href*='/admin/programme/coachingsession/create/?demande=']").first
    page.goto(portal.url(record.get_attribute("href")))
    today = datetime.date.today().isoformat()
    page.fill("#id_date", today)
    page.keyboard.press("Escape")
    page.fill("#id_duration_minutes", "110")
    page.fill("#id_outcome", "Trois photos de vitrine prises et publiées.")
    page.locator("button.action-save").click()
    page.wait_for_url("**/admin/programme/coachingsession/")
    page.goto(portal.url("/admin/programme/coachingsession/"))
    expect(page.locator("body")).to_contain_text(SHOP)

    # and nothing else: no volunteer list, no dashboard
    page.goto(portal.url("/admin/programme/volunteer/"))
    expect(page.locator("body")).not_to_contain_text("Mathis")
    page.goto(portal.url("/admin/coup-de-pouce/tableau-de-bord/"))
    expect(page.locator("body")).not_to_contain_text("Commerces aidés")
