"""The shop directory: filters that combine, result count, pagination, sort, town separation."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop
from tests.factories.shops import EVERY_DAY_ALL_DAY


@pytest.fixture
def food(db):
    return ShopCategoryFactory(name="Alimentation", slug="alimentation", schema_type="GroceryStore")


@pytest.fixture
def fashion(db):
    return ShopCategoryFactory(name="Mode", slug="mode", schema_type="ClothingStore")


@pytest.fixture
def directory(towns, food, fashion):
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    make_shop(directory, "Épicerie de nuit", category=food, hours=EVERY_DAY_ALL_DAY, products=["Piles AA"])
    make_shop(directory, "Boulangerie Caron", category=food, hours=[], click_collect=True, tags=["bio"])
    make_shop(directory, "Atelier Mode", category=fashion, hours=EVERY_DAY_ALL_DAY, delivery=True)
    make_shop(directory, "Brouillon", category=food, hours=EVERY_DAY_ALL_DAY, publish=False)
    return directory


def listed(response):
    return re.findall(r'class="shop-card__title"><a href="[^"]*">([^<]+)</a>', response.content.decode())


def get(client, directory, **params):
    return client.get(directory.url, params, HTTP_HOST=BETHUNE_HOST)


def test_all_live_shops_are_listed_by_name_with_the_count(client, directory):
    response = get(client, directory)
    assert listed(response) == ["Atelier Mode", "Boulangerie Caron", "Épicerie de nuit"]
    assert "3 commerces trouvés" in response.content.decode()


def test_category_filter(client, directory):
    response = get(client, directory, categorie="alimentation")
    assert listed(response) == ["Boulangerie Caron", "Épicerie de nuit"]
    assert "2 commerces trouvés" in response.content.decode()


def test_service_filter(client, directory):
    assert listed(get(client, directory, service="click_collect")) == ["Boulangerie Caron"]
    assert listed(get(client, directory, service="delivery")) == ["Atelier Mode"]


def test_open_now_filter_combined_with_category(client, directory):
    response = get(client, directory, categorie="alimentation", ouvert="on")
    assert listed(response) == ["Épicerie de nuit"]
    assert "1 commerce trouvé" in response.content.decode()
    assert "Ouvert 24 h/24" in response.content.decode()


def test_open_now_counts_a_special_opening_that_ends_after_midnight(client, directory, food):
    # Yesterday evening until a quarter of an hour from now, then again tonight: open right now.
    now = timezone.localtime()
    late = {
        "label": "fête de la musique",
        "start_date": now.date() - datetime.timedelta(days=1),
        "end_date": now.date(),
        "kind": "open",
        "opens": (now + datetime.timedelta(minutes=30)).time().replace(second=0, microsecond=0),
        "closes": (now + datetime.timedelta(minutes=15)).time().replace(second=0, microsecond=0),
        "overnight": True,
    }
    make_shop(directory, "Café des Sports", category=food, hours=[], exceptions=[late])

    assert listed(get(client, directory, categorie="alimentation", ouvert="on")) == [
        "Café des Sports",
        "Épicerie de nuit",
    ]


def test_free_text_searches_names_tags_and_products(client, directory):
    assert listed(get(client, directory, q="piles")) == ["Épicerie de nuit"]
    assert listed(get(client, directory, q="bio")) == ["Boulangerie Caron"]
    assert listed(get(client, directory, q="atelier")) == ["Atelier Mode"]
    assert listed(get(client, directory, q="piles mode")) == []


def test_free_text_combined_with_category_and_service(client, directory):
    assert listed(get(client, directory, q="e", categorie="alimentation", service="click_collect")) == [
        "Boulangerie Caron"
    ]


def test_no_result_says_so(client, directory):
    response = get(client, directory, q="parapluie")
    assert "0 commerce trouvé" in response.content.decode()
    assert "Aucun commerce ne correspond à ces filtres" in response.content.decode()


def test_filter_state_is_kept_in_the_form(client, directory):
    html = get(client, directory, q="piles", categorie="alimentation", ouvert="on").content.decode()
    assert 'value="piles"' in html
    assert re.search(r'<option value="alimentation" selected>', html)
    assert re.search(r'name="ouvert"[^>]*checked', html)


def test_sort_by_last_update(client, directory):
    boulangerie = directory.get_children().get(slug="boulangerie-caron").specific
    boulangerie.pitch = "Nouvelle accroche."
    boulangerie.save_revision().publish()
    assert listed(get(client, directory, tri="mise-a-jour"))[0] == "Boulangerie Caron"


def test_pagination_keeps_the_filters(client, towns, food):
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    for number in range(14):
        make_shop(directory, f"Commerce {number:02d}", category=food)
    first = get(client, directory, categorie="alimentation")
    assert len(listed(first)) == 12
    html = first.content.decode()
    assert "14 commerces trouvés" in html
    assert "categorie=alimentation&amp;page=2" in html
    second = get(client, directory, categorie="alimentation", page=2)
    assert listed(second) == ["Commerce 12", "Commerce 13"]


def test_a_town_lists_only_its_own_shops(client, towns, directory, food):
    other = ShopIndexPageFactory(parent=towns["beauvais"])
    make_shop(other, "Fromagerie de Beauvais", category=food, town="Beauvais", postcode="60000")
    assert listed(client.get(other.url, HTTP_HOST=BEAUVAIS_HOST)) == ["Fromagerie de Beauvais"]
    assert "Fromagerie de Beauvais" not in listed(get(client, directory))


def test_map_view_embeds_the_filtered_shops_as_data(client, directory, settings):
    settings.SHOPS_MAP_TILE_URL = "https://tuiles.exemple.fr/{z}/{x}/{y}.png"
    html = get(client, directory, categorie="mode", vue="carte").content.decode()
    assert 'data-tile-url="https://tuiles.exemple.fr/{z}/{x}/{y}.png"' in html
    markers = re.search(r'<script id="shop-map-markers" type="application/json">(.*?)</script>', html).group(
        1
    )
    assert "Atelier Mode" in markers
    assert "Épicerie" not in markers
    assert "vendor/leaflet/leaflet.js" in html
    assert listed(get(client, directory, categorie="mode", vue="carte")) == ["Atelier Mode"]


def test_shops_behind_a_view_restriction_are_not_listed(client, directory):
    private = directory.get_children().get(title="Atelier Mode")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert listed(get(client, directory)) == ["Boulangerie Caron", "Épicerie de nuit"]
    assert listed(get(client, directory, vue="carte")) == ["Boulangerie Caron", "Épicerie de nuit"]
    assert "Atelier Mode" not in get(client, directory, vue="carte").content.decode()
