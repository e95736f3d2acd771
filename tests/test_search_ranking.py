"""Site search and product search rank results the same way on SQLite and PostgreSQL, without the
backend's relevance score (a subquery per matching row on SQLite: seconds at the scale of a territory)."""

import re

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import BETHUNE_HOST
from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, StandardPageFactory, make_shop


@pytest.fixture
def directory(towns):
    return ShopIndexPageFactory(parent=towns["bethune"])


def site_search(client, query):
    response = client.get("/recherche/", {"q": query}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    return [page.title for page in response.context["results"]()]


def product_search(client, directory, query):
    response = client.get(f"{directory.url}produits/", {"q": query}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    return re.findall(r'<a href="[^"]+#produit-\d+">([^<]+)</a>', response.content.decode())


def test_site_search_lists_pages_titled_with_the_word_first_then_a_to_z(client, towns, directory):
    category = ShopCategoryFactory()
    make_shop(directory, "Zinc et fromages", category=category, products=["Maroilles fermier"])
    make_shop(directory, "Aux délices", category=category, products=["Maroilles affiné"])
    StandardPageFactory(parent=towns["bethune"], title="Le maroilles, fierté du Nord", slug="maroilles")
    make_shop(directory, "Fromagerie Maroilles & Cie", category=category)
    make_shop(directory, "Quincaillerie", category=category, products=["Piles AA"])

    assert site_search(client, "maroilles") == [
        "Fromagerie Maroilles & Cie",
        "Le maroilles, fierté du Nord",
        "Aux délices",
        "Zinc et fromages",
    ]


def test_site_search_needs_every_word(client, towns, directory):
    category = ShopCategoryFactory()
    make_shop(directory, "Fromagerie du beffroi", category=category, products=["Maroilles fermier"])
    make_shop(directory, "Crèmerie", category=category, products=["Maroilles affiné"])

    assert site_search(client, "maroilles beffroi") == ["Fromagerie du beffroi"]


@pytest.fixture
def shops(directory):
    category = ShopCategoryFactory()
    make_shop(
        directory,
        "Quincaillerie",
        category=category,
        products=[
            "Piles AAA",
            {"name": "Lampe torche", "description": "Livrée avec ses piles."},
            "Piles AA (lot de 8)",
        ],
    )
    make_shop(directory, "Épicerie", category=category, products=["Piles bouton", "Allumettes"])
    make_shop(
        directory,
        "Bazar",
        category=category,
        products=[{"name": "Réveil", "description": "Fonctionne sur secteur ou sur batterie."}],
    )
    return directory


def test_product_search_lists_products_named_with_the_word_a_to_z(client, shops):
    assert product_search(client, shops, "piles") == ["Piles AA (lot de 8)", "Piles AAA", "Piles bouton"]
    assert product_search(client, shops, "pile") == ["Piles AA (lot de 8)", "Piles AAA", "Piles bouton"]


def test_product_search_reads_descriptions_when_no_product_is_named_so(client, shops):
    assert product_search(client, shops, "batterie") == ["Réveil"]


def test_product_search_pages_keep_their_order(client, directory):
    make_shop(
        directory,
        "Droguerie",
        category=ShopCategoryFactory(),
        products=[f"Savon n°{number:02d}" for number in range(25, 0, -1)],
    )
    first = product_search(client, directory, "savon")
    response = client.get(f"{directory.url}produits/", {"q": "savon", "page": 2}, HTTP_HOST=BETHUNE_HOST)
    second = re.findall(r'<a href="[^"]+#produit-\d+">([^<]+)</a>', response.content.decode())
    assert first + second == [f"Savon n°{number:02d}" for number in range(1, 26)]


@pytest.mark.django_db
def test_analyze_database_gives_the_query_planner_statistics_of_the_search_index(shops):
    call_command("analyze_database")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'wagtailsearch_indexentry'")
            assert cursor.fetchone()[0] > 0
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'wagtailsearch_indexentry'"
            )
            assert cursor.fetchone()[0]
