"""Home and standard pages cost a bounded number of SQL queries, however big the town."""

import pytest

from tests.conftest import BETHUNE_HOST
from tests.factories import StandardPageFactory


def add_pages(town, count):
    for number in range(count):
        StandardPageFactory(parent=town, title=f"Rubrique {number}", show_in_menus=True)


@pytest.mark.parametrize("pages_in_town", [3, 40])
def test_home_page_query_count_is_bounded(client, towns, django_assert_max_num_queries, pages_in_town):
    add_pages(towns["bethune"], pages_in_town)
    client.get("/", HTTP_HOST=BETHUNE_HOST)  # first render fills the caches a visitor shares

    with django_assert_max_num_queries(12):
        response = client.get("/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200


@pytest.mark.parametrize("pages_in_town", [3, 40])
def test_standard_page_query_count_is_bounded(client, towns, django_assert_max_num_queries, pages_in_town):
    add_pages(towns["bethune"], pages_in_town)
    StandardPageFactory(parent=towns["bethune"], title="Stationnement", slug="stationnement")
    client.get("/stationnement/", HTTP_HOST=BETHUNE_HOST)

    with django_assert_max_num_queries(12):
        response = client.get("/stationnement/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
