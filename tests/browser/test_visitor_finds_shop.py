"""A visitor looks for a grocery open now, opens its page, reads the hours and products; the map works."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations


def block_outside_requests(tab, portal):
    """Tests never load map tiles or anything else from the internet."""
    local = f"localhost:{portal.port}"
    tab.route(
        re.compile(r"^https?://"),
        lambda route: route.continue_() if local in route.request.url else route.abort(),
    )


def test_visitor_filters_groceries_open_now_and_opens_a_shop(portal, page):
    block_outside_requests(page, portal)
    page.goto(portal.url("/commerces/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Commerces")
    assert_no_axe_violations(page)

    page.get_by_label("Catégorie").select_option(label="Alimentation")
    page.get_by_label("Ouvert maintenant").check()
    page.get_by_role("button", name="Afficher les commerces").click()

    expect(page).to_have_url(re.compile(r"categorie=alimentation.*ouvert=on"))
    expect(page.get_by_label("Ouvert maintenant")).to_be_checked()
    count = int(re.match(r"(\d+)", page.locator(".result-count").inner_text()).group(1))
    cards = page.locator(".shop-card")
    assert count >= 1
    assert cards.count() == min(count, 12)
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".open-status")).to_contain_text("Ouvert")
        expect(cards.nth(index).locator(".shop-card__category")).to_have_text("Alimentation")

    page.get_by_role("link", name="L'Épicerie de nuit du Beffroi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("L'Épicerie de nuit du Beffroi")
    expect(page.locator(".open-status")).to_have_text("Ouvert 24 h/24")
    hours = page.get_by_role("table", name="Horaires de la semaine")
    expect(hours.locator("tbody tr")).to_have_count(7)
    expect(hours.locator("tr[aria-current='date']")).to_contain_text("0h–23h59")
    expect(page.get_by_role("heading", name="Piles AAA (lot de 4)")).to_be_visible()
    expect(page.locator(".product__price").first).to_contain_text("€")
    assert_no_axe_violations(page)


def test_map_view_shows_the_filtered_shops_without_tiles(portal, page):
    block_outside_requests(page, portal)
    page.goto(portal.url("/commerces/?categorie=mode"))
    page.get_by_role("link", name="Voir ces commerces sur une carte").click()
    expect(page.locator(".shop-map .leaflet-marker-icon").first).to_be_visible()
    markers = page.locator(".shop-map .leaflet-marker-icon").count()
    count = int(re.match(r"(\d+)", page.locator(".result-count").inner_text()).group(1))
    assert markers == count
    expect(page.locator(".shop-card").first).to_be_visible()  # the list stays
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path", ["/commerces/", "/commerces/boulangerie-du-beffroi/", "/commerces/produits/?q=piles"]
)
def test_directory_shop_and_product_search_are_accessible_on_a_phone(portal, phone, path):
    block_outside_requests(phone, portal)
    phone.goto(portal.url(path))
    assert_no_axe_violations(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375


def test_beauvais_has_its_own_directory(portal, page):
    block_outside_requests(page, portal)
    page.goto(portal.url("/commerces/?q=piles", "beauvais"))
    expect(page.locator(".shop-card").first).to_be_visible()
    expect(page.get_by_text("Béthune")).to_have_count(0)


def test_visitor_searches_in_the_plural_and_finds_the_shop(portal, page):
    block_outside_requests(page, portal)
    page.goto(portal.url("/"))

    page.get_by_role("searchbox", name="Rechercher sur le site").fill("boulangeries")
    page.get_by_role("searchbox", name="Rechercher sur le site").press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=boulangeries"))
    expect(page.get_by_role("link", name="Boulangerie du Beffroi")).to_be_visible()
    assert_no_axe_violations(page)
