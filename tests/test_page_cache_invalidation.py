"""A change clears every cached page that shows it, in its town only when it belongs to one town.

Each test runs twice: against the full-page cache, then against the town cache behind it
(pages rendered with the town's site, settings, routes and fragments kept): both keep what a
change must clear, under the same versions.
"""

import datetime
import re

import pytest
from django.test import Client

from home.models import StandardPage
from shops import freshness
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    ShopCategoryFactory,
    ShopIndexPageFactory,
    VolunteerFactory,
    make_shop,
    programme_pages,
)
from towns.models import TownIdentity

SHOP_URL = "/commerces/boulangerie-martin/"
# Every kind of page that shows a shop: its own page, the directory, product search,
# site search and the open-data files.
SHOP_VIEWS = [
    SHOP_URL,
    "/commerces/",
    "/commerces/produits/?q=baguette",
    "/recherche/?q=boulangerie",
    "/commerces.csv",
    "/commerces.json",
]


@pytest.fixture(autouse=True, params=["page_cache_on", "town_cache_on"])
def cache_in_use(request):
    request.getfixturevalue(request.param)


@pytest.fixture
def shops(towns, committed):
    with committed():
        category = ShopCategoryFactory(name="Boulangerie-pâtisserie", slug="boulangerie")
        bethune = ShopIndexPageFactory(parent=towns["bethune"])
        beauvais = ShopIndexPageFactory(parent=towns["beauvais"])
        shop = make_shop(
            bethune, "Boulangerie Martin", slug="boulangerie-martin", category=category, products=["Baguette"]
        )
        make_shop(beauvais, "Fromagerie Leclercq", category=category, town="Beauvais")
    return {"shop": shop, "category": category, "bethune": bethune, "beauvais": beauvais}


def page(url, host=BETHUNE_HOST):
    """What an anonymous visitor gets, and whether it came from the cache."""
    response = Client().get(url, HTTP_HOST=host)
    hit = "hit" in (response.get("X-Page-Cache"), response.get("X-Town-Cache"))
    return response.status_code, response.content.decode(), hit


def cached(url, host=BETHUNE_HOST):
    """Visit the page until it is served from the cache: the second visit, or the third when the
    minute the directory's opening statuses are kept for turned in between."""
    page(url, host)
    status, text, hit = page(url, host)
    if not hit:
        status, text, hit = page(url, host)
    assert hit, url
    return text


@pytest.mark.parametrize("url", SHOP_VIEWS)
def test_publishing_a_change_to_a_shop_shows_everywhere_at_once(shops, committed, url):
    assert "Boulangerie Martin" in cached(url)
    shop = shops["shop"]
    with committed():
        shop.title = "Boulangerie Martin et Fils"
        shop.save_revision().publish()
    status, text, hit = page(url)
    assert not hit and "Boulangerie Martin et Fils" in text


@pytest.mark.parametrize("url", SHOP_VIEWS)
def test_unpublishing_a_shop_removes_it_everywhere(shops, committed, url):
    assert "Boulangerie Martin" in cached(url)
    with committed():
        shops["shop"].unpublish()
    status, text, hit = page(url)
    assert "Boulangerie Martin" not in text or status == 404


@pytest.mark.parametrize("url", SHOP_VIEWS)
def test_deleting_a_shop_removes_it_everywhere(shops, committed, url):
    assert "Boulangerie Martin" in cached(url)
    with committed():
        shops["shop"].delete()
    status, text, hit = page(url)
    assert "Boulangerie Martin" not in text or status == 404


def test_moving_a_shop_to_another_town_changes_both_towns(shops, committed):
    assert "Boulangerie Martin" in cached("/commerces/")
    assert "Boulangerie Martin" not in cached("/commerces/", BEAUVAIS_HOST)
    with committed():
        shops["shop"].move(shops["beauvais"], pos="last-child")
    assert "Boulangerie Martin" not in page("/commerces/")[1]
    assert page(SHOP_URL)[0] == 404
    assert "Boulangerie Martin" in page("/commerces/", BEAUVAIS_HOST)[1]
    assert page(SHOP_URL, BEAUVAIS_HOST)[0] == 200


def test_a_change_in_one_town_leaves_the_other_towns_pages_cached(shops, committed):
    cached("/commerces/", BEAUVAIS_HOST)
    cached("/", BEAUVAIS_HOST)
    with committed():
        shops["shop"].title = "Boulangerie Martin et Fils"
        shops["shop"].save_revision().publish()
    assert page("/commerces/", BEAUVAIS_HOST)[2]
    assert page("/", BEAUVAIS_HOST)[2]


def test_a_draft_changes_no_public_page(shops, committed):
    cached(SHOP_URL)
    with committed():
        shops["shop"].title = "Brouillon non publié"
        shops["shop"].save_revision()
    status, text, hit = page(SHOP_URL)
    assert hit and "Brouillon non publié" not in text


def test_an_owner_confirming_their_page_updates_its_date(shops, committed):
    assert "Mis à jour le" in cached(SHOP_URL)
    with committed():
        freshness.confirm(shops["shop"], now=datetime.datetime(2031, 5, 4, 10, tzinfo=datetime.UTC))
    assert "Mis à jour le 4 mai 2031" in page(SHOP_URL)[1]


def test_renaming_a_category_snippet_changes_the_pages_of_every_town(shops, committed):
    assert "Boulangerie-pâtisserie" in cached(SHOP_URL)
    assert "Boulangerie-pâtisserie" in cached("/commerces/", BEAUVAIS_HOST)
    with committed():
        shops["category"].name = "Boulangerie"
        shops["category"].save()
    for host, url in ((BETHUNE_HOST, SHOP_URL), (BEAUVAIS_HOST, "/commerces/")):
        status, text, hit = page(url, host)
        assert not hit and "Boulangerie-pâtisserie" not in text


def test_changing_a_towns_setting_changes_its_pages_only(towns, committed):
    assert "Les commerces de Béthune" in cached("/")
    cached("/", BEAUVAIS_HOST)
    with committed():
        identity = TownIdentity.objects.get(site__hostname=BETHUNE_HOST)
        identity.tagline = "Le centre-ville à portée de main"
        identity.save()
    assert "Le centre-ville à portée de main" in page("/")[1]
    assert page("/", BEAUVAIS_HOST)[2]


def test_publishing_a_page_in_the_menu_changes_the_home_page(towns, committed):
    cached("/")
    with committed():
        about = StandardPage(title="Qui sommes-nous ?", slug="a-propos", show_in_menus=True)
        towns["bethune"].add_child(instance=about)
        about.save_revision().publish()
    assert "Qui sommes-nous ?" in page("/")[1]


def test_the_public_volunteer_list_and_figures_follow_the_programme(towns, committed):
    with committed():
        pages = programme_pages(towns["bethune"])
    list_url, figures_url = pages["list"].url, pages["figures"].url
    assert "Bernadette" not in cached(list_url)
    before = re.findall(r"<dd>(\d+)</dd>", cached(figures_url))

    with committed():
        volunteer = VolunteerFactory(first_name="Bernadette", consent_public_listing=True)
        CoachingSessionFactory(request=HelpRequestFactory(helper=volunteer), helper=volunteer)
    assert "Bernadette" in page(list_url)[1]
    after = re.findall(r"<dd>(\d+)</dd>", page(figures_url)[1])
    assert after != before
