"""“Où trouver des piles ?”: product search over the live shops of the current town only."""

import re
from decimal import Decimal

import pytest

from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop


@pytest.fixture
def directories(towns):
    category = ShopCategoryFactory()
    bethune = ShopIndexPageFactory(parent=towns["bethune"])
    beauvais = ShopIndexPageFactory(parent=towns["beauvais"])
    make_shop(
        bethune,
        "Quincaillerie Carpentier",
        category=category,
        products=[{"name": "Piles AA (lot de 8)", "price": Decimal("7.90")}, "Rallonge électrique"],
    )
    make_shop(bethune, "Épicerie de nuit", category=category, products=["Piles AAA"])
    make_shop(bethune, "Brouillon", category=category, products=["Piles bouton"], publish=False)
    make_shop(beauvais, "Quincaillerie Leclercq", category=category, products=["Piles rechargeables"])
    return bethune, beauvais


def results(response):
    return re.findall(
        r'<a href="([^"]+)">([^<]+)</a>\s*(?:— ([^<\n]+))?',
        response.content.decode().split('class="product-results"')[-1].split("</ul>")[0],
    )


def search(client, directory, host, query):
    return client.get(f"{directory.url}produits/", {"q": query}, HTTP_HOST=host)


def test_finds_products_of_the_towns_live_shops_with_a_link_to_the_shop(client, directories):
    bethune, _beauvais = directories
    response = search(client, bethune, BETHUNE_HOST, "piles")
    assert response.status_code == 200
    found = {name: link for link, name, _price in results(response)}
    assert set(found) == {"Piles AA (lot de 8)", "Piles AAA"}
    assert re.match(r"/commerces/quincaillerie-carpentier/#produit-\d+$", found["Piles AA (lot de 8)"])
    html = response.content.decode()
    assert "2 produits trouvés" in html
    assert "7,90\u00a0€" in html
    assert "chez Quincaillerie Carpentier" in html


def test_unpublished_shops_and_other_towns_are_left_out(client, directories):
    bethune, beauvais = directories
    names = {name for _link, name, _price in results(search(client, bethune, BETHUNE_HOST, "piles"))}
    assert "Piles bouton" not in names
    assert "Piles rechargeables" not in names
    beauvais_names = {
        name for _link, name, _price in results(search(client, beauvais, BEAUVAIS_HOST, "piles"))
    }
    assert beauvais_names == {"Piles rechargeables"}


def test_no_result_and_empty_query(client, directories):
    bethune, _beauvais = directories
    html = search(client, bethune, BETHUNE_HOST, "parapluie").content.decode()
    assert "0 produit trouvé" in html
    assert "Aucun commerce ne présente encore ce produit" in html
    empty = client.get(f"{bethune.url}produits/", HTTP_HOST=BETHUNE_HOST)
    assert empty.status_code == 200
    assert "produit trouvé" not in empty.content.decode()


def test_product_search_queries_are_bounded(client, directories, django_assert_max_num_queries):
    bethune, _beauvais = directories
    with django_assert_max_num_queries(20):
        search(client, bethune, BETHUNE_HOST, "piles")


def test_the_beginning_of_a_word_is_enough(client, directories):
    bethune, _beauvais = directories
    names = {name for _link, name, _price in results(search(client, bethune, BETHUNE_HOST, "rallong"))}
    assert names == {"Rallonge électrique"}
