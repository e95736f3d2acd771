"""A visitor asks a demo shop to set a product aside, corrects a mistake, and gets a confirmation."""

import datetime
import re
from email.header import decode_header, make_header

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

SHOP_PATH = "/commerces/boulangerie-du-beffroi/"
SHOP_EMAIL = "boulangerie-du-beffroi@commerces.bethune.localhost"


def subject(message):
    return str(make_header(decode_header(message["Subject"])))


def test_a_visitor_sets_a_product_aside_after_correcting_a_mistake(portal, page):
    page.goto(portal.url(SHOP_PATH))
    page.get_by_role("link", name="Faire mettre de côté").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Faire mettre de côté chez Boulangerie")
    )
    assert_no_axe_violations(page)

    # A day the shop hands over orders, after today: the form lists them.
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    days = [
        value
        for value in page.locator(".pickup-days li").evaluate_all("items => items.map(i => i.dataset.date)")
        if value >= tomorrow
    ]
    assert days, "the demo bakery should offer pick-up slots in the next two weeks"
    product = page.locator(".product-choice input").first
    product.fill("2")
    page.get_by_label("Jour de retrait").fill(days[0])
    page.get_by_label("Heure de retrait").fill("08:00")  # before the pick-up slot
    page.get_by_label("Votre nom").fill("Jeanne Navigatrice")
    page.get_by_label("E-mail").fill("jeanne.navigatrice@exemple.localhost")
    page.get_by_label("J’accepte que le commerce et la ville").check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Votre demande n’a pas été envoyée")
    expect(alert).to_contain_text("les commandes peuvent être retirées à ces heures")
    expect(page.get_by_label("Votre nom")).to_have_value("Jeanne Navigatrice")
    expect(page.locator(".product-choice input").first).to_have_value("2")
    expect(page.get_by_label("Jour de retrait")).to_have_value(days[0])
    assert_no_axe_violations(page)

    page.get_by_label("Heure de retrait").fill("17:00")
    page.get_by_label("J’accepte que le commerce et la ville").check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Demande envoyée")
    expect(page.locator("main")).to_contain_text("Boulangerie du Beffroi a bien reçu votre demande")
    assert_no_axe_violations(page)

    to_shop = [message for message in portal.sent_emails() if SHOP_EMAIL in message["To"]]
    assert to_shop, [message["To"] for message in portal.sent_emails()]
    assert "Nouvelle demande de click & collect" in subject(to_shop[-1])
    receipts = [m for m in portal.sent_emails() if "jeanne.navigatrice@exemple.localhost" in m["To"]]
    assert len(receipts) == 1
