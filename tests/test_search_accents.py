"""A French visitor types without accents, in capitals, or only the start of a word: site search
and product search find the same pages and products on SQLite and on PostgreSQL."""

import pytest

from tests.factories import ShopCategoryFactory, StandardPageFactory, make_shop
from tests.test_search_ranking import directory, product_search, site_search  # noqa: F401


@pytest.fixture
def shops(directory):  # noqa: F811
    category = ShopCategoryFactory()
    make_shop(directory, "Épicerie du Beffroi", category=category, products=["Crème fraîche fermière"])
    make_shop(directory, "Quincaillerie Carpentier", category=category, products=["Piles AA"])
    return directory


@pytest.mark.parametrize("query", ["epicerie", "EPICERIE", "Épicerie", "ÉPICERIE"])
def test_site_search_finds_a_shop_whatever_accents_and_capitals(client, shops, query):
    assert site_search(client, query) == ["Épicerie du Beffroi"]


def test_site_search_finds_a_page_typed_without_accents(client, towns, shops):
    StandardPageFactory(parent=towns["bethune"], title="Fête de la rentrée des commerçants", slug="fete")
    assert site_search(client, "fete commercants") == ["Fête de la rentrée des commerçants"]


@pytest.mark.parametrize("query", ["creme fraiche", "CRÈME", "crem", "fraich"])
def test_product_search_finds_a_product_whatever_accents_capitals_or_word_start(client, shops, query):
    assert product_search(client, shops, query) == ["Crème fraîche fermière"]
