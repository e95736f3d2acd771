"""Pages cost a bounded number of SQL queries, whatever the number of shops, products or guides.

A town is seeded small with `seed_scale`, every page measured, then the same town grown to many
shops, products and guides and measured again: each page stays within its budget and costs
exactly as many queries as before. The full-page cache is off: these are the renders it saves.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from learning.models import GuidePage
from shops.models import ShopPage
from tests.conftest import BETHUNE_HOST
from tests.factories import StandardPageFactory

HOST = "douai.localhost"
BUDGETS = {"home": 12, "directory": 15, "shop": 12, "guide": 12}
# Six shops: the sixth, a night grocery, is open at any hour, so "open now" always finds one.
SMALL = {"shops": 6, "products": 12, "guides": 4}
LARGE = {"shops": 90, "products": 5000, "guides": 45}
DIRECTORY_VIEWS = [
    {},
    {"page": "2"},
    {"categorie": "alimentation", "ouvert": "on", "service": "card_payment"},
    {"q": "pain", "categorie": "alimentation"},
    {"service": "click_collect", "tri": "mise-a-jour"},
    {"vue": "carte"},
]


def seed(sizes):
    call_command(
        "seed_scale",
        towns=1,
        volunteers=2,
        help_requests=2,
        sessions=1,
        images=3,
        stdout=StringIO(),
        **sizes,
    )


def count_queries(assert_max_queries, client, kind, url, params=None):
    client.get(url, params or {}, HTTP_HOST=HOST)  # renditions made, caches a visitor shares filled
    with assert_max_queries(BUDGETS[kind]) as captured:
        response = client.get(url, params or {}, HTTP_HOST=HOST)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def measure(assert_max_queries, client, shops, guides):
    """The most queries each kind of page costs, over several pages of that kind; each within budget."""

    def most(kind, urls):
        return max(count_queries(assert_max_queries, client, kind, url, params) for url, params in urls)

    return {
        "home": most("home", [("/", None)]),
        "directory": most("directory", [("/commerces/", params) for params in DIRECTORY_VIEWS]),
        "shop": most("shop", [(shop.relative_url(shop.get_site()), None) for shop in shops]),
        "guide": most("guide", [(guide.relative_url(guide.get_site()), None) for guide in guides]),
    }


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def test_page_queries_stay_within_budget_and_do_not_grow_with_the_territory(
    client, db, no_page_cache, django_assert_max_num_queries
):
    seed(SMALL)
    shops = list(ShopPage.objects.order_by("path"))
    guides = list(GuidePage.objects.order_by("path"))  # the first has before/after images
    assert any(shop.click_collect for shop in shops) and not all(shop.click_collect for shop in shops)
    small = measure(django_assert_max_num_queries, client, shops, guides)

    seed(LARGE)
    assert ShopPage.objects.count() == LARGE["shops"]
    # The shops and guides added last: the most products, guides with neighbours and related guides.
    shops = list(ShopPage.objects.order_by("-path")[:4])
    assert min(shop.products.count() for shop in shops) > 50
    guides = list(GuidePage.objects.order_by("-path")[:3])
    guides += GuidePage.objects.filter(slug__startswith="photographier-ses-produits-")  # with before/after
    large = measure(django_assert_max_num_queries, client, shops, guides)

    assert large == small


def add_pages(town, count):
    for number in range(count):
        StandardPageFactory(parent=town, title=f"Rubrique {number}", show_in_menus=True)


@pytest.mark.parametrize("pages_in_town", [3, 40])
def test_standard_page_query_count_is_bounded(
    client, towns, no_page_cache, django_assert_max_num_queries, pages_in_town
):
    add_pages(towns["bethune"], pages_in_town)
    StandardPageFactory(parent=towns["bethune"], title="Stationnement", slug="stationnement")
    client.get("/stationnement/", HTTP_HOST=BETHUNE_HOST)

    with django_assert_max_num_queries(12):
        response = client.get("/stationnement/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
