"""The directory and a shop page cost a bounded number of queries, whatever the number of shops."""

import pytest

from tests.conftest import BETHUNE_HOST
from tests.factories import ImageFactory, ShopCategoryFactory, ShopIndexPageFactory, make_shop
from tests.factories.shops import EVERY_DAY_ALL_DAY


def build(directory, shops, products, category, image):
    for number in range(shops):
        make_shop(
            directory,
            f"Commerce {number:02d}",
            category=category,
            hours=EVERY_DAY_ALL_DAY,
            products=[{"name": f"Produit {p}", "image": image} for p in range(products)],
            photos=[image],
            tags=["vrac"],
        )


def count_queries(client, url, django_assert_max_num_queries, params=None, budget=30):
    client.get(url, params or {}, HTTP_HOST=BETHUNE_HOST)  # renditions created once
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url, params or {}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "params", [{}, {"categorie": "alimentation", "ouvert": "on", "q": "produit", "service": "card_payment"}]
)
def test_directory_queries_do_not_grow_with_shops_or_products(
    client, towns, params, django_assert_max_num_queries
):
    category = ShopCategoryFactory(name="Alimentation", slug="alimentation")
    image = ImageFactory()
    small = ShopIndexPageFactory(parent=towns["bethune"], slug="petit", title="Petit")
    build(small, 3, 2, category, image)
    large = ShopIndexPageFactory(parent=towns["bethune"], slug="grand", title="Grand")
    build(large, 30, 20, category, image)
    small_count = count_queries(client, small.url, django_assert_max_num_queries, params)
    large_count = count_queries(client, large.url, django_assert_max_num_queries, params)
    assert large_count == small_count
    map_count = count_queries(client, large.url, django_assert_max_num_queries, {**params, "vue": "carte"})
    assert map_count == small_count


def test_shop_page_queries_do_not_grow_with_products(client, towns, django_assert_max_num_queries):
    category = ShopCategoryFactory()
    image = ImageFactory()
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    few = make_shop(
        directory, "Peu", category=category, products=[{"name": "Un", "image": image}], photos=[image]
    )
    many = make_shop(
        directory,
        "Beaucoup",
        category=category,
        products=[{"name": f"Produit {p}", "image": image} for p in range(60)],
        photos=[image, image, image],
    )
    assert count_queries(client, many.url, django_assert_max_num_queries) == count_queries(
        client, few.url, django_assert_max_num_queries
    )
